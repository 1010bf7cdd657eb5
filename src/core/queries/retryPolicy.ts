import type { QueryClient } from "@tanstack/solid-query";
import { ClientResponseError } from "pocketbase";

/** TanStack Query's own default: three retries. */
const TANSTACK_DEFAULT_RETRY = 3;

/**
 * The retry policy of every query and mutation of this library: a PocketBase 4xx answer (a
 * missing record, a denied rule, a validation error) will not change by asking again, so it is
 * never retried. Everything else (network errors, 5xx) follows the QueryClient's own policy.
 *
 * @param queryClient - Whose default `retry` option applies to the other errors.
 * @param kind - Which defaults to read: queries retry 3 times by default, mutations never.
 * @returns A `retry` function for TanStack options.
 * @example
 * ```ts
 * useQuery(() => ({ queryKey, queryFn, retry: retryPolicy(queryClient, "queries") }));
 * ```
 */
export function retryPolicy(queryClient: QueryClient, kind: "queries" | "mutations") {
  const fallback: boolean | number | ((failureCount: number, error: Error) => boolean) =
    queryClient.getDefaultOptions()[kind]?.retry ?? (kind === "queries" ? TANSTACK_DEFAULT_RETRY : 0);
  return (failureCount: number, error: Error): boolean => {
    if (isClientError(error)) return false;
    if (typeof fallback === "function") return fallback(failureCount, error);
    if (typeof fallback === "number") return failureCount < fallback;
    return fallback;
  };
}

function isClientError(error: unknown): boolean {
  return error instanceof ClientResponseError && error.status >= 400 && error.status < 500;
}
