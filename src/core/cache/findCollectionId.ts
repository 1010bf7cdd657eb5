import type { QueryClient } from "@tanstack/solid-query";
import { cachedRecords } from "./cachedRecords";

/**
 * The `collectionId` of a collection, read from its cached records for an optimistic record:
 * the SDK knows collections by name only, and reading the schema needs a superuser.
 * @internal
 */
export function findCollectionId(cache: Pick<QueryClient, "getQueriesData">, collection: string): string | undefined {
  for (const [, record] of cachedRecords(cache, collection)) {
    if (record.collectionId) return record.collectionId;
  }
  return undefined;
}
