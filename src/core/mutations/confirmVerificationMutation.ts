import type { QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import type { CommonOptions } from "pocketbase";
import { secretMutationOptions } from "./secretMutationOptions";

/**
 * What `mutate()` of `useConfirmVerification` takes: the SDK's `confirmVerification` arguments.
 *
 * @example
 * ```ts
 * const variables: ConfirmVerificationVariables = { token: new URLSearchParams(location.search).get("token")! };
 * ```
 */
export interface ConfirmVerificationVariables {
  /** The token from the verification mail. */
  token: string;
  /** Request options passed to the SDK. */
  options?: CommonOptions;
}

/**
 * The TanStack mutation options of an email verification's confirmation (see
 * `secretMutationOptions`): the token is a one-time credential, kept out of the cache.
 *
 * Tested by tests/useConfirmVerification.test.tsx.
 * @internal
 */
export function confirmVerificationMutation(pb: Client, queryClient: QueryClient, collection: string) {
  return secretMutationOptions<boolean, ConfirmVerificationVariables, Pick<ConfirmVerificationVariables, "options">>(
    queryClient,
    ({ token, options }) => pb.collection(collection).confirmVerification(token, options),
  );
}
