import type { QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import { ClientResponseError, type RecordModel } from "pocketbase";
import { authIdentity } from "../auth/authIdentity";
import { findCollectionId } from "../cache/findCollectionId";
import { sharePatchedData } from "../cache/sharePatchedData";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import type { PendingWrite } from "../optimistic/pendingWrites";
import { rebaseCollection } from "../optimistic/rebaseCollection";
import type { MutationSteps } from "./composeMutationOptions";
import { formatPocketBaseDate } from "./formatPocketBaseDate";
import { mayHaveArrived } from "./mayHaveArrived";
import { createdIds } from "./createdIds";
import { newRecordId } from "./newRecordId";
import { passwordVariables } from "./passwordVariables";
import { progressFetch, type UploadProgress } from "./progressFetch";
import { withFileNames } from "./withFileNames";
import { withoutPasswords } from "./withoutPasswords";
import type { RecordQueryParams } from "../types";

/**
 * Variables of a create: the new record's fields, optionally with its `id`.
 *
 * @example
 * ```ts
 * const variables: CreateVariables = { title: "Hello", "tags+": "news" };
 * ```
 */
export type CreateVariables = Record<string, unknown> & {
  /** The new record's id; generated on the client when left out. */
  id?: string;
};

/**
 * What a create's `onMutate` made of its variables.
 *
 * @example
 * ```ts
 * const create = useCreateRecord("posts");
 * create.context?.ours.id; // the id the new record is created with
 * ```
 */
export interface CreateContext {
  /** The id the record is created with (the caller's, or one generated here). */
  id: string;
  /** Whether the record shows before the server answers. */
  optimistic: boolean;
  /** The optimistic record, replayed on the server's state while the create is pending. */
  write?: PendingWrite;
}

function idFor(variables: CreateVariables): string {
  if (variables.id) return variables.id;
  let id = createdIds.get(variables);
  if (!id) createdIds.set(variables, (id = newRecordId()));
  return id;
}

/**
 * The steps of an optimistic create, for `composeMutationOptions`. The record gets its id on the
 * client unless the caller gave one (see {@link newRecordId} for why), so the optimistic row, the
 * server's answer and its realtime echo are one row.
 * @param options - `expand`/`fields` for the server's answer, `optimistic` (default true),
 *   `onUploadProgress`.
 * @internal
 */
export function createRecordMutation<T = RecordModel>(
  pb: Client,
  queryClient: QueryClient,
  collection: string,
  options: RecordQueryParams & {
    optimistic?: boolean;
    onUploadProgress?: (progress: UploadProgress, variables: CreateVariables) => void;
  },
): MutationSteps<T, CreateVariables, CreateContext> {
  const { optimistic = true, onUploadProgress, ...params } = options;
  return {
    kind: "create",
    mutationFn: async (variables) => {
      const id = idFor(variables);
      const again = mayHaveArrived(queryClient, pocketbaseKeys.mutation(collection, "create"), variables);
      try {
        const fetch = progressFetch(onUploadProgress, variables);
        return await pb.collection(collection).create<T>({ ...passwordVariables.reveal(variables), id }, { ...params, requestKey: null, fetch });
      } catch (error) {
        // Sent again after an attempt whose answer was lost: if that attempt created the record,
        // the server now refuses its id as taken. The record is this create's: it is done.
        if (again && idTaken(error)) return pb.collection(collection).getOne<T>(id, { ...params, requestKey: null });
        throw error;
      }
    },

    onMutate: (variables) => {
      const id = idFor(variables);
      if (!optimistic || variables instanceof FormData) return { id, optimistic: false };
      const now = formatPocketBaseDate(new Date());
      const record = {
        collectionId: findCollectionId(queryClient, collection) ?? "",
        collectionName: collection,
        created: now,
        updated: now,
        ...withoutPasswords(withFileNames(variables)),
        id,
      } as RecordModel;
      // `detail`: a page opened for the new record right away shows it without a request.
      return { id, optimistic: true, write: { type: "create", record, detail: params } };
    },

    onSuccess: (answer, variables, _ours, write) => {
      // The id served its purpose: a later create from the same object is a new record.
      createdIds.delete(variables);
      if (!write) return;
      const record = answer as unknown as RecordModel;
      // The server's record enters the server's state where the optimistic one stood (a new
      // record: last among equals). `force`: its `updated` comes from the server's clock.
      rebaseCollection(queryClient, collection, { changes: [{ change: { type: "create", record }, options: { force: true } }] });
      // The detail entry is the server's record now (built with the library's structural sharing
      // if the create made none: TanStack's default would copy data the rebase must recognise).
      const queryKey = pocketbaseKeys.detail(collection, record.id, params);
      queryClient.getQueryCache().build(queryClient, { queryKey, structuralSharing: sharePatchedData });
      queryClient.setQueryData(queryKey, record);
    },

    identity: () => authIdentity(pb.authStore.record),
  };
}

/** PocketBase's answer to a create whose id a record already has: a 400 on the `id` field. */
function idTaken(error: unknown): boolean {
  return error instanceof ClientResponseError && error.status === 400 && Boolean(error.response?.data?.id);
}
