import type { QueryClient } from "@tanstack/query-core";
import type { RecordModel } from "pocketbase";
import { parseKey, type ParsedKey } from "../keys/parseKey";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { recordsOf } from "./recordsOf";

/**
 * Every record cached in a collection's queries, with the key of the query holding it: the
 * data of details, and the items of pages, full lists and infinite lists.
 *
 * @param cache - The QueryClient (only `getQueriesData` is used).
 * @param collection - Collection name or id, as used in the query keys.
 * @returns A generator of `[key, record]` pairs.
 * @example
 * ```ts
 * for (const [key, record] of cachedRecords(queryClient, "posts")) console.log(key.kind, record.id);
 * ```
 */
export function* cachedRecords<T extends RecordModel = RecordModel>(
  cache: Pick<QueryClient, "getQueriesData">,
  collection: string,
): Generator<[ParsedKey, T]> {
  for (const [queryKey, data] of cache.getQueriesData({ queryKey: pocketbaseKeys.collection(collection) })) {
    const key = parseKey(queryKey);
    if (key) for (const record of recordsOf(key.kind, data)) yield [key, record as T];
  }
}
