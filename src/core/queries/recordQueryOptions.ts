// Tested by tests/useRecord.test.tsx (a missing id ends in a 404 after one request; expand).
import type { RecordModel } from "pocketbase";
import type Client from "pocketbase";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { requestOptions } from "./requestOptions";
import { sharePatchedData } from "../cache/sharePatchedData";
import type { DetailKey, RecordQueryParams } from "../types";

/**
 * Query key and function for one record by id (`getOne`). A missing record rejects with the
 * SDK's `ClientResponseError` whose `status` is 404: it is an error, never `undefined` data.
 *
 * @typeParam T - The record type.
 * @param pb - The PocketBase client.
 * @param collection - Collection name or id.
 * @param id - The record id.
 * @param params - `expand` and `fields`.
 * @returns `{ queryKey, queryFn }` for TanStack Query.
 * @example
 * ```ts
 * const post = await queryClient.fetchQuery(recordQueryOptions(pb, "posts", id, { expand: "author" }));
 * ```
 */
export function recordQueryOptions<T = RecordModel>(
  pb: Client,
  collection: string,
  id: string,
  params?: RecordQueryParams,
): {
  /** `pocketbaseKeys.detail(collection, id, params)`, typed with the record it holds. */
  queryKey: DetailKey<T>;
  /** Keeps the record as the same object when a realtime patch left it untouched. */
  structuralSharing: typeof sharePatchedData;
  /** Fetches the record with `requestKey: null` and TanStack's `signal`; a 404 rejects. */
  queryFn: (context: { signal?: AbortSignal }) => Promise<T> } {
  const queryKey = pocketbaseKeys.detail<T>(collection, id, params);
  const normalized = queryKey[4];
  return {
    queryKey,
    structuralSharing: sharePatchedData,
    queryFn: ({ signal }: { signal?: AbortSignal }): Promise<T> =>
      pb.collection(collection).getOne<T>(id, requestOptions(normalized, signal)),
  };
}
