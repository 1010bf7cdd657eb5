import PocketBase, { BaseAuthStore, type RecordModel } from "pocketbase";
import { describe, expect, it } from "vitest";
import { onIdentityChange } from "../../../src/core/auth/onIdentityChange";

// No request is made: the auth store is driven by hand, as a login or a refresh would.
const client = () => new PocketBase("http://127.0.0.1:9", new BaseAuthStore());

const record = (id: string, fields: Partial<RecordModel> = {}): RecordModel =>
  ({ id, collectionId: "_pb_users_auth_", collectionName: "users", ...fields }) as RecordModel;
const alice = record("alice0000000001");
const bob = record("bob000000000001");

describe("onIdentityChange", () => {
  it("calls back on login, switch of user and logout", () => {
    const pb = client();
    let calls = 0;
    onIdentityChange(pb, () => calls++);
    pb.authStore.save("token-a", alice);
    expect(calls).toBe(1);
    pb.authStore.save("token-b", bob);
    expect(calls).toBe(2);
    pb.authStore.clear();
    expect(calls).toBe(3);
  });

  it("does not call back on a token refresh of the same user, even with a fresh copy of the record", () => {
    const pb = client();
    pb.authStore.save("token-1", alice);
    let calls = 0;
    onIdentityChange(pb, () => calls++);
    pb.authStore.save("token-2", { ...alice, email: "alice@example.com" } as RecordModel);
    pb.authStore.save("token-3", alice);
    expect(calls).toBe(0);
    pb.authStore.clear();
    pb.authStore.clear();
    expect(calls).toBe(1);
  });

  it("stops calling back once stopped", () => {
    const pb = client();
    let calls = 0;
    const stop = onIdentityChange(pb, () => calls++);
    stop();
    pb.authStore.save("token-a", alice);
    expect(calls).toBe(0);
  });
});
