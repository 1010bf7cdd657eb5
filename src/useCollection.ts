import {
  useQuery,
  useQueryClient,
  type UndefinedInitialDataOptions,
  type UseQueryResult,
} from "@tanstack/solid-query";
import type { ClientResponseError, ListResult, RecordModel } from "pocketbase";
import type { Accessor } from "solid-js";
import { listQueryOptions } from "./core/listQueryOptions";
import { retryPolicy } from "./core/retryPolicy";
import { splitParams } from "./core/splitParams";
import type { HookOverrides } from "./HookOverrides";
import type { UseCollectionOptions } from "./types";
import { usePocketBase } from "./usePocketBase";

/**
 * One page of a collection (`getList`), cached under `pocketbaseKeys.list(collection, params)`.
 *
 * Options are an accessor: when a signal read inside it changes, the query moves to the new
 * key and fetches; the previous entry stays cached. 4xx errors are not retried.
 *
 * @param collection - Collection name or id.
 * @param options - Accessor of filter, sort, expand, fields, page (1), perPage (30),
 *   skipTotal, and TanStack query options.
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's result: `data` is a `ListResult<T>` (`items`, `page`, `perPage`,
 *   `totalItems`, `totalPages`), `error` a `ClientResponseError`.
 * @example
 * ```tsx
 * const [page, setPage] = createSignal(1);
 * const posts = useCollection<Post>("posts", () => ({ sort: "-created", page: page(), perPage: 20 }));
 * return <For each={posts.data?.items}>{(post) => <li>{post.title}</li>}</For>;
 * ```
 */
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
