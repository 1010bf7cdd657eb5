// Tested by tests/useCollection.test.tsx (its key; page, perPage, filter, sort, expand and fields
// reaching the server; two pages loading together; TanStack's abort reaching the HTTP request).
import type { ListResult, RecordModel } from "pocketbase";
import type Client from "pocketbase";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { requestOptions } from "./requestOptions";
import { sharePatchedData } from "../cache/sharePatchedData";
import type { ListKey, PageQueryParams } from "../types";

/**
 * Query key and function for one page of a collection (`getList`). Used by `useCollection`, and
 * by users to prefetch or fetch the same cache entry imperatively.
 *
 * @typeParam T - The record type.
 * @param pb - The PocketBase client.
 * @param collection - Collection name or id.
 * @param params - Filter, sort, expand, fields and paging; `page` 1 and `perPage` 30 by default.
 * @returns `{ queryKey, queryFn }` for TanStack Query.
 * @throws TypeError when `page` or `perPage` is not a positive integer.
 * @example
 * ```ts
 * await queryClient.prefetchQuery(listQueryOptions(pb, "posts", { sort: "-created", perPage: 20 }));
 * ```
 */
export function listQueryOptions<T = RecordModel>(pb: Client, collection: string, params?: PageQueryParams): {
  /** `pocketbaseKeys.list(collection, params)`, typed with the page it holds. */
  queryKey: ListKey<T>;
  /** Keeps the records a realtime patch left untouched as the same objects. */
  structuralSharing: typeof sharePatchedData;
  /** Fetches the page with `requestKey: null` and TanStack's `signal`. */
  queryFn: (context: { signal?: AbortSignal }) => Promise<ListResult<T>> } {
  const queryKey = pocketbaseKeys.list<T>(collection, params);
  const normalized = queryKey[3];
  return {
    queryKey,
    structuralSharing: sharePatchedData,
    queryFn: ({ signal }: { signal?: AbortSignal }): Promise<ListResult<T>> =>
      pb.collection(collection).getList<T>(normalized.page, normalized.perPage, requestOptions(normalized, signal)),
  };
}
