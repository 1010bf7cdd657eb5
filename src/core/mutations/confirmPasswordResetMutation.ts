import type { QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import type { CommonOptions } from "pocketbase";
import { secretMutationOptions } from "./secretMutationOptions";

/**
 * What `mutate()` of `useConfirmPasswordReset` takes: the SDK's `confirmPasswordReset` arguments.
 *
 * @example
 * ```ts
 * const variables: ConfirmPasswordResetVariables = { token, password, passwordConfirm: password };
 * ```
 */
export interface ConfirmPasswordResetVariables {
  /** The token from the password-reset mail. */
  token: string;
  /** The new password. */
  password: string;
  /** The new password again. */
  passwordConfirm: string;
  /** Request options passed to the SDK. */
  options?: CommonOptions;
}

/**
 * The TanStack mutation options of a password reset's confirmation (see
 * `secretMutationOptions`): the token and both passwords are secrets.
 *
 * Tested by tests/useConfirmPasswordReset.test.tsx.
 * @internal
 */
export function confirmPasswordResetMutation(pb: Client, queryClient: QueryClient, collection: string) {
  return secretMutationOptions<boolean, ConfirmPasswordResetVariables, Pick<ConfirmPasswordResetVariables, "options">>(
    queryClient,
    ({ token, password, passwordConfirm, options }) => pb.collection(collection).confirmPasswordReset(token, password, passwordConfirm, options),
  );
}
