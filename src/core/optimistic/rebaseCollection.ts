import type { Query, QueryClient, QueryKey } from "@tanstack/solid-query";
import type { RecordModel } from "pocketbase";
import { applyRecordChange, type ApplyRecordChangeOptions, type ApplyRecordChangeResult, type RecordCache, type RecordChange } from "../cache/applyRecordChange";
import { recordsOf } from "../cache/recordsOf";
import { sameJson } from "../cache/sameJson";
import { sharePatchedData } from "../cache/sharePatchedData";
import { tombstones } from "../cache/tombstones";
import { updatedTime } from "../cache/updatedTime";
import { compileFields } from "../filter/compileFields";
import { fieldTypesRegistry } from "../filter/fieldTypesRegistry";
import { matches } from "../filter/matches";
import { parseKey } from "../keys/parseKey";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { cacheCopy, type CacheCopy } from "./cacheCopy";
import { keepStale } from "./keepStale";
import { listUnderlay, type Underlay } from "./listUnderlay";
import { pendingWrites, type PendingWrite } from "./pendingWrites";
import type { RebaseOptions, ServerChange } from "./serverChanges";
import { serverSnapshots } from "./serverSnapshots";

type AnyQuery = Query<unknown, Error, unknown, readonly unknown[]>;
type Row = Record<string, unknown>;

const NOTHING: ApplyRecordChangeResult = { patched: [], undecided: [] };

/**
 * The one rebase step: every cached query of a collection shows its server state with the
 * collection's pending writes replayed on top, in submission order. Server changes (`changes`)
 * enter the server state first, so nothing pending is ever overwritten by them; a write that
 * leaves the log (settled, failed) disappears from the view because the view is recomputed
 * without it. The replay uses the same reducer as server changes (`applyRecordChange`), on a
 * copy of the cache, so a pending create lands where the reducer decides it belongs (filter,
 * sort, page window) and nowhere it cannot decide.
 *
 * With nothing pending and no view in the cache, server changes go straight into the cache:
 * the event-to-cache path costs what it cost before.
 *
 * @returns The keys the server changes could not decide (to invalidate), as `applyRecordChange` says.
 * @internal
 */
export function rebaseCollection(queryClient: QueryClient, collection: string, options: RebaseOptions = {}): ApplyRecordChangeResult {
  const { changes = [], only } = options;
  if (only) serverSnapshots.set(queryClient, collection, only, only.state.data, only.state.data); // the server's now
  const writes = pendingWrites.of(queryClient, collection);
  if (writes.length === 0 && !serverSnapshots.any(queryClient, collection)) {
    return keepStale(queryClient, collection, () =>
      changes.reduce(
        (result, { change, options }) => merge(result, applyRecordChange(queryClient, collection, change, options)),
        NOTHING,
      ),
    );
  }
  const fieldTypes = fieldTypesRegistry.get(queryClient, collection);
  const queries = queryClient.getQueryCache().findAll({ queryKey: pocketbaseKeys.collection(collection) }) as AnyQuery[];
  const cached = new Set(queries);
  for (const query of serverSnapshots.queries(queryClient, collection)) {
    if (!cached.has(query)) serverSnapshots.forget(queryClient, collection, query); // removed from the cache
  }
  const views = !only && changes.length === 1 ? serverSnapshots.builtOn(queryClient, collection, writes) : undefined;
  if (views) {
    const carried = carryChange(queryClient, collection, queries, writes, views, changes[0]!);
    if (carried) return carried;
  }
  const server = cacheCopy(queryClient, queries, (query) => serverSnapshots.serverOf(queryClient, collection, query));
  let result = NOTHING;
  for (const { change, options } of changes) {
    result = merge(result, applyRecordChange(server.cache, collection, change, { fieldTypes, ...options }));
  }
  const view = cacheCopy(queryClient, queries, (query) => server.dataOf(query));
  const bases = freshestCopies(queryClient, collection, server.cache, writes);
  // Each written record as the replay leaves it (null: deleted), the base of the next write.
  const shown = new Map<string, Row | null>();
  for (const write of writes) {
    const change = changeOf(write, shown, bases);
    // `replay`: the server state may already hold it (its echo came first), so a write that would
    // only count on a page (no row of it to show) counts nothing: the echo or the refetch does.
    if (change) applyRecordChange(view.cache, collection, change, { force: true, pending: true, replay: true, fieldTypes });
  }
  showCreatedDetails(queryClient, collection, writes, shown, view);

  writeBack(queryClient, collection, only ? [only] : queries, server, view.dataOf);
  if (!only) serverSnapshots.build(queryClient, collection, writes);
  return result;
}

