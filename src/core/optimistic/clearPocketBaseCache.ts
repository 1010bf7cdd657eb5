import type { QueryClient } from "@tanstack/solid-query";
import { tombstones } from "../cache/tombstones";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { pendingWrites } from "./pendingWrites";
import { recentChanges } from "./recentChanges";

/**
 * Removes every cached PocketBase record from a QueryClient, for a change of signed-in user.
 * In-flight fetches (old auth) are cancelled, inactive queries removed, and active ones reset,
 * so mounted components refetch as the new user: `removeQueries` alone would leave them showing
 * the removed data. Settled mutations of this library go too (`useMutationState` would show the
 * previous user's variables and results); pending ones stay, so they can still settle, but their
 * writes are no longer shown: the refetched data is the next user's, with nothing replayed on it.
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
  pendingWrites.orphanAll(queryClient);
  recentChanges.clear(queryClient);
  tombstones.clear(queryClient);
  const mutations = queryClient.getMutationCache();
  for (const mutation of mutations.findAll({ mutationKey: queryKey })) {
    if (mutation.state.status !== "pending") mutations.remove(mutation);
  }
  await queryClient.cancelQueries({ queryKey });
  queryClient.removeQueries({ queryKey, type: "inactive" });
  await queryClient.resetQueries({ queryKey, type: "active" });
}
