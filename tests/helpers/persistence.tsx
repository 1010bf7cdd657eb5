// A "page" of an app that persists its cache: a fresh QueryClient (a reload) restored from a
// storage the pages share, as localStorage is shared by the loads of one origin. Offline is
// TanStack's onlineManager, as the browser reports it; the tests set it back online after each.
import { createAsyncStoragePersister } from "@tanstack/query-async-storage-persister";
import { QueryClient, onlineManager } from "@tanstack/solid-query";
import { PersistQueryClientProvider } from "@tanstack/solid-query-persist-client";
import { renderHook } from "@solidjs/testing-library";
import type PocketBase from "pocketbase";
import { afterEach } from "vitest";
import { PocketBaseProvider } from "../../src/PocketBaseProvider";
import { pocketbasePersistOptions, type PocketBasePersistSettings } from "../../src/pocketbasePersistOptions";
import { resumableBatches } from "../../src/resumableBatches";

afterEach(() => onlineManager.setOnline(true));

/** Where TanStack's storage persisters keep the cache by default. */
export const STORAGE_KEY = "REACT_QUERY_OFFLINE_CACHE";

/** A storage in memory, shared by the pages of a test (what `localStorage` is to a browser). */
export function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    /** Everything stored, as text: to search for what must not be there. */
    dump: () => [...items.values()].join("\n"),
    /** The stored cache, parsed. */
    stored: () => {
      const text = items.get(STORAGE_KEY);
      return text ? (JSON.parse(text) as { buster: string; clientState: { queries: unknown[]; mutations: StoredMutation[] } }) : undefined;
    },
  };
}

export type MemoryStorage = ReturnType<typeof memoryStorage>;

export interface StoredMutation {
  mutationKey: unknown[];
  state: { status: string; isPaused: boolean; variables: unknown; context?: { sending?: boolean; identity?: string } };
}

/**
 * Opens a page: the app's providers with persistence, and `hook` inside them. `close()` is the
 * page going away: unmounted, and its QueryClient stops listening to the network, so nothing of
 * it is sent once the test goes online. `batches`: the app calls `resumableBatches` too.
 */
export function openPage<R>(
  hook: () => R,
  { pb, storage, settings, batches = false }: { pb: PocketBase; storage: MemoryStorage; settings?: Partial<PocketBasePersistSettings>; batches?: boolean },
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retryDelay: 0, gcTime: Infinity }, mutations: { retryDelay: 0 } },
  });
  const persister = createAsyncStoragePersister({ storage, throttleTime: 20 });
  const persistOptions = pocketbasePersistOptions(pb, queryClient, { persister, ...settings });
  if (batches) resumableBatches(pb, queryClient);
  let restored = false;
  const rendered = renderHook(hook, {
    wrapper: (props) => (
      <PersistQueryClientProvider client={queryClient} persistOptions={persistOptions} onSuccess={() => (restored = true)}>
        <PocketBaseProvider client={pb}>{props.children}</PocketBaseProvider>
      </PersistQueryClientProvider>
    ),
  });
  return {
    result: rendered.result,
    queryClient,
    isRestored: () => restored,
    close: () => {
      rendered.cleanup();
      queryClient.getMutationCache().clear();
      queryClient.getQueryCache().clear();
    },
  };
}
