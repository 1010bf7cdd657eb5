import type { QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import { authIdentity } from "../auth/authIdentity";
import type { PendingWrite } from "../optimistic/pendingWrites";
import { rebaseCollection } from "../optimistic/rebaseCollection";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import type { MutationSteps } from "./composeMutationOptions";
import { mayHaveArrived } from "./mayHaveArrived";

/**
 * What a delete's `onMutate` made of its variables.
 *
 * @example
 * ```ts
 * const remove = useDeleteRecord("posts");
 * remove.context?.ours.id; // the record being deleted
 * ```
 */
export interface DeleteContext {
  /** Id of the record being deleted. */
  id: string;
  /** The removal, replayed on the server's state while the delete is pending (absent with `optimistic: false`). */
  write?: PendingWrite;
}

/**
 * The steps of an optimistic delete, for `composeMutationOptions`: the record leaves every
 * cached list while the delete is pending; if the server refuses, the view is recomputed
 * without it, so the record is back where the server's state has it now (its sorted place,
 * even when the rows around it moved meanwhile).
 *
 * Tested by tests/useDeleteRecord.test.tsx (removal from every list kind and the detail, then the
 * cache restored after a 500, a network failure or a 403).
 * @internal
 */
export function deleteRecordMutation(
  pb: Client,
  queryClient: QueryClient,
  collection: string,
  options: { optimistic?: boolean },
): MutationSteps<boolean, string, DeleteContext> {
  const { optimistic = true } = options;
  return {
    kind: "delete",
    mutationFn: async (id) => {
      const again = mayHaveArrived(queryClient, pocketbaseKeys.mutation(collection, "delete"), id);
      try {
        return await pb.collection(collection).delete(id, { requestKey: null });
      } catch (error) {
        // Sent again after an attempt whose answer was lost: the record is gone, as it should be.
        // (A first attempt's 404 stays an error: the record may be hidden by a rule.)
        if (again && (error as { status?: number }).status === 404) return true;
        throw error;
      }
    },

    onMutate: (id) => (optimistic ? { id, write: { type: "delete", id } } : { id }),

    onSuccess: (_ok, id, _ours, write) => {
      if (write) rebaseCollection(queryClient, collection, { changes: [{ change: { type: "delete", id } }] });
    },

    identity: () => authIdentity(pb.authStore.record),
  };
}
