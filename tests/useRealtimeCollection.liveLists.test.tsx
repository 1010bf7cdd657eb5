// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { useCollection } from "../src/useCollection";
import { useFullCollection } from "../src/useFullCollection";
import { useRealtimeCollection } from "../src/useRealtimeCollection";
import { ids } from "./helpers/records";
import { recordRequests } from "./helpers/msw";
import { freshCollection, newClient, seed, superuserClient, waitFor } from "./helpers/pocketbase";
import { realtimeSettled } from "./helpers/realtime";
import { renderWithClient } from "./helpers/render";

type Post = { id: string; title: string; status: string; views: number };

describe("live filtered lists", () => {
  it("an update moving a record out of a filtered list removes it, one moving it in inserts it in place, with no refetch", async () => {
    const collection = await freshCollection();
    const [a, b, c] = await seed<Post>(collection, [
      { title: "a", status: "published", views: 10 },
      { title: "b", status: "draft", views: 20 },
      { title: "c", status: "published", views: 30 },
    ]);
    const pb = newClient();
    const { result, queryClient } = renderWithClient(() => {
      useRealtimeCollection(collection);
      return {
        published: useFullCollection<Post>(collection, () => ({ filter: 'status = "published"', sort: "-views" })),
        popular: useCollection<Post>(collection, () => ({ filter: "views >= 20 && title !~ 'z'", sort: "title" })),
      };
    }, pb);
    await waitFor(() => result.published.isSuccess && result.popular.isSuccess, { message: "loaded" });
    await realtimeSettled(pb, queryClient);
    expect(ids(result.published.data)).toEqual([c!.id, a!.id]);
    const requests = recordRequests();
    const other = await superuserClient();

    await other.collection(collection).update(b!.id, { status: "published" });
    await waitFor(() => ids(result.published.data)?.length === 3, { message: "b moved in" });
    expect(ids(result.published.data)).toEqual([c!.id, b!.id, a!.id]);

    await other.collection(collection).update(c!.id, { status: "archived", views: 5 });
    await waitFor(() => ids(result.published.data)?.length === 2, { message: "c moved out" });
    expect(ids(result.published.data)).toEqual([b!.id, a!.id]);
    await waitFor(() => ids(result.popular.data?.items)?.join() === b!.id, { message: "c left the other list too" });
    expect(result.popular.data?.totalItems).toBe(1);

    await realtimeSettled(pb, queryClient);
    expect(requests.count({ method: "GET", path: `/api/collections/${collection}/records` })).toBe(0);
    requests.stop();
  });

  it("a filter the client cannot decide (a relation path) still ends equal to the server, by refetching", async () => {
    const collection = await freshCollection();
    const [ada, bob] = await seed("authors", [{ name: "Ada" }, { name: "Bob" }]);
    const [p1] = await seed<Post>(collection, [{ title: "one", author: ada!.id }, { title: "two", author: bob!.id }]);
    const pb = newClient();
    const filter = `author.name = "Ada"`;
    const { result, queryClient } = renderWithClient(() => {
      useRealtimeCollection(collection);
      return useFullCollection<Post>(collection, () => ({ filter, sort: "title" }));
    }, pb);
    await waitFor(() => result.isSuccess, { message: "loaded" });
    await realtimeSettled(pb, queryClient);
    expect(ids(result.data)).toEqual([p1!.id]);
    const requests = recordRequests();
    const other = await superuserClient();
    const p3 = await other.collection(collection).create<Post>({ title: "three", author: ada!.id });
    await other.collection(collection).update(p1!.id, { author: bob!.id });
    const server = await other.collection(collection).getFullList<Post>({ filter, sort: "title" });
    await waitFor(() => JSON.stringify(ids(result.data)) === JSON.stringify(ids(server)), { message: "converged" });
    expect(ids(result.data)).toEqual([p3.id]);
    expect(requests.count({ method: "GET", path: `/api/collections/${collection}/records` })).toBeGreaterThan(0);
    requests.stop();
  });
});

describe("live lists filtered on multi-value fields", () => {
  for (const withTypes of [true, false]) {
    it(`are patched in place ${withTypes ? "when the provider knows the field types" : "— without field types they are refetched"}`, async () => {
      const collection = await freshCollection();
      const [a, b] = await seed<Post & { tags: string[] }>(collection, [
        { title: "a", tags: ["red"] },
        { title: "b", tags: ["blue"] },
      ]);
      const pb = newClient();
      const fieldTypes = withTypes ? { [collection]: { tags: "select", title: "text" } } : undefined;
      const { result, queryClient } = renderWithClient(
        () => {
          useRealtimeCollection(collection);
          return useFullCollection<Post>(collection, () => ({ filter: 'tags:each ?= "red"', sort: "title,id" }));
        },
        pb,
        undefined,
        fieldTypes,
      );
      await waitFor(() => result.isSuccess, { message: "loaded" });
      await realtimeSettled(pb, queryClient);
      expect(ids(result.data)).toEqual([a!.id]);
      const requests = recordRequests();
      await (await superuserClient()).collection(collection).update(b!.id, { tags: ["blue", "red"] });
      await waitFor(() => ids(result.data)?.length === 2, { message: "b moved in" });
      expect(ids(result.data)).toEqual([a!.id, b!.id]);
      await realtimeSettled(pb, queryClient);
      const refetches = requests.count({ method: "GET", path: `/api/collections/${collection}/records` });
      if (withTypes) expect(refetches).toBe(0);
      else expect(refetches).toBeGreaterThan(0);
      requests.stop();
    });
  }
});
