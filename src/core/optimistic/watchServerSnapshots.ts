import type { Query, QueryClient } from "@tanstack/solid-query";
import { sharePatchedData } from "../cache/sharePatchedData";
import { parseKey } from "../keys/parseKey";
import { recentChanges } from "./recentChanges";
import { serverChanges } from "./serverChanges";

type AnyQuery = Query<unknown, Error, unknown, readonly unknown[]>;

const watched = new WeakSet<QueryClient>();
const fetchStarts = new WeakMap<AnyQuery, number>();

/**
 * The gate every server snapshot passes on its way into the cache: a query's fetched data
 * (pages, full lists, records, infinite lists once TanStack has put their pages together), and
 * anything the app writes with `setQueryData`. Such data is the server's: the changes that
 * reached the client since its fetch started are replayed onto it (it may have been taken
 * before them), and the collection's pending writes on top. Views the library wrote itself are
 * marked and pass through.
 *
 * Installed by what can make the cache differ from the server's answer (mutations, realtime); the
 * read hooks alone never need it, and do not pay for it. One per QueryClient, for its lifetime.
 *
 * Tested by tests/core/optimistic/watchServerSnapshots.test.ts.
 * @internal
 */
export function watchServerSnapshots(queryClient: QueryClient): void {
  if (watched.has(queryClient)) return;
  watched.add(queryClient);
  queryClient.getQueryCache().subscribe((event) => {
    const query = event.query as AnyQuery;
    const key = parseKey(query.queryKey);
    if (!key) return;
    if (event.type !== "updated") return;
    const { action } = event;
    if (action.type === "fetch") return void fetchStarts.set(query, Date.now());
    if (action.type !== "success") return;
    const data = query.state.data;
    if (action.manual && sharePatchedData.marked(data)) return; // a view of ours
    const started = action.manual ? undefined : fetchStarts.get(query);
    const missed = (started === undefined ? [] : recentChanges.since(queryClient, key.collection, started)).map(
      ({ change, options }) => ({ change, options: { ...options, replay: true, only: query.queryKey } }),
    );
    // `only`: this query's data is the server's now (and the others did not change). What a
    // replay cannot place without counting twice is fetched again, after the change.
    const { undecided } = serverChanges.apply(queryClient, key.collection, { changes: missed, only: query });
    for (const queryKey of undecided) void queryClient.invalidateQueries({ queryKey, exact: true });
  });
}
