// @vitest-environment jsdom
// Property: whatever another client creates, updates and deletes, once the events have settled
// every cached list equals a fresh server fetch, and full and infinite lists with decidable
// filters and sorts got there with no HTTP request. Seeded: set FC_SEED to replay a failure.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RecordEvent } from "../src/core/realtime/realtimeCacheListener";
import { useCollection } from "../src/useCollection";
import { useFullCollection } from "../src/useFullCollection";
import { useInfiniteCollection } from "../src/useInfiniteCollection";
import { useRealtimeCollection } from "../src/useRealtimeCollection";
import { recordRequests } from "./helpers/msw";
import { freshCollection, newClient, seed, superuserClient, waitFor } from "./helpers/pocketbase";
import { realtimeSettled } from "./helpers/realtime";
import { ids } from "./helpers/records";
import { renderWithClient } from "./helpers/render";

type Post = { id: string; title: string; views: number; status: string; tags: string[]; published: boolean };

// Filters the core decides from record values alone. (Array conditions such as `tags ?= "red"`
// or `tags:length` need the field's declared type, which the client is not given, so lists
// using them are refetched instead; tests/core/filter/compileFilter.conformance.test.ts covers them.)
const FILTERS = [
  undefined,
  'status = "published"',
  "views > 40",
  'title ~ "al"',
  "published = true && views <= 70",
  'status != "archived" || views < 10',
  'title:lower ~ "b" && views >= 20',
  '(status = "draft" || status = "archived") && title !~ "e"',
];
const SORTS = ["title,id", "-views,id", "-created,id", "status,-title,id", "views,title,id", "id"];
const fieldsArb = fc.record({
  title: fc.constantFrom("alpha", "Bravo", "charlie", "delta", "Alpine", "beta", "echo", "ALBA"),
  views: fc.integer({ min: 0, max: 100 }),
  status: fc.constantFrom("draft", "published", "archived"),
  tags: fc.subarray(["red", "green", "blue"]),
  published: fc.boolean(),
});
const listArb = fc.record({
  kind: fc.constantFrom("full", "page", "infinite"),
  filter: fc.constantFrom(...FILTERS),
  sort: fc.constantFrom(...SORTS),
  perPage: fc.integer({ min: 3, max: 5 }),
});
const opArb = fc.oneof(
  fc.record({ type: fc.constant("create" as const), fields: fieldsArb }),
  fc.record({ type: fc.constant("update" as const), target: fc.nat(), fields: fieldsArb }),
  fc.record({ type: fc.constant("delete" as const), target: fc.nat() }),
);

describe("live lists (property)", () => {
  it("every cached list equals the server after random remote changes; full and infinite lists never refetch", async () => {
    const seedValue = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);
    console.log(`fast-check seed ${seedValue} (replay with FC_SEED=${seedValue})`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fieldsArb, { minLength: 6, maxLength: 14 }),
        fc.array(listArb, { minLength: 3, maxLength: 5 }),
        fc.array(opArb, { minLength: 5, maxLength: 15 }),
        async (initial, lists, ops) => {
          const collection = await freshCollection();
          const alive = await seed<Post>(collection, initial);
          const pb = newClient();
          let events = 0;
          const { result, queryClient, cleanup } = renderWithClient(() => {
            useRealtimeCollection<Post>(collection, () => ({ onEvent: (_e: RecordEvent<Post>) => void events++ }));
            return lists.map((list) => {
              // Each kind gets its own perPage range, so its requests can be told apart.
              if (list.kind === "full") return useFullCollection<Post>(collection, () => ({ filter: list.filter, sort: list.sort }));
              if (list.kind === "page") return useCollection<Post>(collection, () => ({ filter: list.filter, sort: list.sort, perPage: list.perPage }));
              return useInfiniteCollection<Post>(collection, () => ({ filter: list.filter, sort: list.sort, perPage: list.perPage + 3 }));
            });
          }, pb);
          try {
            await waitFor(() => result.every((query) => query.isSuccess), { message: "lists loaded" });
            // Infinite lists with every page loaded: a window that reaches the end is decidable.
            for (const query of result) {
              while ("fetchNextPage" in query && query.hasNextPage) await query.fetchNextPage();
            }
            await realtimeSettled(pb, queryClient);

            const requests = recordRequests();
            const writer = await superuserClient();
            let expected = 0;
            for (const op of ops) {
              if (op.type === "create") alive.push(await writer.collection(collection).create<Post>(op.fields));
              else if (alive.length === 0) continue;
              else if (op.type === "update") await writer.collection(collection).update(alive[op.target % alive.length]!.id, op.fields);
              else await writer.collection(collection).delete(alive.splice(op.target % alive.length, 1)[0]!.id);
              expected++;
            }
            await waitFor(() => events === expected, { message: `all ${expected} events received` });
            await realtimeSettled(pb, queryClient);
            requests.stop(); // the checks below fetch from the server themselves
            const noRefetch = (perPage: string) =>
              requests.count((r) => r.method === "GET" && new URL(r.url).pathname.endsWith("/records") && new URL(r.url).searchParams.get("perPage") === perPage);
            for (const [index, list] of lists.entries()) {
              const query = result[index]!;
              if (list.kind === "full") {
                const server = await writer.collection(collection).getFullList<Post>({ filter: list.filter, sort: list.sort });
                expect(ids(query.data as Post[])).toEqual(ids(server));
                expect(noRefetch("1000"), `refetched: ${JSON.stringify(list)}`).toBe(0);
              } else if (list.kind === "page") {
                const server = await writer.collection(collection).getList<Post>(1, list.perPage, { filter: list.filter, sort: list.sort });
                const data = query.data as { items: Post[]; totalItems: number };
                expect(ids(data.items)).toEqual(ids(server.items));
                expect(data.totalItems).toBe(server.totalItems);
              } else {
                const pages = (query.data as { pages: Array<{ items: Post[] }> }).pages;
                const loaded = pages.flatMap((page) => page.items);
                const server = await writer.collection(collection).getList<Post>(1, loaded.length || 1, { filter: list.filter, sort: list.sort });
                expect(ids(loaded)).toEqual(ids(server.items).slice(0, loaded.length));
                expect(noRefetch(String(list.perPage + 3)), `refetched: ${JSON.stringify(list)}; requests: ${requests.requests.map((r) => decodeURIComponent(r.url.split("?")[1] ?? "")).join(" | ")}`).toBe(0);
              }
            }
          } finally {
            cleanup();
          }
        },
      ),
      { seed: seedValue, numRuns: Number(process.env.FC_RUNS ?? 6), endOnFailure: true },
    );
  }, 180_000);
});
