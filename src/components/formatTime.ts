/**
 * A time in the UI language, with the date when it is not today.
 */
export function formatTime(time: Date, language: string): string {
  const today = time.toDateString() === new Date().toDateString();
  const options: Intl.DateTimeFormatOptions = today
    ? { timeStyle: 'short' }
    : { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(language, options).format(time);
  } catch {
    // A language tag Intl does not know.
    return new Intl.DateTimeFormat(undefined, options).format(time);
  }
}
