import type { MutationOptions, UseMutationResult } from "@tanstack/solid-query";
import type { ClientResponseError } from "pocketbase";
import type { Accessor } from "solid-js";
import type { EmailRequestVariables } from "./core/mutations/emailRequestMutation";
import type { HookOverrides } from "./HookOverrides";
import { useEmailRequest } from "./useEmailRequest";

/**
 * Asks PocketBase to mail an address a link that verifies it (the SDK's `requestVerification`), as a
 * solid-query mutation. The link carries a token for `useConfirmVerification`. PocketBase
 * answers an unknown address the same way, so the answer tells nobody who has an account.
 *
 * @param collection - The auth collection's name or id, e.g. `"users"`.
 * @param options - Accessor of TanStack mutation options.
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's mutation result; `mutate({ email })` asks for the mail, `data` is `true`.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @example
 * ```tsx
 * const request = useRequestVerification("users");
 * <button onClick={() => request.mutate({ email: auth.record!.email })}>Send the link again</button>
 * ```
 */
export function useRequestVerification<TContext = unknown>(
  collection: string,
  options?: Accessor<Omit<MutationOptions<boolean, ClientResponseError, EmailRequestVariables, TContext>, "mutationFn">>,
  overrides?: HookOverrides,
): UseMutationResult<boolean, ClientResponseError, EmailRequestVariables, TContext> {
  return useEmailRequest(collection, (records, email, requestOptions) => records.requestVerification(email, requestOptions), options, overrides);
}
