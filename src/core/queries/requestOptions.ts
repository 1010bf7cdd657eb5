import type { NormalizedParams } from "../types";

/**
 * SDK send options for a read made by a TanStack queryFn.
 *
 * `requestKey: null` turns off the SDK's auto-cancellation: without it, two queries on the same
 * collection (say page 1 and page 2 mounted together) share a request key and the second aborts
 * the first. It is also what makes the SDK honour our `signal`: with a request key it replaces
 * the signal with its own controller (pocketbase-protocol.md §3.2), and TanStack's cancellation
 * would no longer abort the fetch.
 *
 * @param params - Normalised params taken from the query key, so the request and its cache entry
 *   can never disagree.
 * @param signal - TanStack's abort signal for this fetch.
 * @returns Options for `getList`, `getFullList` or `getOne`.
 * @example
 * ```ts
 * pb.collection("posts").getOne(id, requestOptions(params, signal));
 * ```
 */
export function requestOptions(params: NormalizedParams, signal: AbortSignal | undefined) {
  const { page: _page, perPage: _perPage, ...query } = params;
  return { ...query, requestKey: null, signal };
}
