import type { RecordModel } from "pocketbase";

/**
 * Who a PocketBase auth record is: `collection/id`, or `"guest"`. It tells a change of user from
 * a token refresh, which the auth store reports as a change too but which keeps the same record.
 * @internal
 */
export function authIdentity(record: RecordModel | null | undefined): string {
  return record?.id ? `${record.collectionId || record.collectionName}/${record.id}` : "guest";
}
