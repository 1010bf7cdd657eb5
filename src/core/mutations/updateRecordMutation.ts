import type { QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import type { RecordModel } from "pocketbase";
import { applyModifiers } from "./applyModifiers";
import { applyRecordChange } from "../cache/applyRecordChange";
import { authIdentity } from "../auth/authIdentity";
import { findCachedRecord } from "../cache/findCachedRecord";
import { formatPocketBaseDate } from "./formatPocketBaseDate";
import { pendingUpdates, type PendingUpdate } from "./pendingUpdates";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { sameJson } from "../cache/sameJson";
import { settleCollection } from "./settleCollection";
import type { MutationSteps } from "./composeMutationOptions";
import type { RecordQueryParams } from "../types";

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
 * What an update's `onMutate` remembers: its entry in the record's ledger of updates in flight.
 *
 * @example
 * ```ts
 * const update = useUpdateRecord("posts");
 * update.context?.ours?.id; // the record the pending update is about
 * ```
 */
export interface UpdateContext {
  /** Id of the record being updated. */
  id: string;
  /** This update's entry in the record's ledger of updates in flight. */
  pending: PendingUpdate;
}

/**
 * The steps of an optimistic update, for `composeMutationOptions`. Overlapping updates of one
 * record go through the ledger {@link pendingUpdates}, so a failure undoes only its own fields.
 *
 * Tested by tests/useUpdateRecord.test.tsx, tests/core/mutations/composeMutationOptions.userSwitch.test.tsx
 * (optimistic writes with modifiers, exact rollback, overlapping updates settling in either
 * order, a changed relation's expansion dropped, nothing left behind after a change of user).
 * @param options - `expand`/`fields` for the server's answer, `optimistic` (default true).
 * @internal
 */
export function updateRecordMutation<T = RecordModel>(
  pb: Client,
  queryClient: QueryClient,
  collection: string,
  options: RecordQueryParams & { optimistic?: boolean },
): MutationSteps<T, UpdateVariables, UpdateContext | undefined> {
  const { optimistic = true, ...params } = options;
  return {
    kind: "update",
    mutationFn: ({ id, data }) => pb.collection(collection).update<T>(id, data, { ...params, requestKey: null }),

    onMutate: async ({ id, data }) => {
      if (!optimistic || data instanceof FormData) return undefined;
      await queryClient.cancelQueries({ queryKey: pocketbaseKeys.collection(collection) });
      const current = findCachedRecord(queryClient, collection, id);
      if (!current) return undefined;
      const { record, written } = applyModifiers(current, data);
      const next = {
        ...record,
        expand: withoutChangedRelations(current, record, written),
        updated: formatPocketBaseDate(new Date()),
      } as unknown as RecordModel;
      applyRecordChange(queryClient, collection, { type: "update", record: next }, { force: true });
      const identity = authIdentity(pb.authStore.record);
      return { id, pending: pendingUpdates.begin(queryClient, identity, `${collection}/${id}`, current, data, written) };
    },

    onSuccess: (answer, _variables, ours, write) => {
      const record = answer as unknown as RecordModel;
      const shown = ours ? pendingUpdates.succeed(queryClient, `${collection}/${ours.id}`, ours.pending, record) : record;
      if (!write) return;
      applyRecordChange(queryClient, collection, { type: "update", record: shown as RecordModel }, { force: true });
    },

    onError: (_error, _variables, ours, write) => {
      if (!ours) return;
      const restore = pendingUpdates.fail(queryClient, `${collection}/${ours.id}`, ours.pending);
      if (!write) return;
      const current = findCachedRecord(queryClient, collection, ours.id);
      if (!current) return;
      const record = { ...current, ...restore } as RecordModel;
      applyRecordChange(queryClient, collection, { type: "update", record }, { force: true });
    },

    onSettled: () => settleCollection(queryClient, collection),

    identity: () => authIdentity(pb.authStore.record),
  };
}

// A relation the update changes no longer matches its cached expansion: showing the old
// expanded record (the old ward's name for a new ward id) would be wrong, so it is dropped
// until the server's answer brings the new one.
function withoutChangedRelations(current: RecordModel, next: Record<string, unknown>, written: string[]) {
  const expand = current.expand as Record<string, unknown> | undefined;
  if (!expand) return undefined;
  const stale = written.filter((field) => field in expand && !sameJson(current[field], next[field]));
  if (stale.length === 0) return expand;
  return Object.fromEntries(Object.entries(expand).filter(([field]) => !stale.includes(field)));
}
