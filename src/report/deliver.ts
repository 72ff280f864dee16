import { isSafeLink } from '../metadata/links';

/**
 * Browsers and mail programs cut long mailto: links; past this length the
 * body is shortened and the reporter is told to paste the copied report.
 */
export const MAILTO_MAX_LENGTH = 1800;

/**
 * A mailto: URL with subject and body, the body trimmed when too long.
 */
export function mailtoUrl(
  recipients: string[],
  subject: string,
  body: string,
  trimmedNote: string,
  maxLength = MAILTO_MAX_LENGTH
): { url: string; trimmed: boolean } {
  const to = recipients
    .map(r => encodeURIComponent(r).replace(/%40/g, '@'))
    .join(',');
  const build = (text: string) =>
    `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}`;
  const full = build(body);
  if (full.length <= maxLength) {
    return { url: full, trimmed: false };
  }
  // Cut on whole characters until the encoded link fits, then add the note.
  const note = `\n\n${trimmedNote}`;
  let low = 0;
  let high = body.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (build(body.slice(0, mid) + note).length <= maxLength) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return { url: build(body.slice(0, low) + note), trimmed: true };
}

/**
 * Fill an operator's form URL template: each {placeholder} becomes its value,
 * URL-encoded; unknown placeholders become empty. Returns null when the
 * result is not an allowed link.
 */
export function fillTemplate(
  template: string,
  values: { [name: string]: string }
): string | null {
  const url = template.replace(/\{([a-z_]+)\}/g, (_, name: string) =>
    encodeURIComponent(values[name] ?? '')
  );
  return isSafeLink(url) ? url : null;
}
