// @vitest-environment jsdom
// A delete the server refuses, against the real server, while another user's update moves a
// neighbour of the record: the record comes back at its sorted place in the server's state as
// it is now, not at the index it had before, and no render ever shows the list out of order.
import { createEffect } from "solid-js";
import { describe, expect, it } from "vitest";
import { useCollection } from "../src/useCollection";
import { useDeleteRecord } from "../src/useDeleteRecord";
import { useFullCollection } from "../src/useFullCollection";
import { useRealtimeCollection } from "../src/useRealtimeCollection";
import { holdNext } from "./helpers/msw";
import { freshCollection, newClient, seed, superuserClient, waitFor } from "./helpers/pocketbase";
import { realtimeSettled } from "./helpers/realtime";
import { ids } from "./helpers/records";
import { renderWithClient } from "./helpers/render";

type Post = { id: string; title: string; views: number };
/** What one render showed: each list's rows as [id, views]. */
type Frame = { byViews: Array<[string, number]> | undefined; page: Array<[string, number]> | undefined };

const recordPath = (collection: string) => `/api/collections/${collection}/records/:id`;
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const rows = (posts: readonly Post[] | undefined) => posts?.map((p): [string, number] => [p.id, p.views]);
const sortedByViews = (list: Array<[string, number]>) => list.every(([, views], i) => i === 0 || list[i - 1]![1] >= views);

const refusals = [
  { refusal: "a 500", status: 500, deleteRule: undefined },
  // The server's own refusal: with no delete rule only superusers may delete.
  { refusal: "the collection's delete rule (403)", status: 403, deleteRule: null },
] as const;

describe("useDeleteRecord on the server's state: a refused delete while the rows around it move", () => {
  for (const { refusal, status, deleteRule } of refusals) {
    it(`refused by ${refusal}, the record comes back at its sorted place among the rows as they are now`, async () => {
      const collection = await freshCollection();
      const other = await superuserClient();
      if (deleteRule !== undefined) await other.collections.update(collection, { deleteRule });
      const [a, b, c, d] = await seed<Post>(collection, [
        { title: "a", views: 30 },
        { title: "b", views: 20 },
        { title: "c", views: 10 },
        { title: "d", views: 5 },
      ]);
      const pb = newClient();
      const frames: Frame[] = [];
      const { result: r, queryClient, cleanup } = renderWithClient(() => {
        useRealtimeCollection(collection);
        const r = {
          byViews: useFullCollection<Post>(collection, () => ({ sort: "-views" })),
          page: useCollection<Post>(collection, () => ({ sort: "-views", perPage: 2 })),
          remove: useDeleteRecord(collection),
        };
        createEffect(() => frames.push({ byViews: rows(r.byViews.data), page: rows(r.page.data?.items) }));
        return r;
      }, pb);
      await waitFor(() => r.byViews.isSuccess && r.page.isSuccess, { message: "loaded" });
      await realtimeSettled(pb, queryClient);
      expect(ids(r.byViews.data)).toEqual([a!.id, b!.id, c!.id, d!.id]);
      const del = holdNext("DELETE", recordPath(collection));

      r.remove.mutate(b!.id);
      await del.started;
      await waitFor(() => !ids(r.byViews.data)?.includes(b!.id), { message: "b removed" });

      // Another user moves c from below b to the top while the delete is pending.
      await other.collection(collection).update(c!.id, { views: 40 });
      // (The page cannot place c from the event alone: it is refetched, and rebased.)
      await waitFor(() => r.byViews.data?.[0]?.id === c!.id && r.page.data?.items[0]?.id === c!.id && !queryClient.isFetching(), {
        message: "c moved up",
      });
      expect(ids(r.byViews.data)).toEqual([c!.id, a!.id, d!.id]);
      expect(ids(r.page.data?.items)).toEqual([c!.id, a!.id]);

      const refused = frames.length;
      del.release(status === 500 ? { status } : undefined);
      await waitFor(() => r.remove.isError, { message: "delete refused" });
      expect(r.remove.error?.status).toBe(status);
      // Back where the server's current order has it (third), not at its old index (second).
      await waitFor(() => ids(r.byViews.data)?.includes(b!.id), { message: "b back" });
      expect(ids(r.byViews.data)).toEqual([c!.id, a!.id, b!.id, d!.id]);
      expect(ids(r.page.data?.items)).toEqual([c!.id, a!.id]);
      await waitFor(() => !r.remove.isPending && queryClient.isFetching() === 0, { message: "refetch after settling landed" });

      // No render, before or after the refusal, showed a list out of its order.
      frames.forEach((frame, index) => {
        if (frame.byViews) expect(sortedByViews(frame.byViews), `frame ${index}, byViews ${JSON.stringify(frame.byViews)}`).toBe(true);
        if (frame.page) expect(sortedByViews(frame.page), `frame ${index}, page ${JSON.stringify(frame.page)}`).toBe(true);
      });
      // Once back, b stays (the refetch after settling agrees).
      const back = frames.findIndex((frame, index) => index >= refused && frame.byViews?.some(([id]) => id === b!.id));
      frames.slice(back).forEach((frame, index) => expect(frame.byViews?.map(([id]) => id), `frame ${back + index}`).toContain(b!.id));

      const server = other.collection(collection);
      expect(json(r.byViews.data)).toEqual(json(await server.getFullList({ sort: "-views" })));
      expect(json(r.page.data)).toEqual(json(await server.getList(1, 2, { sort: "-views" })));
      cleanup();
    });
  }
});
