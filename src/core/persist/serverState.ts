import type { DehydratedState, QueryClient } from "@tanstack/solid-query";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { rebaseCollection } from "../optimistic/rebaseCollection";
import { serverSnapshots } from "../optimistic/serverSnapshots";

type AnyQuery = Parameters<typeof serverSnapshots.serverOf>[2];

/**
 * The persisted cache holds the server's state, never a view with pending writes in it, and the
 * writes are replayed on it after a restore. A stored view would keep rows of writes that are
 * not stored with it (a create with a file), or that failed since; restored as the server's
 * data, such a row would stay with nothing to take it away.
 *
 * Tested by tests/persistence.files.test.tsx, tests/persistence.test.tsx (a write that is not
 * stored leaves no row after a reload; restored writes shown on the restored lists).
 * @internal
 */
export const serverState = {
  /** `state` with each of this library's queries holding its server data (a query with none is left out). */
  of(queryClient: QueryClient, state: DehydratedState): DehydratedState {
    const cache = queryClient.getQueryCache();
    const queries = state.queries.flatMap((dehydrated) => {
      const [root, collection] = dehydrated.queryKey;
      const query = cache.get(dehydrated.queryHash) as AnyQuery | undefined;
      if (root !== pocketbaseKeys.all()[0] || typeof collection !== "string" || !query || query.state.data !== dehydrated.state.data) {
        return [dehydrated];
      }
      const data = serverSnapshots.serverOf(queryClient, collection, query);
      return data === undefined ? [] : [{ ...dehydrated, state: { ...dehydrated.state, data } }];
    });
    return { ...state, queries };
  },

  /**
   * After `state` was restored: its writes shown on the restored server data. Every restored
   * collection is rebased (one without pending writes costs a lookup), so a batch's collections
   * need no reading of its context.
   */
  replay(queryClient: QueryClient, state: DehydratedState): void {
    const collections = new Set(state.queries.map(({ queryKey }) => queryKey[1]));
    for (const collection of collections) if (typeof collection === "string") rebaseCollection(queryClient, collection);
  },
};
