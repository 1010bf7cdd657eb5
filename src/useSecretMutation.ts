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
 * secret is dropped), and `mutate` taking the secret out of what TanStack keeps (`hideSecrets`):
 * the fields named in `secrets`, or whatever its `hide` sets aside.
 * @internal
 */
export function useSecretMutation<TData, TVariables extends object, TKept extends object, TContext>(
  steps: (pb: Client, queryClient: QueryClient) => {
    mutationFn: (kept: TKept) => Promise<TData>;
    retry: (failureCount: number, error: Error) => boolean;
    onSettled: (data: unknown, error: unknown, kept: TKept) => void;
  },
  secrets: readonly (keyof TVariables & string)[] | SecretHiding<TVariables>,
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
  const hiding: SecretHiding<TVariables> = Array.isArray(secrets)
    ? { hide: (variables) => secretVariables.hide(variables, secrets as never[]) }
    : (secrets as SecretHiding<TVariables>);
  return hideSecrets(result, hiding.hide as (variables: object) => object, hiding.reset) as unknown as SecretMutationResult<
    TData,
    TVariables,
    TKept,
    TContext
  >;
}

/**
 * How a hook whose variables carry more than plain secret fields hands them to TanStack:
 * `hide` runs inside `mutate()` (in the user's click, for a sign-in window), `reset` before the
 * result's own `reset()`.
 * @internal
 */
export interface SecretHiding<TVariables> {
  hide: (variables: TVariables) => object;
  reset?: () => void;
}
