import { describe, expect, it } from "vitest";
import { sdkConnection } from "../../../src/core/realtime/sdkConnection";
import { freshCollection, newClient, uniqueScope, userClient, waitFor } from "../../helpers/pocketbase";
import { sdkTopics } from "../../helpers/realtime";

describe("sdkConnection", () => {
  it("closed() waits for the SDK to close its connection after the last unsubscribe", async () => {
    const collection = await freshCollection();
    const pb = newClient();
    const unsubscribe = await pb.realtime.subscribe(`${collection}/*`, () => {});
    const unsubscribed = unsubscribe(); // closes the connection a moment later
    expect(pb.realtime.isConnected).toBe(true);
    expect(await sdkConnection.closed(pb)).toBe(true);
    await unsubscribed;
  });

  it("closed() answers false when something else keeps the connection open", async () => {
    const collection = await freshCollection();
    const pb = newClient();
    await pb.realtime.subscribe(`${collection}/*`, () => {});
    expect(await sdkConnection.closed(pb)).toBe(false);
    await pb.realtime.unsubscribe();
  });

  it("drop() keeps every subscription, and the next subscribe reconnects with the current auth", async () => {
    const tag = uniqueScope("drop");
    const collection = await freshCollection();
    const pb = await userClient("alice");
    const bob = await userClient("bob");
    const heard: string[] = [];
    await pb.realtime.subscribe("notes/*", (e: { record: { id: string } }) => heard.push(e.record.id));
    // Bob signs in on this client. Without a new connection PocketBase would refuse him (403).
    pb.authStore.save(bob.authStore.token, bob.authStore.record);
    sdkConnection.drop(pb);
    expect(pb.realtime.isConnected).toBe(false);
    expect(sdkTopics(pb)["notes/*"]).toBe(1);
    await pb.realtime.subscribe(`${collection}/*`, () => {});
    const note = await bob.collection("notes").create<{ id: string }>({ text: tag, owner: bob.authStore.record!.id });
    await waitFor(() => heard.includes(note.id), { message: "bob's private note heard on the kept subscription" });
    await pb.realtime.unsubscribe();
  });
});
