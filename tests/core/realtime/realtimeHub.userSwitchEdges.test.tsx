// @vitest-environment jsdom
// Edges of a change of user that a review found: two changes in one tick, the app's own
// subscriptions holding the connection, and a logout followed by an unmount.
import { describe, expect, it } from "vitest";
import { realtimeHub } from "../../../src/core/realtime/realtimeHub";
import { useFullCollection } from "../../../src/useFullCollection";
import { useRealtimeCollection } from "../../../src/useRealtimeCollection";
import { freshCollection, newClient, uniqueScope, userClient, waitFor } from "../../helpers/pocketbase";
import { realtimeSettled, sdkTopics } from "../../helpers/realtime";
import { renderWithClient } from "../../helpers/render";

type Note = { id: string; text: string; owner: string };

async function login(pb: ReturnType<typeof newClient>, user: "alice" | "bob") {
  await pb.collection("users").authWithPassword(`${user}@example.com`, "password123");
}

describe("changes of user, edge cases", () => {
  it("two changes in one tick leave one SDK listener per topic, and unmounting closes the connection", async () => {
    const pb = newClient();
    await login(pb, "alice");
    const bob = await userClient("bob");
    const { queryClient, cleanup } = renderWithClient(() => useRealtimeCollection("notes"), pb);
    await realtimeSettled(pb, queryClient);
    pb.authStore.clear();
    pb.authStore.save(bob.authStore.token, bob.authStore.record);
    await waitFor(() => realtimeHub(pb).status.get().state === "connected" && pb.realtime.isConnected, { message: "reconnected" });
    await waitFor(() => sdkTopics(pb)["notes/*"] === 1, { message: `one listener (topics: ${JSON.stringify(sdkTopics(pb))})` });
    cleanup();
    await waitFor(() => !pb.realtime.isConnected && Object.keys(sdkTopics(pb)).length === 0, { message: "closed, nothing left" });
    expect(realtimeHub(pb).status.get().state).toBe("disconnected");
  });

  it("with the app's own realtime subscription open, the new user still gets a fresh connection and live events", async () => {
    const tag = uniqueScope("own-sub");
    const pb = newClient();
    await login(pb, "alice");
    const publicCollection = await freshCollection();
    const appEvents: unknown[] = [];
    const stopApp = await pb.collection(publicCollection).subscribe("*", (e) => appEvents.push(e));
    const { result, queryClient } = renderWithClient(() => {
      useRealtimeCollection("notes");
      return useFullCollection<Note>("notes", () => ({ filter: `text ~ "${tag}"` }));
    }, pb);
    await waitFor(() => result.isSuccess, { message: "loaded" });
    await realtimeSettled(pb, queryClient);
    await login(pb, "bob");
    await waitFor(() => realtimeHub(pb).status.get().state === "connected", { message: "connected as bob" });
    await realtimeSettled(pb, queryClient);
    expect(realtimeHub(pb).status.get().error).toBeUndefined();
    const bob = await userClient("bob");
    const note = await bob.collection("notes").create<Note>({ text: `${tag} bob`, owner: bob.authStore.record!.id });
    await waitFor(() => result.data?.some((n) => n.id === note.id), { message: "bob's private note arrived live" });
    await stopApp();
  });

  it("a logout followed by an unmount leaves the status disconnected", async () => {
    const pb = newClient();
    await login(pb, "alice");
    const { queryClient, cleanup } = renderWithClient(() => useRealtimeCollection("notes"), pb);
    await realtimeSettled(pb, queryClient);
    pb.authStore.clear();
    cleanup();
    await waitFor(() => !pb.realtime.isConnected, { message: "closed" });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await waitFor(() => realtimeHub(pb).status.get().state === "disconnected", { message: "status disconnected" });
    // The round started by the logout must not bring it back once it resumes.
    await expect(
      waitFor(() => realtimeHub(pb).status.get().state !== "disconnected", { timeout: 1500 }),
    ).rejects.toThrow(/still not true/);
  });
});