// Writes each query's view into the cache and its server data beside it; a `carried` query's
// server data is the underlay given.
function writeBack(
  queryClient: QueryClient,
  collection: string,
  queries: readonly AnyQuery[],
  server: Pick<CacheCopy, "dataOf" | "removed">,
  viewOf: (query: AnyQuery) => unknown,
  carried?: ReadonlyMap<AnyQuery, Underlay>,
): void {
  for (const query of queries) {
    if (server.removed(query)) {
      // The server change removed an unobserved detail (a deleted record): gone for good.
      serverSnapshots.forget(queryClient, collection, query);
      queryClient.removeQueries({ queryKey: query.queryKey, exact: true });
      continue;
    }
    const serverData = carried?.has(query) ? undefined : server.dataOf(query);
    // A pending delete leaves an unobserved detail with the server's record (the copy keeps it):
    // nobody sees it, and it is there again if the delete fails.
    const viewData = viewOf(query);
    if (viewData === undefined) {
      // The detail of a create that is no longer pending, never fetched: it goes with it.
      if (query.state.data !== undefined) dropDetail(queryClient, collection, query);
      continue;
    }
    const underlay = carried?.get(query);
    if (underlay) serverSnapshots.carry(queryClient, collection, query, viewData as Row[], underlay);
    else serverSnapshots.set(queryClient, collection, query, serverData, viewData);
    if (query.state.data !== viewData) {
      // setQueryData counts as fresh data: a query TanStack knew to be stale must stay so.
      const stale = query.state.isInvalidated;
      queryClient.setQueryData(query.queryKey, sharePatchedData.mark(viewData));
      if (stale) query.invalidate();
    }
  }
}

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
 */
function carryChange(
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
  if (change.type !== "delete" && tombstones.buries(queryClient, collection, change.record)) return NOTHING;
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
  const shown = new Map<string, Row | null>();
  const bases = freshestCopies(queryClient, collection, server.cache, own);
  for (const write of own) changeOf(write, shown, bases);
  const replayed = shown.get(id);
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
  result = merge(result, applyRecordChange(view.cache, collection, shownChange, shownOptions));
  const kept = new Map<AnyQuery, Underlay>();
  for (const [query, { underlay, before }] of underlays) {
    const after = (server.dataOf(query) as Row[])[0];
    kept.set(query, listUnderlay.replace(underlay, id, before[0], after, view.dataOf(query) as Row[], guessed.has(query)));
  }
  result = guess(result, guessed);
  writeBack(queryClient, collection, queries, server, view.dataOf, kept);
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
  writeBack(queryClient, collection, queries, server, copy.dataOf, carried);
  return result;
}

// A pending write as a record change for the reducer. An update is written over the record as
// the writes before it left it, else over the freshest whole server copy; with none (nothing
// cached, or the record deleted meanwhile) there is nothing to show it on.
function changeOf(write: PendingWrite, shown: Map<string, Row | null>, bases: Map<string, Row>): RecordChange | undefined {
  if (write.type === "create") {
    shown.set(write.record.id, write.record);
    return { type: "create", record: write.record };
  }
  if (write.type === "delete") {
    shown.set(write.id, null);
    return { type: "delete", id: write.id };
  }
  const base = shown.has(write.id) ? shown.get(write.id) : bases.get(write.id);
  if (!base) return undefined;
  const record: Row = { ...base, ...write.fields };
  // The expansion of a relation the write changes would show the old target.
  const expand = base.expand as Row | undefined;
  if (expand) {
    const stale = Object.keys(write.fields).filter((field) => field in expand && !sameJson(base[field], write.fields[field]));
    if (stale.length) record.expand = Object.fromEntries(Object.entries(expand).filter(([key]) => !stale.includes(key)));
  }
  shown.set(write.id, record);
  return { type: "update", record: record as RecordModel };
}

