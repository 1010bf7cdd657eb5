import type { QueryClient, QueryKey } from "@tanstack/solid-query";

/** Collects invalidations and flushes them together. */
export interface InvalidationBatcher {
  /** Queues `queryKey` (a prefix unless `exact`) for the next flush. */
  invalidate(queryKey: QueryKey, exact?: boolean): void;
  /** Flushes now; resolves when the refetches it started have settled. */
  flush(): Promise<void>;
}

const batchers = new WeakMap<QueryClient, InvalidationBatcher>();

/**
 * The invalidation batcher of a QueryClient: invalidations queued within one flush window are
 * sent together, each distinct key once, so a burst of realtime events costs at most one refetch
 * of a list per window. Active queries refetch; inactive ones are only marked stale. A refetch
 * in flight when the window closes is cancelled and restarted (`cancelRefetch`): it may have
 * been answered before the last event was applied.
 *
 * @param queryClient - The QueryClient to invalidate in.
 * @param windowMs - The flush window, for the first call per QueryClient. Default 50 ms.
 * @returns The QueryClient's batcher (one per QueryClient).
 * @example
 * ```ts
 * invalidationBatcher(queryClient).invalidate(pocketbaseKeys.lists("posts"));
 * ```
 */
export function invalidationBatcher(queryClient: QueryClient, windowMs = 50): InvalidationBatcher {
  let batcher = batchers.get(queryClient);
  if (batcher) return batcher;
  // By the key's JSON: the library's keys are canonical (pocketbaseKeys normalises them); a key of
  // the app's written with its properties in another order only costs a second invalidation.
  const queued = new Map<string, { queryKey: QueryKey; exact: boolean }>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = async () => {
    clearTimeout(timer);
    timer = undefined;
    const batch = [...queued.values()];
    queued.clear();
    await Promise.all(batch.map(({ queryKey, exact }) => queryClient.invalidateQueries({ queryKey, exact })));
  };
  batcher = {
    invalidate(queryKey, exact = false) {
      queued.set(`${exact ? "=" : "^"}${JSON.stringify(queryKey)}`, { queryKey, exact });
      timer ??= setTimeout(() => void flush(), windowMs);
    },
    flush,
  };
  batchers.set(queryClient, batcher);
  return batcher;
}
