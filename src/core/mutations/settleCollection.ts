import type { QueryClient } from "@tanstack/solid-query";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";

/**
 * A mutation's `onSettled`: invalidates the collection's queries, but only when no other
 * mutation of the collection is in flight. A refetch started earlier would overwrite their
 * optimistic state with a server answer that predates them; the last to settle invalidates for
 * all. TanStack runs `onSettled` while the mutation still counts as pending, so "only us" is 1.
 * @returns The invalidation's promise, or `undefined` when another mutation will do it.
 * @internal
 */
export function settleCollection(queryClient: QueryClient, collection: string): Promise<void> | undefined {
  if (queryClient.isMutating({ mutationKey: pocketbaseKeys.collection(collection) }) > 1) return undefined;
  return queryClient.invalidateQueries({ queryKey: pocketbaseKeys.collection(collection) });
}
