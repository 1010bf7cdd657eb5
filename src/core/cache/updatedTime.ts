// PocketBase writes `2006-01-02 15:04:05.000Z`; records built on the client may carry ISO.
const DATE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)Z$/;

/**
 * A record's `updated` (or any PocketBase date) in milliseconds, or `undefined` when it is not
 * a date PocketBase writes: the one reading of record versions for the staleness guard,
 * tombstones and the optimistic layer's choice of the freshest copy.
 *
 * Tested by tests/core/cache/reconcileRecord.test.ts (both formats, unreadable dates) and
 * tests/core/cache/tombstones.test.ts (undated records).
 * @internal
 */
export function updatedTime(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const match = DATE.exec(value);
  if (!match) return undefined;
  const time = Date.parse(`${match[1]}T${match[2]}Z`);
  return Number.isNaN(time) ? undefined : time;
}
