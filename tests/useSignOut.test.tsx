// @vitest-environment jsdom
import { onlineManager } from "@tanstack/solid-query";
import { describe, expect, it } from "vitest";
import { pocketbaseKeys } from "../src/core/keys/pocketbaseKeys";
import { useAuth } from "../src/useAuth";
import { useSignOut } from "../src/useSignOut";
import { newClient, userClient, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

describe("useSignOut", () => {
  it("signs out: useAuth() shows a guest and nothing of the user stays in the cache", async () => {
    const pb = newClient();
    const alice = await userClient("alice");
    pb.authStore.save(alice.authStore.token, alice.authStore.record);
    const { result, queryClient, cleanup } = renderWithClient(() => ({ auth: useAuth(), signOut: useSignOut() }), pb);
    // A record of hers in the cache, read while she was signed in.
    queryClient.setQueryData(pocketbaseKeys.detail("notes", "n1"), { id: "n1", collectionId: "notes", collectionName: "notes", text: "alice's" });
    expect(result.auth.record?.email).toBe("alice@example.com");

    result.signOut.mutate();
    await waitFor(() => result.signOut.isSuccess, { message: "the sign-out" });
    expect(result.auth.record).toBeNull();
    expect(pb.authStore.token).toBe("");
    expect(queryClient.getQueriesData({ queryKey: pocketbaseKeys.all() })).toEqual([]);
    cleanup();
  });

  it("signs out offline: it sends nothing, so TanStack must not hold it until the network is back", async () => {
    const pb = newClient();
    const alice = await userClient("alice");
    pb.authStore.save(alice.authStore.token, alice.authStore.record);
    const { result, cleanup } = renderWithClient(() => ({ auth: useAuth(), signOut: useSignOut() }), pb);
    onlineManager.setOnline(false);
    try {
      result.signOut.mutate();
      await waitFor(() => result.signOut.isSuccess, { message: "the sign-out" });
      expect(result.auth.record).toBeNull();
    } finally {
      onlineManager.setOnline(true);
      cleanup();
    }
  });
});
