// Tested by tests/useFullCollection.test.tsx (every matching record, in order, across batches).
import type { RecordModel } from "pocketbase";
import type Client from "pocketbase";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { requestOptions } from "./requestOptions";
import { sharePatchedData } from "../cache/sharePatchedData";
import type { FullListKey, ListQueryParams } from "../types";

/**
 * Query key and function for every record of a collection that matches a filter
 * (`getFullList`, which pages through the collection in batches of `batch`, 1000 by default).
 *
 * @typeParam T - The record type.
 * @param pb - The PocketBase client.
 * @param collection - Collection name or id.
 * @param params - Filter, sort, expand and fields. `batch` sets the page size of the underlying
 *   requests; it does not change the result, so it is not part of the query key.
 * @returns `{ queryKey, queryFn }` for TanStack Query.
 * @example
 * ```ts
 * const posts = await queryClient.fetchQuery(fullListQueryOptions(pb, "posts", { sort: "title" }));
 * ```
 */
export function fullListQueryOptions<T = RecordModel>(
  pb: Client,
  collection: string,
  params?: ListQueryParams & { batch?: number },
): {
  /** `pocketbaseKeys.fullList(collection, params)`, typed with the records it holds. */
  queryKey: FullListKey<T>;
  /** Keeps the records a realtime patch left untouched as the same objects. */
  structuralSharing: typeof sharePatchedData;
  /** Fetches every matching record with `requestKey: null` and TanStack's `signal`. */
  queryFn: (context: { signal?: AbortSignal }) => Promise<T[]> } {
  const queryKey = pocketbaseKeys.fullList<T>(collection, params);
  const normalized = queryKey[3];
  return {
    queryKey,
    structuralSharing: sharePatchedData,
    queryFn: ({ signal }: { signal?: AbortSignal }): Promise<T[]> =>
      pb.collection(collection).getFullList<T>({ ...requestOptions(normalized, signal), batch: params?.batch }),
  };
}
