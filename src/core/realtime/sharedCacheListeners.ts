import type { QueryClient } from "@tanstack/query-core";
import type { RealtimeListener } from "./realtimeHubTypes";

/** A shared cache listener and how many holders it has. */
export interface HeldListener {
  /** The listener given to the hub. */
  listener: RealtimeListener;
  /** How many hook instances hold it now. */
  holders: number;
}

/**
 * The realtime cache listeners held now, per QueryClient, by key (collection, strategy, scope,
 * partial). `realtimeCacheListener` adds and counts them and deletes one on its last release;
 * it is its own module so that reading it (leak checks) keeps no code alive in a bundle.
 *
 * @example
 * ```ts
 * sharedCacheListeners.get(queryClient)?.size ?? 0; // => 0 once every realtime hook is gone
 * ```
 */
export const sharedCacheListeners = new WeakMap<QueryClient, Map<string, HeldListener>>();
