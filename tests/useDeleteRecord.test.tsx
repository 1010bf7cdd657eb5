// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { useCollection } from "../src/useCollection";
import { useDeleteRecord } from "../src/useDeleteRecord";
import { useFullCollection } from "../src/useFullCollection";
import { useInfiniteCollection } from "../src/useInfiniteCollection";
import { useRecord } from "../src/useRecord";
import { cacheSnapshot } from "./helpers/cache";
import { ids } from "./helpers/records";
import { failNext, holdNext } from "./helpers/msw";
import { freshCollection, newClient, seed, superuserClient, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

type Post = { id: string; title: string; views: number };

async function mount(collection: string, id: string) {
  const rendered = renderWithClient(
    () => ({
      unsorted: useFullCollection<Post>(collection),
      byViews: useFullCollection<Post>(collection, () => ({ sort: "-views" })),
      page: useCollection<Post>(collection, () => ({ sort: "title", perPage: 2 })),
      infinite: useInfiniteCollection<Post>(collection, () => ({ sort: "title", perPage: 2 })),
      detail: useRecord<Post>(collection, id),
      remove: useDeleteRecord(collection),
    }),
    newClient(),
  );
  const r = rendered.result;
  await waitFor(
    () => r.unsorted.isSuccess && r.byViews.isSuccess && r.page.isSuccess && r.infinite.isSuccess && r.detail.isSuccess,
    { message: "all loaded" },
  );
  return rendered;
}

const recordPath = (collection: string) => `/api/collections/${collection}/records/:id`;

describe("useDeleteRecord", () => {
  it("removes the record from every list and its detail before the server answers", async () => {
    const collection = await freshCollection();
    const [a, b, c] = await seed<Post>(collection, [
      { title: "a", views: 1 },
      { title: "b", views: 3 },
      { title: "c", views: 2 },
    ]);
    const { result, queryClient } = await mount(collection, b!.id);
    const del = holdNext("DELETE", recordPath(collection));
    result.remove.mutate(b!.id);
    await del.started;
    expect(ids(result.unsorted.data)).toEqual([a!.id, c!.id]);
    expect(ids(result.byViews.data)).toEqual([c!.id, a!.id]);
    // Page 1 of 2 (perPage 2) loses b at once; the hole is filled by the refetch after settling.
    expect(ids(result.page.data?.items)).toEqual([a!.id]);
    expect(result.page.data).toMatchObject({ totalItems: 2, totalPages: 1 });
    expect(ids(result.infinite.data?.pages.flatMap((p) => p.items))).toEqual([a!.id]);
    del.release();
    await waitFor(() => result.remove.isSuccess, { message: "deleted" });
    await waitFor(() => !queryClient.isFetching(), { message: "refetch done" });
    // The mounted detail is refetched once the delete is confirmed: the record is gone (404).
    expect(result.detail.error?.status).toBe(404);
    expect(ids(result.unsorted.data)).toEqual([a!.id, c!.id]);
    expect(ids(result.page.data?.items)).toEqual([a!.id, c!.id]);
    expect(ids(result.infinite.data?.pages.flatMap((p) => p.items))).toEqual([a!.id, c!.id]);
  });

  for (const fault of [{ status: 500 }, "network"] as const) {
    it(`puts the record back at its original index in each list after a ${fault === "network" ? "network failure" : "500"}`, async () => {
      const collection = await freshCollection();
      const [, b] = await seed<Post>(collection, [
        { title: "a", views: 1 },
        { title: "b", views: 3 },
        { title: "c", views: 2 },
      ]);
      const { result, queryClient } = await mount(collection, b!.id);
      const before = cacheSnapshot(queryClient, collection);
      const del = holdNext("DELETE", recordPath(collection));
      result.remove.mutate(b!.id);
      await del.started;
      expect(ids(result.unsorted.data)).not.toContain(b!.id);
      del.release(fault);
      await waitFor(() => result.remove.isError, { message: "delete failed" });
      expect(result.remove.variables).toBe(b!.id);
      expect(ids(result.unsorted.data)?.indexOf(b!.id)).toBe(1);
      expect(ids(result.byViews.data)?.indexOf(b!.id)).toBe(0);
      expect(ids(result.page.data?.items)?.indexOf(b!.id)).toBe(1);
      await waitFor(() => !queryClient.isFetching(), { message: "refetch done" });
      expect(cacheSnapshot(queryClient, collection)).toEqual(before);
    });
  }

  it("a refused delete (403 from a rule) restores the record and says why", async () => {
    const collection = await freshCollection();
    const [a] = await seed<Post>(collection, [{ title: "keep" }]);
    const { result, queryClient } = await mount(collection, a!.id);
    const before = cacheSnapshot(queryClient, collection);
    failNext("DELETE", recordPath(collection), { status: 403, body: { message: "Only superusers can perform this action." } });
    result.remove.mutate(a!.id);
    await waitFor(() => result.remove.isError, { message: "refused" });
    expect(result.remove.error?.status).toBe(403);
    expect(result.remove.failureCount).toBe(1); // a 4xx is not retried
    expect(result.detail.data?.title).toBe("keep");
    await waitFor(() => !queryClient.isFetching(), { message: "refetch done" });
    expect(cacheSnapshot(queryClient, collection)).toEqual(before);
    expect(await (await superuserClient()).collection(collection).getOne(a!.id)).toBeTruthy();
  });
});
