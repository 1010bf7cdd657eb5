import type { QueryClient } from "@tanstack/solid-query";
import type { RecordModel } from "pocketbase";
import { invalidationBatcher } from "./invalidationBatcher";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { recentChanges } from "../optimistic/recentChanges";
import { serverChanges } from "../optimistic/serverChanges";
import { watchServerSnapshots } from "../optimistic/watchServerSnapshots";
import type { RealtimeListener } from "./realtimeHubTypes";
import { sharedCacheListeners } from "./sharedCacheListeners";

/**
 * How realtime events reach the cache. `patch` (default): each event goes through
 * `applyRecordChange`, which patches every cached query it can decide; the rest are invalidated
 * once per flush window. `invalidate`: every event invalidates the collection's lists; an update
 * also sets the record's detail, a delete removes it.
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

/**
 * A listener shared by every hook instance that asks for the same one, with its release.
 *
 * @example
 * ```ts
 * const { listener, release }: SharedCacheListener = realtimeCacheListener(queryClient, { collection: "posts" });
 * ```
 */
export interface SharedCacheListener {
  /** The listener to give to `hub.subscribe`. */
  listener: RealtimeListener;
  /** Gives this holder's share back; the last release forgets the listener. Idempotent. */
  release(): void;
}

/**
 * The listener that applies a collection's realtime events to a QueryClient. Shared and counted
 * per (QueryClient, collection, strategy, scope, partial): each event is applied once however
 * many components subscribe, and the last `release()` forgets it.
 *
 * `onLive` invalidates what the subscription feeds (the collection for scope `*`, the record's
 * details for an id): PocketBase replays nothing that was missed.
 *
 * @param queryClient - The QueryClient to update.
 * @param options - Which listener: the collection, and optionally strategy, scope, flush window
 *   and partial events (each field states its default).
 * @returns The shared listener and this holder's release.
 * @example
 * ```ts
 * const cache = realtimeCacheListener(queryClient, { collection: "posts" });
 * const stop = realtimeHub(pb).subscribe({ topic: "posts/*" }, cache.listener);
 * onCleanup(() => { stop(); cache.release(); });
 * ```
 */
export function realtimeCacheListener(
  queryClient: QueryClient,
  options: {
    /** Collection name or id, as in the query keys. */
    collection: string;
    /** How events reach the cache. Default `"patch"`. */
    strategy?: RealtimeStrategy;
    /** `"*"` for the whole collection, or a record id. Default `"*"`. */
    scope?: string;
    /** The coalescing window for invalidations (first use per QueryClient). Default 50 ms. */
    flushWindowMs?: number;
    /** Events carry only some fields (`fields`): they update cached rows, never insert. Default `false`. */
    partial?: boolean;
  },
): SharedCacheListener {
  const { collection, strategy = "patch", scope = "*", flushWindowMs, partial = false } = options;
  const byKey = sharedCacheListeners.get(queryClient) ?? new Map();
  sharedCacheListeners.set(queryClient, byKey);
  const key = JSON.stringify([collection, strategy, scope, partial]);
  let entry = byKey.get(key);
  if (!entry) {
    entry = { ...createListener(queryClient, collection, strategy, scope, flushWindowMs, partial), holders: 0 };
    byKey.set(key, entry);
  }
  const mine = entry;
  mine.holders++;
  let released = false;
  return {
    listener: mine.listener,
    release() {
      if (released) return;
      released = true;
      if (--mine.holders > 0) return;
      byKey.delete(key); // the entry in the map: replaced only once deleted
      mine.stop();
    },
  };
}

function createListener(
  queryClient: QueryClient,
  collection: string,
  strategy: RealtimeStrategy,
  scope: string,
  flushWindowMs: number | undefined,
  partial: boolean,
): { listener: RealtimeListener; stop: () => void } {
  const batcher = invalidationBatcher(queryClient, flushWindowMs);
  watchServerSnapshots(queryClient);
  const lists = [pocketbaseKeys.lists(collection), pocketbaseKeys.infinites(collection)];
  const feeds = scope === "*" ? pocketbaseKeys.collection(collection) : [...pocketbaseKeys.details(collection), scope];
  let live = false;
  // Data put into the cache from elsewhere once the subscription is live (hydrated from a server
  // render, restored from storage) was read before it: what changed in between is not replayed,
  // so it is read again. Data put there before is covered by `onLive`'s invalidation; but
  // solid-query hydrates a server-fetched query only when its resource hydrates, which may come
  // after the subscription is live, and the hydrated state would undo that invalidation.
  const stop = queryClient.getQueryCache().subscribe((event) => {
    if (!live || !(event.type === "added" || (event.type === "updated" && event.action.type === "setState"))) return;
    const { queryKey, state } = event.query;
    if (state.data !== undefined && feeds.every((part, at) => queryKey[at] === part)) batcher.invalidate(queryKey, true);
  });
  const listener: RealtimeListener = {
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
      const change = event.action === "delete" ? { type: "delete" as const, id: record.id, record } : { type: event.action, record };
      // Into the server's state (and, with nothing pending, straight into the cache); logged for
      // a fetch in flight, whose answer may be older than this event.
      recentChanges.add(queryClient, collection, change, { partial });
      const { undecided } = serverChanges.apply(queryClient, collection, { changes: [{ change, options: { partial } }] });
      for (const queryKey of undecided) batcher.invalidate(queryKey, true);
    },
    onLive() {
      live = true;
      batcher.invalidate(feeds);
    },
  };
  return { listener, stop };
}
