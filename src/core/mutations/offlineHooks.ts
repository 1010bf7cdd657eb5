import type { QueryClient } from "@tanstack/solid-query";

/** What an app that persists its writes asks of them (see `pocketbasePersistOptions`). @internal */
export interface OfflineHandlers {
  /**
   * A write's request is about to start (its context, as TanStack keeps it, is given): a reload
   * must know that it may have reached the server (see `ownedPersister`).
   */
  sending(context: object): void;
  /**
   * Whether a write that failed with `error` is kept, paused, to be sent later instead of failing:
   * for an app that counts an unreachable server as offline.
   */
  keepsWaiting(error: unknown): boolean;
}

/**
 * The two points where this library's writes meet an app's offline set-up, registered per
 * QueryClient by `pocketbasePersistOptions`; the logic lives there, so the mutation hooks carry
 * only these two calls.
 *
 * Tested by tests/persistence.test.tsx, tests/persistence.unreachable.test.tsx (a write restored
 * after the page closed while it was in flight; a write kept while the server is down and sent
 * once it is back, and the default that fails and rolls back).
 * @internal
 */
export const offlineHooks = new WeakMap<QueryClient, OfflineHandlers>();
