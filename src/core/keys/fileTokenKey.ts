import { pocketbaseKeys } from "./pocketbaseKeys";

/**
 * The query key of the signed-in user's file token (`useFileUrl`, protected files):
 * `["pocketbase", "@files", "token", identity]`. Under `["pocketbase"]`, so a change of user
 * clears it with the rest of the user's cache; with the user in it, so one user's token is never
 * another's. `@files` cannot be a collection name. Kept out of `pocketbaseKeys` so that apps
 * without protected files do not bundle it.
 *
 * Tested by tests/useFileUrl.test.tsx (a change of user gets the next user's own token).
 *
 * @param identity - Who is signed in (`collection/id`).
 * @returns The key.
 * @example
 * ```ts
 * queryClient.invalidateQueries({ queryKey: fileTokenKey("users/k2x9c0m1p3q4r5s") });
 * ```
 */
export function fileTokenKey(identity: string) {
  return [...pocketbaseKeys.all(), "@files", "token", identity] as const;
}
