import type { QueryClient } from "@tanstack/solid-query";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { writeKind } from "../keys/writeKind";
import { batchOperation } from "./batchOperation";
import type { BatchOperation } from "./batchTypes";
import { blobName } from "./blobName";
import { batchIds } from "./batchIds";
import { createdIds } from "./createdIds";

/**
 * The `File`/`Blob` a pending create or update of this record carries under this name, or
 * `undefined`. A pending record shows a file by its name (`withFileNames`); the file itself stays
 * in the mutation's variables, where TanStack keeps it until the write settles, and nowhere
 * else. The newest write wins. Each write is matched by the record it sends (a create's id from
 * `createdIds` or its context, a batch's operations one by one), never by the file name alone.
 *
 * Tested by tests/useFileUrl.pending.test.tsx (a create's and an update's file shown before the
 * answer, modifiers, another record's file of the same name not shown).
 * @internal
 */
export function pendingFile(
  queryClient: QueryClient,
  record: { id: string; collectionName?: string },
  filename: string,
): Blob | undefined {
  const mutations = queryClient.getMutationCache().findAll({
    mutationKey: pocketbaseKeys.all(),
    status: "pending",
    predicate: ({ options }) => !record.collectionName || [record.collectionName, "@batch"].includes(options.mutationKey![1] as string),
  });
  for (let i = mutations.length - 1; i >= 0; i--) {
    const { options, state } = mutations[i]!;
    const kind = writeKind(options.mutationKey);
    const variables = state.variables as Record<string, unknown> | undefined;
    const ours = (state.context as { ours?: { id?: string; ids?: string[] } } | undefined)?.ours;
    // (record id, fields) of each record the write sends. The id is known from `mutate()` on
    // (`createdIds`, `batchIds`; the context once `onMutate` has returned, until it settles);
    // a write whose record is not known is skipped, never matched by the file name alone.
    const sent: [unknown, Record<string, unknown> | undefined][] =
      kind === "update"
        ? [[variables?.id, variables?.data as Record<string, unknown>]]
        : kind === "create"
          ? [[variables && (variables.id ?? createdIds.get(variables) ?? ours?.id), variables]]
          : kind === "batch"
            ? (variables as unknown as BatchOperation[]).map((operation, index) => {
                const id = batchOperation.id(operation) ?? batchIds.get(variables!)?.[index] ?? ours?.ids?.[index];
                return [operation.collection === record.collectionName || !record.collectionName ? id : undefined, batchOperation.fields(operation)];
              })
            : [];
    for (const [id, data] of sent) {
      if (!data || id !== record.id) continue;
      for (const value of Object.values(data)) {
        for (const item of Array.isArray(value) ? value : [value]) {
          if (blobName(item) === filename) return item as Blob;
        }
      }
    }
  }
  return undefined;
}
