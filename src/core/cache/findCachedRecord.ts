import type { QueryClient } from "@tanstack/query-core";
import type { RecordModel } from "pocketbase";
import { cachedRecords } from "./cachedRecords";

/**
 * Finds a cached copy of a record anywhere in a collection's queries, preferring a detail.
 * Copies cut down by `fields` are skipped: a partial record must not stand in for the whole.
 *
 * @param cache - The QueryClient (only `getQueriesData` is used).
 * @param collection - Collection name or id, as used in the query keys.
 * @param id - The record id.
 * @returns The cached record, or `undefined` when no query holds it.
 * @example
 * ```ts
 * const before = findCachedRecord(queryClient, "posts", id);
 * ```
 */
export function findCachedRecord<T extends RecordModel = RecordModel>(
  cache: Pick<QueryClient, "getQueriesData">,
  collection: string,
  id: string,
): T | undefined {
  let fromList: T | undefined;
  for (const [key, record] of cachedRecords<T>(cache, collection)) {
    if (record.id !== id || key.params.fields) continue;
    if (key.kind === "detail") return record;
    fromList ??= record;
  }
  return fromList;
}
