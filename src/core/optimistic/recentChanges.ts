import type { QueryClient } from "@tanstack/solid-query";
import type { ApplyRecordChangeOptions, RecordChange } from "../cache/applyRecordChange";

/** A server change and when it reached the client. */
interface Logged {
  at: number;
  change: RecordChange;
  options: ApplyRecordChangeOptions | undefined;
}

// A fetch that takes longer than this is answered with data older than the changes it misses
// only in theory; the log stays small on a busy collection.
const KEEP_MS = 30_000;
const KEEP_MAX = 500;
const logs = new WeakMap<QueryClient, Map<string, Logged[]>>();

/**
 * The server changes (realtime events) of the last seconds, per collection. A fetch answered
 * after an event may have been taken before it: the answer alone would erase the event until
 * the next refetch. So every fetched snapshot gets the changes that arrived since its fetch
 * started replayed onto it; the reducer's version checks make a change the snapshot already
 * holds a no-op.
 *
 * Tested by tests/core/optimistic/watchServerSnapshots.test.ts (an event during a fetch
 * survives the fetch's older answer).
 * @internal
 */
export const recentChanges = {
  add(queryClient: QueryClient, collection: string, change: RecordChange, options?: ApplyRecordChangeOptions): void {
    let byCollection = logs.get(queryClient);
    if (!byCollection) logs.set(queryClient, (byCollection = new Map()));
    let log = byCollection.get(collection);
    if (!log) byCollection.set(collection, (log = []));
    const at = Date.now();
    log.push({ at, change, options });
    while (log.length > KEEP_MAX || (log.length > 0 && log[0]!.at < at - KEEP_MS)) log.shift();
  },

  /** The changes that arrived at or after `since`, oldest first. */
  since(queryClient: QueryClient, collection: string, since: number): Logged[] {
    return logs.get(queryClient)?.get(collection)?.filter((logged) => logged.at >= since) ?? [];
  },

  /** Forgets everything (a change of signed-in user). */
  clear(queryClient: QueryClient): void {
    logs.delete(queryClient);
  },
};
