import { formatDateTime } from '../metadata/localize';

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
