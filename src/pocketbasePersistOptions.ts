import { dehydrate, onlineManager, type QueryClient } from "@tanstack/solid-query";
import type { MutationKey, MutationState, QueryKey, QueryState } from "@tanstack/solid-query";
import type Client from "pocketbase";
import { authIdentity } from "./core/auth/authIdentity";
import { onIdentityChange } from "./core/auth/onIdentityChange";
import { pocketbaseKeys } from "./core/keys/pocketbaseKeys";
import { writeKind } from "./core/keys/writeKind";
import { offlineHooks } from "./core/mutations/offlineHooks";
import { survivesReload } from "./core/mutations/survivesReload";
import { ownedPersister } from "./core/persist/ownedPersister";
import type { PersistedClient, Persister } from "./core/persist/persistTypes";
import { resumableWrites } from "./core/persist/resumableWrites";
import { serverState } from "./core/persist/serverState";
import { waitForServer } from "./core/persist/waitForServer";

/**
 * Options of {@link pocketbasePersistOptions}.
 *
 * @example
 * ```ts
 * const options: PocketBasePersistSettings = {
 *   persister: createAsyncStoragePersister({ storage: window.localStorage }),
 *   countUnreachableAsOffline: true,
 * };
 * ```
 */
export interface PocketBasePersistSettings {
  /** TanStack's persister: `createAsyncStoragePersister` over `localStorage`, IndexedDB, … */
  persister: Persister;
  /** TanStack's cache buster: change it when a release changes what is cached. Default `""`. */
  buster?: string;
  /**
   * How old a stored cache may be when restored, in ms. Default: no limit, unlike TanStack's
   * 24 hours, because an older cache is discarded whole, with the writes waiting in it.
   */
  maxAge?: number;
  /**
   * Count a server that does not answer, while the browser says it is online, as offline
   * (default `false`). A write that gets no answer (status 0) is then kept and shown, TanStack
   * goes offline, and the server's health is checked again (1 s, doubling, at most 30 s) until it
   * answers; then everything waiting is sent. By default such a write fails with status 0 and is
   * rolled back, its variables kept.
   */
  countUnreachableAsOffline?: boolean;
}

/**
 * A query as the dehydrate filter reads it. Written out rather than TanStack's `Query` class:
 * TanStack pins its persistence packages to a query-core of their own, which may be another
 * copy than the app's; a class with private members of one copy does not fit the other.
 *
 * @example
 * ```ts
 * const stored = (query: StoredQuery) => query.state.status === "success";
 * ```
 */
export interface StoredQuery {
  /** The query's key. */
  queryKey: QueryKey;
  /** The query's state. */
  state: QueryState;
}

/**
 * A mutation as the dehydrate filter reads it (see {@link StoredQuery} for why it is written out).
 *
 * @example
 * ```ts
 * const paused = (mutation: StoredMutation) => mutation.state.isPaused;
 * ```
 */
export interface StoredMutation {
  /** The mutation's options: only its key is read. */
  options: {
    /** The mutation's key. */
    mutationKey?: MutationKey;
  };
  /** The mutation's state. */
  state: MutationState<unknown, Error, unknown, unknown>;
}

/**
 * What `PersistQueryClientProvider` takes as `persistOptions`.
 *
 * @example
 * ```tsx
 * const persistOptions: PocketBasePersistOptions = pocketbasePersistOptions(pb, queryClient, { persister });
 * <PersistQueryClientProvider client={queryClient} persistOptions={persistOptions}>…</PersistQueryClientProvider>
 * ```
 */
export interface PocketBasePersistOptions {
  /** The app's persister, wrapped: what it stores belongs to the signed-in user. */
  persister: Persister;
  /** The app's buster. */
  buster: string;
  /** The app's `maxAge`, or no limit. */
  maxAge: number;
  /** What is stored: successful queries of the signed-in user, and this library's writes still to send. */
  dehydrateOptions: {
    /** TanStack's query filter. */
    shouldDehydrateQuery: (query: StoredQuery) => boolean;
    /** TanStack's mutation filter. */
    shouldDehydrateMutation: (mutation: StoredMutation) => boolean;
  };
}

