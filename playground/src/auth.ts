import type PocketBase from "pocketbase";
import { ClientResponseError } from "pocketbase";

/**
 * The SDK keeps the last login in localStorage. Check it once against the server: a token from
 * a data dir that was since reset (or a deleted account) is dropped instead of showing an empty
 * board. Network errors keep it; the queries will show them.
 */
export function revalidateSession(pb: PocketBase): void {
  if (!pb.authStore.isValid) return;
  pb.collection("staff")
    .authRefresh({ requestKey: null })
    .catch((error: unknown) => {
      if (error instanceof ClientResponseError && error.status >= 400 && error.status < 500) pb.authStore.clear();
    });
}
