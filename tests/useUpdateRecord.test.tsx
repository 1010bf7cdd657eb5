// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { pocketbaseKeys } from "../src/core/keys/pocketbaseKeys";
import { useFullCollection } from "../src/useFullCollection";
import { useRecord } from "../src/useRecord";
import { useUpdateRecord } from "../src/useUpdateRecord";
import { cacheSnapshot } from "./helpers/cache";
import { holdNext } from "./helpers/msw";
import { freshCollection, newClient, seed, superuserClient, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

type Post = { id: string; title: string; status: string; views: number; tags: string[]; updated: string };
type WithAuthor = Post & { author: string; expand?: { author?: { name: string } } };

async function mount(collection: string, id: string, options?: Parameters<typeof useUpdateRecord<Post>>[1]) {
  const rendered = renderWithClient(
    () => ({
      list: useFullCollection<Post>(collection, () => ({ sort: "title" })),
      detail: useRecord<Post>(collection, id),
      update: useUpdateRecord<Post>(collection, options),
      other: useUpdateRecord<Post>(collection),
    }),
    newClient(),
  );
  await waitFor(() => rendered.result.list.isSuccess && rendered.result.detail.isSuccess, { message: "loaded" });
  return rendered;
}

const recordPath = (collection: string) => `/api/collections/${collection}/records/:id`;

describe("useUpdateRecord", () => {
  it("moves the record in sorted lists and updates its detail before the server answers", async () => {
    const collection = await freshCollection();
    const [a] = await seed<Post>(collection, [{ title: "a" }, { title: "m" }, { title: "z" }]);
    const { result } = await mount(collection, a!.id);
    const patch = holdNext("PATCH", recordPath(collection));
    result.update.mutate({ id: a!.id, data: { title: "q" } });
    await patch.started;
    expect(result.list.data?.map((p) => p.title)).toEqual(["m", "q", "z"]);
    expect(result.detail.data?.title).toBe("q");
    patch.release();
    await waitFor(() => result.update.isSuccess, { message: "settled" });
    const server = await (await superuserClient()).collection(collection).getOne<Post>(a!.id);
    expect(result.detail.data).toEqual(JSON.parse(JSON.stringify(server)));
  });

  for (const fault of [{ status: 500 }, "network"] as const) {
    it(`rolls back exactly after a ${fault === "network" ? "network failure" : "500"}, keeping the input`, async () => {
      const collection = await freshCollection();
      const [a] = await seed<Post>(collection, [{ title: "a" }, { title: "m" }]);
      const { result, queryClient } = await mount(collection, a!.id);
      const before = cacheSnapshot(queryClient, collection);
      const patch = holdNext("PATCH", recordPath(collection));
      const input = { id: a!.id, data: { title: "zz", "views+": 2 } };
      result.update.mutate(input);
      await patch.started;
      expect(result.detail.data).toMatchObject({ title: "zz", views: 2 });
      patch.release(fault);
      await waitFor(() => result.update.isError, { message: "failed" });
      expect(result.update.variables).toEqual(input);
      await waitFor(() => !queryClient.isFetching(), { message: "refetch done" });
      expect(cacheSnapshot(queryClient, collection)).toEqual(before);
    });
  }

  it("a failed update undoes only its own field: a later update of another field survives, and the server agrees", async () => {
    const collection = await freshCollection();
    const [a] = await seed<Post>(collection, [{ title: "old", status: "draft" }]);
    const { result } = await mount(collection, a!.id);
    const first = holdNext("PATCH", recordPath(collection));
    result.update.mutate({ id: a!.id, data: { title: "new" } });
    await first.started;
    result.other.mutate({ id: a!.id, data: { status: "published" } });
    await waitFor(() => result.other.isSuccess, { message: "second update succeeded" });
    // The second answer (old title) must not hide the first update, which is still in flight.
    expect(result.detail.data).toMatchObject({ title: "new", status: "published" });

    first.release({ status: 500 });
    await waitFor(() => result.update.isError, { message: "first update failed" });
    expect(result.detail.data).toMatchObject({ title: "old", status: "published" });
    expect(result.list.data?.[0]).toMatchObject({ title: "old", status: "published" });
    const server = await (await superuserClient()).collection(collection).getOne<Post>(a!.id);
    expect(server).toMatchObject({ title: "old", status: "published" });
  });

  it("same field: the first update fails after the second succeeded → the second's value stays", async () => {
    const collection = await freshCollection();
    const [a] = await seed<Post>(collection, [{ title: "old" }]);
    const { result, queryClient } = await mount(collection, a!.id);
    const first = holdNext("PATCH", recordPath(collection));
    result.update.mutate({ id: a!.id, data: { title: "A" } });
    await first.started;
    result.other.mutate({ id: a!.id, data: { title: "B" } });
    await waitFor(() => result.other.isSuccess, { message: "second update succeeded" });
    first.release({ status: 500 });
    await waitFor(() => result.update.isError, { message: "first update failed" });
    await waitFor(() => !queryClient.isFetching(), { message: "refetch done" });
    expect(result.detail.data?.title).toBe("B");
    expect((await (await superuserClient()).collection(collection).getOne<Post>(a!.id)).title).toBe("B");
  });

  it("applies count+ and tags+/tags- optimistically, then matches the server", async () => {
    const collection = await freshCollection();
    const [a] = await seed<Post>(collection, [{ title: "t", views: 5, tags: ["red", "blue"] }]);
    const { result } = await mount(collection, a!.id);
    const patch = holdNext("PATCH", recordPath(collection));
    result.update.mutate({ id: a!.id, data: { "views+": 1, "tags+": "green", "tags-": "red" } });
    await patch.started;
    expect(result.detail.data).toMatchObject({ views: 6, tags: ["blue", "green"] });
    patch.release();
    await waitFor(() => result.update.isSuccess, { message: "settled" });
    const server = await (await superuserClient()).collection(collection).getOne<Post>(a!.id);
    expect(server).toMatchObject({ views: 6, tags: ["blue", "green"] });
    expect(result.detail.data).toEqual(JSON.parse(JSON.stringify(server)));

    result.update.mutate({ id: a!.id, data: { "views-": 10, "+tags": "black" } });
    await waitFor(() => result.update.isSuccess && result.detail.data?.views === -4, { message: "second settled" });
    expect(result.detail.data?.tags).toEqual(["black", "blue", "green"]);
  });

  it("runs the user's callbacks in addition to its own, in order, with the user's context", async () => {
    const collection = await freshCollection();
    const [a] = await seed<Post>(collection, [{ title: "x" }]);
    const calls: string[] = [];
    let titleSeenInOnMutate: string | undefined;
    let queryClientRef: import("@tanstack/solid-query").QueryClient;
    const onSuccess = vi.fn(() => void calls.push("onSuccess"));
    const onError = vi.fn(() => void calls.push("onError"));
    const onSettled = vi.fn(() => void calls.push("onSettled"));
    const { result, queryClient } = await mount(collection, a!.id, () => ({
      onMutate: (variables) => {
        calls.push("onMutate");
        titleSeenInOnMutate = queryClientRef.getQueryData(pocketbaseKeys.detail<Post>(collection, variables.id))?.title;
        return { mine: 42 };
      },
      onSuccess,
      onError,
      onSettled,
    }));
    queryClientRef = queryClient;
    result.update.mutate({ id: a!.id, data: { title: "y" } });
    await waitFor(() => result.update.isSuccess, { message: "settled" });
    expect(calls).toEqual(["onMutate", "onSuccess", "onSettled"]);
    expect(titleSeenInOnMutate).toBe("y"); // ours ran first: the optimistic write is visible
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ title: "y" }), { id: a!.id, data: { title: "y" } }, { mine: 42 }, expect.anything());
    expect((onSettled.mock.calls[0] as unknown[] | undefined)?.[3]).toEqual({ mine: 42 });
    expect(onError).not.toHaveBeenCalled();
    expect(result.detail.data?.title).toBe("y");
  });

  it("drops the cached expansion of a relation the update changes, until the server sends the new one", async () => {
    const collection = await freshCollection();
    const [ada, bob] = await seed("authors", [{ name: "Ada" }, { name: "Bob" }]);
    const [a] = await seed<Post>(collection, [{ title: "t", author: ada!.id }]);
    const rendered = renderWithClient(
      () => ({
        detail: useRecord<WithAuthor>(collection, a!.id, () => ({ expand: "author" })),
        update: useUpdateRecord<WithAuthor>(collection, () => ({ expand: "author" })),
      }),
      newClient(),
    );
    const { result } = rendered;
    await waitFor(() => result.detail.data?.expand?.author?.name === "Ada", { message: "loaded with its author" });
    const patch = holdNext("PATCH", recordPath(collection));
    result.update.mutate({ id: a!.id, data: { author: bob!.id } });
    await patch.started;
    expect(result.detail.data?.author).toBe(bob!.id);
    expect(result.detail.data?.expand?.author).toBeUndefined(); // not Ada any more, Bob not known yet
    patch.release();
    await waitFor(() => result.detail.data?.expand?.author?.name === "Bob", { message: "server's expansion arrived" });
  });
});
