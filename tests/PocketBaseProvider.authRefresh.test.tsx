// @vitest-environment jsdom
import { QueryClientProvider } from "@tanstack/solid-query";
import { renderHook } from "@solidjs/testing-library";
import type PocketBase from "pocketbase";
import { describe, expect, it } from "vitest";
import { PocketBaseProvider } from "../src/PocketBaseProvider";
import { useAuth } from "../src/useAuth";
import { holdNext, networkErrorNext, recordRequests } from "./helpers/msw";
import { newClient, superuserClient, uniqueScope, waitFor } from "./helpers/pocketbase";
import { testQueryClient } from "./helpers/render";

const REFRESH = "/api/collections/:collection/auth-refresh";

function mount(pb: PocketBase, authRefresh?: boolean) {
  const queryClient = testQueryClient();
  return renderHook(() => useAuth(), {
    wrapper: (props) => (
      <QueryClientProvider client={queryClient}>
        <PocketBaseProvider client={pb} authRefresh={authRefresh}>
          {props.children}
        </PocketBaseProvider>
      </QueryClientProvider>
    ),
  });
}

// A user of its own (so that deleting it or changing its password touches no other test), and a
// client signed in as it.
async function signedInUser(collection = "users") {
  const superuser = await superuserClient();
  const email = `${uniqueScope("u")}@example.com`;
  const user = await superuser.collection(collection).create({ email, password: "first-secret-1", passwordConfirm: "first-secret-1", verified: true });
  const pb = newClient();
  await pb.collection(collection).authWithPassword(email, "first-secret-1");
  return { pb, user, superuser };
}

describe("PocketBaseProvider: authRefresh", () => {
  it("signs out on start when the stored token's user was deleted", async () => {
    const { pb, user, superuser } = await signedInUser();
    await superuser.collection("users").delete(user.id);
    const { result, cleanup } = mount(pb);
    await waitFor(() => result.record === null, { message: "the sign-out" });
    expect(pb.authStore.token).toBe("");
    cleanup();
  });

  it("signs out on start when a password change invalidated the token", async () => {
    const { pb, user, superuser } = await signedInUser();
    await superuser.collection("users").update(user.id, { password: "second-secret-2", passwordConfirm: "second-secret-2" });
    const { result, cleanup } = mount(pb);
    await waitFor(() => result.record === null, { message: "the sign-out" });
    cleanup();
  });

  it("keeps a valid session, checked with one request, and keeps it through a network error", async () => {
    const { pb, user } = await signedInUser();
    const requests = recordRequests();
    const { result, cleanup } = mount(pb);
    await waitFor(() => requests.count({ method: "POST", path: REFRESH }) === 1, { message: "the check" });
    await waitFor(() => result.record?.id === user.id && result.isValid, { message: "still signed in" });
    cleanup();

    networkErrorNext("POST", REFRESH);
    const again = mount(pb);
    await waitFor(() => requests.count({ method: "POST", path: REFRESH }) === 2, { message: "the second check" });
    requests.stop();
    expect(again.result.record?.id).toBe(user.id);
    again.cleanup();
  });

  it("with authRefresh={false} sends nothing and leaves the token to the app", async () => {
    const { pb, user, superuser } = await signedInUser();
    await superuser.collection("users").delete(user.id);
    const requests = recordRequests();
    const { result, cleanup } = mount(pb, false);
    // The start-up check would be out by now; a round trip to the server settles it.
    await superuser.health.check();
    requests.stop();
    expect(requests.count({ method: "POST", path: REFRESH })).toBe(0);
    expect(result.record?.id).toBe(user.id);
    cleanup();
  });

  it("does not undo a sign-out made while the check was out", async () => {
    const { pb } = await signedInUser();
    let answered!: () => void;
    const answer = new Promise<void>((resolve) => (answered = resolve));
    pb.afterSend = (response, data) => {
      if (response.url.includes("/auth-refresh")) setTimeout(answered); // after the caller's handlers
      return data;
    };
    const held = holdNext("POST", REFRESH);
    const { result, cleanup } = mount(pb);
    await held.started;
    pb.authStore.clear();
    held.release("pass"); // the server accepts the token: its answer carries a new one
    await answer;
    expect(result.record).toBeNull();
    expect(pb.authStore.token).toBe("");
    cleanup();
  });

  it("refreshes the token before it expires", async () => {
    const superuser = await superuserClient();
    const collection = uniqueScope("shortlived").replace(/-/g, "_");
    // The shortest token PocketBase allows: refreshed halfway through.
    await superuser.collections.create({ name: collection, type: "auth", authToken: { duration: 10 }, passwordAuth: { enabled: true, identityFields: ["email"] } });
    const { pb } = await signedInUser(collection);
    const first = pb.authStore.token;
    const { result, cleanup } = mount(pb);
    await waitFor(() => result.token !== first && result.isValid, { message: "a new token before the first expires", timeout: 12_000 });
    cleanup();
    await superuser.collections.delete(collection);
  }, 20_000);
});
