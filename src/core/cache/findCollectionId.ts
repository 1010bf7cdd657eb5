import type { QueryClient } from "@tanstack/query-core";
import { cachedRecords } from "./cachedRecords";

/**
 * The `collectionId` of a collection, read from any record of it in the cache. The SDK knows
 * collections by name only and reading the schema needs a superuser, so an optimistic record
 * takes the id from its cached siblings.
 *
 * @param cache - The QueryClient (only `getQueriesData` is used).
 * @param collection - Collection name or id.
 * @returns The id, or `undefined` when nothing of the collection is cached.
 * @example
 * ```ts
 * findCollectionId(queryClient, "posts"); // "pbc_1125843985"
 * ```
 */
export function findCollectionId(cache: Pick<QueryClient, "getQueriesData">, collection: string): string | undefined {
  for (const [, record] of cachedRecords(cache, collection)) {
    if (record.collectionId) return record.collectionId;
  }
  return undefined;
}
