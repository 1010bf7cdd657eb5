import {
  useInfiniteQuery,
  useQueryClient,
  type InfiniteData,
  type UndefinedInitialDataInfiniteOptions,
  type UseInfiniteQueryResult,
} from "@tanstack/solid-query";
import type { ClientResponseError, ListResult, RecordModel } from "pocketbase";
import type { Accessor } from "solid-js";
import { infiniteListQueryOptions } from "./core/queries/infiniteListQueryOptions";
import { retryPolicy } from "./core/queries/retryPolicy";
import { splitParams } from "./core/keys/splitParams";
import type { HookOverrides } from "./HookOverrides";
import type { CollectionArgument, RecordOf } from "./typedCollections";
import type { UseInfiniteCollectionOptions } from "./types";
import { usePocketBase } from "./usePocketBase";

/**
 * A collection loaded page by page (`getList` pages 1, 2, ...), cached under
 * `pocketbaseKeys.infinite(collection, params)`, a key space of its own.
 *
 * `hasNextPage` comes from `totalPages`; with `skipTotal` (no count query) a page shorter than
 * `perPage` marks the end.
 *
 * @typeParam T - The record type, or the collection name whose record type {@link Register} gives.
 * @typeParam TData - What `data` holds: the pages, or what your `select` returns.
 * @param collection - Collection name or id.
 * @param options - Accessor of filter, sort, expand, fields, perPage (30), skipTotal, and
 *   TanStack infinite-query options.
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's infinite result: `data.pages` are `ListResult`s of the records;
 *   `fetchNextPage`, `hasNextPage`, `isFetchingNextPage`.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @throws TypeError when `perPage` is not a positive integer.
 * @example
 * ```tsx
 * const feed = useInfiniteCollection("posts", () => ({ sort: "-created", perPage: 20 }));
 * <For each={feed.data?.pages.flatMap((p) => p.items)}>{(post) => <Row post={post} />}</For>
 * <button disabled={!feed.hasNextPage} onClick={() => feed.fetchNextPage()}>More</button>
 * ```
 */
export function useInfiniteCollection<const T, TData = InfiniteData<ListResult<RecordOf<T>>, number>>(
  collection: CollectionArgument<T>,
  options?: Accessor<UseInfiniteCollectionOptions<RecordOf<T>, TData>>,
  overrides?: HookOverrides,
): UseInfiniteQueryResult<TData, ClientResponseError>;
// The implementation signature; the overload above is the public one.
export function useInfiniteCollection<T = RecordModel, TData = InfiniteData<ListResult<T>, number>>(
  collection: string,
  options?: Accessor<UseInfiniteCollectionOptions<T, TData>>,
  overrides?: HookOverrides,
): UseInfiniteQueryResult<TData, ClientResponseError> {
  const pb = usePocketBase(overrides?.pocketbase);
  const queryClient = useQueryClient(overrides?.queryClient);
  // The cast picks solid-query's overload without `initialData` (see useCollection).
  const query = (() => {
    const [params, rest] = splitParams(options?.());
    return {
      retry: retryPolicy(queryClient, "queries"),
      ...rest,
      ...infiniteListQueryOptions<T>(pb, collection, params),
    };
  }) as UndefinedInitialDataInfiniteOptions<ListResult<T>, ClientResponseError, TData, readonly unknown[], number>;
  return useInfiniteQuery(query, () => queryClient);
}
