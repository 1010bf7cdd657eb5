import type { Query, QueryClient, QueryKey } from "@tanstack/solid-query";
import { applyRecordChange, type ApplyRecordChangeResult } from "../cache/applyRecordChange";
import { sharePatchedData } from "../cache/sharePatchedData";
import { compileFields } from "../filter/compileFields";
import { fieldTypesRegistry } from "../filter/fieldTypesRegistry";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { cacheCopy, type CacheCopy } from "./cacheCopy";
import { carryServerChange } from "./carryServerChange";
import { keepStale } from "./keepStale";
import { mergeResults } from "./mergeResults";
import { pendingChanges } from "./pendingChanges";
import { pendingWrites, type PendingWrite } from "./pendingWrites";
import type { RebaseOptions } from "./serverChanges";
import { serverSnapshots } from "./serverSnapshots";
import { writeViews } from "./writeViews";

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
 * the event-to-cache path costs what it cost before. When the views already show the pending
 * writes of now, one server change is carried into them instead (`carryServerChange`).
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
        (result, { change, options }) => mergeResults(result, applyRecordChange(queryClient, collection, change, options)),
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
    const carried = carryServerChange(queryClient, collection, queries, writes, views, changes[0]!);
    if (carried) return carried;
  }
  const server = cacheCopy(queryClient, queries, (query) => serverSnapshots.serverOf(queryClient, collection, query));
  let result = NOTHING;
  for (const { change, options } of changes) {
    result = mergeResults(result, applyRecordChange(server.cache, collection, change, { fieldTypes, ...options }));
  }
  const view = cacheCopy(queryClient, queries, (query) => server.dataOf(query));
  const { changes: replayed, shown } = pendingChanges(queryClient, collection, server.cache, writes);
  for (const change of replayed) {
    // `replay`: the server state may already hold it (its echo came first), so a write that would
    // only count on a page (no row of it to show) counts nothing: the echo or the refetch does.
    applyRecordChange(view.cache, collection, change, { force: true, pending: true, replay: true, fieldTypes });
  }
  showCreatedDetails(queryClient, collection, writes, shown, view);

  writeViews(queryClient, collection, only ? [only] : queries, server, view.dataOf);
  if (!only) serverSnapshots.build(queryClient, collection, writes);
  return result;
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
