// @vitest-environment jsdom
// An update in flight against the real server while another user changes the same record:
// realtime shows the other user's change, the pending update's fields stay on top of it in
// every render, its own echo counts nothing twice, and a record the other user deleted stays
// deleted (the server won; the update fails with 404).
import { createEffect } from "solid-js";
import type { ListResult } from "pocketbase";
import { describe, expect, it } from "vitest";
import { pocketbaseKeys } from "../src/core/keys/pocketbaseKeys";
import type { RecordEvent } from "../src/core/realtime/realtimeCacheListener";
import { useCollection } from "../src/useCollection";
import { useFullCollection } from "../src/useFullCollection";
import { useRealtimeCollection } from "../src/useRealtimeCollection";
import { useRecord } from "../src/useRecord";
import { useUpdateRecord } from "../src/useUpdateRecord";
import { holdAnswerNext, holdNext } from "./helpers/msw";
import { freshCollection, newClient, seed, superuserClient, waitFor } from "./helpers/pocketbase";
import { realtimeSettled } from "./helpers/realtime";
import { ids } from "./helpers/records";
import { renderWithClient } from "./helpers/render";

type Post = { id: string; title: string; status: string; views: number; updated: string };
type Shown = Pick<Post, "title" | "status" | "views">;
/** What one render showed of the record: in each list (undefined: not there) and the detail. */
type Frame = { list?: Shown; published?: Shown; drafts?: Shown; detail?: Shown; page: readonly string[] | undefined };

const recordPath = (collection: string) => `/api/collections/${collection}/records/:id`;
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const shown = (record: Post | undefined): Shown | undefined =>
  record && { title: record.title, status: record.status, views: record.views };

async function mountBoard(collection: string, id: string) {
  const pb = newClient();
  const frames: Frame[] = [];
  const events: Array<RecordEvent<Post>> = [];
  const rendered = renderWithClient(() => {
    useRealtimeCollection<Post>(collection, () => ({ onEvent: (event) => void events.push(event) }));
    const r = {
      list: useFullCollection<Post>(collection, () => ({ sort: "title" })),
      published: useFullCollection<Post>(collection, () => ({ filter: 'status = "published"', sort: "-views" })),
      drafts: useFullCollection<Post>(collection, () => ({ filter: 'status = "draft"', sort: "title" })),
      page: useCollection<Post>(collection, () => ({ sort: "title", perPage: 2 })),
      detail: useRecord<Post>(collection, id),
      update: useUpdateRecord<Post>(collection),
    };
    createEffect(() =>
      frames.push({
        list: shown(r.list.data?.find((p) => p.id === id)),
        published: shown(r.published.data?.find((p) => p.id === id)),
        drafts: shown(r.drafts.data?.find((p) => p.id === id)),
        detail: shown(r.detail.data),
        page: ids(r.page.data?.items),
      }),
    );
    return r;
  }, pb);
  const r = rendered.result;
  await waitFor(() => r.list.isSuccess && r.published.isSuccess && r.drafts.isSuccess && r.page.isSuccess && r.detail.isSuccess, {
    message: "loaded",
  });
  await realtimeSettled(pb, rendered.queryClient);
  return { ...rendered, frames, events };
}

