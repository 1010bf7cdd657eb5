import type { QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import type { CommonOptions } from "pocketbase";
import { retryPolicy } from "../queries/retryPolicy";

/**
 * What `mutate()` of `useRequestVerification` and `useRequestPasswordReset` takes.
 *
 * @example
 * ```ts
 * const variables: EmailRequestVariables = { email: "alice@example.com" };
 * ```
 */
export interface EmailRequestVariables {
  /** The address the mail goes to. */
  email: string;
  /** Request options passed to the SDK. */
  options?: CommonOptions;
}

/**
 * The TanStack mutation options of a request for an auth mail (verification or password reset):
 * no secret in it; a 4xx answer is not retried. PocketBase answers an unknown address with a 204
 * too, so the answer tells nobody which addresses have accounts.
 *
 * Tested by tests/useConfirmVerification.test.tsx and tests/useConfirmPasswordReset.test.tsx.
 * @internal
 */
export function emailRequestMutation(queryClient: QueryClient, send: (email: string, options?: CommonOptions) => Promise<boolean>) {
  return {
    mutationFn: ({ email, options }: EmailRequestVariables): Promise<boolean> => send(email, options),
    retry: retryPolicy(queryClient, "mutations"),
  };
}
