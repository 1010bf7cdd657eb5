import type { MutationKey, QueryClient } from "@tanstack/solid-query";
import { sendingMutation } from "./sendingMutation";

/**
 * Whether an earlier attempt of the mutation being sent now may have reached the server, so the
 * server may have applied it and only its answer was lost. Two cases:
 *
 * - it is sent again (TanStack's `retry`) after a failure that carried no answer (status 0: the
 *   connection dropped, the request timed out);
 * - it was restored from a persisted cache and marked `sentBeforeReload` (the page went away
 *   while it was in flight; see `ownedPersister` for what counts).
 *
 * A create that then finds its id taken, or a delete that finds the record gone, is done; an
 * update with modifiers (`views+`) is not sent again blindly. A refused attempt (an answer with a
 * status) applied nothing, and is not sent again anyway (see `retryPolicy`).
 *
 * Tested by tests/sentAgain.test.tsx, tests/persistence.test.tsx (a lost answer for each kind of
 * write; a write restored after the page closed while it was in flight).
 * @internal
 */
export function mayHaveArrived(queryClient: QueryClient, mutationKey: MutationKey, variables: unknown): boolean {
  const mutation = sendingMutation(queryClient, mutationKey, variables);
  if ((mutation?.state.context as { sentBeforeReload?: boolean } | undefined)?.sentBeforeReload) return true;
  const reason = mutation?.state.failureReason as { status?: unknown; isAbort?: unknown } | null | undefined;
  return (mutation?.state.failureCount ?? 0) > 0 && reason?.status === 0 && reason.isAbort !== true;
}
