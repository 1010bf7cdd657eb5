import type { QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import type { RecordAuthResponse, RecordModel, RecordOptions } from "pocketbase";
import { secretMutationOptions } from "./secretMutationOptions";

/**
 * What `mutate()` of `useAuthWithOTP` takes: the SDK's `authWithOTP` arguments.
 *
 * @example
 * ```ts
 * const variables: AuthWithOTPVariables = { otpId: requested.data!.otpId, password: code };
 * ```
 */
export interface AuthWithOTPVariables {
  /** The id `useRequestOTP` answered with. */
  otpId: string;
  /** The code from the email: sent, never kept (see {@link AuthWithOTPKept}). */
  password: string;
  /** Request options passed to the SDK; `{ mfaId }` for the second step of MFA. */
  options?: RecordOptions;
}

/** The variables TanStack keeps of an OTP sign-in: all but the code. */
export type AuthWithOTPKept = Omit<AuthWithOTPVariables, "password">;

/**
 * The TanStack mutation options of an OTP sign-in (see `secretMutationOptions`).
 *
 * Tested by tests/useAuthWithOTP.test.tsx.
 * @internal
 */
export function authWithOTPMutation<R extends RecordModel = RecordModel>(pb: Client, queryClient: QueryClient, collection: string) {
  return secretMutationOptions<RecordAuthResponse<R>, AuthWithOTPVariables, AuthWithOTPKept>(queryClient, ({ otpId, password, options }) =>
    pb.collection(collection).authWithOTP<R>(otpId, password, options),
  );
}
