import type { MutationOptions } from "@tanstack/solid-query";
import type { ClientResponseError, RecordAuthResponse, RecordModel } from "pocketbase";
import { onCleanup, type Accessor } from "solid-js";
import { openOAuth2Popup } from "./core/auth/openOAuth2Popup";
import { secretVariables } from "./core/auth/secretVariables";
import { authWithOAuth2Mutation, type AuthWithOAuth2Variables } from "./core/mutations/authWithOAuth2Mutation";
import type { HookOverrides } from "./HookOverrides";
import type { CollectionArgument, RecordOf } from "./typedCollections";
import type { SecretMutationResult } from "./types";
import { useSecretMutation } from "./useSecretMutation";

/**
 * Signs in with an OAuth2 provider (Google, GitHub, your own OIDC server, ...) in a popup window:
 * the SDK's realtime OAuth2 flow as a solid-query mutation. On success `useAuth()` shows the user
 * and `PocketBaseProvider` drops whatever the previous user had cached.
 *
 * **Call `mutate()` in the click handler itself, before any `await`.** It opens the window right
 * there, in the click's own task, because Safari and Firefox block a window opened later (the
 * SDK's `authWithOAuth2` inside an async handler is the usual victim). The window then goes to the
 * provider; PocketBase hands the provider's answer back to this page over a realtime connection
 * of the sign-in's own, and the window is closed on every outcome.
 *
 * - **Blocked window**: `error` says so (status 0) and nothing is sent.
 * - **Cancel**: `reset()` cancels a sign-in in progress, and so does a second `mutate()` (it
 *   starts over in a new window) or unmounting the component. The cancelled mutation fails with
 *   `error.isAbort`. Whether the user closed the window cannot be told reliably (a provider page
 *   with a Cross-Origin-Opener-Policy makes an open window look closed), so offer a way out, such
 *   as a Cancel button calling `reset()`, rather than waiting for one.
 * - **Errors** are the SDK's `ClientResponseError`: a provider the collection does not offer, the
 *   provider's own refusal, the server's refusal of the code. Never retried: only a click can
 *   open a new window.
 * - **Nothing secret is kept**: the provider's code never reaches TanStack; `variables` are what
 *   you passed.
 *
 * @typeParam T - The auth collection's name, which types the answer's record (its registered
 *   record type once a schema is registered, see {@link Register}); or the record type written
 *   out: `useAuthWithOAuth2<Staff>("staff")`.
 * @param collection - The auth collection's name or id, e.g. `"users"`.
 * @param options - Accessor of TanStack mutation options (`onSuccess`, `onError`, ...).
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's mutation result; `mutate({ provider })` signs in, `data` is the SDK's
 *   `{ token, record, meta }` (`meta` holds the provider's profile), `reset()` also cancels.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @example
 * ```tsx
 * const signIn = useAuthWithOAuth2("users");
 * <button onClick={() => signIn.mutate({ provider: "google" })} disabled={signIn.isPending}>Sign in with Google</button>
 * <Show when={signIn.isPending}><button onClick={() => signIn.reset()}>Cancel</button></Show>
 * <Show when={signIn.error}>{(error) => <p>{error().message}</p>}</Show>
 * ```
 */
export function useAuthWithOAuth2<const T, TContext = unknown>(
  collection: CollectionArgument<T>,
  options?: Accessor<Omit<MutationOptions<RecordAuthResponse<RecordOf<T>>, ClientResponseError, AuthWithOAuth2Variables, TContext>, "mutationFn">>,
  overrides?: HookOverrides,
): SecretMutationResult<RecordAuthResponse<RecordOf<T>>, AuthWithOAuth2Variables, AuthWithOAuth2Variables, TContext>;
// The implementation signature; the overload above is the public one.
export function useAuthWithOAuth2<R extends RecordModel = RecordModel, TContext = unknown>(
  collection: string,
  options?: Accessor<Omit<MutationOptions<RecordAuthResponse<R>, ClientResponseError, AuthWithOAuth2Variables, TContext>, "mutationFn">>,
  overrides?: HookOverrides,
): SecretMutationResult<RecordAuthResponse<R>, AuthWithOAuth2Variables, AuthWithOAuth2Variables, TContext> {
  // The sign-in in progress: a newer one, reset() and unmounting end it (and close its window).
  let running: AbortController | undefined;
  const cancel = () => running?.abort();
  onCleanup(cancel);
  return useSecretMutation<RecordAuthResponse<R>, AuthWithOAuth2Variables, AuthWithOAuth2Variables, TContext>(
    (pb, queryClient) => authWithOAuth2Mutation<R>(pb, queryClient, collection),
    {
      hide: (variables) => {
        cancel();
        running = new AbortController();
        const { signal } = running;
        return secretVariables.hide({ ...variables, popup: openOAuth2Popup(signal), signal }, ["popup", "signal"]);
      },
      reset: cancel,
    },
    options,
    overrides,
  );
}
