import type { QueryClient } from "@tanstack/solid-query";
import type { RealtimeListener } from "./realtimeHubTypes";

/** @internal */
export interface HeldListener {
  listener: RealtimeListener;
  /** How many hook instances hold it now. */
  holders: number;
  /** Stops what the listener watches besides its topic (called on the last release). */
  stop(): void;
}

/**
 * The realtime cache listeners held now, per QueryClient, by (collection, strategy, scope,
 * partial); `realtimeCacheListener` adds, counts and deletes them. Its own module so that tests
 * can read it for leaks without keeping code alive in a bundle.
 *
 * Tested by tests/core/realtime/realtimeCacheListener.sharing.test.tsx (one listener per key,
 * shared by its hooks, forgotten on the last release).
 * @internal
 */
export const sharedCacheListeners = new WeakMap<QueryClient, Map<string, HeldListener>>();
