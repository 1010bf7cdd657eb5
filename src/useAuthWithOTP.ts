import type { MutationOptions } from "@tanstack/solid-query";
import type { ClientResponseError, RecordAuthResponse, RecordModel } from "pocketbase";
import type { Accessor } from "solid-js";
import { authWithOTPMutation, type AuthWithOTPKept, type AuthWithOTPVariables } from "./core/mutations/authWithOTPMutation";
import type { HookOverrides } from "./HookOverrides";
import type { CollectionArgument, RecordOf } from "./typedCollections";
import type { SecretMutationResult } from "./types";
import { useSecretMutation } from "./useSecretMutation";

/**
 * Signs in with the code PocketBase emailed (`useRequestOTP` first): the SDK's `authWithOTP` as
 * a solid-query mutation. On success `useAuth()` shows the user and `PocketBaseProvider` drops
 * whatever the previous user had cached. The code is sent, never kept: TanStack's `variables`
 * (and your callbacks) see `{ otpId, options }`. A 4xx answer (a wrong or expired code: 400) is
 * never retried.
 *
 * As the second step of MFA, pass the first step's `mfaId` (on its 401: `error.response.mfaId`)
 * in `options`.
 *
 * @typeParam T - The auth collection's name, which types the answer's record (its registered
 *   record type once a schema is registered, see {@link Register}); or the record type written
 *   out: `useAuthWithOTP<Staff>("staff")`.
 * @param collection - The auth collection's name or id, e.g. `"users"`.
 * @param options - Accessor of TanStack mutation options.
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's mutation result; `mutate({ otpId, password: code })` signs in.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @example
 * ```tsx
 * const request = useRequestOTP("users");
 * const signIn = useAuthWithOTP("users");
 * <form onSubmit={(e) => { e.preventDefault(); signIn.mutate({ otpId: request.data!.otpId, password: code() }); }}>
 * ```
 */
export function useAuthWithOTP<const T, TContext = unknown>(
  collection: CollectionArgument<T>,
  options?: Accessor<Omit<MutationOptions<RecordAuthResponse<RecordOf<T>>, ClientResponseError, AuthWithOTPKept, TContext>, "mutationFn">>,
  overrides?: HookOverrides,
): SecretMutationResult<RecordAuthResponse<RecordOf<T>>, AuthWithOTPVariables, AuthWithOTPKept, TContext>;
// The implementation signature; the overload above is the public one.
export function useAuthWithOTP<R extends RecordModel = RecordModel, TContext = unknown>(
  collection: string,
  options?: Accessor<Omit<MutationOptions<RecordAuthResponse<R>, ClientResponseError, AuthWithOTPKept, TContext>, "mutationFn">>,
  overrides?: HookOverrides,
): SecretMutationResult<RecordAuthResponse<R>, AuthWithOTPVariables, AuthWithOTPKept, TContext> {
  return useSecretMutation<RecordAuthResponse<R>, AuthWithOTPVariables, AuthWithOTPKept, TContext>(
    (pb, queryClient) => authWithOTPMutation<R>(pb, queryClient, collection),
    ["password"],
    options,
    overrides,
  );
}
