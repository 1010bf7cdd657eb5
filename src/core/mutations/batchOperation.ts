import type { BatchOperation } from "./batchTypes";

/**
 * Reading one operation of a batch, in one place for the steps that send it, explain its failure
 * and find its files: the fields it sends, and the record it names.
 *
 * Tested by tests/useBatch.test.tsx, tests/useBatch.errors.test.tsx.
 * @internal
 */
export const batchOperation = {
  /** The fields it sends: a create's or an upsert's, an update's `data`; none for a delete. */
  fields(operation: BatchOperation): Record<string, unknown> | undefined {
    return "update" in operation ? operation.update.data : "delete" in operation ? undefined : "create" in operation ? operation.create : operation.upsert;
  },
  /** The record it names itself: an update's or a delete's id, or the id given to a create or an upsert. */
  id(operation: BatchOperation): string | undefined {
    return "update" in operation ? operation.update.id : "delete" in operation ? operation.delete : (batchOperation.fields(operation)?.id as string | undefined);
  },
};
