import type { QueryClient } from "@tanstack/solid-query";
import type { RecordModel } from "pocketbase";
import type { RecordCache, RecordChange } from "../cache/applyRecordChange";
import { recordsOf } from "../cache/recordsOf";
import { sameJson } from "../cache/sameJson";
import { tombstones } from "../cache/tombstones";
import { updatedTime } from "../cache/updatedTime";
import { parseKey } from "../keys/parseKey";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import type { PendingWrite } from "./pendingWrites";

type Row = Record<string, unknown>;

/**
 * The pending writes as record changes for the reducer, in submission order, over the server
 * state in `server`: each update is written over the record as the writes before it left it,
 * else over the freshest whole server copy (a write with nothing to show on gives no change).
 * `shown` holds each written record as the writes leave it (`null`: deleted).
 *
 * Tested by tests/core/optimistic/rebaseCollection.test.ts (what is replayed, on which copy).
 * @internal
 */
export function pendingChanges(
  queryClient: QueryClient,
  collection: string,
  server: RecordCache,
  writes: readonly PendingWrite[],
): { changes: RecordChange[]; shown: Map<string, Row | null> } {
  const bases = freshestCopies(queryClient, collection, server, writes);
  const shown = new Map<string, Row | null>();
  const changes: RecordChange[] = [];
  for (const write of writes) {
    const change = changeOf(write, shown, bases);
    if (change) changes.push(change);
  }
  return { changes, shown };
}

// A pending write as a record change for the reducer. An update is written over the record as
// the writes before it left it, else over the freshest whole server copy; with none (nothing
// cached, or the record deleted meanwhile) there is nothing to show it on.
function changeOf(write: PendingWrite, shown: Map<string, Row | null>, bases: Map<string, Row>): RecordChange | undefined {
  if (write.type === "create") {
    shown.set(write.record.id, write.record);
    return { type: "create", record: write.record };
  }
  if (write.type === "delete") {
    shown.set(write.id, null);
    return { type: "delete", id: write.id };
  }
  const base = shown.has(write.id) ? shown.get(write.id) : bases.get(write.id);
  if (!base) return undefined;
  const record: Row = { ...base, ...write.fields };
  // The expansion of a relation the write changes would show the old target.
  const expand = base.expand as Row | undefined;
  if (expand) {
    const stale = Object.keys(write.fields).filter((field) => field in expand && !sameJson(base[field], write.fields[field]));
    if (stale.length) record.expand = Object.fromEntries(Object.entries(expand).filter(([key]) => !stale.includes(key)));
  }
  shown.set(write.id, record);
  return { type: "update", record: record as RecordModel };
}

// The newest whole server copy of each record an update writes, from one pass over the cache:
// a detail wins a tie; copies cut down by `fields` and records deleted since do not count.
function freshestCopies(queryClient: QueryClient, collection: string, cache: RecordCache, writes: readonly PendingWrite[]) {
  const bases = new Map<string, Row>();
  const ids = new Set(writes.flatMap((write) => (write.type === "update" ? [write.id] : [])));
  if (ids.size === 0) return bases;
  const time = (row: Row) => updatedTime(row.updated) ?? -Infinity;
  for (const [queryKey, data] of cache.getQueriesData({ queryKey: pocketbaseKeys.collection(collection) })) {
    const key = parseKey(queryKey);
    if (!key || key.params.fields) continue;
    for (const row of recordsOf(key.kind, data)) {
      if (!ids.has(row.id as string) || tombstones.buries(queryClient, collection, row)) continue;
      const best = bases.get(row.id as string);
      if (!best || time(row) > time(best) || (key.kind === "detail" && time(row) === time(best))) bases.set(row.id as string, row);
    }
  }
  return bases;
}
