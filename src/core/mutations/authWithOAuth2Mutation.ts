import type { QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import type { RecordAuthResponse, RecordModel, RecordOptions } from "pocketbase";
import { oauth2PopupSignIn, type OAuth2PopupSignIn } from "../auth/oauth2PopupSignIn";
import { secretMutationOptions } from "./secretMutationOptions";

/**
 * What `mutate()` of `useAuthWithOAuth2` takes: the SDK's `authWithOAuth2` options that make sense
 * for a popup sign-in.
 *
 * @example
 * ```ts
 * const variables: AuthWithOAuth2Variables = { provider: "google", createData: { name: "New user" } };
 * ```
 */
export interface AuthWithOAuth2Variables {
  /** The provider's name as the collection's OAuth2 options (and `useAuthMethods`) list it, e.g. `"google"`. */
  provider: string;
  /** Scopes to ask the provider for instead of PocketBase's defaults for it. */
  scopes?: string[];
  /** Fields of the record PocketBase creates when this account signs in for the first time. */
  createData?: Record<string, unknown>;
  /** Request options of the final sign-in request (`expand`, `fields`, `headers`, ...). */
  options?: RecordOptions;
}

/**
 * The TanStack mutation options of an OAuth2 sign-in through a popup (`oauth2PopupSignIn`). The
 * window and the cancel signal wait beside the variables (`secretVariables`): TanStack keeps
 * `variables`, and a browser window is neither data nor serialisable. Never retried: a retry would
 * need a new window, which only a click can open.
 *
 * Tested by tests/useAuthWithOAuth2.test.tsx.
 * @internal
 */
export function authWithOAuth2Mutation<R extends RecordModel = RecordModel>(pb: Client, queryClient: QueryClient, collection: string) {
  return {
    ...secretMutationOptions<RecordAuthResponse<R>, OAuth2PopupSignIn, AuthWithOAuth2Variables>(queryClient, (variables) =>
      oauth2PopupSignIn<R>(pb, collection, variables),
    ),
    retry: () => false,
  };
}
