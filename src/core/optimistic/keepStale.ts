import type { QueryClient } from "@tanstack/solid-query";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";

/**
 * Runs `write` (which patches cached data with `setQueryData`) and marks again the collection's
 * queries that TanStack knew to be stale before it: `setQueryData` counts as fresh data, but a
 * patched list that was invalidated (a hole only a refetch can fill, an entry left undecided)
 * still needs that refetch when it is next used.
 * @internal
 */
export function keepStale<T>(queryClient: QueryClient, collection: string, write: () => T): T {
  const stale = queryClient
    .getQueryCache()
    .findAll({ queryKey: pocketbaseKeys.collection(collection), predicate: (query) => query.state.isInvalidated });
  const result = write();
  for (const query of stale) if (!query.state.isInvalidated) query.invalidate();
  return result;
}
