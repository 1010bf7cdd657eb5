import type Client from "pocketbase";
import { authIdentity } from "./authIdentity";

/**
 * Calls `callback` when the signed-in user of a client changes: login, logout or a switch. The
 * SDK's `authStore.onChange` also fires on every token refresh, which is not a change of user.
 * @returns The function that stops watching.
 * @internal
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
