import type { MutationOptions } from "@tanstack/solid-query";
import type { ClientResponseError, RecordAuthResponse, RecordModel } from "pocketbase";
import type { Accessor } from "solid-js";
import {
  authWithPasswordMutation,
  type AuthWithPasswordKept,
  type AuthWithPasswordVariables,
} from "./core/mutations/authWithPasswordMutation";
import type { HookOverrides } from "./HookOverrides";
import type { CollectionArgument, RecordOf } from "./typedCollections";
import type { SecretMutationResult } from "./types";
import { useSecretMutation } from "./useSecretMutation";

/**
 * Signs in to an auth collection with an identity (email or username) and a password: the SDK's
 * `authWithPassword` as a solid-query mutation. On success the client's auth store holds the
 * record and its token, so `useAuth()` shows the user, and `PocketBaseProvider` drops every
 * cached record of whoever was signed in before.
 *
 * The password is sent, never kept: TanStack keeps a mutation's `variables` (and a persister
 * writes them to storage), so it gets them without the password, which waits beside them until
 * the mutation settles. `variables` and your callbacks see `{ identity, options }`.
 *
 * A 4xx answer (wrong password: 400) is never retried. When the collection requires a second
 * factor (MFA), this step fails with a 401 whose `error.response.mfaId` the second method passes
 * on in its request options (`{ mfaId }`), as the SDK documents.
 *
 * @typeParam T - The auth collection's name, which types the answer's record (its registered
 *   record type once a schema is registered, see {@link Register}); or the record type written
 *   out: `useAuthWithPassword<Staff>("staff")`.
 * @param collection - The auth collection's name or id, e.g. `"users"`.
 * @param options - Accessor of TanStack mutation options (`onSuccess`, `onError`, ...).
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's mutation result; `mutate({ identity, password })` signs in, `data` is
 *   the SDK's `{ token, record }`, `error` the SDK's `ClientResponseError`.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @example
 * ```tsx
 * const signIn = useAuthWithPassword("users");
 * <form onSubmit={(e) => { e.preventDefault(); signIn.mutate({ identity: email(), password: password() }); }}>
 *   <Show when={signIn.error}>{(error) => <p>{error().message}</p>}</Show>
 * </form>
 * ```
 */
export function useAuthWithPassword<const T, TContext = unknown>(
  collection: CollectionArgument<T>,
  options?: Accessor<Omit<MutationOptions<RecordAuthResponse<RecordOf<T>>, ClientResponseError, AuthWithPasswordKept, TContext>, "mutationFn">>,
  overrides?: HookOverrides,
): SecretMutationResult<RecordAuthResponse<RecordOf<T>>, AuthWithPasswordVariables, AuthWithPasswordKept, TContext>;
// The implementation signature; the overload above is the public one.
export function useAuthWithPassword<R extends RecordModel = RecordModel, TContext = unknown>(
  collection: string,
  options?: Accessor<Omit<MutationOptions<RecordAuthResponse<R>, ClientResponseError, AuthWithPasswordKept, TContext>, "mutationFn">>,
  overrides?: HookOverrides,
): SecretMutationResult<RecordAuthResponse<R>, AuthWithPasswordVariables, AuthWithPasswordKept, TContext> {
  return useSecretMutation<RecordAuthResponse<R>, AuthWithPasswordVariables, AuthWithPasswordKept, TContext>(
    (pb, queryClient) => authWithPasswordMutation<R>(pb, queryClient, collection),
    ["password"],
    options,
    overrides,
  );
}
