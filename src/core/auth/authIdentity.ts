import type { RecordModel } from "pocketbase";

/**
 * Who a PocketBase auth record is, for telling a change of user from a token refresh: the
 * collection and id of the record, or `"guest"`. A refreshed token of the same user gives the
 * same identity.
 *
 * @param record - `pb.authStore.record` (or the record `authStore.onChange` passes).
 * @returns A string that changes only when the signed-in user does.
 * @example
 * ```ts
 * authIdentity(pb.authStore.record); // "_pb_users_auth_/k3l1r2v8a8oq0yz" or "guest"
 * ```
 */
export function authIdentity(record: RecordModel | null | undefined): string {
  return record?.id ? `${record.collectionId || record.collectionName}/${record.id}` : "guest";
}
