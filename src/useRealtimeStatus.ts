import type Client from "pocketbase";
import { createSignal, onCleanup, type Accessor } from "solid-js";
import { isServer } from "solid-js/web";
import { realtimeHub } from "./core/realtime/realtimeHub";
import type { RealtimeStatus } from "./core/realtime/realtimeStatusStore";
import { usePocketBase } from "./usePocketBase";

/**
 * The realtime connection's status, for a badge: `connecting`, `connected`, `reconnecting` or
 * `disconnected` (nothing subscribed), and the last error while connecting. When the browser's
 * tabs share one connection (see `PocketBaseProvider`'s `shareRealtime`), `role` says whether
 * this tab holds it (`leader`) or gets its messages from the tab that does (`follower`); the
 * state is the shared connection's in every tab.
 *
 * @param pocketbase - A client to use instead of the one in context.
 * @returns An accessor of `{ state, error, role }`.
 * @throws Error outside a `PocketBaseProvider` with no `pocketbase` argument (see
 *   {@link usePocketBase}).
 * @example
 * ```tsx
 * const status = useRealtimeStatus();
 * <span class={`badge ${status().state}`}>{status().state}</span>
 * ```
 */
export function useRealtimeStatus(pocketbase?: Client): Accessor<RealtimeStatus> {
  const pb = usePocketBase(pocketbase);
  if (isServer) return () => ({ state: "disconnected" });
  const status = realtimeHub(pb).status;
  const [current, setCurrent] = createSignal(status.get());
  onCleanup(status.subscribe(setCurrent));
  return current;
}
