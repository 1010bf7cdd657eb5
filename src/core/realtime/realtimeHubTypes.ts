// The contract of realtimeHub. Tested by tests/core/realtime/realtimeHub.sharing.test.tsx,
// tests/core/realtime/realtimeHub.reconnect.test.tsx (one SDK subscription per topic and
// options, counted listeners, onLive again after a reconnect).
import type { RealtimeStatusStore } from "./realtimeStatusStore";

/**
 * What a realtime subscription is to: a full SDK topic (`posts/*`, `posts/<id>`, a custom one).
 *
 * @example
 * ```ts
 * const topic: RealtimeTopic = { topic: "posts/*", options: { expand: "author" } };
 * ```
 */
export interface RealtimeTopic {
  /** The topic as the SDK's `pb.realtime.subscribe` takes it. */
  topic: string;
  /** Query options sent with the subscription (`expand`, `fields`); part of its identity. */
  options?: Record<string, string>;
}

/**
 * A consumer of a topic's messages. Identical listener objects are counted, not repeated.
 *
 * @example
 * ```ts
 * const listener: RealtimeListener = { onMessage: (data) => console.log(data), onLive: () => refetch() };
 * ```
 */
export interface RealtimeListener {
  /** A message of the topic (for records: `{ action, record }`). */
  onMessage(data: unknown): void;
  /**
   * The subscription is live: confirmed, or again after a reconnect or a change of user.
   * Events in between were lost.
   */
  onLive?(): void;
  /**
   * Hear each message before the topic's other listeners: the tab that holds a shared
   * connection passes messages on to the other tabs first, so that their work runs beside its
   * own instead of after it.
   */
  readonly first?: boolean;
}

/**
 * Tuning of a hub; the defaults suit PocketBase's own timings.
 *
 * @example
 * ```ts
 * const hub = realtimeHub(pb, { flushWindowMs: 100 });
 * ```
 */
export interface RealtimeHubOptions {
  /** Delays between attempts when subscribing fails (the SDK does not retry a first connect). */
  retryDelays?: readonly number[];
  /** How long the SDK may stay disconnected before the hub subscribes everything again. */
  watchdogMs?: number;
  /** Flush window of the invalidations realtime events cause (see `invalidationBatcher`). */
  flushWindowMs?: number;
}

/**
 * One PocketBase client's realtime subscriptions, shared by every hook that uses them.
 *
 * @example
 * ```ts
 * const hub: RealtimeHub = realtimeHub(pb);
 * const stop = hub.subscribe({ topic: "posts/*" }, { onMessage: console.log });
 * ```
 */
export interface RealtimeHub {
  /** Adds a listener to a topic; returns the function that removes it (idempotent). */
  subscribe(topic: RealtimeTopic, listener: RealtimeListener): () => void;
  /** Connection status, for `useRealtimeStatus`. */
  readonly status: RealtimeStatusStore;
  /** The options the hub was created with, defaults applied. */
  readonly options: Required<RealtimeHubOptions>;
}
