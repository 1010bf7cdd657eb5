// Fifty updates of one list (a ward discharged) against the real server, two ways, in the same
// process:
//   singles  fifty update mutations, made at once (the baseline: what an app does without batches)
//   batch    one batch of fifty updates (useBatch's steps)
// For each: the time until every change shows (the optimistic write, all fifty), the time until
// everything has settled and the list equals the server, and the requests (writes, list
// refetches). Run: npm run bench
import { MutationObserver, QueryClient, QueryObserver } from "@tanstack/solid-query";
import PocketBase, { BaseAuthStore, type RecordModel } from "pocketbase";
import { expect, it } from "vitest";
import { batchMutationOptions } from "../src/core/mutations/batchMutationOptions";
import { composeMutationOptions } from "../src/core/mutations/composeMutationOptions";
import { updateRecordMutation } from "../src/core/mutations/updateRecordMutation";
import { fullListQueryOptions } from "../src/core/queries/fullListQueryOptions";
import { countRequests } from "./countRequests";
import { freshCollection, pbUrl, seed, superuserClient, waitFor } from "../tests/helpers/pocketbase";

const RECORDS = 50;
const PASSES = 3;

async function page() {
  const collection = await freshCollection();
  const seeded = await seed<RecordModel>(collection, Array.from({ length: RECORDS }, (_, i) => ({ title: `p${String(i).padStart(2, "0")}`, status: "draft" })));
  const pb = new PocketBase(pbUrl(), new BaseAuthStore());
  const requests = countRequests(pb, collection);
  const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
  queryClient.mount();
  const list = new QueryObserver(queryClient, fullListQueryOptions<RecordModel>(pb, collection, { sort: "title" }));
  const unsubscribe = list.subscribe(() => {});
  await waitFor(() => list.getCurrentResult().isSuccess, { message: "the list" });
  requests.lists = 0;
  const allShown = () => list.getCurrentResult().data?.every((r) => r.status === "published");
  return { pb, queryClient, collection, ids: seeded.map((r) => r.id), list, requests, allShown, close: () => (unsubscribe(), queryClient.unmount(), queryClient.clear()) };
}

async function settled(p: Awaited<ReturnType<typeof page>>) {
  await waitFor(() => p.queryClient.getMutationCache().findAll({ status: "pending" }).length === 0, { timeout: 60_000, message: "settled" });
  const server = await (await superuserClient()).collection(p.collection).getFullList<RecordModel>({ sort: "title" });
  expect(server.every((r) => r.status === "published")).toBe(true);
  const expected = JSON.stringify(server.map((r) => [r.id, r.status]));
  await waitFor(() => !p.list.getCurrentResult().isFetching && JSON.stringify(p.list.getCurrentResult().data?.map((r) => [r.id, r.status])) === expected, {
    timeout: 60_000,
    message: "the list equal to the server",
  });
}

/** Sends the fifty updates with `send`; the time until all show, and until all settle. */
async function measure(send: (p: Awaited<ReturnType<typeof page>>) => void) {
  const p = await page();
  const t0 = performance.now();
  send(p);
  await waitFor(() => p.allShown(), { interval: 1, message: "all shown" });
  const shown = performance.now() - t0;
  await settled(p);
  const done = performance.now() - t0;
  p.close();
  return { shown, done, ...p.requests };
}

const mutate = (p: Awaited<ReturnType<typeof page>>, options: object, variables: unknown) =>
  void new MutationObserver(p.queryClient, options as never).mutate(variables as never).catch(() => {});

/** Fifty update mutations, made at once. */
const singles = () =>
  measure((p) => {
    const options = composeMutationOptions(p.queryClient, p.collection, updateRecordMutation(p.pb, p.queryClient, p.collection, {}), {});
    for (const id of p.ids) mutate(p, options, { id, data: { status: "published" } });
  });

/** One batch of fifty updates. */
const batch = () =>
  measure((p) =>
    mutate(
      p,
      batchMutationOptions(p.pb, p.queryClient, {}, {}),
      p.ids.map((id) => ({ collection: p.collection, update: { id, data: { status: "published" } } })),
    ),
  );

it(`${RECORDS} updates of one list: fifty update mutations against one batch`, async () => {
  const results: Record<"singles" | "batch", Awaited<ReturnType<typeof batch>>[]> = { singles: [], batch: [] };
  for (let pass = 0; pass < PASSES; pass++) {
    results.singles.push(await singles());
    results.batch.push(await batch());
  }
  const best = (runs: Awaited<ReturnType<typeof batch>>[]) => runs.reduce((a, b) => (b.done < a.done ? b : a));
  const base = best(results.singles);
  console.log(`\n${RECORDS} updates of one list, fastest of ${PASSES} passes:`);
  for (const [name, runs] of Object.entries(results)) {
    const run = best(runs);
    console.log(
      `  ${name.padEnd(8)} all shown ${run.shown.toFixed(1).padStart(6)} ms   settled ${run.done.toFixed(0).padStart(5)} ms  ${(run.done / base.done).toFixed(2)}×  ` +
        `write requests ${run.writes}, list requests ${run.lists}`,
    );
  }
  for (const run of results.batch) expect(run.writes).toBe(1);
  for (const run of results.singles) expect(run.writes).toBe(RECORDS);
});
