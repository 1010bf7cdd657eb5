import type { MutationOptions } from "@tanstack/solid-query";
import type { ClientResponseError } from "pocketbase";
import type { Accessor } from "solid-js";
import { confirmPasswordResetMutation, type ConfirmPasswordResetVariables } from "./core/mutations/confirmPasswordResetMutation";
import type { HookOverrides } from "./HookOverrides";
import type { SecretMutationResult } from "./types";
import { useSecretMutation } from "./useSecretMutation";

/**
 * Sets a new password with the token from the password-reset mail (the SDK's
 * `confirmPasswordReset`), as a solid-query mutation. The token and both passwords are sent,
 * never kept in TanStack's `variables`. It signs nobody in: sign in with the new password next.
 * PocketBase invalidates the user's other sessions (their tokens), so `PocketBaseProvider`'s
 * session check signs out other devices on their next start or refresh.
 *
 * @param collection - The auth collection's name or id, e.g. `"users"`.
 * @param options - Accessor of TanStack mutation options.
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's mutation result; `mutate({ token, password, passwordConfirm })` sets the
 *   password, `data` is `true`; an invalid token or a refused password is a 400 on `error`
 *   (`error.response.data` says which field), never retried.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @example
 * ```tsx
 * const reset = useConfirmPasswordReset("users");
 * reset.mutate({ token, password: password(), passwordConfirm: again() });
 * ```
 */
export function useConfirmPasswordReset<TContext = unknown>(
  collection: string,
  options?: Accessor<Omit<MutationOptions<boolean, ClientResponseError, Pick<ConfirmPasswordResetVariables, "options">, TContext>, "mutationFn">>,
  overrides?: HookOverrides,
): SecretMutationResult<boolean, ConfirmPasswordResetVariables, Pick<ConfirmPasswordResetVariables, "options">, TContext> {
  return useSecretMutation<boolean, ConfirmPasswordResetVariables, Pick<ConfirmPasswordResetVariables, "options">, TContext>(
    (pb, queryClient) => confirmPasswordResetMutation(pb, queryClient, collection),
    ["token", "password", "passwordConfirm"],
    options,
    overrides,
  );
}
