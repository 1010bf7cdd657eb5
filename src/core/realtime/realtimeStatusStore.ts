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

/** A tiny observable of {@link RealtimeStatus}. */
export interface RealtimeStatusStore {
  get(): RealtimeStatus;
  set(next: Partial<RealtimeStatus>): void;
  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: (status: RealtimeStatus) => void): () => void;
}

/**
 * Creates the status store of a realtime hub. Framework-free; `useRealtimeStatus` turns it into
 * a Solid signal.
 *
 * @returns A store that starts `disconnected`.
 * @example
 * ```ts
 * const store = realtimeStatusStore();
 * store.subscribe((s) => console.log(s.state));
 * store.set({ state: "connecting" }); // logs "connecting"
 * ```
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
