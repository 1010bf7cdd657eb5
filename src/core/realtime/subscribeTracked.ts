import type Client from "pocketbase";
import type { UnsubscribeFunc } from "pocketbase";

/** A `pb.realtime.subscribe` call whose listener can always be removed. */
export interface TrackedSubscription {
  /** Settles like the SDK's `subscribe()`. */
  done: Promise<UnsubscribeFunc>;
  /** Removes this subscription's listener, whether `done` resolved, rejected or is pending. */
  stop(): void;
}

type SdkInternals = { subscriptions?: Record<string, unknown[]> };

/**
 * Calls `pb.realtime.subscribe` and keeps hold of the exact listener the SDK registered.
 *
 * The SDK only hands out its remover once `subscribe()` resolves. When the first connect fails
 * it rejects, but keeps the listener, which would then be resubmitted with the next topic and
 * deliver every event twice (pocketbase-protocol.md §2.5). The SDK registers the listener
 * synchronously, before its first `await`, so it is found by comparing the SDK's subscription
 * table before and after the call, and removed with `unsubscribeByTopicAndListener`, which
 * matches one listener by reference and nothing else.
 *
 * @param pb - The PocketBase client.
 * @param topic - The full topic (`posts/*`, `PB_CONNECT`, a custom one).
 * @param options - Query options of the subscription, if any.
 * @param callback - Receives each message.
 * @returns The subscription's promise and a `stop` that works in every state.
 * @example
 * ```ts
 * const sub = subscribeTracked(pb, "posts/*", undefined, (e) => console.log(e));
 * sub.stop();
 * ```
 */
export function subscribeTracked(
  pb: Client,
  topic: string,
  options: Record<string, string> | undefined,
  callback: (data: unknown) => void,
): TrackedSubscription {
  const table = () => (pb.realtime as unknown as SdkInternals).subscriptions ?? {};
  const before = new Map(Object.entries(table()).map(([key, listeners]) => [key, listeners.length]));
  const hasOptions = options !== undefined && Object.keys(options).length > 0;
  const done = pb.realtime.subscribe(topic, callback, hasOptions ? options : undefined);
  const added = Object.entries(table()).find(([key, listeners]) => listeners.length > (before.get(key) ?? 0));
  const listener = added?.[1].at(-1);

  let stopped = false;
  done.then(
    (unsubscribe) => {
      if (stopped && !listener) void unsubscribe().catch(() => {});
    },
    () => {},
  );
  return {
    done,
    stop() {
      if (stopped) return;
      stopped = true;
      if (added && listener) {
        void pb.realtime
          .unsubscribeByTopicAndListener(added[0], listener as EventListener)
          .catch(() => {});
      }
    },
  };
}
