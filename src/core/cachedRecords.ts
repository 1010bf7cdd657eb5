import type { InfiniteData, QueryClient } from "@tanstack/query-core";
import type { ListResult, RecordModel } from "pocketbase";
import { parseKey, type ParsedKey } from "./parseKey";
import { pocketbaseKeys } from "./pocketbaseKeys";

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
    if (!key || data == null) continue;
    if (key.kind === "detail") yield [key, data as T];
    else if (key.kind === "full") for (const record of data as T[]) yield [key, record];
    else if (key.kind === "page") for (const record of (data as ListResult<T>).items) yield [key, record];
    else for (const page of (data as InfiniteData<ListResult<T>>).pages) for (const record of page.items) yield [key, record];
  }
}
