// Reading a QueryClient's cache in tests.
import type { QueryClient } from "@tanstack/solid-query";
import { pocketbaseKeys } from "../../src/core/keys/pocketbaseKeys";

/** A plain, deep copy of every cached query of a collection, keyed by query hash. */
export function cacheSnapshot(queryClient: QueryClient, collection: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const query of queryClient.getQueryCache().findAll({ queryKey: pocketbaseKeys.collection(collection) })) {
    out[query.queryHash] = JSON.parse(JSON.stringify(query.state.data ?? null));
  }
  return out;
}
