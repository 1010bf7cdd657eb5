import type { QueryClient } from "@tanstack/solid-query";
import type { RecordModel } from "pocketbase";
import { parseKey, type ParsedKey } from "../keys/parseKey";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { recordsOf } from "./recordsOf";

/**
 * Every record cached in a collection's queries (a record sits in as many as show it), with
 * the parsed key of the query holding it.
 * @internal
 */
export function* cachedRecords<T extends RecordModel = RecordModel>(
  cache: Pick<QueryClient, "getQueriesData">,
  collection: string,
): Generator<[ParsedKey, T]> {
  for (const [queryKey, data] of cache.getQueriesData({ queryKey: pocketbaseKeys.collection(collection) })) {
    const key = parseKey(queryKey);
    if (key) for (const record of recordsOf(key.kind, data)) yield [key, record as T];
  }
}
