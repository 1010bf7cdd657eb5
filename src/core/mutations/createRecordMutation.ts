import type { QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import type { RecordModel } from "pocketbase";
import { applyRecordChange } from "../cache/applyRecordChange";
import { authIdentity } from "../auth/authIdentity";
import { findCollectionId } from "../cache/findCollectionId";
import { formatPocketBaseDate } from "./formatPocketBaseDate";
import { newRecordId } from "./newRecordId";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { settleCollection } from "./settleCollection";
import type { MutationSteps } from "./composeMutationOptions";
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
 * What a create's `onMutate` remembers for rollback.
 *
 * @example
 * ```ts
 * const context: CreateContext = { id: "abc123def456ghi", optimistic: true };
 * ```
 */
export interface CreateContext {
  /** The id the record is created with (the caller's, or one generated here). */
  id: string;
  /** Whether an optimistic row was written. */
  optimistic: boolean;
}

// The id generated per variables object: the same object retried (TanStack's retry, or the
// user's `mutate(variables)`) keeps its id, so a create whose answer was lost cannot become two
// records; the server refuses the second.
const generatedIds = new WeakMap<object, string>();

function idFor(variables: CreateVariables): string {
  if (variables.id) return variables.id;
  let id = generatedIds.get(variables);
  if (!id) {
    id = newRecordId();
    generatedIds.set(variables, id);
  }
  return id;
}

/**
 * The steps of an optimistic create, for `composeMutationOptions`. The record gets its id on the
 * client unless the caller gave one (see {@link newRecordId} for why).
 * @param options - `expand`/`fields` for the server's answer, `optimistic` (default true).
 * @internal
 */
export function createRecordMutation<T = RecordModel>(
  pb: Client,
  queryClient: QueryClient,
  collection: string,
  options: RecordQueryParams & { optimistic?: boolean },
): MutationSteps<T, CreateVariables, CreateContext> {
  const { optimistic = true, ...params } = options;
  return {
    kind: "create",
    mutationFn: (variables) =>
      pb.collection(collection).create<T>({ ...variables, id: idFor(variables) }, { ...params, requestKey: null }),

    onMutate: async (variables) => {
      const id = idFor(variables);
      if (!optimistic || variables instanceof FormData) return { id, optimistic: false };
      await queryClient.cancelQueries({ queryKey: pocketbaseKeys.collection(collection) });
      const now = formatPocketBaseDate(new Date());
      const record = {
        collectionId: findCollectionId(queryClient, collection) ?? "",
        collectionName: collection,
        created: now,
        updated: now,
        ...withFileNames(variables),
        id,
      } as RecordModel;
      applyRecordChange(queryClient, collection, { type: "create", record });
      // A detail page opened for the new record right away shows it without a request.
      queryClient.setQueryData(pocketbaseKeys.detail(collection, id, params), record);
      return { id, optimistic: true };
    },

    onSuccess: (answer, variables, _ours, write) => {
      // The id served its purpose: a later create from the same object is a new record.
      generatedIds.delete(variables);
      if (!write) return;
      const record = answer as unknown as RecordModel;
      // The server's record replaces the optimistic one everywhere. `force`: its `updated`
      // comes from the server's clock and may be earlier than our optimistic timestamp.
      applyRecordChange(queryClient, collection, { type: "update", record }, { force: true });
      queryClient.setQueryData(pocketbaseKeys.detail(collection, record.id, params), record);
    },

    onError: (_error, _variables, ours, write) => {
      if (write && ours?.optimistic) applyRecordChange(queryClient, collection, { type: "delete", id: ours.id });
    },

    onSettled: () => settleCollection(queryClient, collection),

    identity: () => authIdentity(pb.authStore.record),
  };
}

/** Files show as their names until the server answers with the stored file names. */
function withFileNames(variables: CreateVariables): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(variables)) {
    if (typeof Blob !== "undefined" && value instanceof Blob) out[key] = fileName(value);
    else if (Array.isArray(value) && value.some((v) => typeof Blob !== "undefined" && v instanceof Blob)) {
      out[key] = value.map((v) => (v instanceof Blob ? fileName(v) : v));
    } else out[key] = value;
  }
  return out;
}

function fileName(blob: Blob): string {
  return "name" in blob && typeof blob.name === "string" ? blob.name : "";
}
