// A pending mutation of this library as TanStack holds it once its onMutate has returned: under
// its mutation key, its write in the context. For tests of the optimistic layer without a request.
import type { Mutation, MutationState, QueryClient } from "@tanstack/solid-query";
import { pocketbaseKeys } from "../../src/core/keys/pocketbaseKeys";
import type { PendingWrite } from "../../src/core/optimistic/pendingWrites";

/** Builds a pending mutation of `collection` ("posts" by default) that writes `write`. */
export function pendingMutation(queryClient: QueryClient, write: PendingWrite, collection = "posts"): Mutation<unknown, Error, unknown, unknown> {
  const state: MutationState<unknown, Error, unknown, unknown> = {
    context: { ours: { write }, identity: "users/alice" },
    data: undefined,
    error: null,
    failureCount: 0,
    failureReason: null,
    isPaused: false,
    status: "pending",
    variables: {},
    submittedAt: Date.now(),
  };
  return queryClient.getMutationCache().build(queryClient, { mutationKey: pocketbaseKeys.mutation(collection, write.type) }, state);
}
