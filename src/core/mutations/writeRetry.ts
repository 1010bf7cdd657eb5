import type { QueryClient } from "@tanstack/solid-query";
import { retryPolicy } from "../queries/retryPolicy";
import { offlineHooks } from "./offlineHooks";

/**
 * The `retry` of this library's record writes, made in a hook or restored after a reload:
 * `retryPolicy` (a 4xx is never asked again), except that a write whose outcome this library
 * decided (unknown, see `mayHaveArrived`; not sent, the user changed) is the app's to resolve,
 * since asking again would only say so again, and that an app counting an unreachable server as
 * offline keeps a write that got no answer (it pauses until the server answers again).
 *
 * Tested by tests/sentAgain.test.tsx, tests/persistence.unreachable.test.tsx (an outcome-unknown
 * update is not retried; a write kept while the server is down).
 * @internal
 */
export function writeRetry(queryClient: QueryClient): (failureCount: number, error: Error) => boolean {
  const retry = retryPolicy(queryClient, "mutations");
  return (failureCount, error) =>
    (error as { response?: { outcome?: unknown } }).response?.outcome === undefined &&
    (offlineHooks.get(queryClient)?.keepsWaiting(error) || retry(failureCount, error));
}
