import type { QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import type { OTPResponse, RecordOptions } from "pocketbase";
import { retryPolicy } from "../queries/retryPolicy";

/**
 * What `mutate()` of `useRequestOTP` takes: the SDK's `requestOTP` arguments.
 *
 * @example
 * ```ts
 * const variables: RequestOTPVariables = { email: "alice@example.com" };
 * ```
 */
export interface RequestOTPVariables {
  /** The email the code is sent to. */
  email: string;
  /** Request options passed to the SDK. */
  options?: RecordOptions;
}

/**
 * The TanStack mutation options of an email-code request. It carries no secret; a 4xx answer is
 * not retried. (PocketBase answers an unknown email with an `otpId` too, so the answer tells
 * nobody which emails have accounts.)
 *
 * Tested by tests/useAuthWithOTP.test.tsx.
 * @internal
 */
export function requestOTPMutation(pb: Client, queryClient: QueryClient, collection: string) {
  return {
    mutationFn: ({ email, options }: RequestOTPVariables): Promise<OTPResponse> => pb.collection(collection).requestOTP(email, options),
    retry: retryPolicy(queryClient, "mutations"),
  };
}
