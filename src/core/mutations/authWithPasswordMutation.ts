import type { QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import type { RecordAuthResponse, RecordModel, RecordOptions } from "pocketbase";
import { secretMutationOptions } from "./secretMutationOptions";

/**
 * What `mutate()` of `useAuthWithPassword` takes: the SDK's `authWithPassword` arguments.
 *
 * @example
 * ```ts
 * const variables: AuthWithPasswordVariables = { identity: "alice@example.com", password };
 * ```
 */
export interface AuthWithPasswordVariables {
  /** The email or username (whichever identity fields the collection allows). */
  identity: string;
  /** The password: sent, never kept (see {@link AuthWithPasswordKept}). */
  password: string;
  /** Request options passed to the SDK (`expand`, `fields`, `headers`, ...). */
  options?: RecordOptions;
}

/**
 * The variables TanStack keeps of a password sign-in (`variables`, and what your callbacks get):
 * all but the password, so a failed form can still show the identity.
 */
export type AuthWithPasswordKept = Omit<AuthWithPasswordVariables, "password">;

/**
 * The TanStack mutation options of a password sign-in (see `secretMutationOptions`).
 *
 * Tested by tests/useAuthWithPassword.test.tsx.
 * @internal
 */
export function authWithPasswordMutation<R extends RecordModel = RecordModel>(pb: Client, queryClient: QueryClient, collection: string) {
  return secretMutationOptions<RecordAuthResponse<R>, AuthWithPasswordVariables, AuthWithPasswordKept>(queryClient, ({ identity, password, options }) =>
    pb.collection(collection).authWithPassword<R>(identity, password, options),
  );
}
