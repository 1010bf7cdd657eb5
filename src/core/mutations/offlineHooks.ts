import type { QueryClient } from "@tanstack/solid-query";

/** What an app that persists its writes asks of them (see `pocketbasePersistOptions`). @internal */
export interface OfflineHandlers {
  /**
   * Set when the app counts a server that does not answer, while the browser says it is online,
   * as offline: a write that failed with no answer is kept (paused) instead of failing, and
   * this runs (it takes TanStack offline until the server answers again).
   */
  unreachable?: () => void;
  /** A write's request is about to start: its context now says so, store it (see `ownedPersister`). */
  sending?: () => void;
}

const handlers = new WeakMap<QueryClient, OfflineHandlers>();

/**
 * The two points where this library's writes meet an app's offline set-up, registered per
 * QueryClient by `pocketbasePersistOptions` so the mutation hooks carry none of it: a write about
 * to be sent marks its context `sending` (what survives a reload says it may have reached the
 * server), and a write that got no answer may be kept instead of failing.
 *
 * Tested by tests/persistence.test.tsx, tests/persistence.unreachable.test.tsx (a write restored
 * after the page closed while it was in flight; a write kept while the server is down and sent
 * once it is back, and the default that fails and rolls back).
 * @internal
 */
export const offlineHooks = {
  /** Registers an app's handlers for this QueryClient. */
  register(queryClient: QueryClient, registered: OfflineHandlers): void {
    handlers.set(queryClient, registered);
  },

  /** Marks a write's context as sent at least once, before its request starts. */
  sending(queryClient: QueryClient, context: object | undefined): void {
    const registered = handlers.get(queryClient);
    if (!registered || !context) return;
    (context as { sending?: boolean }).sending = true;
    registered.sending?.();
  },

  /** Whether a write that failed with `error` is kept to be sent later (and if so, goes offline). */
  keepsWaiting(queryClient: QueryClient, error: unknown): boolean {
    const unreachable = handlers.get(queryClient)?.unreachable;
    const failure = error as { status?: unknown; isAbort?: unknown } | null;
    if (!unreachable || failure?.status !== 0 || failure.isAbort === true) return false;
    unreachable();
    return true;
  },
};
