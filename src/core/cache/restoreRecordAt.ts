import { fromWindow } from "./fromWindow";
import { toWindow } from "./toWindow";

/**
 * Puts a record back into a cached list at the index it had, for the rollback of a failed
 * delete. The index is where the record stood in the list's window (clamped to its length),
 * so a list with no sort, or with ties, gets it back exactly where it was. A window that is
 * full pushes its last record out, as an insert does.
 *
 * @param kind - The list's kind, from `parseKey`.
 * @param data - The cached data (never mutated).
 * @param record - The record to restore.
 * @param index - Its index in the window before it was removed.
 * @returns New data, or `undefined` when the data is not a list or already holds the record.
 * @example
 * ```ts
 * restoreRecordAt("full", [a, c], b, 1); // => [a, b, c]
 * ```
 */
export function restoreRecordAt(
  kind: "full" | "page" | "infinite",
  data: unknown,
  record: Record<string, unknown>,
  index: number,
): unknown {
  const window = toWindow(kind, data);
  if (!window || window.items.some((row) => row.id === record.id)) return undefined;
  const at = Math.min(index, window.items.length);
  const items = [...window.items.slice(0, at), record, ...window.items.slice(at)];
  if (items.length > window.capacity) items.pop();
  return fromWindow(kind, data, { items, delta: 1, guessed: false });
}
