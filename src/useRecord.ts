import {
  useQuery,
  useQueryClient,
  type UndefinedInitialDataOptions,
  type UseQueryResult,
} from "@tanstack/solid-query";
import type { ClientResponseError, RecordModel } from "pocketbase";
import type { Accessor } from "solid-js";
import { recordQueryOptions } from "./core/queries/recordQueryOptions";
import { retryPolicy } from "./core/queries/retryPolicy";
import { splitParams } from "./core/keys/splitParams";
import type { HookOverrides } from "./HookOverrides";
import type { CollectionArgument, RecordOf } from "./typedCollections";
import type { UseRecordOptions } from "./types";
import { usePocketBase } from "./usePocketBase";

/**
 * One record by id (`getOne`), cached under `pocketbaseKeys.detail(collection, id, params)`.
 *
 * The query is disabled while the id is empty, so it can follow a selection that may be unset.
 * A missing record ends in an error with `status` 404 after one request (4xx is not retried).
 *
 * @typeParam T - The record type, or the collection name whose record type {@link Register} gives.
 * @typeParam TData - What `data` holds: the record, or what your `select` returns.
 * @param collection - Collection name or id.
 * @param id - The record id, or an accessor of it (`undefined`, `null` or `""` disable the query).
 * @param options - Accessor of expand, fields, and TanStack query options.
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's result: `data` is the record, `error` a `ClientResponseError`.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @example
 * ```tsx
 * const [selected, setSelected] = createSignal<string>();
 * const post = useRecord("posts", selected, () => ({ expand: "author" }));
 * return <Show when={post.data}>{(p) => <h2>{p().title}</h2>}</Show>;
 * ```
 */
export function useRecord<const T, TData = RecordOf<T>>(
  collection: CollectionArgument<T>,
  id: string | null | undefined | Accessor<string | null | undefined>,
  options?: Accessor<UseRecordOptions<RecordOf<T>, TData>>,
  overrides?: HookOverrides,
): UseQueryResult<TData, ClientResponseError>;
// The implementation signature; the overload above is the public one.
export function useRecord<T = RecordModel, TData = T>(
  collection: string,
  id: string | null | undefined | Accessor<string | null | undefined>,
  options?: Accessor<UseRecordOptions<T, TData>>,
  overrides?: HookOverrides,
): UseQueryResult<TData, ClientResponseError> {
  const pb = usePocketBase(overrides?.pocketbase);
  const queryClient = useQueryClient(overrides?.queryClient);
  // The cast picks solid-query's overload without `initialData` (see useCollection).
  const query = (() => {
    const recordId = (typeof id === "function" ? id() : id) ?? "";
    const [params, rest] = splitParams(options?.());
    return {
      retry: retryPolicy(queryClient, "queries"),
      ...rest,
      ...recordQueryOptions<T>(pb, collection, recordId, params),
      enabled: recordId !== "" && (rest.enabled ?? true),
    };
  }) as UndefinedInitialDataOptions<T, ClientResponseError, TData>;
  return useQuery(query, () => queryClient);
}
