// @vitest-environment jsdom
import type { RecordModel } from "pocketbase";
import { describe, expect, it } from "vitest";
import { useCollection } from "../src/useCollection";
import { useFullCollection } from "../src/useFullCollection";
import { useInfiniteCollection } from "../src/useInfiniteCollection";
import { useRealtimeCollection } from "../src/useRealtimeCollection";
import { recordRequests } from "./helpers/msw";
import { freshCollection, newClient, seed, superuserClient, waitFor } from "./helpers/pocketbase";
import { broadcast, realtimeSettled, sdkTopics } from "./helpers/realtime";
import { ids } from "./helpers/records";
import { renderWithClient } from "./helpers/render";

type Post = RecordModel & { title: string };


describe("useRealtimeCollection: deletes and late events", () => {
  it("another user's delete of a record beyond the loaded pages shrinks their totals, with no list request", async () => {
    const collection = await freshCollection();
    const seeded = await seed<Post>(collection, ["a", "b", "c", "d", "e"].map((title) => ({ title })));
    const pb = newClient();
    const { result, queryClient } = renderWithClient(() => {
      useRealtimeCollection(collection);
      return {
        page: useCollection<Post>(collection, () => ({ sort: "title", perPage: 2 })),
        infinite: useInfiniteCollection<Post>(collection, () => ({ sort: "title", perPage: 2 })),
      };
    }, pb);
    await waitFor(() => result.page.isSuccess && result.infinite.isSuccess, { message: "loaded" });
    await realtimeSettled(pb, queryClient);
    expect(result.page.data).toMatchObject({ totalItems: 5, totalPages: 3 });

    const requests = recordRequests();
    const other = await superuserClient();
    await other.collection(collection).delete(seeded.at(-1)!.id);
    await waitFor(() => result.page.data?.totalItems === 4, { message: `page totals (has ${result.page.data?.totalItems})` });
    expect(result.page.data).toMatchObject({ totalItems: 4, totalPages: 2 });
    expect(result.infinite.data?.pages.map((p) => [p.totalItems, p.totalPages])).toEqual([[4, 2]]);
    expect(result.page.data?.items.map((p) => p.title)).toEqual(["a", "b"]);
    expect(requests.count((r) => r.method === "GET" && new URL(r.url).pathname.endsWith(`/${collection}/records`))).toBe(0);
    requests.stop();
  });

  it("an update of a record that reaches the client after the record's delete does not bring it back", async () => {
    const collection = await freshCollection();
    const [a, b] = await seed<Post>(collection, [{ title: "a" }, { title: "b" }]);
    const pb = newClient();
    const seen: string[] = [];
    const { result, queryClient } = renderWithClient(() => {
      useRealtimeCollection(collection, () => ({ onEvent: (event) => seen.push(`${event.action} ${event.record.title}`) }));
      return { full: useFullCollection<Post>(collection, () => ({ sort: "title" })) };
    }, pb);
    await waitFor(() => result.full.isSuccess, { message: "loaded" });
    await realtimeSettled(pb, queryClient);

    const other = await superuserClient();
    const renamed = await other.collection(collection).update<Post>(b!.id, { title: "b2" });
    await waitFor(() => result.full.data?.at(-1)?.title === "b2", { message: "update arrived" });
    await other.collection(collection).delete(b!.id);
    await waitFor(() => ids(result.full.data)?.length === 1, { message: "delete arrived" });

    // PocketBase sends each event from its own goroutine: the update's event may come last,
    // with the `updated` the delete event's record has too.
    const topic = Object.keys(sdkTopics(pb)).find((key) => key.startsWith(`${collection}/*`))!;
    expect(await broadcast(topic, { action: "update", record: renamed })).toBe(1);
    await waitFor(() => seen.filter((event) => event === "update b2").length === 2, { message: "late update delivered" });
    expect(ids(result.full.data)).toEqual([a!.id]);
  });
});
