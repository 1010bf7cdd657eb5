import type { QueryClient, QueryKey } from "@tanstack/solid-query";
import type Client from "pocketbase";
import { applyRecordChange } from "../cache/applyRecordChange";
import { authIdentity } from "../auth/authIdentity";
import { parseKey } from "../keys/parseKey";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { restoreRecordAt } from "../cache/restoreRecordAt";
import { settleCollection } from "./settleCollection";
import { toWindow } from "../cache/toWindow";
import type { MutationSteps } from "./composeMutationOptions";

/**
 * Where a deleted record stood, per cache entry, so a failed delete can put it back.
 *
 * @example
 * ```ts
 * const context: DeleteContext = { id: "abc", details: [], lists: [{ queryKey: pocketbaseKeys.list("posts"), record, index: 3 }] };
 * ```
 */
export interface DeleteContext {
  /** Id of the record being deleted. */
  id: string;
  /** Detail entries and their data before the delete. */
  details: Array<{
    /** The detail entry's key. */
    queryKey: QueryKey;
    /** Its data before the delete. */
    data: unknown;
  }>;
  /** Lists that held the record: the record as that list showed it, and its index there. */
  lists: Array<{
    /** The list's key. */
    queryKey: QueryKey;
    /** The record as that list showed it. */
    record: Record<string, unknown>;
    /** Its index in the list (in the page, for infinite lists). */
    index: number;
  }>;
}

/**
 * The steps of an optimistic delete, for `composeMutationOptions`: the record leaves every
 * cached list and its details at once; if the server refuses, it goes back at its index in each
 * list (unless something else put it back meanwhile) and its details are restored.
 *
 * Tested by tests/useDeleteRecord.test.tsx (removal from every list kind and the detail, then the
 * cache exactly restored after a 500, a network failure or a 403).
 * @internal
 */
export function deleteRecordMutation(
  pb: Client,
  queryClient: QueryClient,
  collection: string,
  options: { optimistic?: boolean },
): MutationSteps<boolean, string, DeleteContext | undefined> {
  const { optimistic = true } = options;
  return {
    kind: "delete",
    mutationFn: (id) => pb.collection(collection).delete(id, { requestKey: null }),

    onMutate: async (id) => {
      if (!optimistic) return undefined;
      await queryClient.cancelQueries({ queryKey: pocketbaseKeys.collection(collection) });
      const context: DeleteContext = { id, details: [], lists: [] };
      for (const [queryKey, data] of queryClient.getQueriesData({ queryKey: pocketbaseKeys.collection(collection) })) {
        const key = parseKey(queryKey);
        if (!key || data === undefined) continue;
        if (key.kind === "detail") {
          if (key.id === id) context.details.push({ queryKey, data });
          continue;
        }
        const items = toWindow(key.kind, data)?.items ?? [];
        const index = items.findIndex((row) => row.id === id);
        if (index >= 0) context.lists.push({ queryKey, record: items[index]!, index });
      }
      applyRecordChange(queryClient, collection, { type: "delete", id });
      return context;
    },

    onSuccess: (_ok, id, ours, write) => {
      if (write && !ours) applyRecordChange(queryClient, collection, { type: "delete", id });
    },

    onError: (_error, _id, ours, write) => {
      if (!ours || !write) return;
      for (const { queryKey, data } of ours.details) {
        if (queryClient.getQueryData(queryKey) === undefined) queryClient.setQueryData(queryKey, data);
      }
      for (const { queryKey, record, index } of ours.lists) {
        const kind = parseKey(queryKey)?.kind;
        if (kind === undefined || kind === "detail") continue;
        const restored = restoreRecordAt(kind, queryClient.getQueryData(queryKey), record, index);
        if (restored !== undefined) queryClient.setQueryData(queryKey, restored);
      }
    },

    onSettled: () => settleCollection(queryClient, collection),

    identity: () => authIdentity(pb.authStore.record),
  };
}
