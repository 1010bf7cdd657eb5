import {
  useQuery,
  useQueryClient,
  type UndefinedInitialDataOptions,
  type UseQueryResult,
} from "@tanstack/solid-query";
import type { ClientResponseError, RecordModel } from "pocketbase";
import type { Accessor } from "solid-js";
import { fullListQueryOptions } from "./core/fullListQueryOptions";
import { retryPolicy } from "./core/retryPolicy";
import { splitParams } from "./core/splitParams";
import type { HookOverrides } from "./HookOverrides";
import type { UseFullCollectionOptions } from "./types";
import { usePocketBase } from "./usePocketBase";

/**
 * Every record of a collection that matches the filter (`getFullList`), cached under
 * `pocketbaseKeys.fullList(collection, params)`.
 *
 * @param collection - Collection name or id.
 * @param options - Accessor of filter, sort, expand, fields, batch, and TanStack query options.
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's result: `data` is `T[]`, `error` a `ClientResponseError`.
 * @example
 * ```tsx
 * const authors = useFullCollection<Author>("authors", () => ({ sort: "name" }));
 * return <select><For each={authors.data}>{(a) => <option value={a.id}>{a.name}</option>}</For></select>;
 * ```
 */
export function useFullCollection<T = RecordModel, TData = T[]>(
  collection: string,
  options?: Accessor<UseFullCollectionOptions<T, TData>>,
  overrides?: HookOverrides,
): UseQueryResult<TData, ClientResponseError> {
  const pb = usePocketBase(overrides?.pocketbase);
  const queryClient = useQueryClient(overrides?.queryClient);
  // The cast picks solid-query's overload without `initialData`; a user's `initialData` still
  // passes through, and `data` is then typed as possibly undefined, which stays true.
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
