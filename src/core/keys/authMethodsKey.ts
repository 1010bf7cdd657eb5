import { pocketbaseKeys } from "./pocketbaseKeys";

/**
 * The query key of an auth collection's sign-in methods (`useAuthMethods`):
 * `["pocketbase", collection, "auth-methods"]`. Under the collection, so invalidating the
 * collection refreshes it too; kept out of `pocketbaseKeys` so that apps which never sign in do
 * not bundle it.
 *
 * Tested by tests/useAuthMethods.test.tsx.
 *
 * @param collection - The auth collection's name or id.
 * @returns The key.
 * @example
 * ```ts
 * queryClient.invalidateQueries({ queryKey: authMethodsKey("users") });
 * ```
 */
export function authMethodsKey(collection: string) {
  return [...pocketbaseKeys.collection(collection), "auth-methods"] as const;
}
