import { compileSort, type SortComparator } from "../filter/compileSort";
import { sameJson } from "../cache/sameJson";

type Row = Record<string, unknown>;

/** How one record of a whole list differs between the server's data and the view over it. */
interface UnderRow {
  /** The server's row, or `null` when only the view shows the record (a pending create). */
  readonly server: Row | null;
  /** The view shows the record where the server has it: the server's row goes back there. */
  readonly inPlace: boolean;
  /** Where the server had the row when the underlay was taken (-1: placed since). */
  readonly index: number;
  /**
   * Where a row put back by sort goes among rows with equal sort values: after this one (the row
   * the server had before it), first (`null`), or last (`LAST`: where the reducer guessed it, a
   * place the list is refetched to confirm; and, without a sort, where a new row goes).
   */
  readonly after: string | null | typeof LAST;
}

const LAST = Symbol("last");

/**
 * A whole list's server data kept as its differences from the view: the rows the pending writes
 * changed, added or removed. The rest of the list is the view's own rows, shared.
 * @internal
 */
export interface Underlay {
  readonly compare: SortComparator;
  readonly rows: ReadonlyMap<string, UnderRow>;
  /** The rows put back by sort, in the server's order. */
  readonly sorted: readonly UnderRow[];
  /** The ids that rows put back by sort are placed after. */
  readonly anchors: ReadonlySet<string>;
}

/**
 * The server data behind a whole list (a `getFullList` array) written as differences from its
 * view, so that another user's change to a record no pending write touches costs one reducer
 * pass over the view, like a list with nothing pending: the server data follows without a pass
 * of its own, as it is the view with these rows put back. A row the view shows where the server
 * has it goes back in place; one the view moved or removed goes back by the list's sort, after
 * the row with equal sort values that the server had before it (their order is the rowid's,
 * which only the server's copy tells). A change that would make such a place undecided (a
 * record taking the same sort values as a row placed by a guess, or the row one goes after
 * changing) is carried with the server's copy instead (`around`, `takes`).
 *
 * Tested by tests/core/optimistic/listUnderlay.test.ts, and against the full replay and the plain
 * reducer by tests/core/optimistic/listUnderlay.property.test.ts.
 * @internal
 */
