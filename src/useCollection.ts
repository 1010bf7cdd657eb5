import {
  useQuery,
  useQueryClient,
  type UndefinedInitialDataOptions,
  type UseQueryResult,
} from "@tanstack/solid-query";
import type { ClientResponseError, ListResult, RecordModel } from "pocketbase";
import type { Accessor } from "solid-js";
import { listQueryOptions } from "./core/queries/listQueryOptions";
import { retryPolicy } from "./core/queries/retryPolicy";
import { splitParams } from "./core/keys/splitParams";
import type { HookOverrides } from "./HookOverrides";
import type { CollectionArgument, RecordOf } from "./typedCollections";
import type { UseCollectionOptions } from "./types";
import { usePocketBase } from "./usePocketBase";

/**
 * One page of a collection (`getList`), cached under `pocketbaseKeys.list(collection, params)`.
 *
 * Options are an accessor: when a signal read inside it changes, the query moves to the new
 * key and fetches; the previous entry stays cached. 4xx errors are not retried.
 *
 * @typeParam T - The record type, or the collection name whose record type {@link Register} gives.
 * @typeParam TData - What `data` holds: the page, or what your `select` returns.
 * @param collection - Collection name or id.
 * @param options - Accessor of filter, sort, expand, fields, page (1), perPage (30),
 *   skipTotal, and TanStack query options.
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's result: `data` is a `ListResult` of the records (`items`, `page`,
 *   `perPage`, `totalItems`, `totalPages`), `error` a `ClientResponseError`.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @throws TypeError when `page` or `perPage` is not a positive integer (PocketBase's pages are
 *   1-based).
 * @example
 * ```tsx
 * const [page, setPage] = createSignal(1);
 * const posts = useCollection("posts", () => ({ sort: "-created", page: page(), perPage: 20 }));
 * return <For each={posts.data?.items}>{(post) => <li>{post.title}</li>}</For>;
 * ```
 */
export function useCollection<const T, TData = ListResult<RecordOf<T>>>(
  collection: CollectionArgument<T>,
  options?: Accessor<UseCollectionOptions<RecordOf<T>, TData>>,
  overrides?: HookOverrides,
): UseQueryResult<TData, ClientResponseError>;
// The implementation signature; the overload above is the public one.
export function useCollection<T = RecordModel, TData = ListResult<T>>(
  collection: string,
  options?: Accessor<UseCollectionOptions<T, TData>>,
  overrides?: HookOverrides,
): UseQueryResult<TData, ClientResponseError> {
  const pb = usePocketBase(overrides?.pocketbase);
  const queryClient = useQueryClient(overrides?.queryClient);
  // The cast picks solid-query's overload without `initialData`; a user's `initialData` still
  // passes through, and `data` is then typed as possibly undefined, which stays true.
  const query = (() => {
    const [params, rest] = splitParams(options?.());
    return { retry: retryPolicy(queryClient, "queries"), ...rest, ...listQueryOptions<T>(pb, collection, params) };
  }) as UndefinedInitialDataOptions<ListResult<T>, ClientResponseError, TData>;
  return useQuery(query, () => queryClient);
}
