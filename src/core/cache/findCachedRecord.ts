import type { QueryClient } from "@tanstack/solid-query";
import type { RecordModel } from "pocketbase";
import { cachedRecords } from "./cachedRecords";

/**
 * A cached copy of a record, preferring a detail: the base an optimistic update is applied to.
 * Copies cut down by `fields` are skipped: a partial record must not stand in for the whole.
 * @internal
 */
export function findCachedRecord<T extends RecordModel = RecordModel>(
  cache: Pick<QueryClient, "getQueriesData">,
  collection: string,
  id: string,
): T | undefined {
  let fromList: T | undefined;
  for (const [key, record] of cachedRecords<T>(cache, collection)) {
    if (record.id !== id || key.params.fields) continue;
    if (key.kind === "detail") return record;
    fromList ??= record;
  }
  return fromList;
}
