// @vitest-environment jsdom
// A create in flight against the real server (its POST held back), while the lists it belongs
// to are fetched again for reasons of their own: every render of every list and detail it
// belongs to shows it, from the optimistic write to the server's answer.
import type { QueryClient } from "@tanstack/solid-query";
import { createEffect, createSignal } from "solid-js";
import { describe, expect, it } from "vitest";
import { pocketbaseKeys } from "../src/core/keys/pocketbaseKeys";
import { newRecordId } from "../src/core/mutations/newRecordId";
import { useCollection } from "../src/useCollection";
import { useCreateRecord } from "../src/useCreateRecord";
import { useFullCollection } from "../src/useFullCollection";
import { useInfiniteCollection } from "../src/useInfiniteCollection";
import { useRecord } from "../src/useRecord";
import { holdNext, recordRequests } from "./helpers/msw";
import { freshCollection, newClient, seed, superuserClient, waitFor } from "./helpers/pocketbase";
import { ids } from "./helpers/records";
import { renderWithClient } from "./helpers/render";

type Post = { id: string; title: string; status: string; views: number; created: string; updated: string };

/** What one render showed: the ids of each list (undefined before its data), the detail's id. */
type Frame = Record<string, readonly string[] | string | undefined>;

const recordsPath = (collection: string) => `/api/collections/${collection}/records`;
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

/**
 * Each of `lists` shows `id` in every frame from its first data after `since` on (a list's
 * frames before that are its state before the create), and `not` never shows it.
 */
function expectShownThroughout(frames: readonly Frame[], id: string, lists: readonly string[], not: readonly string[] = [], since = 0) {
  for (const list of lists) {
    const first = frames.findIndex((frame, index) => index >= since && frame[list] !== undefined);
    expect(first, `${list} never had data`).toBeGreaterThanOrEqual(0);
    frames.slice(first).forEach((frame, index) => expect(frame[list], `frame ${first + index}, ${list}`).toContain(id));
  }
  frames.forEach((frame, index) => {
    for (const list of not) expect(frame[list] ?? [], `frame ${index}, ${list}`).not.toContain(id);
  });
}

async function mountBoard(collection: string, refetchInterval?: number) {
  const pb = newClient();
  const [detailId, setDetailId] = createSignal<string>();
  const frames: Frame[] = [];
  const rendered = renderWithClient(() => {
    const r = {
      byTitle: useFullCollection<Post>(collection, () => ({ sort: "title", refetchInterval })),
      page: useCollection<Post>(collection, () => ({ sort: "-title", perPage: 10, refetchInterval })),
      drafts: useFullCollection<Post>(collection, () => ({ filter: 'status = "draft"', sort: "-views", refetchInterval })),
      published: useFullCollection<Post>(collection, () => ({ filter: 'status = "published"', sort: "title" })),
      detail: useRecord<Post>(collection, detailId),
      create: useCreateRecord<Post>(collection),
    };
    createEffect(() =>
      frames.push({
        byTitle: ids(r.byTitle.data),
        page: ids(r.page.data?.items),
        drafts: ids(r.drafts.data),
        published: ids(r.published.data),
        detail: r.detail.data?.id,
      }),
    );
    return r;
  }, pb);
  const r = rendered.result;
  await waitFor(() => r.byTitle.isSuccess && r.page.isSuccess && r.drafts.isSuccess && r.published.isSuccess, {
    message: "lists loaded",
  });
  return { ...rendered, pb, frames, setDetailId };
}

/** Every mounted list and the detail equal what the server answers now. */
async function expectServerState(collection: string, r: Awaited<ReturnType<typeof mountBoard>>["result"], id: string) {
  const server = (await superuserClient()).collection(collection);
  expect(json(r.byTitle.data)).toEqual(json(await server.getFullList({ sort: "title" })));
  expect(json(r.page.data)).toEqual(json(await server.getList(1, 10, { sort: "-title" })));
  expect(json(r.drafts.data)).toEqual(json(await server.getFullList({ filter: 'status = "draft"', sort: "-views" })));
  expect(json(r.published.data)).toEqual(json(await server.getFullList({ filter: 'status = "published"', sort: "title" })));
  expect(json(r.detail.data)).toEqual(json(await server.getOne(id)));
}

const refetchReasons: Array<{
  reason: string;
  interval?: number;
  refetch: (r: Awaited<ReturnType<typeof mountBoard>>["result"], queryClient: QueryClient, collection: string) => Promise<unknown>;
}> = [
  {
    reason: "refetch()",
    refetch: (r) => Promise.all([r.byTitle.refetch(), r.page.refetch(), r.drafts.refetch()]),
  },
  {
    reason: "the app's invalidateQueries",
    refetch: (_r, queryClient, collection) => queryClient.invalidateQueries({ queryKey: pocketbaseKeys.collection(collection) }),
  },
  {
    reason: "a refetchInterval",
    interval: 50,
    refetch: async (_r, queryClient, collection) => {
      // Two rounds of the three lists' interval refetches, all landed.
      const requests = recordRequests();
      await waitFor(() => requests.count({ method: "GET", path: recordsPath(collection) }) >= 6, { message: "interval refetches" });
      requests.stop();
      await waitFor(() => queryClient.isFetching() === 0, { message: "interval refetches landed" });
    },
  },
];

