import type { Query, QueryClient } from "@tanstack/solid-query";
import { sharePatchedData } from "../cache/sharePatchedData";
import type { CacheCopy } from "./cacheCopy";
import type { Underlay } from "./listUnderlay";
import { serverSnapshots } from "./serverSnapshots";

type AnyQuery = Query<unknown, Error, unknown, readonly unknown[]>;
type Row = Record<string, unknown>;

/**
 * The last step of a rebase: writes each query's view into the cache and its server data beside
 * it (`serverSnapshots`); a `carried` query's server data is the underlay given. A detail the
 * server change removed goes for good; the detail of a create that no longer shows goes too.
 *
 * Tested by tests/core/optimistic/rebaseCollection.test.ts (what the cache holds after each
 * rebase).
 * @internal
 */
export function writeViews(
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

function dropDetail(queryClient: QueryClient, collection: string, query: AnyQuery): void {
  serverSnapshots.forget(queryClient, collection, query);
  if (query.getObserversCount() > 0) void queryClient.resetQueries({ queryKey: query.queryKey, exact: true });
  else queryClient.removeQueries({ queryKey: query.queryKey, exact: true });
}
