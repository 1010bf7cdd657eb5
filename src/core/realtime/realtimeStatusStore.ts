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
}

/**
 * What `RealtimeHub.status` offers.
 * @internal
 */
export interface RealtimeStatusStore {
  get(): RealtimeStatus;
  /** Merges `next` in; listeners hear only a change of state or error. */
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
      if (merged.state === status.state && merged.error === status.error) return;
      status = merged;
      for (const listener of listeners) listener(status);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
