import { LocalizedString } from './types';

/**
 * Normalise a language code for comparison: "pt_BR" and "pt-br" are equal.
 */
function normalize(code: string): string {
  return code.replace(/_/g, '-').toLowerCase();
}

/**
 * Pick the text for a language: the exact language, then its base language
 * ("fr" for "fr-FR"), then English, then the first entry given.
 */
export function localize(
  value: LocalizedString | undefined,
  language: string
): string {
  if (value === undefined) {
    return '';
  }
  if (typeof value === 'string') {
    return value;
  }
  const entries = Object.entries(value);
  const wanted = normalize(language || 'en');
  const candidates = [wanted, wanted.split('-')[0], 'en'];
  for (const candidate of candidates) {
    const exact = entries.find(([code]) => normalize(code) === candidate);
    if (exact) {
      return exact[1];
    }
  }
  const english = entries.find(([code]) => normalize(code).startsWith('en-'));
  return (english ?? entries[0])?.[1] ?? '';
}
