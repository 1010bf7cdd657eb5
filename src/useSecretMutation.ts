import { useMutation, useQueryClient, type MutationOptions, type QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import type { ClientResponseError } from "pocketbase";
import type { Accessor } from "solid-js";
import { hideSecrets } from "./core/auth/hideSecrets";
import { secretVariables } from "./core/auth/secretVariables";
import type { HookOverrides } from "./HookOverrides";
import type { SecretMutationResult } from "./types";
import { usePocketBase } from "./usePocketBase";

/**
 * The body of the hooks whose variables hold a secret (a password, a code, a one-time token): a solid-query mutation over the core's
 * options (`secretMutationOptions`), the user's options around them (their `onSettled` after the
 * secret is dropped), and `mutate` taking the secret out of what TanStack keeps (`hideSecrets`).
 * @internal
 */
export function useSecretMutation<TData, TVariables extends object, TKept extends object, TContext>(
  steps: (pb: Client, queryClient: QueryClient) => {
    mutationFn: (kept: TKept) => Promise<TData>;
    retry: (failureCount: number, error: Error) => boolean;
    onSettled: (data: unknown, error: unknown, kept: TKept) => void;
  },
  secrets: readonly (keyof TVariables & string)[],
  options: Accessor<Omit<MutationOptions<TData, ClientResponseError, TKept, TContext>, "mutationFn">> | undefined,
  overrides: HookOverrides | undefined,
): SecretMutationResult<TData, TVariables, TKept, TContext> {
  const pb = usePocketBase(overrides?.pocketbase);
  const queryClient = useQueryClient(overrides?.queryClient);
  const result = useMutation<TData, ClientResponseError, TKept, TContext>(() => {
    const user = options?.() ?? {};
    const own = steps(pb, queryClient);
    return {
      retry: own.retry,
      ...user,
      mutationFn: own.mutationFn,
      onSettled: (data, error, kept, context, mutation) => {
        own.onSettled(data, error, kept);
        return user.onSettled?.(data, error, kept, context, mutation);
      },
    };
  }, () => queryClient);
  return hideSecrets(result, (variables) => secretVariables.hide(variables, secrets as never[])) as unknown as SecretMutationResult<TData, TVariables, TKept, TContext>;
}
