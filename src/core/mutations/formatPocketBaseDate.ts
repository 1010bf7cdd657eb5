/**
 * Formats a date the way PocketBase stores and sends it: `2006-01-02 15:04:05.000Z` (UTC,
 * milliseconds, a space instead of ISO's `T`). Records written on the client must use this
 * form: dates are text in SQLite and sort as text, so an ISO `T` would sort after every
 * PocketBase date of the same day.
 *
 * @param date - Any valid date.
 * @returns The PocketBase date string.
 * @throws RangeError when `date` is invalid (as `Date.prototype.toISOString` does).
 * @example
 * ```ts
 * formatPocketBaseDate(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)));
 * // => "2024-01-02 03:04:05.006Z"
 * ```
 */
export function formatPocketBaseDate(date: Date): string {
  return date.toISOString().replace("T", " ");
}
