import type { SortComparator } from "../filter/compileSort";
import { sameJson } from "./sameJson";

type Row = Record<string, unknown>;

/**
 * A contiguous slice of a list's full server ordering, as one cache entry holds it: a whole
 * `getFullList` result, one page, or the loaded pages of an infinite list.
 */
export interface RecordWindow {
  /** The cached records, in server order. */
  readonly items: readonly Row[];
  /** Position of `items[0]` in the full ordering (0 for full and infinite lists). */
  readonly offset: number;
  /** Whether `items` reaches the end of the full ordering. */
  readonly atEnd: boolean;
  /** How many records the window holds at most (`Infinity` for a full list). */
  readonly capacity: number;
}

/** One change to a window: place a record (insert, replace or move) or remove one. */
export type WindowEdit =
  | {
      type: "place";
      /** The record as it should appear (merged, projected). */
      record: Row;
      /** Its current index in the window, or -1. */
      from: number;
      /** Whether the record is brand new on the server (so it has the highest rowid). */
      created: boolean;
    }
  | { type: "remove"; from: number };

/** The window after an edit: `delta` is the change in the list's total count. */
export interface WindowPatch {
  items: readonly Row[];
  delta: -1 | 0 | 1;
  /**
   * The result is right for the records shown but not final: a guess among records with equal
   * sort values, or a hole left by a removal that only records after the window can fill.
   * Refetch to confirm.
   */
  guessed: boolean;
}

/**
 * Applies one record change to a sorted window of a list, or says it cannot be decided.
 *
 * Certain results only, because the window is a slice of an ordering the client sees only in
 * part:
 * - A removal is always applied (the record is gone, whatever comes after it), but when the
 *   window does not reach the end it leaves a hole that only a refetch can fill (`guessed`).
 * - A record that lands before the window (or on its first slot, which cannot be told apart
 *   without the record before it) shifts the window: undecidable when `offset > 0`.
 * - A new record that lands after a window that does not reach the end leaves the window as it
 *   is (only the total grows). An existing record moving there leaves a hole: undecidable.
 * - An insert into a full window pushes its last record out to the next page.
 * - Records with equal sort values have no order PocketBase guarantees (SQLite returns them
 *   by rowid, ascending or descending depending on the index it walks). An existing record
 *   whose sort values did not change keeps its place; with no sort at all a new record goes
 *   last (table order). Any other placement among equals is a guess (`guessed`): after them.
 *
 * @param window - The cached slice.
 * @param edit - What happens to the record.
 * @param compare - The list's compiled sort; a removal needs none (the others keep their order).
 * @returns The new window, or `undefined` when the result depends on records not in it.
 * @example
 * ```ts
 * const compare = compileSort("title")!;
 * patchWindow({ items: [{ id: "a", title: "A" }], offset: 0, atEnd: true, capacity: Infinity },
 *   { type: "place", record: { id: "b", title: "B" }, from: -1, created: true }, compare);
 * // => { items: [{ id: "a", … }, { id: "b", … }], delta: 1, guessed: false }
 * ```
 */
export function patchWindow(
  window: RecordWindow,
  edit: WindowEdit,
  compare: SortComparator | undefined,
): WindowPatch | undefined {
  const { items, offset, atEnd, capacity } = window;
  const rest = edit.from >= 0 ? [...items.slice(0, edit.from), ...items.slice(edit.from + 1)] : items;
  if (edit.type === "remove") return { items: rest, delta: -1, guessed: !atEnd };
  if (!compare) return undefined;

  const { record, from, created } = edit;
  const delta = from >= 0 ? 0 : 1;
  const previous = items[from];
  if (previous && compare.fields.every((field) => sameJson(previous[field], record[field]))) {
    return { items: insertAt(rest, from, record, capacity), delta, guessed: false };
  }
  // A record the window does not hold, that was not just created, may sit anywhere in a list
  // the window only partly covers; in a complete list its rowid (its place among equals) is
  // unknown, which only matters below when it has equals.
  if (from < 0 && !created && !(offset === 0 && atEnd)) return undefined;
  if (!compare.accepts(record) || !allAccepted(items, compare)) return undefined;

  const [lo, hi] = compare.fields.length === 0 ? tableOrder(rest, created) : equalRange(rest, record, compare);
  if (lo === undefined) return undefined;
  if (offset > 0 && lo === 0) return undefined;
  if (hi === rest.length && !atEnd) {
    return from < 0 && lo === rest.length ? { items, delta, guessed: false } : undefined;
  }
  const placed = insertAt(rest, hi, record, capacity);
  markAccepted(placed, compare); // every row of it was accepted: the next event skips the scan
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
// Binary searches: the window is in the comparator's order (it is the server's order, which
// compileSort reproduces), so a position costs log n comparisons, not n.
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
