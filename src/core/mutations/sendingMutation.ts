import type { Mutation, MutationKey, QueryClient } from "@tanstack/solid-query";

/**
 * The pending mutation a `mutationFn` call belongs to, found in TanStack's MutationCache by key
 * and variables (the very object, or the id of a delete; the newest if several match). TanStack
 * hands a `mutationFn` neither the Mutation nor its `onMutate` result, yet sending needs both:
 * how the last attempt ended (`mayHaveArrived`) and who made the mutation (a paused mutation may
 * be sent after the signed-in user changed, or after a reload).
 *
 * Tested by tests/sentAgain.test.tsx, tests/persistence.test.tsx (a lost answer; a mutation
 * resumed after a reload or a change of user).
 * @internal
 */
export function sendingMutation(
  queryClient: QueryClient,
  mutationKey: MutationKey,
  variables: unknown,
): Mutation<unknown, Error, unknown, unknown> | undefined {
  return queryClient
    .getMutationCache()
    .findAll({ mutationKey, exact: true, status: "pending", predicate: (m) => m.state.variables === variables })
    .at(-1);
}
