/**
 * Times as the form's pickers show them (the person's own time zone) and as
 * the format stores them (ISO 8601).
 */

/**
 * How long a status note stays up.
 */
export type ClearAfter = '1h' | '4h' | '1d' | 'date' | 'keep';

const HOURS: { [choice in ClearAfter]?: number } = {
  '1h': 1,
  '4h': 4,
  '1d': 24
};

/**
 * When a note posted at `now` is cleared: `date` (a picker's value) for
 * "date", nothing for "keep".
 */
export function clearedAt(
  choice: ClearAfter,
  now: number,
  date = ''
): string | undefined {
  const hours = HOURS[choice];
  if (hours !== undefined) {
    return new Date(now + hours * 3_600_000).toISOString();
  }
  return choice === 'date' ? fromPicker(date) : undefined;
}

/**
 * A stored time as a `datetime-local` picker shows it, in this browser's
 * time zone; empty for none or for text that is not a time (the check names
 * it).
 */
export function toPicker(iso: string | undefined): string {
  const time = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(time)) {
    return '';
  }
  const local = new Date(time - new Date(time).getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/**
 * A picker's value (local time) as stored; undefined when empty.
 */
export function fromPicker(value: string): string | undefined {
  const time = value ? new Date(value).getTime() : NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
