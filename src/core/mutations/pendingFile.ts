import type { QueryClient } from "@tanstack/solid-query";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { writeKind } from "../keys/writeKind";
import { blobName } from "./blobName";

/**
 * The `File`/`Blob` a pending create or update of this record carries under this name, or
 * `undefined`. A pending record shows a file by its name (`withFileNames`); the file itself stays
 * in the mutation's variables, where TanStack keeps it until the write settles, and nowhere
 * else. The newest write wins. A create is matched by its id once its `onMutate` has named one
 * (before that, by the name alone).
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
  const mutationKey = record.collectionName ? pocketbaseKeys.collection(record.collectionName) : pocketbaseKeys.all();
  const mutations = queryClient.getMutationCache().findAll({ mutationKey, status: "pending" });
  for (let i = mutations.length - 1; i >= 0; i--) {
    const { options, state } = mutations[i]!;
    const kind = writeKind(options.mutationKey);
    const variables = state.variables as Record<string, unknown> | undefined;
    if (!variables || (kind !== "create" && kind !== "update")) continue;
    const data = kind === "update" ? (variables.data as Record<string, unknown> | undefined) : variables;
    const id = kind === "update" ? variables.id : (variables.id ?? (state.context as { ours?: { id?: string } } | undefined)?.ours?.id);
    if (!data || (id !== undefined && id !== record.id)) continue;
    for (const value of Object.values(data)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (blobName(item) === filename) return item as Blob;
      }
    }
  }
  return undefined;
}
