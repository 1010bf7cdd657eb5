/**
 * The realtime connection as a status badge shows it.
 *
 * @example
 * ```ts
 * const status: RealtimeStatus = { state: "reconnecting", error: new Error("offline") };
 * ```
 */
export interface RealtimeStatus {
  /**
   * `disconnected`: nothing subscribed; `connecting`: the first connection is being made;
   * `connected`: live; `reconnecting`: the connection dropped and is being made again.
   */
  state: "connecting" | "connected" | "reconnecting" | "disconnected";
  /** The last error while connecting or subscribing; cleared once connected. */
  error?: unknown;
  /**
   * Where this tab's connection is, when the browser's tabs share one (see
   * `PocketBaseProvider`'s `shareRealtime`): `leader` holds it for every tab, a `follower` gets
   * its messages from the leader. `undefined` when the tab has a connection of its own.
   */
  role?: "leader" | "follower";
}

/**
 * What `RealtimeHub.status` offers.
 * @internal
 */
export interface RealtimeStatusStore {
  get(): RealtimeStatus;
  /** Merges `next` in; listeners hear only a change of state, error or role. */
  set(next: Partial<RealtimeStatus>): void;
  subscribe(listener: (status: RealtimeStatus) => void): () => void;
}

/**
 * The status of a realtime hub, as a tiny observable that starts `disconnected`.
 * Framework-free, so core stays free of solid-js; `useRealtimeStatus` turns it into a signal.
 * @internal
 */
export function realtimeStatusStore(): RealtimeStatusStore {
  let status: RealtimeStatus = { state: "disconnected" };
  const listeners = new Set<(status: RealtimeStatus) => void>();
  return {
    get: () => status,
    set(next) {
      const merged = { ...status, ...next };
      if (merged.state === status.state && merged.error === status.error && merged.role === status.role) return;
      status = merged;
      for (const listener of listeners) listener(status);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
