import type { Query, QueryClient } from "@tanstack/solid-query";
import type { RecordModel } from "pocketbase";
import { applyRecordChange, type ApplyRecordChangeOptions, type ApplyRecordChangeResult, type RecordChange } from "../cache/applyRecordChange";
import { tombstones } from "../cache/tombstones";
import { fieldTypesRegistry } from "../filter/fieldTypesRegistry";
import { matches } from "../filter/matches";
import { parseKey } from "../keys/parseKey";
import { cacheCopy } from "./cacheCopy";
import { listUnderlay, type Underlay } from "./listUnderlay";
import { mergeResults } from "./mergeResults";
import { pendingChanges } from "./pendingChanges";
import type { PendingWrite } from "./pendingWrites";
import type { ServerChange } from "./serverChanges";
import { serverSnapshots } from "./serverSnapshots";
import { writeViews } from "./writeViews";

type AnyQuery = Query<unknown, Error, unknown, readonly unknown[]>;
type Row = Record<string, unknown>;

/**
 * A server change carried into views that already show the pending writes, without replaying
 * them: however many writes are pending, the change costs one reducer pass where it touches no
 * pending write (see `carryAround`), and where it does one over the record's server rows (only
 * them in a list that keeps an underlay, see `listUnderlay`) and one over the views. It is exact
 * where replaying the writes commutes with the change:
 * - a record no pending write touches: the view after the change is the view before it with
 *   the change applied, since whole lists and details place each record on its own;
 * - a record they touch: only that record's writes are replayed, over its new server copy, and
 *   the result replaces it in every view.
 * A page window decides a pending write by the rows around it, which any change can shift (a
 * write the window could not place may become placeable), so a collection with a cached window
 * sends the change through the full replay: `undefined` then.
 *
 * The fast path of `rebaseCollection`, which calls it when the views already show exactly the
 * pending writes of now (`views`, from `serverSnapshots.builtOn`) and one server change comes.
 *
 * Tested by tests/core/optimistic/rebaseCollection.test.ts, listUnderlay.property.test.ts
 * (against the full replay and the plain reducer) and tests/core/optimistic/rebaseCollection.property.test.tsx.
 * @internal
 */
export function carryServerChange(
  queryClient: QueryClient,
  collection: string,
  queries: readonly AnyQuery[],
  writes: readonly PendingWrite[],
  views: ReadonlySet<AnyQuery>,
  { change, options }: ServerChange,
): ApplyRecordChangeResult | undefined {
  const windowed = (query: AnyQuery) => {
    if (query.state.data === undefined) return false;
    const kind = parseKey(query.queryKey)?.kind;
    return kind === "page" || kind === "infinite";
  };
  if (queries.some(windowed)) return undefined;
  const id = change.type === "delete" ? change.id : change.record.id;
  const own = writes.filter((write) => (write.type === "create" ? write.record.id : write.id) === id);
  if (change.type !== "delete" && tombstones.buries(queryClient, collection, change.record)) return { patched: [], undecided: [] };
  const fieldTypes = fieldTypesRegistry.get(queryClient, collection);
  if (own.length === 0) return carryAround(queryClient, collection, queries, views, change, { fieldTypes, ...options });
  // Another user deleted a record I only update: my updates have nothing left to show on, and the
  // views must drop what they showed of them, which only the full replay knows.
  if (change.type === "delete" && own.every((write) => write.type === "update")) return undefined;
  // A list whose underlay can take the record's new server row needs no more server data than
  // the record's own row: the rest of it does not change.
  const record = change.type === "delete" ? undefined : (change.record as Row);
  const underlays = new Map<AnyQuery, { underlay: Underlay; before: Row[] }>();
  const guessed = new Set<AnyQuery>();
  for (const query of views) {
    const underlay = serverSnapshots.underlayOf(queryClient, collection, query);
    if (!underlay) continue;
    const shown = query.state.data as Row[];
    const member = record && matches(parseKey(query.queryKey)!.params, record, fieldTypes);
    // The record's server row: one scan of the view, for the decision and the server pass.
    const before = listUnderlay.rowsOf(underlay, id, shown);
    const ties = listUnderlay.takes(underlay, id, record, member, shown, before[0]);
    if (ties === "whole") continue;
    underlays.set(query, { underlay, before });
    if (ties === "guess") guessed.add(query);
  }
  const server = cacheCopy(queryClient, queries, (query) => underlays.get(query)?.before ?? serverSnapshots.serverOf(queryClient, collection, query));
  let result = applyRecordChange(server.cache, collection, change, { fieldTypes, ...options });
  // The second pass, on the views: `pending` because the server pass kept the tombstones' books.
  let shownChange: RecordChange = change;
  let shownOptions: ApplyRecordChangeOptions = { fieldTypes, ...options, pending: true };
  const replayed = pendingChanges(queryClient, collection, server.cache, own).shown.get(id);
  // With no whole copy of the record to write over, the server's change shows as it is.
  if (replayed !== undefined) {
    shownChange =
      replayed === null
        ? { type: "delete", id }
        : { type: own.some((write) => write.type === "create") ? "create" : "update", record: replayed as RecordModel };
    shownOptions = { force: true, pending: true, replay: true, fieldTypes };
  }
  // The record may now show in any query, a view or not.
  const view = cacheCopy(queryClient, queries, (query) => (views.has(query) ? query.state.data : server.dataOf(query)));
  result = mergeResults(result, applyRecordChange(view.cache, collection, shownChange, shownOptions));
  const kept = new Map<AnyQuery, Underlay>();
  for (const [query, { underlay, before }] of underlays) {
    const after = (server.dataOf(query) as Row[])[0];
    kept.set(query, listUnderlay.replace(underlay, id, before[0], after, view.dataOf(query) as Row[], guessed.has(query)));
  }
  result = guess(result, guessed);
  writeViews(queryClient, collection, queries, server, view.dataOf, kept);
  return result;
}

