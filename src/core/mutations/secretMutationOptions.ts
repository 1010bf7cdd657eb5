import type { QueryClient } from "@tanstack/solid-query";
import { secretVariables } from "../auth/secretVariables";
import { retryPolicy } from "../queries/retryPolicy";

/**
 * The TanStack mutation options of a request that carries a secret (a password, an email code):
 * the request gets the variables with the secret back from beside the kept ones
 * (`secretVariables`), is never retried on a 4xx answer (a wrong secret stays wrong; PocketBase
 * rate-limits sign-ins), and the secret is dropped once the mutation settles.
 *
 * Tested by tests/useAuthWithPassword.test.tsx and tests/useAuthWithOTP.test.tsx.
 * @internal
 */
export function secretMutationOptions<TData, TVariables extends object, TKept extends object>(
  queryClient: QueryClient,
  request: (variables: TVariables) => Promise<TData>,
) {
  return {
    mutationFn: (kept: TKept): Promise<TData> => request(secretVariables.reveal<TVariables>(kept)),
    retry: retryPolicy(queryClient, "mutations"),
    onSettled: (_data: unknown, _error: unknown, kept: TKept) => secretVariables.forget(kept),
  };
}
