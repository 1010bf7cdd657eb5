import type { QueryClient } from "@tanstack/query-core";
import type { RecordModel } from "pocketbase";
import { applyRecordChange } from "./applyRecordChange";
import { invalidationBatcher } from "./invalidationBatcher";
import { pocketbaseKeys } from "./pocketbaseKeys";
import type { RealtimeListener } from "./realtimeHubTypes";

/**
 * How realtime events reach the cache. `patch` (default): every event goes through the core
 * reducer, which patches each cached query where the result is certain; the rest are
 * invalidated, coalesced per flush window. `invalidate`: the seed semantics, exactly: create →
 * invalidate the collection's lists; update → `setQueryData` on the record's detail and
 * invalidate the lists; delete → `removeQueries` on the record's detail and invalidate the lists.
 *
 * @example
 * ```ts
 * useRealtimeCollection("posts", () => ({ strategy: "invalidate" satisfies RealtimeStrategy }));
 * ```
 */
export type RealtimeStrategy = "patch" | "invalidate";

/**
 * A PocketBase record event as the SDK delivers it.
 *
 * @typeParam T - The record type.
 * @example
 * ```ts
 * useRealtimeCollection<Post>("posts", () => ({ onEvent: (event: RecordEvent<Post>) => log(event.action, event.record.title) }));
 * ```
 */
export interface RecordEvent<T = RecordModel> {
  /** What happened to the record. */
  action: "create" | "update" | "delete";
  /** The record as the event carries it (for a delete: as it was). */
  record: T;
}

const shared = new WeakMap<QueryClient, Map<string, RealtimeListener>>();

/**
 * The listener that applies a collection's realtime events to a QueryClient. One object per
 * (QueryClient, collection, strategy, scope), shared by every hook instance asking for it, so
 * the hub applies each event once however many components subscribe.
 *
 * `onLive` (subscription confirmed, or re-established after a reconnect or a change of user)
 * invalidates what the subscription feeds: the collection's queries for `collection/*`, the
 * record's details for `collection/<id>`: events in the gap were lost.
 *
 * @param queryClient - The QueryClient to update.
 * @param collection - Collection name or id, as in the query keys.
 * @param strategy - `patch` or `invalidate`.
 * @param scope - `*` for the whole collection, or a record id.
 * @param flushWindowMs - The coalescing window for invalidations (first use per QueryClient).
 * @param partial - Events carry only some fields (the subscription has `fields`): they update
 *   cached rows but are never inserted as rows (see `applyRecordChange`'s `partial`).
 * @returns The shared listener.
 * @example
 * ```ts
 * hub.subscribe({ topic: "posts/*" }, realtimeCacheListener(queryClient, "posts", "patch", "*"));
 * ```
 */
export function realtimeCacheListener(
  queryClient: QueryClient,
  collection: string,
  strategy: RealtimeStrategy,
  scope: string,
  flushWindowMs?: number,
  partial = false,
): RealtimeListener {
  let byKey = shared.get(queryClient);
  if (!byKey) shared.set(queryClient, (byKey = new Map()));
  const key = JSON.stringify([collection, strategy, scope, partial]);
  let listener = byKey.get(key);
  if (listener) return listener;

  const batcher = invalidationBatcher(queryClient, flushWindowMs);
  const lists = [pocketbaseKeys.lists(collection), pocketbaseKeys.infinites(collection)];
  listener = {
    onMessage(data) {
      const event = data as Partial<RecordEvent>;
      const record = event.record;
      if (!record?.id || !event.action) return;
      if (strategy === "invalidate") {
        if (event.action === "update") queryClient.setQueryData(pocketbaseKeys.detail(collection, record.id), record);
        if (event.action === "delete") queryClient.removeQueries({ queryKey: [...pocketbaseKeys.details(collection), record.id] });
        for (const queryKey of lists) void queryClient.invalidateQueries({ queryKey });
        return;
      }
      const change = event.action === "delete" ? { type: "delete" as const, id: record.id } : { type: event.action, record };
      const { undecided } = applyRecordChange(queryClient, collection, change, { partial });
      for (const queryKey of undecided) batcher.invalidate(queryKey, true);
    },
    onLive() {
      batcher.invalidate(scope === "*" ? pocketbaseKeys.collection(collection) : [...pocketbaseKeys.details(collection), scope]);
    },
  };
  byKey.set(key, listener);
  return listener;
}
