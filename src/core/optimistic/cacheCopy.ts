import type { Query, QueryClient, QueryKey } from "@tanstack/solid-query";
import type { RecordCache } from "../cache/applyRecordChange";
import { parseKey } from "../keys/parseKey";

type AnyQuery = Query<unknown, Error, unknown, readonly unknown[]>;

/** What `cacheCopy` returns. @internal */
export interface CacheCopy {
  /** The copy, shaped like the QueryClient for the reducer. */
  cache: RecordCache;
  dataOf(query: AnyQuery): unknown;
  /** The data of the query's second slot (see `cacheCopy`). */
  besideOf(query: AnyQuery): unknown;
  /** Whether the reducer removed the query (an unobserved detail of a deleted record). */
  removed(query: AnyQuery): boolean;
  /** Shows `data` for a detail that has no data of its own (never fetched). */
  show(query: AnyQuery, data: unknown): void;
}

/**
 * A copy of a collection's cached data that the reducer writes into instead of the cache: the
 * rebase computes server data and views in copies and writes back only what changed. `beside`
 * gives some queries a second slot with other data (their server data beside their view), under
 * a copy of their key, so that one reducer pass serves both.
 *
 * Tested by tests/core/optimistic/rebaseCollection.test.ts and
 * tests/core/optimistic/listUnderlay.property.test.ts (through the rebase).
 * @internal
 */
export function cacheCopy(
  queryClient: QueryClient,
  queries: readonly AnyQuery[],
  dataOf: (query: AnyQuery) => unknown,
  beside?: { queries: ReadonlySet<AnyQuery>; dataOf: (query: AnyQuery) => unknown },
): CacheCopy {
  const byKey = new Map<QueryKey, AnyQuery>(queries.map((query) => [query.queryKey, query]));
  const data = new Map(queries.map((query) => [query, dataOf(query)]));
  const besideKeys = new Map<QueryKey, AnyQuery>();
  const besideData = new Map<AnyQuery, unknown>();
  for (const query of beside?.queries ?? []) {
    besideKeys.set([...query.queryKey], query);
    besideData.set(query, beside!.dataOf(query));
  }
  const removed = new Set<AnyQuery>();
  const cache = {
    getQueriesData: () => [
      ...queries.filter((query) => !removed.has(query)).map((query) => [query.queryKey, data.get(query)]),
      ...[...besideKeys].map(([queryKey, query]) => [queryKey, besideData.get(query)]),
    ],
    setQueryData: (queryKey: QueryKey, value: unknown) => {
      const query = byKey.get(queryKey);
      if (query) data.set(query, value);
      const second = besideKeys.get(queryKey);
      if (second) besideData.set(second, value);
      return value;
    },
    removeQueries: ({ queryKey }: { queryKey: QueryKey }) => {
      const query = byKey.get(queryKey);
      if (query) removed.add(query);
    },
    getQueryCache: () => queryClient.getQueryCache(),
  } as unknown as RecordCache;
  return {
    cache,
    dataOf: (query) => data.get(query),
    besideOf: (query) => besideData.get(query),
    removed: (query) => removed.has(query),
    show: (query, value) => {
      if (data.get(query) === undefined && parseKey(query.queryKey)?.kind === "detail") data.set(query, value);
    },
  };
}
