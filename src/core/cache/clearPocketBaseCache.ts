import type { QueryClient } from "@tanstack/query-core";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";

/**
 * Removes every cached PocketBase record from a QueryClient, for a change of signed-in user:
 * no data of one user may be shown to the next. In-flight fetches (made with the old auth) are
 * cancelled, active queries are reset (mounted components drop their data and refetch with the
 * new auth) and inactive ones are removed. `removeQueries` alone is not enough: a mounted
 * observer keeps showing a removed query's data (pocketbase-protocol.md §8). Settled mutations
 * of this library go too: their variables and results are the previous user's data, and
 * `useMutationState` would show them.
 *
 * @param queryClient - The QueryClient to clear.
 * @returns A promise that settles once the active queries have refetched.
 * @example
 * ```ts
 * pb.authStore.onChange(() => void clearPocketBaseCache(queryClient));
 * ```
 */
export async function clearPocketBaseCache(queryClient: QueryClient): Promise<void> {
  const queryKey = pocketbaseKeys.all();
  const mutations = queryClient.getMutationCache();
  for (const mutation of mutations.findAll({ mutationKey: queryKey })) {
    if (mutation.state.status !== "pending") mutations.remove(mutation);
  }
  await queryClient.cancelQueries({ queryKey });
  queryClient.removeQueries({ queryKey, type: "inactive" });
  await queryClient.resetQueries({ queryKey, type: "active" });
}