/**
 * A server change of a record no pending write touches, in one reducer pass: each query gets it
 * on what it shows (its view, or its server data where it has no view), as the views show that
 * record as the server has it. A list whose server data is an underlay needs nothing more: the
 * rows the writes changed, which make up its underlay, are not this record. A query that keeps
 * its server data whole (a detail, a list whose rows could not be put back by sort, or one this
 * record would tie with such a row) gets that data in a second slot of the same pass, so the
 * tombstones' books are kept once.
 */
function carryAround(
  queryClient: QueryClient,
  collection: string,
  queries: readonly AnyQuery[],
  views: ReadonlySet<AnyQuery>,
  change: RecordChange,
  options: ApplyRecordChangeOptions,
): ApplyRecordChangeResult {
  const [id, record] = change.type === "delete" ? [change.id, undefined] : [change.record.id, change.record as Row];
  const carried = new Map<AnyQuery, Underlay>();
  const whole = new Set<AnyQuery>();
  const guessed = new Set<AnyQuery>();
  for (const query of views) {
    const underlay = serverSnapshots.underlayOf(queryClient, collection, query);
    const ties = underlay && listUnderlay.around(underlay, id, record, query.state.data as Row[]);
    if (!underlay || ties === "whole") whole.add(query);
    else carried.set(query, underlay);
    if (ties === "guess") guessed.add(query);
  }
  const copy = cacheCopy(queryClient, queries, (query) => query.state.data, {
    queries: whole,
    dataOf: (query) => serverSnapshots.serverOf(queryClient, collection, query),
  });
  const result = guess(applyRecordChange(copy.cache, collection, change, options), guessed);
  const server = { removed: copy.removed, dataOf: (query: AnyQuery) => (whole.has(query) ? copy.besideOf(query) : copy.dataOf(query)) };
  writeViews(queryClient, collection, queries, server, copy.dataOf, carried);
  return result;
}

// The lists whose server data got a row at a guessed place: refetched to confirm, as the reducer
// would have them if it had placed the row in their server data itself.
function guess(result: ApplyRecordChangeResult, queries: ReadonlySet<AnyQuery>): ApplyRecordChangeResult {
  if (queries.size === 0) return result;
  return mergeResults(result, { patched: [], undecided: [...queries].map((query) => query.queryKey) });
}
