import type Client from "pocketbase";
import type { RecordModel } from "pocketbase";

/**
 * PocketBase's `auth-refresh` for the client's signed-in record, answered without storing
 * anything: the SDK's `authRefresh` stores whatever it gets, and the callers decide (a sign-out
 * made while the request was out must not be undone by its answer). `undefined` when no record
 * with a collection is signed in.
 *
 * Tested by tests/PocketBaseProvider.authRefresh.test.tsx, tests/core/auth/pocketbaseForRequest.test.ts
 * (a refresh on start and before expiry; a request's cookie checked by the server).
 * @internal
 */
export function sendAuthRefresh(pb: Client): Promise<{ token: string; record: RecordModel }> | undefined {
  const collection = pb.authStore.record?.collectionName || pb.authStore.record?.collectionId;
  if (!pb.authStore.token || !collection) return undefined;
  return pb.send(`/api/collections/${encodeURIComponent(collection)}/auth-refresh`, { method: "POST", requestKey: null });
}
