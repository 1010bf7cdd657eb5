// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { useFullCollection } from "../../src/useFullCollection";
import { useRealtimeCollection } from "../../src/useRealtimeCollection";
import { pocketbaseKeys } from "../../src/core/pocketbaseKeys";
import type { RecordEvent } from "../../src/core/realtimeCacheListener";
import { newClient, uniqueScope, userClient, waitFor } from "../helpers/pocketbase";
import { realtimeSettled, sdkTopics } from "../helpers/realtime";
import { renderWithClient } from "../helpers/render";

type Note = { id: string; text: string; owner: string };

describe("a change of signed-in user", () => {
  it("removes the previous user's records from the cache, and the new user's private records arrive live", async () => {
    const tag = uniqueScope("note");
    const pb = newClient();
    await pb.collection("users").authWithPassword("alice@example.com", "password123");
    const aliceNote = await pb.collection("notes").create<Note>({ text: `${tag} alice`, owner: pb.authStore.record!.id });
    const events: RecordEvent<Note>[] = [];
    const { result, queryClient } = renderWithClient(() => {
      useRealtimeCollection<Note>("notes", () => ({ onEvent: (event) => events.push(event) }));
      return useFullCollection<Note>("notes", () => ({ filter: `text ~ "${tag}"`, sort: "created" }));
    }, pb);
    await waitFor(() => result.isSuccess, { message: "alice's notes loaded" });
    await realtimeSettled(pb, queryClient);
    expect(result.data?.map((n) => n.id)).toEqual([aliceNote.id]);
    // A detail page alice visited earlier: cached, no longer observed.
    queryClient.setQueryData(pocketbaseKeys.detail<Note>("notes", aliceNote.id), aliceNote);

    await pb.collection("users").authWithPassword("bob@example.com", "password123");
    const cacheText = () => JSON.stringify(queryClient.getQueryCache().getAll().map((q) => q.state.data));
    await waitFor(() => !cacheText().includes(aliceNote.id), { message: "alice's note gone from the whole cache" });
    await waitFor(() => result.isSuccess && result.data?.length === 0, { message: "bob's (empty) list shown" });
    await realtimeSettled(pb, queryClient);
    expect(sdkTopics(pb)).toHaveProperty("notes/*");

    const bob = await userClient("bob");
    const bobNote = await bob.collection("notes").create<Note>({ text: `${tag} bob`, owner: bob.authStore.record!.id });
    await waitFor(() => result.data?.some((n) => n.id === bobNote.id), { message: "bob's note arrived" });
    expect(events.map((e) => [e.action, e.record.id])).toContainEqual(["create", bobNote.id]);
    expect(cacheText()).not.toContain(aliceNote.id);
  });
});
