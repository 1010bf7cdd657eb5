// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { newRecordId } from "../src/core/mutations/newRecordId";
import { pocketbaseKeys } from "../src/core/keys/pocketbaseKeys";
import { useCollection } from "../src/useCollection";
import { useCreateRecord } from "../src/useCreateRecord";
import { useFullCollection } from "../src/useFullCollection";
import { cacheSnapshot } from "./helpers/cache";
import { ids } from "./helpers/records";
import { holdNext } from "./helpers/msw";
import { freshCollection, newClient, seed, superuserClient, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

type Post = { id: string; title: string; views: number; created: string; updated: string; collectionId: string };

async function mountLists(collection: string) {
  const pb = newClient();
  const rendered = renderWithClient(
    () => ({
      full: useFullCollection<Post>(collection, () => ({ sort: "title" })),
      page: useCollection<Post>(collection, () => ({ sort: "-title", perPage: 10 })),
      create: useCreateRecord<Post>(collection),
    }),
    pb,
  );
  await waitFor(() => rendered.result.full.isSuccess && rendered.result.page.isSuccess, { message: "lists loaded" });
  return { ...rendered, pb };
}

describe("useCreateRecord", () => {
  it("shows the new row in the mounted list and detail caches before the server answers, then once with the server's values", async () => {
    const collection = await freshCollection();
    await seed(collection, [{ title: "b" }, { title: "d" }]);
    const { result, queryClient } = await mountLists(collection);
    const post = holdNext("POST", `/api/collections/${collection}/records`);

    result.create.mutate({ title: "c", views: 7 });
    await post.started;
    const id = result.create.context!.ours.id;
    expect(id).toMatch(/^[a-z0-9]{15}$/);
    expect(result.full.data?.map((p) => p.title)).toEqual(["b", "c", "d"]);
    expect(result.page.data?.items.map((p) => p.title)).toEqual(["d", "c", "b"]);
    expect(result.page.data?.totalItems).toBe(3);
    const optimistic = queryClient.getQueryData(pocketbaseKeys.detail<Post>(collection, id));
    expect(optimistic).toMatchObject({ id, title: "c", views: 7, collectionName: collection });
    expect(optimistic?.collectionId).toBe(result.full.data![0]!.collectionId);
    expect(optimistic?.created).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z$/);

    post.release();
    await waitFor(() => result.create.isSuccess, { message: "create settled" });
    const server = await (await superuserClient()).collection(collection).getOne<Post>(id);
    expect(result.full.data?.filter((p) => p.id === id)).toEqual([expect.objectContaining(JSON.parse(JSON.stringify(server)))]);
    expect(ids(result.full.data)).toEqual(ids(await (await superuserClient()).collection(collection).getFullList({ sort: "title" })));
    expect(result.page.data?.items.filter((p) => p.id === id)).toHaveLength(1);
    expect(queryClient.getQueryData(pocketbaseKeys.detail<Post>(collection, id))?.created).toBe(server.created);
  });

  it("rolls every cache entry back exactly on a validation error, exposing the field errors and keeping the input", async () => {
    const collection = await freshCollection();
    await seed(collection, [{ title: "a" }]);
    const { result, queryClient } = await mountLists(collection);
    const before = cacheSnapshot(queryClient, collection);

    const input = { title: "", views: 3 };
    result.create.mutate(input);
    await waitFor(() => result.create.isError, { message: "create failed" });
    expect(result.create.error?.status).toBe(400);
    expect(result.create.error?.response.data.title.code).toBe("validation_required");
    expect(result.create.variables).toEqual(input);
    expect(cacheSnapshot(queryClient, collection)).toEqual(before);
  });

  for (const fault of [{ status: 500 }, "network"] as const) {
    it(`rolls back exactly after a ${fault === "network" ? "network failure" : "500"} and can retry with the same input`, async () => {
      const collection = await freshCollection();
      await seed(collection, [{ title: "a" }, { title: "z" }]);
      const { result, queryClient } = await mountLists(collection);
      const before = cacheSnapshot(queryClient, collection);
      const post = holdNext("POST", `/api/collections/${collection}/records`);

      const input = { title: "m" };
      result.create.mutate(input);
      await post.started;
      expect(result.full.data?.map((p) => p.title)).toEqual(["a", "m", "z"]);
      post.release(fault);
      await waitFor(() => result.create.isError, { message: "create failed" });
      if (fault === "network") expect(result.create.error?.status).toBe(0);
      else expect(result.create.error?.status).toBe(500);
      expect(result.create.variables).toEqual(input);
      await waitFor(() => !queryClient.isFetching(), { message: "refetch done" });
      expect(cacheSnapshot(queryClient, collection)).toEqual(before);

      result.create.mutate(result.create.variables!);
      await waitFor(() => result.create.isSuccess, { message: "retry succeeded" });
      expect(result.full.data?.map((p) => p.title)).toEqual(["a", "m", "z"]);
    });
  }

  it("with optimistic: false writes nothing before the answer, then shows the server's record", async () => {
    const collection = await freshCollection();
    await seed(collection, [{ title: "a" }]);
    const rendered = renderWithClient(
      () => ({
        full: useFullCollection<Post>(collection, () => ({ sort: "title" })),
        create: useCreateRecord<Post>(collection, () => ({ optimistic: false })),
      }),
      newClient(),
    );
    const { result } = rendered;
    await waitFor(() => result.full.isSuccess, { message: "list loaded" });
    const post = holdNext("POST", `/api/collections/${collection}/records`);
    result.create.mutate({ title: "b" });
    await post.started;
    expect(result.full.data?.map((p) => p.title)).toEqual(["a"]);
    post.release();
    await waitFor(() => result.create.isSuccess, { message: "created" });
    expect(result.full.data?.map((p) => p.title)).toEqual(["a", "b"]);
  });

  it("a variables object used again for a new create makes a second record", async () => {
    const collection = await freshCollection();
    const { result } = await mountLists(collection);
    const template = { title: "same" };
    result.create.mutate(template);
    await waitFor(() => result.create.isSuccess, { message: "first created" });
    const first = result.create.data!.id;
    result.create.mutate(template);
    await waitFor(() => result.create.isSuccess && result.create.data?.id !== first, { message: "second created" });
    expect(result.full.data?.map((p) => p.title)).toEqual(["same", "same"]);
  });

  it("keeps an id the caller gives", async () => {
    const collection = await freshCollection();
    const { result } = await mountLists(collection);
    const id = newRecordId();
    result.create.mutate({ id, title: "mine" });
    await waitFor(() => result.create.isSuccess, { message: "created" });
    expect(result.create.data?.id).toBe(id);
    expect(ids(result.full.data)).toEqual([id]);
  });

  it("generates ids that PocketBase's own validation accepts (1,000 of them)", async () => {
    const collection = await freshCollection();
    const pb = await superuserClient();
    const generated = Array.from({ length: 1000 }, () => newRecordId());
    expect(new Set(generated).size).toBe(1000);
    for (let i = 0; i < generated.length; i += 50) {
      await Promise.all(generated.slice(i, i + 50).map((id) => pb.collection(collection).create({ id, title: id })));
    }
    const stored = await pb.collection(collection).getFullList({ fields: "id" });
    expect(stored.map((r) => r.id).sort()).toEqual([...generated].sort());
  });
});
