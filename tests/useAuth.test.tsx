// @vitest-environment jsdom
import PocketBase from "pocketbase";
import { renderHook } from "@solidjs/testing-library";
import { createEffect, createRoot } from "solid-js";
import { describe, expect, it } from "vitest";
import { useAuth } from "../src/useAuth";
import { realtimeHub } from "../src/core/realtime/realtimeHub";
import { newClient, pbUrl, superuserClient, uniqueScope, userClient, waitFor } from "./helpers/pocketbase";
import { sdkTopics } from "./helpers/realtime";
import { renderWithClient } from "./helpers/render";

// An unsigned token (the store does not check signatures) that expires `seconds` from now.
function tokenExpiringIn(seconds: number): string {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, "");
  return `${part({ alg: "HS256", typ: "JWT" })}.${part({ exp: Math.floor(Date.now() / 1000) + seconds, type: "auth" })}.signature`;
}

describe("useAuth", () => {
  it("follows the auth store: sign-in, refresh, sign-out", async () => {
    const pb = newClient();
    // What a component sees: effects that re-run when a field changes.
    const emails: unknown[] = [];
    const tokens: string[] = [];
    const { result, cleanup } = renderWithClient(() => {
      const auth = useAuth();
      createEffect(() => emails.push(auth.record?.email ?? null));
      createEffect(() => tokens.push(auth.token));
      return auth;
    }, pb);
    expect(result.record).toBeNull();
    expect(result.isValid).toBe(false);
    expect(result.token).toBe("");

    const alice = await userClient("alice");
    pb.authStore.save(alice.authStore.token, alice.authStore.record);
    expect(result.record?.email).toBe("alice@example.com");
    expect(result.isValid).toBe(true);
    expect(result.isSuperuser).toBe(false);

    await pb.collection("users").authRefresh();
    expect(result.token).toBe(pb.authStore.token);

    pb.authStore.clear();
    expect(result.record).toBeNull();
    expect(result.isValid).toBe(false);
    expect(emails).toEqual([null, "alice@example.com", "alice@example.com", null]);
    expect(tokens[0]).toBe("");
    expect(tokens).toContain(alice.authStore.token);
    expect(tokens.at(-1)).toBe("");
    cleanup();
  });

  it("says when the client is a superuser", async () => {
    const superuser = await superuserClient();
    const pb = newClient();
    pb.authStore.save(superuser.authStore.token, superuser.authStore.record);
    const { result, cleanup } = renderWithClient(() => useAuth(), pb);
    expect(result.isSuperuser).toBe(true);
    cleanup();
  });

  it("turns isValid false when the token expires, with no change of the store", async () => {
    const pb = newClient();
    pb.authStore.save(tokenExpiringIn(1), { id: "u1", collectionId: "_pb_users_auth_", collectionName: "users" });
    // What a component sees: an effect that re-runs when isValid changes.
    // No provider: its session check would sign this made-up token out at once.
    const seen: boolean[] = [];
    const { result, cleanup } = renderHook(() => {
      const auth = useAuth({ pocketbase: pb });
      createEffect(() => seen.push(auth.isValid));
      return auth;
    });
    expect(seen).toEqual([true]);
    await waitFor(() => seen.at(-1) === false, { message: "the token's expiry, seen by an effect", timeout: 5000 });
    expect(result.record?.id).toBe("u1"); // expired, not signed out
    cleanup();
  });

  it("keeps the user's own record live: an edit made elsewhere shows without a reload, a deletion signs out", async () => {
    const superuser = await superuserClient();
    const email = `${uniqueScope("live")}@example.com`;
    const user = await superuser.collection("users").create({ email, name: "Before", password: "first-secret-1", passwordConfirm: "first-secret-1", verified: true });
    const pb = newClient();
    await pb.collection("users").authWithPassword(email, "first-secret-1");
    const names: unknown[] = [];
    const { result, cleanup } = renderWithClient(() => {
      const auth = useAuth();
      createEffect(() => names.push(auth.record?.name ?? null));
      return auth;
    }, pb);
    await waitFor(() => sdkTopics(pb)[`users/${user.id}`] === 1, { message: "the subscription to the user's record" });
    // Live once the server has the subscription: a probe on the same (shared) topic says when.
    await new Promise<void>((resolve) => {
      const stop = realtimeHub(pb).subscribe({ topic: `users/${user.id}` }, { onMessage() {}, onLive: () => (resolve(), setTimeout(stop)) });
    });

    await superuser.collection("users").update(user.id, { name: "After" });
    await waitFor(() => names.at(-1) === "After", { message: "the edit, seen by an effect" });
    expect(result.record?.email).toBe(email);
    expect(result.isValid).toBe(true);

    await superuser.collection("users").delete(user.id);
    await waitFor(() => names.at(-1) === null, { message: "the sign-out" });
    expect(pb.authStore.token).toBe("");
    cleanup();
  });

  it("follows a sign-in made in another tab (the SDK's LocalAuthStore and the storage event)", async () => {
    localStorage.clear();
    const pb = new PocketBase(pbUrl());
    const { result, cleanup } = renderWithClient(() => useAuth(), pb);
    expect(result.record).toBeNull();
    const seen: unknown[] = [];
    createRoot(() => createEffect(() => seen.push(result.record?.email)));
    const alice = await userClient("alice");
    // What the other tab's store writes, and the event this tab's window receives for it.
    const stored = JSON.stringify({ token: alice.authStore.token, record: alice.authStore.record });
    localStorage.setItem("pocketbase_auth", stored);
    window.dispatchEvent(new StorageEvent("storage", { key: "pocketbase_auth", newValue: stored }));
    await waitFor(() => seen.includes("alice@example.com"), { message: "the other tab's sign-in, seen by an effect" });
    cleanup();
    localStorage.clear();
  });
});
