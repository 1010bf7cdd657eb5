// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { useCreateRecord } from "../../../src/useCreateRecord";
import { useFullCollection } from "../../../src/useFullCollection";
import { useRealtimeCollection } from "../../../src/useRealtimeCollection";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import type { RecordEvent } from "../../../src/core/realtime/realtimeCacheListener";
import { uniqueScope, userClient, waitFor } from "../../helpers/pocketbase";
import { realtimeSettled, sdkTopics } from "../../helpers/realtime";
import { renderWithClient } from "../../helpers/render";

type Note = { id: string; text: string; owner: string };

describe("a change of signed-in user", () => {
  it("removes the previous user's records from the cache, and the new user's private records arrive live", async () => {
    const tag = uniqueScope("note");
    const pb = await userClient("alice");
    const aliceNote = await pb.collection("notes").create<Note>({ text: `${tag} alice`, owner: pb.authStore.record!.id });
    const events: RecordEvent<Note>[] = [];
    const { result, queryClient } = renderWithClient(() => {
      useRealtimeCollection<Note>("notes", () => ({ onEvent: (event) => events.push(event) }));
      return {
        list: useFullCollection<Note>("notes", () => ({ filter: `text ~ "${tag}"`, sort: "created" })),
        create: useCreateRecord<Note>("notes"),
      };
    }, pb);
    await waitFor(() => result.list.isSuccess, { message: "alice's notes loaded" });
    await realtimeSettled(pb, queryClient);
    expect(result.list.data?.map((n) => n.id)).toEqual([aliceNote.id]);
    const aliceNotes = [aliceNote.id];
    // A detail page alice visited earlier: cached, no longer observed.
    queryClient.setQueryData(pocketbaseKeys.detail<Note>("notes", aliceNote.id), aliceNote);

    // Alice's finished mutations hold her data too (variables, results).
    result.create.mutate({ text: `${tag} alice again`, owner: pb.authStore.record!.id });
    await waitFor(() => result.create.isSuccess, { message: "alice's second note created" });
    aliceNotes.push(result.create.data!.id);
    expect(queryClient.getMutationCache().findAll({ mutationKey: ["pocketbase"] })).toHaveLength(1);
    await pb.collection("users").authWithPassword("bob@example.com", "password123");
    await waitFor(() => queryClient.getMutationCache().findAll({ mutationKey: ["pocketbase"] }).length === 0, {
      message: "alice's settled mutations removed",
    });
    const cacheText = () => JSON.stringify(queryClient.getQueryCache().getAll().map((q) => q.state.data));
    await waitFor(() => aliceNotes.every((id) => !cacheText().includes(id)), { message: "alice's notes gone from the whole cache" });
    await waitFor(() => result.list.isSuccess && result.list.data?.length === 0, { message: "bob's (empty) list shown" });
    await realtimeSettled(pb, queryClient);
    expect(sdkTopics(pb)).toHaveProperty("notes/*");

    const bob = await userClient("bob");
    const bobNote = await bob.collection("notes").create<Note>({ text: `${tag} bob`, owner: bob.authStore.record!.id });
    await waitFor(() => result.list.data?.some((n) => n.id === bobNote.id), { message: "bob's note arrived" });
    expect(events.map((e) => [e.action, e.record.id])).toContainEqual(["create", bobNote.id]);
    for (const id of aliceNotes) expect(cacheText()).not.toContain(id);
  });
});
