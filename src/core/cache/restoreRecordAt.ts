import { fromWindow } from "./fromWindow";
import { toWindow } from "./toWindow";

/**
 * Puts a record back at the index it had in a cached list's window (clamped), for the rollback
 * of a failed delete: by index, not by sort, so an unsorted list or one with ties gets it back
 * exactly where it was. `undefined` when the data is not a list or already holds the record.
 * @internal
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
