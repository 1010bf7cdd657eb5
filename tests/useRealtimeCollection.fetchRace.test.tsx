// @vitest-environment jsdom
// A refetch whose answer the server gave before another user's write, delivered after that
// write's realtime event: the older answer must not erase the newer event (it would stay erased
// until the next refetch). Against the real server; msw holds the lists' answers after the
// server gave them.
import { createEffect } from "solid-js";
import { describe, expect, it } from "vitest";
import type { RecordEvent } from "../src/core/realtime/realtimeCacheListener";
import { useCollection } from "../src/useCollection";
import { useFullCollection } from "../src/useFullCollection";
import { useRealtimeCollection } from "../src/useRealtimeCollection";
import { useUpdateRecord } from "../src/useUpdateRecord";
import { holdAnswerNext, holdNext } from "./helpers/msw";
import { freshCollection, newClient, seed, superuserClient, waitFor } from "./helpers/pocketbase";
import { realtimeSettled } from "./helpers/realtime";
import { ids } from "./helpers/records";
import { renderWithClient } from "./helpers/render";

type Post = { id: string; title: string; views: number };
/** What one render showed: each list's rows as "id:title". */
type Frame = { full: string[] | undefined; page: string[] | undefined };

const recordsPath = (collection: string) => `/api/collections/${collection}/records`;
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const rows = (posts: readonly Post[] | undefined) => posts?.map((p) => `${p.id}:${p.title}`);

/** The other user's write, and how a list shows it once applied. */
const writes = {
  create: {
    write: async (collection: string) => (await (await superuserClient()).collection(collection).create<Post>({ title: "c", views: 3 })).id,
    shows: (list: string[], id: string) => list.includes(`${id}:c`),
  },
  update: {
    write: async (collection: string, target: string) => {
      await (await superuserClient()).collection(collection).update(target, { title: "bb" });
      return target;
    },
    shows: (list: string[], id: string) => list.includes(`${id}:bb`),
  },
  delete: {
    write: async (collection: string, target: string) => {
      await (await superuserClient()).collection(collection).delete(target);
      return target;
    },
    shows: (list: string[], id: string) => !list.some((row) => row.startsWith(`${id}:`)),
  },
};

const modes = [
  { mode: "a realtime-only app", pendingUpdate: false },
  // With a mutation pending on the collection, fetched data goes through the rebase.
  { mode: "an update of another record pending", pendingUpdate: true },
] as const;

describe("useRealtimeCollection: an event that arrives while a refetch is in flight survives the refetch's older answer", () => {
  for (const { mode, pendingUpdate } of modes) {
    for (const [action, { write, shows }] of Object.entries(writes)) {
      it(`${action === "update" ? "an" : "a"} ${action} event, with ${mode}`, async () => {
        const collection = await freshCollection();
        const [a, b] = await seed<Post>(collection, [
          { title: "a", views: 1 },
          { title: "b", views: 2 },
          { title: "d", views: 4 },
        ]);
        const pb = newClient();
        const frames: Frame[] = [];
        const events: Array<RecordEvent<Post>> = [];
        const { result: r, queryClient, cleanup } = renderWithClient(() => {
          useRealtimeCollection<Post>(collection, () => ({ onEvent: (event) => void events.push(event) }));
          const r = {
            full: useFullCollection<Post>(collection, () => ({ sort: "title" })),
            page: useCollection<Post>(collection, () => ({ sort: "title", perPage: 10 })),
            update: pendingUpdate ? useUpdateRecord<Post>(collection) : undefined,
          };
          createEffect(() => frames.push({ full: rows(r.full.data), page: rows(r.page.data?.items) }));
          return r;
        }, pb);
        await waitFor(() => r.full.isSuccess && r.page.isSuccess, { message: "loaded" });
        await realtimeSettled(pb, queryClient);

        const patch = pendingUpdate ? holdNext("PATCH", `${recordsPath(collection)}/:id`) : undefined;
        if (patch) {
          r.update!.mutate({ id: a!.id, data: { views: 9 } });
          await patch.started;
        }

        // Both lists refetch; the server answers at once, the answers are held.
        const fullAnswer = holdAnswerNext("GET", recordsPath(collection));
        const pageAnswer = holdAnswerNext("GET", recordsPath(collection));
        const refetches = Promise.all([r.full.refetch(), r.page.refetch()]);
        await Promise.all([fullAnswer.started, pageAnswer.started]);
        fullAnswer.send();
        pageAnswer.send();
        await Promise.all([fullAnswer.answered, pageAnswer.answered]);

        // Then another user writes; its event reaches the lists while their refetches are in flight.
        const id = await write(collection, b!.id);
        await waitFor(() => events.some((e) => e.action === action && e.record.id === id), { message: `${action} event` });
        await waitFor(() => shows(frames.at(-1)!.full!, id) && shows(frames.at(-1)!.page!, id), { message: "event shown" });
        const shown = frames.length - 1;
        expect(queryClient.isFetching()).toBeGreaterThan(0);

        fullAnswer.deliver();
        pageAnswer.deliver();
        await refetches;
        if (patch) {
          // Still pending when the older answers landed; then it settles.
          expect(frames.at(-1)!.full).toContain(`${a!.id}:a`);
          expect(r.full.data?.find((p) => p.id === a!.id)?.views).toBe(9);
          patch.release();
          await waitFor(() => r.update!.isSuccess, { message: "update settled" });
        }
        await waitFor(() => queryClient.isFetching() === 0, { message: "quiet" });

        frames.slice(shown).forEach((frame, index) => {
          expect(shows(frame.full!, id), `frame ${shown + index}, full: ${frame.full?.join()}`).toBe(true);
          expect(shows(frame.page!, id), `frame ${shown + index}, page: ${frame.page?.join()}`).toBe(true);
        });
        const server = (await superuserClient()).collection(collection);
        expect(json(r.full.data)).toEqual(json(await server.getFullList({ sort: "title" })));
        expect(json(r.page.data)).toEqual(json(await server.getList(1, 10, { sort: "title" })));
        expect(ids(r.full.data)).toEqual(ids(r.page.data?.items));
        cleanup();
      });
    }
  }
});
