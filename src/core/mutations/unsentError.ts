import { ClientResponseError } from "pocketbase";

/**
 * The error of a write this library did not send, as the SDK's `ClientResponseError` (the error
 * type the hooks promise) with status 0, as for a request with no answer. `outcome` says why:
 * `"not sent"` (the user changed, the input was refused before sending), or `"unknown"` (an
 * earlier attempt may have been applied, and sending it again could apply it twice). TanStack
 * never retries either (`writeRetry`); the variables stay on the mutation.
 *
 * Tested by tests/sentAgain.test.tsx, tests/useBatch.errors.test.tsx,
 * tests/core/mutations/composeMutationOptions.userSwitch.test.tsx.
 * @internal
 */
export function unsentError(outcome: "not sent" | "unknown", message: string): ClientResponseError {
  return new ClientResponseError({ status: 0, response: { status: 0, message: `solid-query-pocketbase: ${message}`, data: {}, outcome } });
}
