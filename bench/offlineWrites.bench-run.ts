// Fifty changes (30 creates, 10 edits, 10 deletes) against the real server, two ways, in the
// same process:
//   online   sent as they are made, one at a time (the writes' scope), the baseline
//   offline  made offline, stored by TanStack's persister, restored in a new QueryClient (a
//            reload), then sent once online
// For each: write requests (exactly one per change, or the run fails), list requests, and the
// time from the first send (online: the first mutate; offline: going online) until every write
// has settled and the list equals the server. Run: npm run bench
import { createAsyncStoragePersister } from "@tanstack/query-async-storage-persister";
import { MutationObserver, onlineManager, QueryClient, QueryObserver } from "@tanstack/solid-query";
import { persistQueryClientRestore, persistQueryClientSubscribe } from "@tanstack/solid-query-persist-client";
import PocketBase, { BaseAuthStore, type RecordModel } from "pocketbase";
import { afterAll, expect, it } from "vitest";
import { composeMutationOptions } from "../src/core/mutations/composeMutationOptions";
import { createRecordMutation } from "../src/core/mutations/createRecordMutation";
import { deleteRecordMutation } from "../src/core/mutations/deleteRecordMutation";
import { updateRecordMutation } from "../src/core/mutations/updateRecordMutation";
import { fullListQueryOptions } from "../src/core/queries/fullListQueryOptions";
import { pocketbasePersistOptions } from "../src/pocketbasePersistOptions";
import { countRequests } from "./countRequests";
import { freshCollection, pbUrl, seed, superuserClient, waitFor } from "../tests/helpers/pocketbase";

const CREATES = 30;
const EDITS = 10;
const DELETES = 10;
const PASSES = 3;

afterAll(() => onlineManager.setOnline(true));

/** A page: a client and a QueryClient with the persistence glue, the collection's list observed, requests counted. */
function openPage(collection: string, storage: ReturnType<typeof memoryStorage>) {
  const pb = new PocketBase(pbUrl(), new BaseAuthStore());
  const requests = countRequests(pb, collection);
  const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
  queryClient.mount();
  const persistOptions = { ...pocketbasePersistOptions(pb, queryClient, { persister: createAsyncStoragePersister({ storage, throttleTime: 20 }) }), queryClient };
  const list = new QueryObserver(queryClient, fullListQueryOptions<RecordModel>(pb, collection, { sort: "title" }));
  const unsubscribe = list.subscribe(() => {});
  const writes = {
    create: composeMutationOptions(queryClient, collection, createRecordMutation(pb, queryClient, collection, {}), {}),
    update: composeMutationOptions(queryClient, collection, updateRecordMutation(pb, queryClient, collection, {}), {}),
    remove: composeMutationOptions(queryClient, collection, deleteRecordMutation(pb, queryClient, collection, {}), {}),
  };
  const mutate = (kind: keyof typeof writes, variables: unknown) =>
    void new MutationObserver(queryClient, writes[kind] as never).mutate(variables as never).catch(() => {});
  return {
    queryClient,
    list,
    requests,
    mutate,
    restore: () => persistQueryClientRestore(persistOptions),
    persist: () => persistQueryClientSubscribe(persistOptions),
    close: () => {
      unsubscribe();
      queryClient.unmount();
      queryClient.clear();
    },
  };
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    stored: () => JSON.parse(items.get("REACT_QUERY_OFFLINE_CACHE") ?? "null") as { clientState: { mutations: unknown[] } } | null,
  };
}

async function prepare() {
  const collection = await freshCollection();
  const seeded = await seed<RecordModel>(collection, Array.from({ length: EDITS + DELETES }, (_, i) => ({ title: `seed ${String(i).padStart(2, "0")}`, views: 0 })));
  return { collection, ids: seeded.map((record) => record.id) };
}

function makeChanges(page: ReturnType<typeof openPage>, ids: string[]) {
  for (let i = 0; i < CREATES; i++) page.mutate("create", { title: `new ${String(i).padStart(2, "0")}`, views: i });
  ids.slice(0, EDITS).forEach((id, i) => page.mutate("update", { id, data: { views: 100 + i } }));
  ids.slice(EDITS).forEach((id) => page.mutate("remove", id));
}

const pending = (page: ReturnType<typeof openPage>) => page.queryClient.getMutationCache().findAll({ status: "pending" }).length;

/** Every write settled and the list showing what the server has. */
async function settled(page: ReturnType<typeof openPage>, collection: string) {
  await waitFor(() => pending(page) === 0, { timeout: 60_000, message: "every write settled" });
  const server = await (await superuserClient()).collection(collection).getFullList<RecordModel>({ sort: "title" });
  const expected = JSON.stringify(server.map((r) => [r.id, r.title, r.views]));
  await waitFor(() => !page.list.getCurrentResult().isFetching && JSON.stringify(page.list.getCurrentResult().data?.map((r) => [r.id, r.title, r.views])) === expected, {
    timeout: 60_000,
    message: "the list equal to the server",
  });
  return server.length;
}

async function online() {
  const { collection, ids } = await prepare();
  const page = openPage(collection, memoryStorage());
  await page.restore();
  await waitFor(() => page.list.getCurrentResult().isSuccess, { message: "the list" });
  const t0 = performance.now();
  makeChanges(page, ids);
  const rows = await settled(page, collection);
  const ms = performance.now() - t0;
  page.close();
  return { ms, rows, ...page.requests };
}

async function offline() {
  const { collection, ids } = await prepare();
  const storage = memoryStorage();
  const first = openPage(collection, storage);
  await first.restore();
  const stop = first.persist();
  await waitFor(() => first.list.getCurrentResult().isSuccess, { message: "the list" });
  onlineManager.setOnline(false);
  makeChanges(first, ids);
  await waitFor(() => storage.stored()?.clientState.mutations.length === CREATES + EDITS + DELETES, { message: "the changes stored" });
  stop();
  first.close();

  const reloaded = openPage(collection, storage);
  await reloaded.restore();
  reloaded.persist();
  await waitFor(() => pending(reloaded) === CREATES + EDITS + DELETES, { message: "the changes restored" });
  const t0 = performance.now();
  onlineManager.setOnline(true);
  const rows = await settled(reloaded, collection);
  const ms = performance.now() - t0;
  reloaded.close();
  return { ms, rows, ...reloaded.requests };
}

it(`${CREATES + EDITS + DELETES} changes: sent online as made, against made offline, restored after a reload and sent once online`, async () => {
  const changes = CREATES + EDITS + DELETES;
  const results: Record<"online" | "offline", Awaited<ReturnType<typeof online>>[]> = { online: [], offline: [] };
  for (let pass = 0; pass < PASSES; pass++) {
    results.online.push(await online());
    results.offline.push(await offline());
  }
  const best = (runs: Awaited<ReturnType<typeof online>>[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const base = best(results.online);
  console.log(`\n${changes} changes (${CREATES} creates, ${EDITS} edits, ${DELETES} deletes), fastest of ${PASSES} passes:`);
  for (const [name, runs] of Object.entries(results)) {
    const run = best(runs);
    console.log(
      `  ${name.padEnd(8)} ${run.ms.toFixed(0).padStart(6)} ms  ${(run.ms / changes).toFixed(1)} ms per change  ${(run.ms / base.ms).toFixed(2)}×  ` +
        `write requests ${run.writes}, list requests ${run.lists}`,
    );
  }
  for (const run of [...results.online, ...results.offline]) {
    expect(run.writes).toBe(changes); // one request per change, never two
    expect(run.rows).toBe(CREATES + EDITS);
  }
});