export const listUnderlay = {
  /**
   * The differences between `server` and `view` (two `getFullList` arrays of one list sorted by
   * `sort`), or `undefined` when the server's data cannot be rebuilt from the view exactly.
   */
  of(sort: string | undefined, server: unknown, view: unknown): Underlay | undefined {
    const compare = compileSort(sort);
    if (!compare || !isRows(server) || !isRows(view)) return undefined;
    const at = new Map<unknown, number>();
    server.forEach((row, index) => at.set(row.id, index));
    const rows = new Map<string, UnderRow>();
    const sorted: UnderRow[] = [];
    const anchors = new Set<string>();
    const putBack = (index: number): boolean => {
      const own = server[index]!;
      const before = server[index - 1];
      if (!compare.accepts(own) || (before && !compare.accepts(before))) return false;
      const after = before && compare(before, own) === 0 ? (before.id as string) : null;
      const under = { server: own, inPlace: false, index, after };
      rows.set(own.id as string, under);
      sorted.push(under);
      if (after) anchors.add(after);
      return true;
    };
    const inView = new Set<unknown>();
    // The view's row before this one when the server has that very row (`null`: none before);
    // `undefined` after a row the underlay puts back elsewhere, which is no landmark.
    let previous: unknown = null;
    for (const row of view) {
      const index = at.get(row.id);
      const before = previous;
      previous = undefined;
      if (index === undefined) {
        rows.set(row.id as string, { server: null, inPlace: false, index: -1, after: null });
        continue;
      }
      inView.add(row.id);
      const own = server[index]!;
      // The same row (a server change went through the server data and the view separately).
      if (own === row || sameJson(own, row)) {
        previous = row.id;
        continue;
      }
      const samePlace = (index === 0 ? null : server[index - 1]!.id) === before;
      if (samePlace && sameSort(compare, own, row)) {
        rows.set(row.id as string, { server: own, inPlace: true, index, after: null });
      } else if (!putBack(index)) return undefined;
    }
    for (let index = 0; index < server.length; index++) {
      if (!inView.has(server[index]!.id) && !putBack(index)) return undefined;
    }
    sorted.sort((a, b) => a.index - b.index);
    return { compare, rows, sorted, anchors };
  },

  /** The server's data: the view with the server's rows put back. */
  restore(view: readonly Row[], underlay: Underlay): Row[] {
    const { compare, rows, sorted } = underlay;
    if (rows.size === 0) return view as Row[];
    const out: Row[] = [];
    for (const row of view) {
      const under = rows.get(row.id as string);
      if (!under) out.push(row);
      else if (under.inPlace) out.push(under.server!);
    }
    // In the server's order, so that a row placed after an equal one finds it there.
    for (const { server, after } of sorted) {
      const [lo, hi] = equalRange(out, server!, compare);
      const anchor = typeof after === "string" ? out.findIndex((row, index) => index >= lo && index < hi && row.id === after) : -1;
      out.splice(after === null ? lo : anchor < 0 ? hi : anchor + 1, 0, server!);
    }
    return out;
  },

  /**
   * What a server change of record `id`, which no pending write touches, does to the places of
   * the rows put back by sort, `view` being the list's view before it:
   * - `"whole"`: it could move one of them (the record is the row one goes after, or lands
   *   among equals where a row placed last would have to follow it), so the list needs the
   *   server's copy for this change;
   * - `"guess"`: the server would put the record among rows with equal sort values, a place it
   *   picks by rowid: the reducer guesses it, and the list is refetched to confirm;
   * - `"exact"`: neither.
   */
  around(underlay: Underlay, id: string, record: Row | undefined, view: readonly Row[]): "whole" | "guess" | "exact" {
    // A row of the underlay without a pending write on it: its own change needs the server's copy.
    if (underlay.anchors.has(id) || underlay.rows.has(id)) return "whole";
    if (!record || !underlay.compare.accepts(record)) return "exact"; // the reducer places nothing
    const ties = tiesOf(underlay, id, record);
    if (!ties) return "exact";
    // An update that keeps its sort values keeps its place, in the view as on the server.
    const old = view.find((row) => row.id === id);
    if (old && sameSort(underlay.compare, old, record)) return "exact";
    return placing(underlay, ties);
  },

  /**
   * What a server change of record `id`, which a pending write touches, does to the list: as
   * `around` says, but the record's own new server row has a place to take too. `member`:
   * whether the list's filter takes `record` (`undefined`: undecidable, so the reducer leaves
   * the list as it is). `before`: the record's server row in the list, when the caller has it.
   */
  takes(
    underlay: Underlay,
    id: string,
    record: Row | undefined,
    member: boolean | undefined,
    view: readonly Row[],
    before: Row | undefined = listUnderlay.rowsOf(underlay, id, view)[0],
  ): "whole" | "guess" | "exact" {
    if (record && member === undefined) return "exact";
    if (!record || !member) return underlay.anchors.has(id) ? "whole" : "exact"; // it leaves the list
    if (before && sameSort(underlay.compare, before, record)) return "exact"; // it keeps its place
    if (underlay.anchors.has(id)) return "whole";
    const { compare, rows } = underlay;
    if (!compare.accepts(record)) return "exact";
    const ties = tiesOf(underlay, id, record);
    if (ties || compare.fields.length === 0) return placing(underlay, ties ?? "equal");
    // The view's rows with the same sort values, but for rows the server does not have there.
    const [lo, hi] = equalRange(view, record, compare);
    for (let index = lo; index < hi; index++) {
      const row = view[index]!;
      const under = rows.get(row.id as string);
      if (row.id !== id && (!under || under.inPlace)) return "guess";
    }
    return "exact";
  },

  /** The server's rows of record `id` in the list: its row, or none. */
  rowsOf(underlay: Underlay, id: string, view: readonly Row[]): Row[] {
    const under = underlay.rows.get(id);
    if (under) return under.server ? [under.server] : [];
    const row = view.find((row) => row.id === id);
    return row ? [row] : [];
  },

  /**
   * The underlay after a server change of record `id` that `takes` did not call `"whole"`: the
   * server had `before` and now has `server` (or nothing) where the new `view` shows what it
   * shows; `guessed` when `takes` said `"guess"`.
   */
  replace(underlay: Underlay, id: string, before: Row | undefined, server: Row | undefined, view: readonly Row[], guessed: boolean): Underlay {
    const { compare } = underlay;
    const rows = new Map(underlay.rows);
    const old = rows.get(id);
    rows.delete(id);
    const shown = view.find((row) => row.id === id);
    if (server && before && sameSort(compare, before, server)) {
      // The server kept its place (the reducer keeps a row whose sort values stay): it goes back
      // where it went before.
      if (old) rows.set(id, { ...old, server });
      else if (shown !== server) rows.set(id, { server, inPlace: true, index: -1, after: null });
    } else if (!server) {
      if (shown) rows.set(id, { server: null, inPlace: false, index: -1, after: null });
    } else if (shown !== server) {
      // No other row has its sort values unless `guessed`: its place is the sort's.
      const inPlace = !guessed && shown !== undefined && sameSort(compare, server, shown);
      // Without a sort a new row goes last (its rowid is the highest).
      rows.set(id, { server, inPlace, index: -1, after: guessed || compare.fields.length === 0 ? LAST : null });
    }
    // Placed since: first in the order of putting back, as no row goes after them.
    const sorted = [...rows.values()].filter((under) => under.server && !under.inPlace).sort((a, b) => a.index - b.index);
    const anchors = new Set(sorted.flatMap((under) => (typeof under.after === "string" ? [under.after] : [])));
    return { compare, rows, sorted, anchors };
  },
};

// [first index not before `record`, first index after it] in `rows`, which are in the
// comparator's order: binary searches.
function equalRange(rows: readonly Row[], record: Row, compare: SortComparator): [number, number] {
  const search = (before: (order: number) => boolean) => {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(compare(rows[mid]!, record))) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [search((order) => order < 0), search((order) => order <= 0)];
}

// Whether `record` has the sort values of a row put back by sort: of one placed last, or only of
// others.
function tiesOf(underlay: Underlay, id: string, record: Row): "last" | "equal" | undefined {
  let ties: "equal" | undefined;
  for (const under of underlay.sorted) {
    if (under.server!.id === id || underlay.compare(record, under.server!) !== 0) continue;
    if (under.after === LAST) return "last";
    ties = "equal";
  }
  return ties;
}

// A record placed among equals: after a row placed last it may not go (that row must follow
// it), and elsewhere its place is a guess; but without a sort a new record goes last, by its
// rowid, which is no guess.
function placing(underlay: Underlay, ties: "last" | "equal"): "whole" | "guess" | "exact" {
  if (ties === "last") return "whole";
  return underlay.compare.fields.length === 0 ? "exact" : "guess";
}

function sameSort(compare: SortComparator, a: Row, b: Row): boolean {
  return compare.fields.every((field) => sameJson(a[field], b[field]));
}

function isRows(data: unknown): data is Row[] {
  return Array.isArray(data) && data.every((row) => typeof row === "object" && row !== null && typeof row.id === "string");
}
