import type { MutationOptions } from "@tanstack/solid-query";
import type { ClientResponseError } from "pocketbase";
import type { Accessor } from "solid-js";
import { confirmVerificationMutation, type ConfirmVerificationVariables } from "./core/mutations/confirmVerificationMutation";
import type { HookOverrides } from "./HookOverrides";
import type { SecretMutationResult } from "./types";
import { useSecretMutation } from "./useSecretMutation";

/**
 * Confirms an email address with the token from the verification mail (the SDK's
 * `confirmVerification`), as a solid-query mutation. The token is a one-time credential: it is
 * sent, never kept in TanStack's `variables`. If the verified user is signed in on this client,
 * the SDK marks the stored record verified.
 *
 * @param collection - The auth collection's name or id, e.g. `"users"`.
 * @param options - Accessor of TanStack mutation options.
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's mutation result; `mutate({ token })` confirms, `data` is `true`; an
 *   invalid or expired token is a 400 on `error`, never retried.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @example
 * ```tsx
 * const confirm = useConfirmVerification("users");
 * onMount(() => confirm.mutate({ token: new URLSearchParams(location.search).get("token") ?? "" }));
 * ```
 */
export function useConfirmVerification<TContext = unknown>(
  collection: string,
  options?: Accessor<Omit<MutationOptions<boolean, ClientResponseError, Pick<ConfirmVerificationVariables, "options">, TContext>, "mutationFn">>,
  overrides?: HookOverrides,
): SecretMutationResult<boolean, ConfirmVerificationVariables, Pick<ConfirmVerificationVariables, "options">, TContext> {
  return useSecretMutation<boolean, ConfirmVerificationVariables, Pick<ConfirmVerificationVariables, "options">, TContext>(
    (pb, queryClient) => confirmVerificationMutation(pb, queryClient, collection),
    ["token"],
    options,
    overrides,
  );
}