describe("useCreateRecord on the server's state: a pending create survives what refetches its lists", () => {
  for (const { reason, interval, refetch } of refetchReasons) {
    it(`stays in every list and the detail it belongs to through ${reason}, then equals the server`, async () => {
      const collection = await freshCollection();
      await seed(collection, [
        { title: "b", status: "draft", views: 1 },
        { title: "d", status: "draft", views: 9 },
        { title: "e", status: "published", views: 4 },
      ]);
      const { result: r, queryClient, frames, setDetailId, cleanup } = await mountBoard(collection, interval);
      const post = holdNext("POST", recordsPath(collection));
      const requests = recordRequests();

      const id = newRecordId();
      r.create.mutate({ id, title: "c", status: "draft", views: 5 });
      setDetailId(id); // a page for the new record opens right away
      await post.started;
      const lists = ["byTitle", "page", "drafts"] as const;
      await waitFor(() => lists.every((list) => frames.at(-1)![list]?.includes(id)) && frames.at(-1)!.detail === id, {
        message: "the new row shown",
      });
      const shown = frames.length - 1;

      await refetch(r, queryClient, collection);
      // The lists were fetched again while the create was still held back.
      expect(requests.count({ method: "GET", path: recordsPath(collection) })).toBeGreaterThanOrEqual(3);
      expect(r.create.isPending).toBe(true);
      expect(r.byTitle.data?.map((p) => p.title)).toEqual(["b", "c", "d", "e"]);
      expect(r.drafts.data?.map((p) => p.title)).toEqual(["d", "c", "b"]);
      expect(r.page.data).toMatchObject({ totalItems: 4 });

      post.release();
      await waitFor(() => r.create.isSuccess, { message: "create settled" });
      await waitFor(() => queryClient.isFetching() === 0 && r.detail.isSuccess, { message: "refetch after settling landed" });
      requests.stop();
      expectShownThroughout(frames, id, lists, ["published"], shown);
      frames.slice(shown).forEach((frame, index) => expect(frame.detail, `frame ${shown + index}, detail`).toBe(id));
      await expectServerState(collection, r, id);
      cleanup();
    });
  }

  it("shows in lists that mount while it is pending, each fetched from the server, then equals the server", async () => {
    const collection = await freshCollection();
    await seed(collection, [
      { title: "b", status: "draft", views: 1 },
      { title: "d", status: "draft", views: 9 },
    ]);
    const board = await mountBoard(collection);
    const post = holdNext("POST", recordsPath(collection));
    const id = newRecordId();
    board.result.create.mutate({ id, title: "c", status: "draft", views: 5 });
    await post.started;

    // Another part of the app mounts lists the new record belongs to, never cached before.
    const requests = recordRequests();
    const frames: Frame[] = [];
    const later = renderWithClient(
      () => {
        const r = {
          byViews: useFullCollection<Post>(collection, () => ({ filter: "views >= 5", sort: "-views" })),
          firstPage: useCollection<Post>(collection, () => ({ sort: "title", perPage: 2 })),
          infinite: useInfiniteCollection<Post>(collection, () => ({ sort: "title", perPage: 2 })),
        };
        createEffect(() =>
          frames.push({
            byViews: ids(r.byViews.data),
            firstPage: ids(r.firstPage.data?.items),
            infinite: ids(r.infinite.data?.pages.flatMap((p) => p.items)),
          }),
        );
        return r;
      },
      board.pb,
      board.queryClient,
    );
    const r = later.result;
    await waitFor(() => r.byViews.isSuccess && r.firstPage.isSuccess && r.infinite.isSuccess, { message: "mounted lists loaded" });
    expect(requests.count({ method: "GET", path: recordsPath(collection) })).toBe(3);
    expect(board.result.create.isPending).toBe(true);
    expect(r.byViews.data?.map((p) => p.title)).toEqual(["d", "c"]);
    expect(r.firstPage.data).toMatchObject({ totalItems: 3, totalPages: 2 });
    expect(r.firstPage.data?.items.map((p) => p.title)).toEqual(["b", "c"]);
    expect(r.infinite.data?.pages[0]?.items.map((p) => p.title)).toEqual(["b", "c"]);
    // From their first data on, whatever the server's answer said.
    for (const [index, frame] of frames.entries()) {
      for (const list of ["byViews", "firstPage", "infinite"]) {
        if (frame[list] !== undefined) expect(frame[list], `frame ${index}, ${list}`).toContain(id);
      }
    }

    post.release();
    await waitFor(() => board.result.create.isSuccess, { message: "create settled" });
    await waitFor(() => board.queryClient.isFetching() === 0, { message: "refetch after settling landed" });
    requests.stop();
    expectShownThroughout(frames, id, ["byViews", "firstPage", "infinite"]);
    const server = (await superuserClient()).collection(collection);
    expect(json(r.byViews.data)).toEqual(json(await server.getFullList({ filter: "views >= 5", sort: "-views" })));
    expect(json(r.firstPage.data)).toEqual(json(await server.getList(1, 2, { sort: "title" })));
    // Every page it holds (the new row pushed "d" onto a second one) as the server pages it now.
    const pages = await Promise.all(r.infinite.data!.pageParams.map((page) => server.getList(page as number, 2, { sort: "title" })));
    expect(json(r.infinite.data?.pages)).toEqual(json(pages));
    expect(r.infinite.data?.pages.flatMap((p) => p.items).map((p) => p.title)).toEqual(["b", "c", "d"]);
    later.cleanup();
    board.cleanup();
  });
});
