import type { RecordModel } from "pocketbase";
import { describe, expect, it } from "vitest";
import { authIdentity } from "../../../src/core/auth/authIdentity";

const user = (fields: Partial<RecordModel>): RecordModel =>
  ({ id: "alice0000000001", collectionId: "_pb_users_auth_", collectionName: "users", ...fields }) as RecordModel;

describe("authIdentity", () => {
  it("is the collection and id of the signed-in record", () => {
    expect(authIdentity(user({}))).toBe("_pb_users_auth_/alice0000000001");
    // A record without its collection id (e.g. trimmed by the caller) falls back to the name.
    expect(authIdentity(user({ collectionId: "" }))).toBe("users/alice0000000001");
  });

  it("is 'guest' when nobody is signed in", () => {
    expect(authIdentity(null)).toBe("guest");
    expect(authIdentity(undefined)).toBe("guest");
    expect(authIdentity(user({ id: "" }))).toBe("guest");
  });

  it("does not change with the rest of the record (a refreshed auth record of the same user)", () => {
    expect(authIdentity(user({ email: "new@example.com", updated: "2024-01-02 00:00:00.000Z" }))).toBe(authIdentity(user({})));
  });

  it("tells apart two users with the same id in different auth collections", () => {
    expect(authIdentity(user({ collectionId: "pbc_staff" }))).not.toBe(authIdentity(user({})));
  });
});