// The newest whole server copy of each record an update writes, from one pass over the cache:
// a detail wins a tie; copies cut down by `fields` and records deleted since do not count.
function freshestCopies(queryClient: QueryClient, collection: string, cache: RecordCache, writes: readonly PendingWrite[]) {
  const bases = new Map<string, Row>();
  const ids = new Set(writes.flatMap((write) => (write.type === "update" ? [write.id] : [])));
  if (ids.size === 0) return bases;
  const time = (row: Row) => updatedTime(row.updated) ?? -Infinity;
  for (const [queryKey, data] of cache.getQueriesData({ queryKey: pocketbaseKeys.collection(collection) })) {
    const key = parseKey(queryKey);
    if (!key || key.params.fields) continue;
    for (const row of recordsOf(key.kind, data)) {
      if (!ids.has(row.id as string) || tombstones.buries(queryClient, collection, row)) continue;
      const best = bases.get(row.id as string);
      if (!best || time(row) > time(best) || (key.kind === "detail" && time(row) === time(best))) bases.set(row.id as string, row);
    }
  }
  return bases;
}

// A pending create also shows in its own detail entry (a page opened for the new record right
// away needs no request): the entry is made when missing and kept while the create is pending,
// showing the record as the later writes left it.
function showCreatedDetails(
  queryClient: QueryClient,
  collection: string,
  writes: readonly PendingWrite[],
  shown: Map<string, Row | null>,
  view: CacheCopy,
): void {
  for (const write of writes) {
    if (write.type !== "create") continue;
    const record = shown.get(write.record.id);
    if (!record) continue; // deleted by a later pending write
    const queryKey = pocketbaseKeys.detail(collection, write.record.id, write.detail);
    const projected = compileFields(queryKey[4].fields)?.project(record) ?? record;
    let query = queryClient.getQueryCache().find({ queryKey, exact: true }) as AnyQuery | undefined;
    if (!query) {
      // Built with the library's structural sharing: TanStack's default would store a copy of
      // the view, which would then pass for the server's data.
      query = queryClient.getQueryCache().build(queryClient, { queryKey, structuralSharing: sharePatchedData }) as unknown as AnyQuery;
      queryClient.setQueryData(queryKey as QueryKey, sharePatchedData.mark(projected));
      serverSnapshots.set(queryClient, collection, query, undefined, query.state.data);
      continue;
    }
    view.show(query, projected);
  }
}

function dropDetail(queryClient: QueryClient, collection: string, query: AnyQuery): void {
  serverSnapshots.forget(queryClient, collection, query);
  if (query.getObserversCount() > 0) void queryClient.resetQueries({ queryKey: query.queryKey, exact: true });
  else queryClient.removeQueries({ queryKey: query.queryKey, exact: true });
}

// The lists whose server data got a row at a guessed place: refetched to confirm, as the reducer
// would have them if it had placed the row in their server data itself.
function guess(result: ApplyRecordChangeResult, queries: ReadonlySet<AnyQuery>): ApplyRecordChangeResult {
  if (queries.size === 0) return result;
  return merge(result, { patched: [], undecided: [...queries].map((query) => query.queryKey) });
}

function merge(a: ApplyRecordChangeResult, b: ApplyRecordChangeResult): ApplyRecordChangeResult {
  if (a === NOTHING) return b;
  return { patched: [...a.patched, ...b.patched], undecided: [...a.undecided, ...b.undecided] };
}
