import type { QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import { findCachedRecord } from "../cache/findCachedRecord";
import type { CollectionWrite } from "../optimistic/pendingWrites";
import { rebaseCollection } from "../optimistic/rebaseCollection";
import { batchIds } from "./batchIds";
import { batchOperation } from "./batchOperation";
import type { BatchContext, BatchOperation } from "./batchTypes";
import { createRecordMutation, type CreateVariables } from "./createRecordMutation";
import { deleteRecordMutation } from "./deleteRecordMutation";
import { newRecordId } from "./newRecordId";
import { updateRecordMutation } from "./updateRecordMutation";

/**
 * Each operation of a batch prepared as the single-record hooks prepare theirs (their own
 * `onMutate`): its record id (a create's kept per array and index, `batchIds`) and the write it
 * shows. An operation on a record an earlier operation of the batch wrote is prepared on the view
 * with that write in it (`draft`, then a rebase), so `views+: 1` after a create counts from the
 * created record. An upsert of a record shown here is an update; otherwise it shows as a create.
 *
 * Tested by tests/useBatch.test.tsx (two collections, one fields object used twice, a reused
 * template, a double click).
 * @param optimistic - Whether the operations show before the answer (else only their ids).
 * @param draft - Records the writes so far on the batch's mutation, before a rebase.
 * @returns The batch's ids, collections and writes.
 * @internal
 */
export function prepareBatch(
  pb: Client,
  queryClient: QueryClient,
  operations: BatchOperation[],
  optimistic: boolean,
  draft?: (writes: CollectionWrite[]) => void,
): BatchContext {
  const ids: string[] = [];
  const collections: string[] = [];
  const writes: CollectionWrite[] = [];
  const written = new Set<string>();
  const generated = batchIds.get(operations) ?? [];
  batchIds.set(operations, generated);
  const options = { optimistic };
  for (const [index, operation] of operations.entries()) {
    const { collection } = operation;
    if (!collections.includes(collection)) collections.push(collection);
    const target = "update" in operation || "delete" in operation ? batchOperation.id(operation) : undefined;
    if (draft && target !== undefined && written.has(`${collection}/${target}`)) {
      draft(writes.slice());
      rebaseCollection(queryClient, collection);
    }
    const created = (fields: CreateVariables) => ({ ...fields, id: fields.id || (generated[index] ??= newRecordId()) });
    let ours: { id: string; write?: CollectionWrite["write"] };
    if ("create" in operation) ours = createRecordMutation(pb, queryClient, collection, options).onMutate(created(operation.create));
    else if ("update" in operation) ours = updateRecordMutation(pb, queryClient, collection, options).onMutate(operation.update);
    else if ("delete" in operation) ours = deleteRecordMutation(pb, queryClient, collection, options).onMutate(operation.delete);
    else {
      const { id, ...data } = operation.upsert;
      ours =
        id && findCachedRecord(queryClient, collection, id)
          ? updateRecordMutation(pb, queryClient, collection, options).onMutate({ id, data })
          : createRecordMutation(pb, queryClient, collection, options).onMutate(created(operation.upsert));
    }
    ids.push(ours.id);
    written.add(`${collection}/${ours.id}`);
    if (ours.write) writes.push({ collection, write: ours.write });
  }
  return { ids, collections, writes };
}
