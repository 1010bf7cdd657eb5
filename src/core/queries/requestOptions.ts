import type { NormalizedParams } from "../types";

/**
 * SDK send options for a read made by a TanStack queryFn: the params from the query key (so the
 * request and its cache entry cannot disagree), `requestKey: null` and TanStack's `signal`.
 *
 * `requestKey: null` turns the SDK's auto-cancellation off. By default the SDK keys a request by
 * method and path, so every list read of a collection shares one key, and it aborts the earlier
 * request when the next with the same key starts: two queries mounted together (page 1 and
 * page 2) would cancel each other. And with a request key the SDK replaces the caller's `signal`
 * with its own controller, so TanStack's cancellation would no longer abort the fetch.
 * @internal
 */
export function requestOptions(params: NormalizedParams, signal: AbortSignal | undefined) {
  const { page: _page, perPage: _perPage, ...query } = params;
  return { ...query, requestKey: null, signal };
}
