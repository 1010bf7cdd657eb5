import { useQuery, useQueryClient, type UndefinedInitialDataOptions, type UseQueryResult } from "@tanstack/solid-query";
import type Client from "pocketbase";
import type { AuthMethodsList, ClientResponseError } from "pocketbase";
import type { Accessor } from "solid-js";
import { authMethodsKey } from "./core/keys/authMethodsKey";
import { retryPolicy } from "./core/queries/retryPolicy";
import type { HookOverrides } from "./HookOverrides";
import type { UseAuthMethodsOptions } from "./types";
import { usePocketBase } from "./usePocketBase";

/**
 * The sign-in methods an auth collection allows (the SDK's `listAuthMethods`), as a query: a
 * login page renders the password form, the email-code button and the OAuth2 providers that are
 * enabled, from `data.password.enabled`, `data.otp.enabled`, `data.oauth2.providers` and
 * `data.mfa`. Cached under `authMethodsKey(collection)`.
 *
 * @param collection - The auth collection's name or id, e.g. `"users"`.
 * @param options - Accessor of TanStack query options (`staleTime`, `enabled`, `select`, ...).
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's query result; `data` is the SDK's `AuthMethodsList`.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @example
 * ```tsx
 * const methods = useAuthMethods("users");
 * <Show when={methods.data?.password.enabled}><PasswordForm /></Show>
 * <For each={methods.data?.oauth2.providers}>{(provider) => <button>{provider.displayName}</button>}</For>
 * ```
 */
export function useAuthMethods<TData = AuthMethodsList>(
  collection: string,
  options?: Accessor<UseAuthMethodsOptions<TData>>,
  overrides?: HookOverrides,
): UseQueryResult<TData, ClientResponseError> {
  const pb: Client = usePocketBase(overrides?.pocketbase);
  const queryClient = useQueryClient(overrides?.queryClient);
  // The cast picks solid-query's overload without `initialData` (see useCollection).
  const query = (() => ({
    retry: retryPolicy(queryClient, "queries"),
    ...options?.(),
    queryKey: authMethodsKey(collection),
    queryFn: () => pb.collection(collection).listAuthMethods({ requestKey: null }),
  })) as UndefinedInitialDataOptions<AuthMethodsList, ClientResponseError, TData>;
  return useQuery(query, () => queryClient);
}
