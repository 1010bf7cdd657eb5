import type Client from "pocketbase";
import { authIdentity } from "./authIdentity";

/**
 * Calls `callback` when the signed-in user of a PocketBase client changes: login, logout, or a
 * switch of user. A token refresh of the same user is not a change.
 *
 * @param pb - The PocketBase client.
 * @param callback - Called after each change of identity.
 * @returns The function that stops watching.
 * @example
 * ```ts
 * const stop = onIdentityChange(pb, () => void clearPocketBaseCache(queryClient));
 * ```
 */
export function onIdentityChange(pb: Client, callback: () => void): () => void {
  let identity = authIdentity(pb.authStore.record);
  return pb.authStore.onChange((_token, record) => {
    const next = authIdentity(record);
    if (next === identity) return;
    identity = next;
    callback();
  });
}
