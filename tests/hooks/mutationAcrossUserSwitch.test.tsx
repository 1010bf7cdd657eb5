// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { useCreateRecord } from "../../src/useCreateRecord";
import { useFullCollection } from "../../src/useFullCollection";
import { holdNext } from "../helpers/msw";
import { newClient, uniqueScope, waitFor } from "../helpers/pocketbase";
import { renderWithClient } from "../helpers/render";

type Note = { id: string; text: string; owner: string };

describe("a mutation that settles after a change of user", () => {
  it("does not write the previous user's record into the next user's cache", async () => {
    const tag = uniqueScope("switch");
    const pb = newClient();
    await pb.collection("users").authWithPassword("alice@example.com", "password123");
    const aliceId = pb.authStore.record!.id;
    const { result, queryClient } = renderWithClient(
      () => ({
        notes: useFullCollection<Note>("notes", () => ({ filter: `text ~ "${tag}"` })),
        create: useCreateRecord<Note>("notes"),
      }),
      pb,
    );
    await waitFor(() => result.notes.isSuccess, { message: "loaded" });
    const post = holdNext("POST", "/api/collections/notes/records");
    result.create.mutate({ text: `${tag} alice`, owner: aliceId });
    await post.started;
    await pb.collection("users").authWithPassword("bob@example.com", "password123");
    await waitFor(() => result.notes.isSuccess && result.notes.data?.length === 0, { message: "bob's empty list" });
    post.release(); // alice's create (sent with alice's token) succeeds now
    await waitFor(() => result.create.isSuccess, { message: "alice's create settled" });
    await waitFor(() => queryClient.isFetching() === 0, { message: "refetches done" });
    const cache = JSON.stringify(queryClient.getQueryCache().getAll().map((q) => q.state.data));
    expect(cache).not.toContain(`${tag} alice`);
    expect(result.notes.data).toEqual([]);
  });
});