/**
 * Makes TanStack's persistence correct for PocketBase: pass the result to
 * `PersistQueryClientProvider` (`@tanstack/solid-query-persist-client`) as `persistOptions`, with
 * the persister of your choice. Then a write made offline (as TanStack's `onlineManager` sees it)
 * is kept, shown, stored, and still shown after a reload; once online, the writes are sent in the
 * order they were made, each reaching the server once:
 *
 * - **Restored writes resume without your code.** Their functions cannot be stored; this
 *   registers mutation defaults under `["pocketbase"]` that route each restored write by its key
 *   to the steps the hooks use, and resumes them after the restore when online. With it, this
 *   library's writes go to the server one at a time (a TanStack mutation scope).
 * - **Exactly once.** A write whose request may have reached the server before the page went
 *   away (it was in flight; a create or delete stored at all) is checked when sent again: a create
 *   whose id is taken and a delete that meets a 404 are done. An update with modifiers
 *   (`views+`) that was in flight is not sent again: it fails with `error.response.outcome ===
 *   "unknown"`, its variables kept (see {@link usePendingChanges}). A persister writes at most
 *   once per `throttleTime` (1 s by default), so an update whose request started less than that
 *   before the page closed is stored as not sent, and is sent again.
 * - **One user's cache.** What is stored is labelled with the signed-in user; a stored cache of
 *   anyone else is deleted on restore, never shown. On sign-out or a switch of user the stored
 *   cache is deleted at once, and nothing of the previous user is stored again: not their
 *   queries, not their writes. Their writes still waiting in memory are not sent as the next
 *   user: they fail with `error.response.outcome === "not sent"`.
 * - **What cannot be stored is said.** A write with a `File`, `Blob` or `FormData`, or with an
 *   auth record's password, is not stored: it works while the page lives, and
 *   `usePendingChanges` reports it with `survivesReload: false`.
 *
 * Call it once per QueryClient, before the provider restores (at module level, or in the
 * component that renders the provider). Set the QueryClient's `gcTime` at least as long as you
 * want unused lists to survive in storage: TanStack drops them from the cache, and so from
 * storage, after `gcTime` (5 minutes by default).
 *
 * @param pb - The PocketBase client of the app.
 * @param queryClient - The QueryClient the provider persists.
 * @param settings - The persister, and optionally `buster`, `maxAge`, `countUnreachableAsOffline`.
 * @returns The `persistOptions` for `PersistQueryClientProvider`.
 * @throws Nothing: a stored cache that cannot be read is discarded by TanStack.
 * @example
 * ```tsx
 * import { PersistQueryClientProvider } from "@tanstack/solid-query-persist-client";
 * import { createAsyncStoragePersister } from "@tanstack/query-async-storage-persister";
 *
 * const pb = new PocketBase("http://127.0.0.1:8090");
 * const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: 24 * 60 * 60 * 1000 } } });
 * const persistOptions = pocketbasePersistOptions(pb, queryClient, {
 *   persister: createAsyncStoragePersister({ storage: window.localStorage }),
 * });
 *
 * render(() => (
 *   <PersistQueryClientProvider client={queryClient} persistOptions={persistOptions}>
 *     <PocketBaseProvider client={pb}>
 *       <App />
 *     </PocketBaseProvider>
 *   </PersistQueryClientProvider>
 * ), document.getElementById("root")!);
 * ```
 */
export function pocketbasePersistOptions(pb: Client, queryClient: QueryClient, settings: PocketBasePersistSettings): PocketBasePersistOptions {
  const owner = () => authIdentity(pb.authStore.record);
  const stored = ownedPersister(settings.persister, owner);
  const buster = settings.buster ?? "";
  // Queries whose data came before the last change of user are the previous user's: the provider
  // is clearing them, and until it has, none of them is stored.
  let userChangedAt = -Infinity;
  let restored = false;

  queryClient.setMutationDefaults(pocketbaseKeys.all(), resumableWrites(pb, queryClient));
  onIdentityChange(pb, () => {
    userChangedAt = Date.now();
    void stored.forgetPrevious();
  });

  const dehydrateOptions = {
    // TanStack's own defaults are `status === "success"` for queries and `isPaused` for mutations,
    // written out here: every import of this package's modules costs each size entry a little.
    shouldDehydrateQuery: (query: StoredQuery) =>
      query.state.status === "success" && (query.queryKey[0] !== pocketbaseKeys.all()[0] || query.state.dataUpdatedAt > userChangedAt),
    shouldDehydrateMutation: (mutation: StoredMutation) => {
      if (!writeKind(mutation.options.mutationKey)) return mutation.state.isPaused;
      const madeBy = (mutation.state.context as { identity?: string } | undefined)?.identity;
      return mutation.state.status === "pending" && madeBy === owner() && survivesReload(mutation);
    },
  };

  let probing = false;
  offlineHooks.set(queryClient, {
    sending: (context) => {
      // Stored at once (as far as the persister allows): a reload must know it may have arrived.
      (context as { sending?: boolean }).sending = true;
      if (restored) void persister.persistClient({ buster, timestamp: Date.now(), clientState: dehydrate(queryClient, dehydrateOptions) });
    },
    keepsWaiting: (error) => {
      const failure = error as { status?: unknown; isAbort?: unknown } | null;
      if (!settings.countUnreachableAsOffline || failure?.status !== 0 || failure.isAbort === true) return false;
      if (!probing) {
        probing = true;
        onlineManager.setOnline(false);
        void waitForServer(pb).then(() => {
          probing = false;
          onlineManager.setOnline(true);
        });
      }
      return true;
    },
  });

  const persister: Persister = {
    persistClient: (client: PersistedClient) => stored.persistClient({ ...client, clientState: serverState.of(queryClient, client.clientState) }),
    removeClient: () => stored.removeClient(),
    restoreClient: async () => {
      const client = await stored.restoreClient();
      restored = true;
      // TanStack hydrates right after this resolves; then the restored writes are shown, and sent.
      setTimeout(() => {
        if (client) serverState.replay(queryClient, client.clientState);
        if (onlineManager.isOnline()) void queryClient.resumePausedMutations();
      });
      return client;
    },
  };
  return { persister, buster, maxAge: settings.maxAge ?? Infinity, dehydrateOptions };
}
