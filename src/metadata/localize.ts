import { LocalizedKeywords, LocalizedString } from './types';

/**
 * Normalise a language code for comparison: "pt_BR" and "pt-br" are equal.
 */
function normalize(code: string): string {
  return code.replace(/_/g, '-').toLowerCase();
}

/**
 * The entry of a language map for a language: the exact language, then its
 * base language ("fr" for "fr-FR"), then English, then a regional English,
 * then the first entry given.
 */
function pick<T>(
  map: { [language: string]: T },
  language: string
): T | undefined {
  const entries = Object.entries(map);
  const wanted = normalize(language || 'en');
  const candidates = [wanted, wanted.split('-')[0], 'en'];
  for (const candidate of candidates) {
    const exact = entries.find(([code]) => normalize(code) === candidate);
    if (exact) {
      return exact[1];
    }
  }
  const english = entries.find(([code]) => normalize(code).startsWith('en-'));
  return (english ?? entries[0])?.[1];
}

/**
 * Pick the text for a language (see `pick`); plain text is every language's.
 */
export function localize(
  value: LocalizedString | undefined,
  language: string
): string {
  if (value === undefined) {
    return '';
  }
  return typeof value === 'string' ? value : (pick(value, language) ?? '');
}

/**
 * Pick the search words for a language, as `localize` picks text; a plain
 * list is every language's.
 */
export function localizeKeywords(
  value: LocalizedKeywords | undefined,
  language: string
): string[] {
  if (value === undefined) {
    return [];
  }
  return Array.isArray(value) ? value : (pick(value, language) ?? []);
}

/**
 * A date and time in a language, with Intl; a language tag Intl does not
 * know falls back to the browser's.
 */
export function formatDateTime(
  time: Date,
  language: string,
  options: Intl.DateTimeFormatOptions
): string {
  const key = `${language}\u0000${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(language.replace(/_/g, '-'), options);
    } catch {
      format = new Intl.DateTimeFormat(undefined, options);
    }
    dateTimeFormats.set(key, format);
  }
  return format.format(time);
}

/**
 * A time shown in the panel, in the UI language, with the date when it is
 * not today.
 */
export function formatTime(time: Date, language: string): string {
  const today = time.toDateString() === new Date().toDateString();
  return formatDateTime(
    time,
    language,
    today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }
  );
}

/**
 * Formatters by language and options: making one loads the language's data
 * (milliseconds each), and the panel formats times at every check.
 */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
