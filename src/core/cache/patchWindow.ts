import type { SortComparator } from "../filter/compileSort";
import { sameJson } from "./sameJson";

type Row = Record<string, unknown>;

/**
 * A contiguous slice of a list's server ordering, as one cache entry holds it: `items` start
 * at `offset`, reach the end if `atEnd`, and number at most `capacity`.
 * @internal
 */
export interface RecordWindow {
  readonly items: readonly Row[];
  readonly offset: number;
  readonly atEnd: boolean;
  readonly capacity: number;
}

/**
 * Place a record (insert, replace or move) or remove one. `from` is its index in the window or
 * -1; `created` means brand new on the server, so it has the highest rowid.
 * @internal
 */
export type WindowEdit =
  | { type: "place"; record: Row; from: number; created: boolean }
  | { type: "remove"; from: number };

/** The window after an edit; `delta` is the change in the list's total count. @internal */
export interface WindowPatch {
  items: readonly Row[];
  delta: -1 | 0 | 1;
  /** Right for the rows shown but not final (a place among equals, or a hole): refetch to confirm. */
  guessed: boolean;
}

/**
 * Applies one edit to a sorted window of a list, or returns `undefined` when the result depends
 * on records not in it: the client sees the server's ordering only in part. A removal needs no
 * `compare`.
 * @internal
 */
export function patchWindow(
  window: RecordWindow,
  edit: WindowEdit,
  compare: SortComparator | undefined,
): WindowPatch | undefined {
  const { items, offset, atEnd, capacity } = window;
  const rest = edit.from >= 0 ? [...items.slice(0, edit.from), ...items.slice(edit.from + 1)] : items;
  // The record is gone whatever comes after it; a window short of the end keeps a hole that
  // only the next page can fill.
  if (edit.type === "remove") return { items: rest, delta: -1, guessed: !atEnd };
  if (!compare) return undefined;

  const { record, from, created } = edit;
  const delta = from >= 0 ? 0 : 1;
  const previous = items[from];
  // Same sort values: it keeps its place, even among equals.
  if (previous && compare.fields.every((field) => sameJson(previous[field], record[field]))) {
    return { items: insertAt(rest, from, record, capacity), delta, guessed: false };
  }
  // An old record the window lacks may sit anywhere in a partial list; in a complete one only
  // its rowid (its place among equals) is unknown.
  if (from < 0 && !created && !(offset === 0 && atEnd)) return undefined;
  if (!compare.accepts(record) || !allAccepted(items, compare)) return undefined;

  const [lo, hi] = compare.fields.length === 0 ? tableOrder(rest, created) : equalRange(rest, record, compare);
  if (lo === undefined) return undefined;
  // Before the window, or on its first slot (which the row before it would decide): the
  // window shifts by an unknown record.
  if (offset > 0 && lo === 0) return undefined;
  if (hi === rest.length && !atEnd) {
    // After the window: a new record only counts; a record moving out leaves a hole.
    return from < 0 && lo === rest.length ? { items, delta, guessed: false } : undefined;
  }
  const placed = insertAt(rest, hi, record, capacity);
  markAccepted(placed, compare); // every row of it was accepted: the next event skips the scan
  // Among equals PocketBase guarantees no order (SQLite returns them by rowid, ascending or
  // descending depending on the index it walks): after them is a guess.
  return { items: placed, delta, guessed: lo < hi };
}

// Whether every row's sort values can be reproduced, cached per (immutable) items array and
// comparator: the scan is linear, and a hot path runs it once per list per event otherwise.
const accepted = new WeakMap<readonly Row[], Set<SortComparator>>();

function allAccepted(rows: readonly Row[], compare: SortComparator): boolean {
  if (accepted.get(rows)?.has(compare)) return true;
  if (!rows.every((row) => compare.accepts(row))) return false;
  markAccepted(rows, compare);
  return true;
}

function markAccepted(rows: readonly Row[], compare: SortComparator): void {
  let comparators = accepted.get(rows);
  if (!comparators) accepted.set(rows, (comparators = new Set()));
  comparators.add(compare);
}

// Without a sort PocketBase sends no ORDER BY and SQLite returns table (rowid) order: a new
// row has the highest rowid and goes last; an old row we have not seen has an unknown rowid.
function tableOrder(rest: readonly Row[], created: boolean): [number, number] | [undefined, undefined] {
  return created ? [rest.length, rest.length] : [undefined, undefined];
}

// [first index not before the record, first index after it]: lo < hi means equal sort values.
// Binary searches, as the window is in the comparator's order (the server's, reproduced).
function equalRange(rest: readonly Row[], record: Row, compare: SortComparator): [number, number] {
  let lo = 0;
  let top = rest.length;
  while (lo < top) {
    const mid = (lo + top) >>> 1;
    if (compare(rest[mid]!, record) < 0) lo = mid + 1;
    else top = mid;
  }
  let hi = lo;
  top = rest.length;
  while (hi < top) {
    const mid = (hi + top) >>> 1;
    if (compare(rest[mid]!, record) <= 0) hi = mid + 1;
    else top = mid;
  }
  return [lo, hi];
}

function insertAt(rest: readonly Row[], index: number, record: Row, capacity: number): Row[] {
  const out = [...rest.slice(0, index), record, ...rest.slice(index)];
  // The window is full: its last record now belongs to the next page.
  if (out.length > capacity) out.pop();
  return out;
}
