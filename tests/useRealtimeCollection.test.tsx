// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { realtimeHub } from "../src/core/realtime/realtimeHub";
import { useCollection } from "../src/useCollection";
import { useCreateRecord } from "../src/useCreateRecord";
import { useFullCollection } from "../src/useFullCollection";
import { useInfiniteCollection } from "../src/useInfiniteCollection";
import { useRealtimeCollection } from "../src/useRealtimeCollection";
import { useRecord } from "../src/useRecord";
import { ids } from "./helpers/records";
import { recordRequests } from "./helpers/msw";
import { freshCollection, newClient, seed, superuserClient, waitFor } from "./helpers/pocketbase";
import { realtimeSettled } from "./helpers/realtime";
import { renderWithClient } from "./helpers/render";

type Post = { id: string; title: string; views: number };

describe("useRealtimeCollection (patch strategy)", () => {
  it("shows another client's create, update and delete in every mounted hook, with no list refetch", async () => {
    const collection = await freshCollection();
    const [a, b] = await seed<Post>(collection, [{ title: "b" }, { title: "d" }]);
    const pb = newClient();
    const { result, queryClient } = renderWithClient(
      () => {
        useRealtimeCollection(collection);
        return {
          page: useCollection<Post>(collection, () => ({ sort: "title", perPage: 10 })),
          full: useFullCollection<Post>(collection, () => ({ sort: "-title" })),
          infinite: useInfiniteCollection<Post>(collection, () => ({ sort: "title", perPage: 2 })),
          detail: useRecord<Post>(collection, a!.id),
        };
      },
      pb,
    );
    await waitFor(() => result.page.isSuccess && result.full.isSuccess && result.infinite.isSuccess && result.detail.isSuccess, { message: "loaded" });
    await realtimeSettled(pb, queryClient);

    const requests = recordRequests();
    const other = await superuserClient();
    const c = await other.collection(collection).create<Post>({ title: "c" });
    await waitFor(() => result.page.data?.items.length === 3, { message: "create arrived" });
    expect(result.page.data?.items.map((p) => p.title)).toEqual(["b", "c", "d"]);
    expect(result.page.data?.totalItems).toBe(3);
    expect(result.full.data?.map((p) => p.title)).toEqual(["d", "c", "b"]);
    expect(result.infinite.data?.pages[0]?.items.map((p) => p.title)).toEqual(["b", "c"]);

    await other.collection(collection).update(a!.id, { title: "e" });
    await waitFor(() => result.detail.data?.title === "e", { message: "update arrived" });
    await waitFor(() => result.page.data?.items.at(-1)?.title === "e", { message: "update moved the row" });
    expect(result.full.data?.map((p) => p.title)).toEqual(["e", "d", "c"]);

    await other.collection(collection).delete(b!.id);
    await waitFor(() => !ids(result.page.data?.items)?.includes(b!.id), { message: "delete arrived" });
    expect(result.page.data?.items.map((p) => p.title)).toEqual(["c", "e"]);
    expect(ids(result.full.data)).toEqual([a!.id, c.id]);

    // The page and the full list are complete and sorted by plain fields: patched in place.
    // The infinite list holds a partial window (page 1 of 2): a record moving out of it or a
    // hole it is left with must come from the server, so it may refetch.
    const listRequests = (perPage: string) =>
      requests.count((r) => r.method === "GET" && new URL(r.url).pathname.endsWith(`/${collection}/records`) && new URL(r.url).searchParams.get("perPage") === perPage);
    console.log(`list requests while applying 3 remote events: page ${listRequests("10")}, full ${listRequests("1000")}`);
    expect(listRequests("10")).toBe(0);
    expect(listRequests("1000")).toBe(0);
    const infiniteTitles = () => result.infinite.data?.pages.flatMap((p) => p.items.map((i) => i.title)).join();
    await waitFor(() => infiniteTitles() === "c,e", { message: `infinite list caught up (has ${infiniteTitles()})` });
    requests.stop();
  });

  it("the realtime echo of our own optimistic create leaves exactly one row", async () => {
    const collection = await freshCollection();
    const pb = newClient();
    const { result, queryClient } = renderWithClient(
      () => {
        useRealtimeCollection(collection);
        return {
          full: useFullCollection<Post>(collection, () => ({ sort: "title" })),
          create: useCreateRecord<Post>(collection),
        };
      },
      pb,
    );
    await waitFor(() => result.full.isSuccess, { message: "loaded" });
    await realtimeSettled(pb, queryClient);
    let echoes = 0;
    const stop = realtimeHub(pb).subscribe({ topic: `${collection}/*` }, { onMessage: () => echoes++ });
    result.create.mutate({ title: "mine" });
    await waitFor(() => result.create.isSuccess && echoes === 1 && !queryClient.isFetching(), { message: "created and echoed" });
    expect(result.full.data?.map((p) => p.title)).toEqual(["mine"]);
    stop();
  });

  it("coalesces a burst of 200 remote updates to an undecidable list into a handful of refetches", async () => {
    const collection = await freshCollection();
    const [target] = await seed<Post>(collection, [{ title: "t", views: 0 }, { title: "u" }]);
    const pb = newClient();
    // A relation path in the filter: the client cannot decide membership, so it must refetch.
    const filter = 'title != "" || author.name = "nobody"';
    const { result, queryClient } = renderWithClient(
      () => {
        useRealtimeCollection(collection);
        return useCollection<Post>(collection, () => ({ filter, sort: "title" }));
      },
      pb,
    );
    await waitFor(() => result.isSuccess, { message: "loaded" });
    await realtimeSettled(pb, queryClient);
    const requests = recordRequests();
    const other = await superuserClient();
    const arrivals: number[] = [];
    const stop = realtimeHub(pb).subscribe({ topic: `${collection}/*` }, { onMessage: () => arrivals.push(Date.now()) });
    for (let i = 1; i <= 200; i++) await other.collection(collection).update(target!.id, { views: i });
    await waitFor(() => result.data?.items[0]?.views === 200 && !queryClient.isFetching(), { message: "last update shown", timeout: 10_000 });
    stop();
    const refetches = requests.count({ method: "GET", path: `/api/collections/${collection}/records` });
    // The batcher's promise: at most one refetch per flush window (50 ms) while the events keep
    // arriving, and one after them, however fast this machine sends and delivers the 200 updates.
    const windows = Math.ceil((arrivals.at(-1)! - arrivals[0]!) / 50) + 1;
    console.log(`refetches of the filtered list for 200 remote updates arriving over ${windows} windows: ${refetches}`);
    expect(arrivals).toHaveLength(200);
    expect(refetches).toBeGreaterThan(0);
    expect(refetches).toBeLessThanOrEqual(windows + 1);
    expect(refetches).toBeLessThan(200 / 4);
    requests.stop();
  });

  it("events of a subscription with `fields` update cached rows but never insert partial ones", async () => {
    const collection = await freshCollection();
    const [a] = await seed<Post>(collection, [{ title: "a", views: 1 }]);
    const pb = newClient();
    const { result, queryClient } = renderWithClient(
      () => {
        useRealtimeCollection(collection, () => ({ fields: "id,title" }));
        return useFullCollection<Post & { created: string }>(collection, () => ({ sort: "title,id" }));
      },
      pb,
    );
    await waitFor(() => result.isSuccess, { message: "loaded" });
    await realtimeSettled(pb, queryClient);
    const other = await superuserClient();
    await other.collection(collection).update(a!.id, { title: "a2" });
    await waitFor(() => result.data?.[0]?.title === "a2", { message: "row updated" });
    expect(result.data?.[0]).toMatchObject({ views: 1 }); // fields the event lacks are kept
    const b = await other.collection(collection).create<Post & { created: string }>({ title: "b", views: 2 });
    await waitFor(() => result.data?.length === 2, { message: "new row shown" });
    await realtimeSettled(pb, queryClient);
    expect(result.data?.[1]).toMatchObject({ id: b.id, views: 2, created: b.created }); // a whole row
  });
});
