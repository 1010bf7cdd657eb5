// @vitest-environment jsdom
import { ClientResponseError } from "pocketbase";
import { createEffect } from "solid-js";
import { describe, expect, it } from "vitest";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { useCreateRecord } from "../../../src/useCreateRecord";
import { useFullCollection } from "../../../src/useFullCollection";
import { useRecord } from "../../../src/useRecord";
import { useUpdateRecord } from "../../../src/useUpdateRecord";
import { holdNext, recordRequests } from "../../helpers/msw";
import { freshCollection, seed, uniqueScope, userClient, waitFor } from "../../helpers/pocketbase";
import { renderWithClient } from "../../helpers/render";

type Note = { id: string; text: string; owner: string };

describe("a mutation that settles after a change of user", () => {
  it("does not write the previous user's record into the next user's cache", async () => {
    const tag = uniqueScope("switch");
    const pb = await userClient("alice");
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

  it("an update that settles after the switch leaves nothing behind for the next user's updates of that record", async () => {
    const collection = await freshCollection();
    const [post] = await seed<{ id: string; title: string; views: number }>(collection, [{ title: "A", views: 0 }]);
    const pb = await userClient("alice");
    let shownOnSuccess: unknown;
    const { result, queryClient } = renderWithClient(
      () => ({
        detail: useRecord<{ id: string; title: string; views: number }>(collection, post!.id),
        update: useUpdateRecord<{ id: string; title: string; views: number }>(collection),
        // Runs after the library's own onSuccess: sees what it wrote, before the refetch.
        other: useUpdateRecord<{ id: string; title: string; views: number }>(collection, () => ({
          onSuccess: () => void (shownOnSuccess = queryClient.getQueryData(pocketbaseKeys.detail(collection, post!.id))),
        })),
      }),
      pb,
    );
    await waitFor(() => result.detail.isSuccess, { message: "loaded" });
    const patch = holdNext("PATCH", `/api/collections/${collection}/records/:id`);
    result.update.mutate({ id: post!.id, data: { title: "alice's draft" } });
    await patch.started;
    await pb.collection("users").authWithPassword("bob@example.com", "password123");
    patch.release({ status: 500 });
    await waitFor(() => result.update.isError, { message: "alice's update failed" });
    await waitFor(() => result.detail.data?.title === "A", { message: "bob sees the server's title" });

    const second = holdNext("PATCH", `/api/collections/${collection}/records/:id`);
    result.other.mutate({ id: post!.id, data: { "views+": 1 } });
    await second.started;
    expect(result.detail.data).toMatchObject({ title: "A", views: 1 }); // no trace of alice's draft
    second.release();
    await waitFor(() => result.other.isSuccess, { message: "bob's update settled" });
    expect(shownOnSuccess).toMatchObject({ title: "A", views: 1 });
    expect(result.detail.data).toMatchObject({ title: "A", views: 1 });
  });

  it("is not sent when the user changes while it is being prepared, and keeps its variables", async () => {
    const tag = uniqueScope("prepared");
    const pb = await userClient("alice");
    const aliceId = pb.authStore.record!.id;
    let confirm!: () => void;
    const confirmed = new Promise<void>((resolve) => (confirm = resolve));
    const { result, queryClient } = renderWithClient(
      () => ({
        notes: useFullCollection<Note>("notes", () => ({ filter: `text ~ "${tag}"` })),
        // An app's own onMutate that waits (say, for a confirmation dialog).
        create: useCreateRecord<Note>("notes", () => ({ onMutate: () => confirmed })),
      }),
      pb,
    );
    await waitFor(() => result.notes.isSuccess, { message: "loaded" });
    const requests = recordRequests();
    result.create.mutate({ text: `${tag} alice`, owner: aliceId });
    await waitFor(() => result.notes.data?.length === 1, { message: "alice's optimistic row" });
    await pb.collection("users").authWithPassword("bob@example.com", "password123");
    confirm();
    await waitFor(() => result.create.isError, { message: "the mutation failed instead of being sent" });
    expect(result.create.error).toBeInstanceOf(ClientResponseError);
    expect(result.create.error?.message).toMatch(/signed-in user changed before this mutation on "notes" was sent/);
    expect(result.create.variables).toEqual({ text: `${tag} alice`, owner: aliceId });
    expect(requests.count({ method: "POST", path: "/api/collections/notes/records" })).toBe(0);
    await waitFor(() => queryClient.isFetching() === 0 && result.notes.isSuccess, { message: "refetches done" });
    expect(result.notes.data).toEqual([]);
    const aliceNotes = await (await userClient("alice")).collection("notes").getFullList({ filter: `text ~ "${tag}"` });
    expect(aliceNotes).toEqual([]);
    requests.stop();
  });

  it("is not sent when the user changes after its optimistic row was shown, and bob never sees alice's row", async () => {
    const tag = uniqueScope("shown");
    const pb = await userClient("alice");
    const aliceId = pb.authStore.record!.id;
    const bob = await userClient("bob");
    const shownToBob: string[] = [];
    let shownToAlice = false;
    const { result, queryClient } = renderWithClient(
      () => {
        const notes = useFullCollection<Note>("notes", () => ({ filter: `text ~ "${tag}"` }));
        createEffect(() => {
          const rows = notes.data ?? [];
          if (pb.authStore.record?.id !== aliceId) shownToBob.push(...rows.map((row) => row.text));
          else if (rows.length > 0) shownToAlice = true;
        });
        // The app's own onMutate runs after the optimistic row is in the cache; bob signs in there.
        const create = useCreateRecord<Note>("notes", () => ({
          onMutate: async () => {
            expect(queryClient.getQueryData(pocketbaseKeys.fullList<Note>("notes", { filter: `text ~ "${tag}"` }))).toHaveLength(1);
            await waitFor(() => shownToAlice, { message: "alice sees her row" });
            pb.authStore.save(bob.authStore.token, bob.authStore.record);
          },
        }));
        return { notes, create };
      },
      pb,
    );
    await waitFor(() => result.notes.isSuccess, { message: "loaded" });
    const requests = recordRequests();
    result.create.mutate({ text: `${tag} alice`, owner: aliceId });
    await waitFor(() => result.create.isError, { message: "the mutation failed instead of being sent" });
    expect(result.create.error?.message).toMatch(/signed-in user changed before this mutation/);
    expect(requests.count({ method: "POST", path: "/api/collections/notes/records" })).toBe(0);
    await waitFor(() => queryClient.isFetching() === 0 && result.notes.isSuccess, { message: "refetches done" });
    expect(result.notes.data).toEqual([]);
    // The row was alice's pending write: once bob is signed in, no render shows it.
    expect(shownToBob).toEqual([]);
    requests.stop();
  });
});
