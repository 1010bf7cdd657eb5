import { createEffect, onCleanup, type Accessor } from "solid-js";
import { isServer } from "solid-js/web";
import { realtimeHub } from "./core/realtime/realtimeHub";
import type { HookOverrides } from "./HookOverrides";
import { usePocketBase } from "./usePocketBase";

/**
 * Listens to a custom realtime topic, one that PocketBase app hooks broadcast to (for example
 * with `$app.subscriptionsBroker()` in a `pb_hooks` route). One SDK subscription per topic is
 * shared by every component; it follows a reactive topic and is removed on cleanup.
 *
 * @typeParam T - The type of the messages' data.
 * @param topic - The topic, or an accessor of it (empty: nothing is subscribed).
 * @param handler - Called with each message's parsed data.
 * @param overrides - A PocketBase client to use instead of the one in context.
 * @throws Error in the browser, outside a `PocketBaseProvider` with no `overrides.pocketbase`
 *   (see {@link usePocketBase}). On the server it does nothing.
 * @example
 * ```tsx
 * const [last, setLast] = createSignal<string>();
 * useRealtimeTopic("broadcast", (data) => setLast((data as { text: string }).text));
 * ```
 */
export function useRealtimeTopic<T = unknown>(
  topic: string | Accessor<string | null | undefined>,
  handler: (data: T) => void,
  overrides?: Pick<HookOverrides, "pocketbase">,
): void {
  if (isServer) return;
  const pb = usePocketBase(overrides?.pocketbase);
  createEffect(() => {
    const name = typeof topic === "function" ? topic() : topic;
    if (!name) return;
    onCleanup(realtimeHub(pb).subscribe({ topic: name }, { onMessage: (data) => handler(data as T) }));
  });
}
