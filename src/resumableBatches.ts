import type { QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import { batchMutationOptions } from "./core/mutations/batchMutationOptions";
import { restoredBatches, type BatchSteps } from "./core/persist/restoredBatches";

/**
 * Lets a persisted app send the batches ({@link useBatch}) restored after a reload: a batch made
 * offline is stored with the cache, restored, and sent once when the app is back online, as the
 * single-record writes are. Call it once, next to {@link pocketbasePersistOptions}, before the
 * cache is restored. Kept apart from the persistence glue so that an app that makes no batches
 * does not bundle them. Without it, a restored batch fails with an error that says to call it.
 *
 * @param pb - The PocketBase client of the app.
 * @param queryClient - The QueryClient the app persists.
 * @returns Nothing.
 * @example
 * ```ts
 * const persistOptions = pocketbasePersistOptions(pb, queryClient, { persister });
 * resumableBatches(pb, queryClient);
 * ```
 */
export function resumableBatches(pb: Client, queryClient: QueryClient): void {
  restoredBatches.set(queryClient, batchMutationOptions(pb, queryClient, {}, {}) as unknown as BatchSteps);
}
