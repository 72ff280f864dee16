/**
 * Links from operator text are allowed only with a known-safe scheme, or as a
 * path on this hub; everything else (javascript:, data:, protocol-relative
 * URLs...) is refused wherever it appears.
 */
const SAFE_SCHEMES = ['http:', 'https:', 'mailto:'];

export function isSafeLink(value: unknown): value is string {
  if (typeof value !== 'string' || value.trim() !== value || !value) {
    return false;
  }
  if (value.startsWith('/')) {
    // "//host/..." would leave the hub; "/\host" does in some browsers.
    return !value.startsWith('//') && !value.startsWith('/\\');
  }
  const colon = value.indexOf(':');
  if (colon < 0) {
    return false;
  }
  const scheme = value.slice(0, colon + 1).toLowerCase();
  if (!SAFE_SCHEMES.includes(scheme)) {
    return false;
  }
  if (scheme === 'mailto:') {
    return /^mailto:[^\s@]+@[^\s@]+/i.test(value);
  }
  try {
    const url = new URL(value);
    return !!url.host;
  } catch {
    return false;
  }
}

/**
 * Where a contact channel leads: its address as a mailto: link for email,
 * as it is otherwise (it is checked with isSafeLink where it is rendered).
 */
export function channelHref(channel: {
  kind: string;
  address: string;
}): string {
  return channel.kind === 'email'
    ? `mailto:${channel.address}`
    : channel.address;
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
  'date-time': isDateTime
};
