import type { Query, QueryClient } from "@tanstack/solid-query";
import { parseKey } from "../keys/parseKey";
import { listUnderlay, type Underlay } from "./listUnderlay";
import type { PendingWrite } from "./pendingWrites";

type AnyQuery = Query<unknown, Error, unknown, readonly unknown[]>;

/**
 * A query's last server data and the view (server + pending writes) written over it. A whole
 * list keeps its server data as an underlay (its differences from the view) where that is exact.
 */
type Snapshot =
  | { view: unknown; server: unknown; underlay?: undefined }
  // `server`: the very data the underlay came from, until a change is carried past it.
  | { view: Record<string, unknown>[]; underlay: Underlay; server?: unknown };

const byClient = new WeakMap<QueryClient, Map<string, Map<AnyQuery, Snapshot>>>();
// The pending writes the views of a collection were last all computed from.
const rebasedOn = new WeakMap<QueryClient, Map<string, readonly PendingWrite[]>>();

/**
 * The server data behind every cached query whose data is a view with pending writes on top.
 * Only those queries have an entry: everywhere else the cached data is the server's. An entry
 * counts only while the query still holds the view written over it: anything that replaced the
 * data since (a reset, the app's own `setQueryData`) made that data the server's.
 *
 * Tested by tests/core/optimistic/rebaseCollection.test.ts (rollback to the server's data, a
 * reset or an app's write taken as the server's).
 * @internal
 */
export const serverSnapshots = {
  /** The query's server data: its snapshot's, or the cached data itself. */
  serverOf(queryClient: QueryClient, collection: string, query: AnyQuery): unknown {
    const snapshot = byClient.get(queryClient)?.get(collection)?.get(query);
    if (!snapshot || snapshot.view !== query.state.data) return query.state.data;
    if (snapshot.underlay && snapshot.server === undefined) return listUnderlay.restore(snapshot.view, snapshot.underlay);
    return snapshot.server;
  },

  /**
   * The underlay of a query whose server data is one, while it holds its view. A server change
   * of a record that no pending write touches is then carried by the view alone (see `carry`).
   */
  underlayOf(queryClient: QueryClient, collection: string, query: AnyQuery): Underlay | undefined {
    const snapshot = byClient.get(queryClient)?.get(collection)?.get(query);
    return snapshot?.view === query.state.data ? snapshot?.underlay : undefined;
  },

  /** Records that `view` is written over `server` (or forgets it when they are the same). */
  set(queryClient: QueryClient, collection: string, query: AnyQuery, server: unknown, view: unknown): void {
    let collections = byClient.get(queryClient);
    if (!collections) byClient.set(queryClient, (collections = new Map()));
    let queries = collections.get(collection);
    if (!queries) collections.set(collection, (queries = new Map()));
    if (server === view) queries.delete(query);
    else {
      const key = parseKey(query.queryKey);
      const underlay = key?.kind === "full" ? listUnderlay.of(key.params.sort, server, view) : undefined;
      queries.set(query, underlay ? { view: view as Record<string, unknown>[], underlay, server } : { server, view });
    }
    if (queries.size === 0) collections.delete(collection);
  },

  /**
   * Records the new view of a whole list after a server change carried into it, and its server
   * data as `underlay` (what the change left of the underlay it had).
   */
  carry(queryClient: QueryClient, collection: string, query: AnyQuery, view: Record<string, unknown>[], underlay: Underlay): void {
    const queries = byClient.get(queryClient)?.get(collection);
    if (!queries?.has(query)) return;
    if (underlay.rows.size > 0) queries.set(query, { view, underlay });
    else queries.delete(query); // the view is the server's data again
    if (queries.size === 0) byClient.get(queryClient)!.delete(collection);
  },

  /**
   * The queries of the collection that hold a view, when every view shows exactly these pending
   * writes (the same writes, in the same order) and is still the query's data: a server change
   * can then be carried into them without replaying the writes. `undefined` otherwise.
   */
  builtOn(queryClient: QueryClient, collection: string, writes: readonly PendingWrite[]): Set<AnyQuery> | undefined {
    const built = rebasedOn.get(queryClient)?.get(collection);
    if (built?.length !== writes.length || !built.every((write, i) => write === writes[i])) return undefined;
    const views = new Set<AnyQuery>();
    for (const [query, { view }] of byClient.get(queryClient)?.get(collection) ?? []) {
      if (view !== query.state.data) return undefined; // replaced by the app since: its data is the server's
      views.add(query);
    }
    return views;
  },

  /** Records that every view of the collection now shows `writes` over its server data. */
  build(queryClient: QueryClient, collection: string, writes: readonly PendingWrite[]): void {
    let collections = rebasedOn.get(queryClient);
    if (!collections) rebasedOn.set(queryClient, (collections = new Map()));
    collections.set(collection, writes);
  },

  /** Whether any query of the collection holds a view (so server changes must go through them). */
  any(queryClient: QueryClient, collection: string): boolean {
    return (byClient.get(queryClient)?.get(collection)?.size ?? 0) > 0;
  },

  /** The queries of a collection that have a snapshot. */
  queries(queryClient: QueryClient, collection: string): AnyQuery[] {
    return [...(byClient.get(queryClient)?.get(collection)?.keys() ?? [])];
  },

  /** Forgets a query (removed from the cache). */
  forget(queryClient: QueryClient, collection: string, query: AnyQuery): void {
    const queries = byClient.get(queryClient)?.get(collection);
    queries?.delete(query);
    if (queries?.size === 0) byClient.get(queryClient)?.delete(collection);
  },
};
