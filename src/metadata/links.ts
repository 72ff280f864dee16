import { wellFormed } from './text';

/**
 * The one link checker. Links from operator text are allowed only with a
 * known-safe scheme, or as a path on this hub; everything else (javascript:,
 * data:, protocol-relative URLs, paths that a browser would send to another
 * host...) is refused wherever it appears.
 */
const SAFE_SCHEMES = ['http:', 'https:', 'mailto:'];

/**
 * Stands in for the hub's origin when none is given: a path is on the hub
 * when, resolved against an origin, it keeps that origin.
 */
const PLACEHOLDER_ORIGIN = 'https://hub.invalid';

/**
 * Browsers strip tabs and newlines from URLs and trim spaces and controls:
 * "/\t/evil.example" becomes "//evil.example". Refuse them anywhere.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\s]/;

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The checked link: its absolute URL and whether following it leaves this
 * page (another origin, or an email program, which in place would make
 * JupyterLab ask to leave or be replaced by a webmail); null when the value
 * is not an allowed link.
 */
export function checkLink(
  value: unknown,
  origin: string = PLACEHOLDER_ORIGIN
): { href: string; external: boolean } | null {
  if (typeof value !== 'string' || !value || CONTROL_OR_SPACE.test(value)) {
    return null;
  }
  if (value.startsWith('/')) {
    const url = parse(value, origin);
    return url && url.origin === new URL(origin).origin
      ? { href: value, external: false }
      : null;
  }
  if (!SCHEME.test(value)) {
    return null;
  }
  const url = parse(value);
  if (!url || !SAFE_SCHEMES.includes(url.protocol)) {
    return null;
  }
  if (url.protocol === 'mailto:') {
    return /^mailto:[^@]+@[^@]+/i.test(value)
      ? { href: value, external: true }
      : null;
  }
  return url.host
    ? { href: value, external: url.origin !== parse(origin)?.origin }
    : null;
}

export function isSafeLink(value: unknown): value is string {
  return checkLink(value) !== null;
}

/**
 * Where a metadata document may be fetched from: an allowed link that is not
 * mailto:, or nothing (empty).
 */
export function isDocumentUrl(value: unknown): value is string {
  return value === '' || (isSafeLink(value) && !/^mailto:/i.test(value));
}

/**
 * A contact handle ("@ann:matrix.org", "#help") is text; anything shaped
 * like a link or a path must be an allowed link.
 */
export function isSafeHandle(value: unknown): value is string {
  if (typeof value !== 'string' || !value) {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) {
    return false;
  }
  const trimmed = value.trim();
  if (SCHEME.test(trimmed) || /^[/\\]/.test(trimmed)) {
    return isSafeLink(value);
  }
  return true;
}

function parse(value: string, base?: string): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

/**
 * Where a contact channel leads: its address as a mailto: link for email,
 * as it is otherwise (it is checked with checkLink where it is rendered).
 */
export function channelHref(channel: {
  kind: string;
  address: string;
}): string {
  return channel.kind === 'email'
    ? mailtoHref([channel.address])
    : channel.address;
}

/**
 * The one way a mailto: link is written: each address encoded (its @ kept
 * readable), then the query (`subject=...&body=...`), already encoded.
 */
export function mailtoHref(addresses: string[], query = ''): string {
  const to = addresses.map(encodeAddress).join(',');
  return query ? `mailto:${to}?${query}` : `mailto:${to}`;
}

/**
 * An address as it stands in a mailto: link.
 */
export function encodeAddress(address: string): string {
  return encodeURIComponent(wellFormed(address)).replace(/%40/g, '@');
}

/**
 * Whether a string is an ISO 8601 date and time that Date can read.
 */
export function isDateTime(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(
      value
    ) &&
    !Number.isNaN(Date.parse(value))
  );
}

/**
 * The custom formats named in schema/plugin.json, used by the compiled validator.
 */
export const formats = {
  'hub-link': isSafeLink,
  'contact-handle': isSafeHandle,
  'document-url': isDocumentUrl,
  'date-time': isDateTime
};
