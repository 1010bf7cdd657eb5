import type { Query, QueryClient, QueryKey } from "@tanstack/solid-query";
import type { RecordModel } from "pocketbase";
import { applyRecordChange, type ApplyRecordChangeResult, type RecordCache, type RecordChange } from "../cache/applyRecordChange";
import { findCachedRecord } from "../cache/findCachedRecord";
import { sameJson } from "../cache/sameJson";
import { sharePatchedData } from "../cache/sharePatchedData";
import { compileFields } from "../filter/compileFields";
import { fieldTypesRegistry } from "../filter/fieldTypesRegistry";
import { parseKey } from "../keys/parseKey";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { pendingWrites, type PendingWrite } from "./pendingWrites";
import type { RebaseOptions } from "./serverChanges";
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
    return changes.reduce(
      (result, { change, options }) => merge(result, applyRecordChange(queryClient, collection, change, options)),
      NOTHING,
    );
  }
  const fieldTypes = fieldTypesRegistry.get(queryClient, collection);
  const queries = queryClient.getQueryCache().findAll({ queryKey: pocketbaseKeys.collection(collection) }) as AnyQuery[];
  for (const query of serverSnapshots.queries(queryClient, collection)) {
    if (!queries.includes(query)) serverSnapshots.forget(queryClient, collection, query); // removed from the cache
  }
  const server = copyOf(queryClient, queries, (query) => serverSnapshots.serverOf(queryClient, collection, query));
  let result = NOTHING;
  for (const { change, options } of changes) {
    result = merge(result, applyRecordChange(server.cache, collection, change, { fieldTypes, ...options }));
  }
  const view = copyOf(queryClient, queries, (query) => server.dataOf(query));
  for (const write of writes) {
    const change = changeOf(write, view.cache, collection);
    if (change) applyRecordChange(view.cache, collection, change, { force: true, fieldTypes });
  }
  showCreatedDetails(queryClient, collection, writes, view);

  for (const query of only ? [only] : queries) {
    if (server.removed(query)) {
      // The server change removed an unobserved detail (a deleted record): gone for good.
      serverSnapshots.forget(queryClient, collection, query);
      queryClient.removeQueries({ queryKey: query.queryKey, exact: true });
      continue;
    }
    const serverData = server.dataOf(query);
    // A pending delete "removes" an unobserved detail: it keeps showing the server's record,
    // which nobody sees, and is there again if the delete fails.
    const viewData = view.removed(query) ? serverData : view.dataOf(query);
    if (viewData === undefined) {
      // The detail of a create that is no longer pending, never fetched: it goes with it.
      if (query.state.data !== undefined) dropDetail(queryClient, collection, query);
      continue;
    }
    serverSnapshots.set(queryClient, collection, query, serverData, viewData);
    if (query.state.data !== viewData) queryClient.setQueryData(query.queryKey, sharePatchedData.mark(viewData));
  }
  return result;
}

// A pending write as a record change for the reducer. An update is the freshest whole copy of
// the record with its fields written over it; with no whole copy cached there is nothing to
// show it on (as before the server answers with the record).
function changeOf(write: PendingWrite, cache: RecordCache, collection: string): RecordChange | undefined {
  if (write.type === "create") return { type: "create", record: write.record };
  if (write.type === "delete") return { type: "delete", id: write.id };
  const base = findCachedRecord(cache, collection, write.id);
  if (!base) return undefined;
  const record: Row = { ...base, ...write.fields };
  // The expansion of a relation the write changes would show the old target.
  const expand = base.expand as Row | undefined;
  if (expand) {
    const stale = Object.keys(write.fields).filter((field) => field in expand && !sameJson(base[field], write.fields[field]));
    record.expand = stale.length ? Object.fromEntries(Object.entries(expand).filter(([key]) => !stale.includes(key))) : expand;
  }
  return { type: "update", record: record as RecordModel };
}

// A pending create also shows in its own detail entry (a page opened for the new record right
// away needs no request): the entry is made when missing and kept while the create is pending.
function showCreatedDetails(queryClient: QueryClient, collection: string, writes: readonly PendingWrite[], view: CacheCopy): void {
  for (const write of writes) {
    if (write.type !== "create") continue;
    const queryKey = pocketbaseKeys.detail(collection, write.record.id, write.detail);
    const projected = compileFields(queryKey[4].fields)?.project(write.record) ?? write.record;
    let query = queryClient.getQueryCache().find({ queryKey, exact: true }) as AnyQuery | undefined;
    if (!query) {
      queryClient.setQueryData(queryKey as QueryKey, sharePatchedData.mark(projected));
      query = queryClient.getQueryCache().find({ queryKey, exact: true }) as AnyQuery;
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

interface CacheCopy {
  /** The copy, shaped like the QueryClient for the reducer. */
  cache: RecordCache;
  dataOf(query: AnyQuery): unknown;
  removed(query: AnyQuery): boolean;
  /** Shows `data` for a detail that has no data of its own (never fetched). */
  show(query: AnyQuery, data: unknown): void;
}

// A copy of the collection's cached data that the reducer writes into instead of the cache.
function copyOf(queryClient: QueryClient, queries: readonly AnyQuery[], dataOf: (query: AnyQuery) => unknown): CacheCopy {
  const byKey = new Map<QueryKey, AnyQuery>(queries.map((query) => [query.queryKey, query]));
  const data = new Map(queries.map((query) => [query, dataOf(query)]));
  const removed = new Set<AnyQuery>();
  const cache = {
    getQueriesData: () => queries.filter((query) => !removed.has(query)).map((query) => [query.queryKey, data.get(query)]),
    setQueryData: (queryKey: QueryKey, value: unknown) => {
      const query = byKey.get(queryKey);
      if (query) data.set(query, value);
      return value;
    },
    removeQueries: ({ queryKey }: { queryKey: QueryKey }) => {
      const query = byKey.get(queryKey);
      if (query) removed.add(query);
    },
    getQueryCache: () => queryClient.getQueryCache(),
  } as unknown as RecordCache;
  return {
    cache,
    dataOf: (query) => data.get(query),
    removed: (query) => removed.has(query),
    show: (query, value) => {
      if (data.get(query) === undefined && parseKey(query.queryKey)?.kind === "detail") data.set(query, value);
    },
  };
}

function merge(a: ApplyRecordChangeResult, b: ApplyRecordChangeResult): ApplyRecordChangeResult {
  if (a === NOTHING) return b;
  return { patched: [...a.patched, ...b.patched], undecided: [...a.undecided, ...b.undecided] };
}
