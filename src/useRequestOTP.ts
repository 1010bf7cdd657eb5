import { useMutation, useQueryClient, type MutationOptions, type UseMutationResult } from "@tanstack/solid-query";
import type { ClientResponseError, OTPResponse } from "pocketbase";
import type { Accessor } from "solid-js";
import { requestOTPMutation, type RequestOTPVariables } from "./core/mutations/requestOTPMutation";
import type { HookOverrides } from "./HookOverrides";
import { usePocketBase } from "./usePocketBase";

/**
 * Asks PocketBase to email a sign-in code (OTP) to an address: the first step of signing in by
 * email code, the SDK's `requestOTP` as a solid-query mutation. `data.otpId` goes to
 * `useAuthWithOTP` with the code the user types. The collection must have OTP enabled
 * (`useAuthMethods(collection).data?.otp.enabled`).
 *
 * @param collection - The auth collection's name or id, e.g. `"users"`.
 * @param options - Accessor of TanStack mutation options.
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's mutation result; `mutate({ email })` sends the code, `data` is `{ otpId }`.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @example
 * ```tsx
 * const request = useRequestOTP("users");
 * <button onClick={() => request.mutate({ email: email() })}>Email me a code</button>
 * ```
 */
export function useRequestOTP<TContext = unknown>(
  collection: string,
  options?: Accessor<Omit<MutationOptions<OTPResponse, ClientResponseError, RequestOTPVariables, TContext>, "mutationFn">>,
  overrides?: HookOverrides,
): UseMutationResult<OTPResponse, ClientResponseError, RequestOTPVariables, TContext> {
  const pb = usePocketBase(overrides?.pocketbase);
  const queryClient = useQueryClient(overrides?.queryClient);
  return useMutation<OTPResponse, ClientResponseError, RequestOTPVariables, TContext>(() => {
    const own = requestOTPMutation(pb, queryClient, collection);
    return { retry: own.retry, ...options?.(), mutationFn: own.mutationFn };
  }, () => queryClient);
}
