// The shapes of TanStack's persisters (`@tanstack/query-persist-client-core`), written out so the
// package types its persistence glue without depending on TanStack's persistence packages: an app
// that persists nothing installs none of them. Tested by tests/persistence.test.tsx (a real
// TanStack persister passed through them).
import type { DehydratedState } from "@tanstack/solid-query";

/** What a persister stores: TanStack's `PersistedClient`. */
export interface PersistedClient {
  /** When it was written (`Date.now()`). */
  timestamp: number;
  /** TanStack's cache buster: a stored client with another buster is discarded. */
  buster: string;
  /** The dehydrated queries and mutations. */
  clientState: DehydratedState;
}

/** A persister, as `createAsyncStoragePersister` or `createSyncStoragePersister` make one. */
export interface Persister {
  /** Stores a client (persisters throttle this). */
  persistClient(client: PersistedClient): PromiseLike<void> | void;
  /** Reads the stored client, if any. */
  restoreClient(): PromiseLike<PersistedClient | undefined> | PersistedClient | undefined;
  /** Deletes the stored client. */
  removeClient(): PromiseLike<void> | void;
}
