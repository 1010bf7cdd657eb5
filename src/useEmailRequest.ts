import { useMutation, useQueryClient, type MutationOptions, type UseMutationResult } from "@tanstack/solid-query";
import type Client from "pocketbase";
import type { ClientResponseError, CommonOptions, RecordService } from "pocketbase";
import type { Accessor } from "solid-js";
import { emailRequestMutation, type EmailRequestVariables } from "./core/mutations/emailRequestMutation";
import type { HookOverrides } from "./HookOverrides";
import { usePocketBase } from "./usePocketBase";

/**
 * The body of the hooks that ask PocketBase for an auth mail (`useRequestVerification`,
 * `useRequestPasswordReset`): a solid-query mutation over `emailRequestMutation`, sending with
 * the collection's `send` method, the user's options around it.
 * @internal
 */
export function useEmailRequest<TContext>(
  collection: string,
  send: (records: RecordService, email: string, options?: CommonOptions) => Promise<boolean>,
  options: Accessor<Omit<MutationOptions<boolean, ClientResponseError, EmailRequestVariables, TContext>, "mutationFn">> | undefined,
  overrides: HookOverrides | undefined,
): UseMutationResult<boolean, ClientResponseError, EmailRequestVariables, TContext> {
  const pb: Client = usePocketBase(overrides?.pocketbase);
  const queryClient = useQueryClient(overrides?.queryClient);
  return useMutation<boolean, ClientResponseError, EmailRequestVariables, TContext>(() => {
    const own = emailRequestMutation(queryClient, (email, requestOptions) => send(pb.collection(collection), email, requestOptions));
    return { retry: own.retry, ...options?.(), mutationFn: own.mutationFn };
  }, () => queryClient);
}
