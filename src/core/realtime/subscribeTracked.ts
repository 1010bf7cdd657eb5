import type Client from "pocketbase";
import type { UnsubscribeFunc } from "pocketbase";

/** @internal */
export interface TrackedSubscription {
  /** Settles like the SDK's `subscribe()`. */
  done: Promise<UnsubscribeFunc>;
  /** Removes this subscription's listener, whether `done` resolved, rejected or is pending. */
  stop(): void;
}

type SdkInternals = { subscriptions?: Record<string, unknown[]> };

/**
 * `pb.realtime.subscribe` with a `stop()` that always removes the exact listener the SDK kept.
 *
 * The SDK hands out its remover only once `subscribe()` resolves. When a first connect fails it
 * rejects but keeps the listener, which the next subscribe would resubmit, delivering every
 * event twice. The SDK registers the listener synchronously, so it is found by diffing the SDK's
 * subscription table around the call, and removed with `unsubscribeByTopicAndListener`, which
 * matches that listener by reference and nothing else.
 * @internal
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
      // The listener was not found (a future SDK): the SDK's own remover is all there is.
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
