import type { QueryClient } from "@tanstack/query-core";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";

/**
 * Called from a mutation's `onSettled` (every mutation of this library runs under the mutation
 * key `pocketbaseKeys.collection(collection)`, so they can see each other): invalidates the collection's queries, but only when no
 * other mutation of the same collection is still in flight. A refetch started earlier would
 * overwrite the optimistic state of those mutations with a server answer that predates them;
 * the last one to settle invalidates for all.
 *
 * TanStack runs `onSettled` while the mutation still counts as pending, so "only us" is 1.
 *
 * @param queryClient - The QueryClient.
 * @param collection - Collection name or id.
 * @returns The invalidation's promise, or `undefined` when another mutation will do it.
 * @example
 * ```ts
 * onSettled: () => settleCollection(queryClient, "posts"),
 * ```
 */
export function settleCollection(queryClient: QueryClient, collection: string): Promise<void> | undefined {
  if (queryClient.isMutating({ mutationKey: pocketbaseKeys.collection(collection) }) > 1) return undefined;
  return queryClient.invalidateQueries({ queryKey: pocketbaseKeys.collection(collection) });
}
