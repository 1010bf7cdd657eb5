import {
  useQuery,
  useQueryClient,
  type UndefinedInitialDataOptions,
  type UseQueryResult,
} from "@tanstack/solid-query";
import type { ClientResponseError, RecordModel } from "pocketbase";
import type { Accessor } from "solid-js";
import { fullListQueryOptions } from "./core/queries/fullListQueryOptions";
import { retryPolicy } from "./core/queries/retryPolicy";
import { splitParams } from "./core/keys/splitParams";
import type { HookOverrides } from "./HookOverrides";
import type { CollectionArgument, RecordOf } from "./typedCollections";
import type { UseFullCollectionOptions } from "./types";
import { usePocketBase } from "./usePocketBase";

/**
 * Every record of a collection that matches the filter (`getFullList`), cached under
 * `pocketbaseKeys.fullList(collection, params)`.
 *
 * @typeParam T - The record type, or the collection name whose record type {@link Register} gives.
 * @typeParam TData - What `data` holds: the records, or what your `select` returns.
 * @param collection - Collection name or id.
 * @param options - Accessor of filter, sort, expand, fields, batch, and TanStack query options.
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's result: `data` is an array of the records, `error` a
 *   `ClientResponseError`.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @example
 * ```tsx
 * const authors = useFullCollection("authors", () => ({ sort: "name" }));
 * return <select><For each={authors.data}>{(a) => <option value={a.id}>{a.name}</option>}</For></select>;
 * ```
 */
export function useFullCollection<const T, TData = RecordOf<T>[]>(
  collection: CollectionArgument<T>,
  options?: Accessor<UseFullCollectionOptions<RecordOf<T>, TData>>,
  overrides?: HookOverrides,
): UseQueryResult<TData, ClientResponseError>;
// The implementation signature; the overload above is the public one.
export function useFullCollection<T = RecordModel, TData = T[]>(
  collection: string,
  options?: Accessor<UseFullCollectionOptions<T, TData>>,
  overrides?: HookOverrides,
): UseQueryResult<TData, ClientResponseError> {
  const pb = usePocketBase(overrides?.pocketbase);
  const queryClient = useQueryClient(overrides?.queryClient);
  // The cast picks solid-query's overload without `initialData` (see useCollection).
  const query = (() => {
    const { batch, ...all } = options?.() ?? ({} as UseFullCollectionOptions<T, TData>);
    const [params, rest] = splitParams(all);
    return {
      retry: retryPolicy(queryClient, "queries"),
      ...rest,
      ...fullListQueryOptions<T>(pb, collection, { ...params, batch }),
    };
  }) as UndefinedInitialDataOptions<T[], ClientResponseError, TData>;
  return useQuery(query, () => queryClient);
}
