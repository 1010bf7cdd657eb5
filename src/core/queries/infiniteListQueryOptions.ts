import type { ListResult, RecordModel } from "pocketbase";
import type Client from "pocketbase";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { requestOptions } from "./requestOptions";
import { sharePatchedData } from "../cache/sharePatchedData";
import type { InfiniteKey, PageQueryParams } from "../types";

/**
 * Query key, page function and paging rules for an infinite list of a collection.
 *
 * The next page is `page + 1` while `page < totalPages`. With `skipTotal` PocketBase sends no
 * totals (-1), so a page shorter than `perPage` is taken as the last one; when the record count
 * is an exact multiple of `perPage`, that means one final request that returns an empty page.
 *
 * @typeParam T - The record type.
 * @param pb - The PocketBase client.
 * @param collection - Collection name or id.
 * @param params - Filter, sort, expand, fields, `perPage` (30 by default) and `skipTotal`.
 * @returns Options for `useInfiniteQuery` / `queryClient.fetchInfiniteQuery`.
 * @throws TypeError when `perPage` is not a positive integer.
 * @example
 * ```ts
 * await queryClient.prefetchInfiniteQuery(infiniteListQueryOptions(pb, "posts", { perPage: 50 }));
 * ```
 */
export function infiniteListQueryOptions<T = RecordModel>(
  pb: Client,
  collection: string,
  params?: Omit<PageQueryParams, "page">,
): {
  /** `pocketbaseKeys.infinite(collection, params)`, typed with the pages it holds. */
  queryKey: InfiniteKey<T>;
  /** Keeps the records a realtime patch left untouched as the same objects. */
  structuralSharing: typeof sharePatchedData;
  /** The first page: 1. */
  initialPageParam: number;
  /** Fetches page `pageParam` with `requestKey: null` and TanStack's `signal`. */
  queryFn: (context: { signal?: AbortSignal; pageParam: number }) => Promise<ListResult<T>>;
  /** The next page number, or `undefined` after the last page. */
  getNextPageParam: (lastPage: ListResult<T>) => number | undefined;
} {
  const queryKey = pocketbaseKeys.infinite<T>(collection, params);
  const normalized = queryKey[3];
  const perPage = normalized.perPage ?? 30;
  return {
    queryKey,
    structuralSharing: sharePatchedData,
    initialPageParam: 1,
    queryFn: ({ signal, pageParam }: { signal?: AbortSignal; pageParam: number }): Promise<ListResult<T>> =>
      pb.collection(collection).getList<T>(pageParam, perPage, requestOptions(normalized, signal)),
    getNextPageParam: (lastPage: ListResult<T>): number | undefined => {
      const hasMore = lastPage.totalPages < 0 ? lastPage.items.length >= perPage : lastPage.page < lastPage.totalPages;
      return hasMore ? lastPage.page + 1 : undefined;
    },
  };
}