describe("useUpdateRecord on the server's state: another user's change of the same record", () => {
  it("a rename by another user shows while my field keeps my value, my echo counts views+ once, and it ends as the server", async () => {
    const collection = await freshCollection();
    const [mine] = await seed<Post>(collection, [
      { title: "m", status: "draft", views: 10 },
      { title: "c", status: "published", views: 12 },
      { title: "x", status: "draft", views: 1 },
    ]);
    const id = mine!.id;
    const { result: r, queryClient, frames, events, cleanup } = await mountBoard(collection, id);
    const other = await superuserClient();
    const patch = holdAnswerNext("PATCH", recordPath(collection));

    r.update.mutate({ id, data: { status: "published", "views+": 5 } });
    await patch.started; // held before the server: it still has status "draft", views 10
    const mineShown = (frame: Frame | undefined) => frame?.detail?.status === "published" && frame.published?.views === 15;
    await waitFor(() => mineShown(frames.at(-1)), { message: "my update shown" });
    const since = frames.length - 1;

    // Another user renames the record: the event carries the server's whole record (draft, 10).
    await other.collection(collection).update(id, { title: "a" });
    await waitFor(() => events.some((e) => e.record.id === id && e.record.title === "a"), { message: "rename event" });
    await waitFor(() => frames.at(-1)?.detail?.title === "a" && frames.at(-1)?.list?.title === "a", { message: "rename shown" });
    expect(frames.at(-1)).toMatchObject({
      list: { title: "a", status: "published", views: 15 },
      published: { title: "a", status: "published", views: 15 },
      drafts: undefined,
      detail: { title: "a", status: "published", views: 15 },
    });
    // The rename moved the record to the top of the first page (sorted by title).
    expect(frames.at(-1)?.page?.[0]).toBe(id);

    // My request reaches the server; its echo (views 15) comes before its answer.
    patch.send();
    await patch.answered;
    await waitFor(() => events.some((e) => e.record.id === id && e.record.views === 15), { message: "my echo" });
    expect(r.update.isPending).toBe(true);
    expect(frames.at(-1)).toMatchObject({ detail: { title: "a", status: "published", views: 15 } });

    patch.deliver();
    await waitFor(() => r.update.isSuccess, { message: "update settled" });
    await waitFor(() => queryClient.isFetching() === 0, { message: "refetch after settling landed" });

    // Every render from my update on: my fields, never counted twice, never the old ones.
    frames.slice(since).forEach((frame, index) => {
      const at = `frame ${since + index}`;
      for (const place of ["list", "published", "detail"] as const) {
        expect(frame[place], `${at}, ${place}`).toMatchObject({ status: "published", views: 15 });
      }
      expect(frame.drafts, `${at}, drafts`).toBeUndefined();
    });
    // ... and once renamed, renamed for good.
    const renamed = frames.findIndex((frame, index) => index >= since && frame.detail?.title === "a");
    frames.slice(renamed).forEach((frame, index) => {
      expect(frame.list?.title, `frame ${renamed + index}, list`).toBe("a");
      expect(frame.detail?.title, `frame ${renamed + index}, detail`).toBe("a");
    });

    const server = other.collection(collection);
    expect(await server.getOne(id)).toMatchObject({ title: "a", status: "published", views: 15 });
    expect(json(r.detail.data)).toEqual(json(await server.getOne(id)));
    expect(json(r.list.data)).toEqual(json(await server.getFullList({ sort: "title" })));
    expect(json(r.published.data)).toEqual(json(await server.getFullList({ filter: 'status = "published"', sort: "-views" })));
    expect(json(r.drafts.data)).toEqual(json(await server.getFullList({ filter: 'status = "draft"', sort: "title" })));
    expect(json(r.page.data)).toEqual(json(await server.getList(1, 2, { sort: "title" })));
    cleanup();
  });

  it("a record another user deletes while my update is in flight disappears, my update fails with 404, and nothing of it comes back", async () => {
    const collection = await freshCollection();
    const [a, b, c] = await seed<Post>(collection, [
      { title: "a", status: "draft", views: 1 },
      { title: "b", status: "draft", views: 2 },
      { title: "c", status: "published", views: 3 },
    ]);
    const id = b!.id;
    const { result: r, queryClient, frames, events, cleanup } = await mountBoard(collection, id);
    const patch = holdNext("PATCH", recordPath(collection));

    r.update.mutate({ id, data: { title: "bb", status: "published", "views+": 1 } });
    await patch.started;
    await waitFor(() => frames.at(-1)?.published?.title === "bb" && frames.at(-1)?.detail?.title === "bb", { message: "my update shown" });

    await (await superuserClient()).collection(collection).delete(id);
    await waitFor(() => events.some((e) => e.action === "delete" && e.record.id === id), { message: "delete event" });
    // The cache took the event before onEvent heard of it: no list holds the record any more.
    for (const [queryKey, data] of queryClient.getQueriesData<Post[] | ListResult<Post>>({ queryKey: pocketbaseKeys.lists(collection) })) {
      expect(ids(Array.isArray(data) ? data : data?.items), `${JSON.stringify(queryKey)} after the delete event`).not.toContain(id);
    }
    await waitFor(() => frames.at(-1)?.list === undefined && frames.at(-1)?.published === undefined, { message: "deletion shown" });
    const gone = frames.length - 1;

    patch.release(); // reaches the server, which no longer has the record
    await waitFor(() => r.update.isError, { message: "update failed" });
    expect(r.update.error?.status).toBe(404);
    await waitFor(() => !r.update.isPending && queryClient.isFetching() === 0 && r.detail.isError, { message: "settled" });
    expect(r.detail.error?.status).toBe(404);

    frames.slice(gone).forEach((frame, index) => {
      const at = `frame ${gone + index}`;
      expect(frame.list, `${at}, list`).toBeUndefined();
      expect(frame.published, `${at}, published`).toBeUndefined();
      expect(frame.drafts, `${at}, drafts`).toBeUndefined();
      expect(frame.page ?? [], `${at}, page`).not.toContain(id);
      // The detail may keep the last record it had (TanStack keeps data on a failed refetch),
      // but never my pending write on it once the server said the record is gone.
      if (frame.detail) expect(frame.detail.title, `${at}, detail`).not.toBe("bb");
    });
    const server = (await superuserClient()).collection(collection);
    expect(ids(r.list.data)).toEqual([a!.id, c!.id]);
    expect(json(r.list.data)).toEqual(json(await server.getFullList({ sort: "title" })));
    expect(json(r.published.data)).toEqual(json(await server.getFullList({ filter: 'status = "published"', sort: "-views" })));
    expect(json(r.drafts.data)).toEqual(json(await server.getFullList({ filter: 'status = "draft"', sort: "title" })));
    expect(json(r.page.data)).toEqual(json(await server.getList(1, 2, { sort: "title" })));
    cleanup();
  });
});
