import type { QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import type { RecordModel } from "pocketbase";
import { authIdentity } from "../auth/authIdentity";
import { findCachedRecord } from "../cache/findCachedRecord";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import type { PendingWrite } from "../optimistic/pendingWrites";
import { rebaseCollection } from "../optimistic/rebaseCollection";
import { applyModifiers } from "./applyModifiers";
import type { MutationSteps } from "./composeMutationOptions";
import { formatPocketBaseDate } from "./formatPocketBaseDate";
import { hasModifiers } from "./hasModifiers";
import { mayHaveArrived } from "./mayHaveArrived";
import type { RecordQueryParams } from "../types";
import { passwordVariables } from "./passwordVariables";
import { unsentError } from "./unsentError";
import { progressFetch, type UploadProgress } from "./progressFetch";
import { withFileNames } from "./withFileNames";
import { withoutPasswords } from "./withoutPasswords";

/**
 * Variables of an update: the record id and the fields to change. PocketBase's modifiers work
 * as on the server: `"views+": 1`, `"views-": 2`, `"tags+": "red"`, `"+tags": ["a"]`, `"tags-": "red"`.
 *
 * @example
 * ```ts
 * const variables: UpdateVariables = { id: post.id, data: { title: "Renamed", "views+": 1 } };
 * ```
 */
export interface UpdateVariables {
  /** Id of the record to update. */
  id: string;
  /** The fields to change (a partial record, modifiers allowed). */
  data: Record<string, unknown>;
}

/**
 * What an update's `onMutate` made of its variables.
 *
 * @example
 * ```ts
 * const update = useUpdateRecord("posts");
 * update.context?.ours.write; // the fields it shows until the server answers
 * ```
 */
export interface UpdateContext {
  /** Id of the record being updated. */
  id: string;
  /**
   * The fields it writes, modifiers resolved against the record as shown when it was made,
   * replayed on the server's state while the update is pending. Absent when nothing of the
   * record was cached (or `optimistic: false`): the record changes when the server answers.
   */
  write?: PendingWrite;
}

/**
 * The steps of an optimistic update, for `composeMutationOptions`. While pending, its fields are
 * replayed on the server's latest state of the record (another user's change of other fields
 * shows through); a failure recomputes the view without it, undoing only its own fields.
 *
 * Tested by tests/useUpdateRecord.test.tsx, tests/core/mutations/composeMutationOptions.userSwitch.test.tsx
 * (optimistic writes with modifiers, exact rollback, overlapping updates settling in either
 * order, a changed relation's expansion dropped, nothing left behind after a change of user).
 * @param options - `expand`/`fields` for the server's answer, `optimistic` (default true),
 *   `onUploadProgress`.
 * @internal
 */
export function updateRecordMutation<T = RecordModel>(
  pb: Client,
  queryClient: QueryClient,
  collection: string,
  options: RecordQueryParams & {
    optimistic?: boolean;
    onUploadProgress?: (progress: UploadProgress, variables: UpdateVariables) => void;
  },
): MutationSteps<T, UpdateVariables, UpdateContext> {
  const { optimistic = true, onUploadProgress, ...params } = options;
  return {
    kind: "update",
    mutationFn: async (variables) => {
      // Plain values may be written twice; `views+: 1` may not. Sent again after an attempt whose
      // answer was lost, it may already be applied: it is not sent, and the app decides.
      if (hasModifiers(variables.data) && mayHaveArrived(queryClient, pocketbaseKeys.mutation(collection, "update"), variables)) {
        throw unsentError(
          "unknown",
          `the update of "${variables.id}" in "${collection}" uses modifiers and its answer was lost, ` +
            "so the server may have applied it already. It was not sent again: read the record and send what is still missing. " +
            "Its variables are kept.",
        );
      }
      const fetch = progressFetch(onUploadProgress, variables);
      return pb.collection(collection).update<T>(variables.id, passwordVariables.reveal(variables.data), { ...params, requestKey: null, fetch });
    },

    onMutate: ({ id, data }) => {
      if (!optimistic || data instanceof FormData) return { id };
      const current = findCachedRecord(queryClient, collection, id);
      if (!current) return { id }; // nothing cached to show it on; the server's answer will be
      // Modifiers become values now: replayed on a state that already holds this update (its
      // own realtime echo), `views+: 1` must not count twice.
      // A file shows by its name until the answer brings the stored one (`useFileUrl` shows the
      // file itself meanwhile), so `photos+: file` appends as the server will.
      const { record, written } = applyModifiers(current, withoutPasswords(withFileNames(data)));
      const fields = Object.fromEntries(written.map((field) => [field, record[field]]));
      fields.updated = formatPocketBaseDate(new Date());
      return { id, write: { type: "update", id, fields } };
    },

    onSuccess: (answer, _variables, _ours, write) => {
      if (!write) return;
      const record = answer as unknown as RecordModel;
      rebaseCollection(queryClient, collection, { changes: [{ change: { type: "update", record }, options: { force: true } }] });
    },

    identity: () => authIdentity(pb.authStore.record),
  };
}
