import type { MutationKey, QueryClient } from "@tanstack/solid-query";

/**
 * Whether an earlier attempt of the mutation being sent now may have reached the server: it is
 * sent again (TanStack's `retry`) after a failure that carried no answer (status 0: the
 * connection dropped, the request timed out), so the server may have applied it and only its
 * answer was lost. A create that then finds its id taken, or a delete that finds the record gone,
 * is done; an update with modifiers (`views+`) is not sent again blindly. A refused attempt (an
 * answer with a status) applied nothing, and is not sent again anyway (see `retryPolicy`).
 *
 * The mutation is found in TanStack's MutationCache by key and variables (the very object, or
 * the id of a delete): its `failureCount` and `failureReason` say how the last attempt ended.
 *
 * Tested by tests/sentAgain.test.tsx (a lost answer for each kind of write).
 * @internal
 */
export function mayHaveArrived(queryClient: QueryClient, mutationKey: MutationKey, variables: unknown): boolean {
  const mutation = queryClient
    .getMutationCache()
    .findAll({ mutationKey, exact: true, status: "pending", predicate: (m) => m.state.variables === variables })
    .at(-1);
  const reason = mutation?.state.failureReason as { status?: unknown; isAbort?: unknown } | null | undefined;
  return (mutation?.state.failureCount ?? 0) > 0 && reason?.status === 0 && reason.isAbort !== true;
}
