import { pocketbaseKeys } from "./pocketbaseKeys";

/**
 * The mutation key of this library's batches (`useBatch`): `["pocketbase", "@batch", "batch"]`.
 * One key for every batch, whatever collections it touches: its writes are found per collection
 * in its context (`pendingWrites`). Under `["pocketbase"]`, so a change of user finds its batches
 * with its other writes; `@batch` cannot be a collection name. Kept out of `pocketbaseKeys` so
 * that apps without batches do not bundle it.
 *
 * Tested by tests/useBatch.test.tsx.
 *
 * @returns The key.
 * @example
 * ```ts
 * const waiting = queryClient.isMutating({ mutationKey: batchKey() });
 * ```
 */
export function batchKey() {
  return [...pocketbaseKeys.all(), "@batch", "batch"] as const;
}
