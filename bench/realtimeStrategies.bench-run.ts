// How realtime events reach the cache, measured three ways over the same 1,000 real events:
//   seed       invalidate the collection's lists on every event (the baseline)
//   coalesced  the same invalidations, flushed once per 50 ms window
//   patch      the core reducer patches each list in place; undecidable lists are coalesced
// For each: HTTP list requests, time spent applying events (total, per event), and whether
// every cached list ends equal to a fresh server fetch. Then the reducer's per-event cost with
// 100 cached lists of 1,000 rows, and the realtime path's (rebaseCollection) with 0, 1 and 20
// pending mutations beside it. Run: npm run bench
import { QueryClient, QueryObserver } from "@tanstack/solid-query";
import PocketBase, { BaseAuthStore, type RecordModel } from "pocketbase";
import { expect, it } from "vitest";
import { applyRecordChange } from "../src/core/cache/applyRecordChange";
import { composeMutationOptions } from "../src/core/mutations/composeMutationOptions";
import { createRecordMutation } from "../src/core/mutations/createRecordMutation";
import { updateRecordMutation } from "../src/core/mutations/updateRecordMutation";
import { pendingWrites } from "../src/core/optimistic/pendingWrites";
import { rebaseCollection } from "../src/core/optimistic/rebaseCollection";
import { watchServerSnapshots } from "../src/core/optimistic/watchServerSnapshots";
import { compileSort } from "../src/core/filter/compileSort";
import { fullListQueryOptions } from "../src/core/queries/fullListQueryOptions";
import { invalidationBatcher } from "../src/core/realtime/invalidationBatcher";
import { listQueryOptions } from "../src/core/queries/listQueryOptions";
import { pocketbaseKeys } from "../src/core/keys/pocketbaseKeys";
import { sharePatchedData } from "../src/core/cache/sharePatchedData";
import { freshCollection, pbUrl, superuserClient, waitFor } from "../tests/helpers/pocketbase";

const SEED = Number(process.env.SEED ?? 20261122);
const EVENTS = 1000;
// The realtime path with pending mutations: the same events for every variant. Few, because an
// event on 100 lists of 1,000 rows costs milliseconds; timed in several passes.
const PENDING_EVENTS = 200;
const ZERO_PASSES = 5;
const PENDING_PASSES = 3;
// `kind` says what the patch strategy can do with a list: "exact" lists are decided in place,
// always; the others are refetched where the core cannot decide: equal sort values (PocketBase
// adds no tiebreak, SQLite's plan picks the order), array conditions (their meaning depends on
// the field's declared type, which the client is not given), relation paths.
type Kind = "exact" | "ties" | "field types" | "relation";
const LISTS: Array<{ filter?: string; sort: string; full?: boolean; perPage?: number; kind: Kind }> = [
  { sort: "-created,id", full: true, kind: "exact" },
  { sort: "title,id", full: true, kind: "exact" },
  { sort: "-views,title,id", full: true, kind: "exact" },
  { filter: 'status = "published"', sort: "-views,id", full: true, kind: "exact" },
  { filter: "views > 50", sort: "views,id", full: true, kind: "exact" },
  { filter: 'title ~ "a"', sort: "title,-id", full: true, kind: "exact" },
  { filter: "published = true && views < 100", sort: "title,id", full: true, kind: "exact" },
  { filter: 'status != "archived" || views >= 90', sort: "-created,id", full: true, kind: "exact" },
  { filter: 'body = ""', sort: "views,title,id", full: true, kind: "exact" },
  { filter: "views > 10 && views < 60", sort: "-title,id", full: true, kind: "exact" },
  { sort: "-created,id", perPage: 1000, kind: "exact" },
  { sort: "title,id", perPage: 1000, kind: "exact" },
  { filter: 'status = "draft"', sort: "title,id", perPage: 1000, kind: "exact" },
  { filter: "views <= 20", sort: "-views,id", perPage: 1000, kind: "exact" },
  { filter: 'title:lower ~ "b"', sort: "-created,id", perPage: 1000, kind: "exact" },
  { filter: 'status ?= "published" && views != 0', sort: "created,id", perPage: 1000, kind: "exact" },
  { sort: "views", full: true, kind: "ties" },
  { filter: 'tags ?= "red"', sort: "-updated,id", full: true, kind: "field types" },
  { filter: "tags:length > 1", sort: "title,id", perPage: 1000, kind: "field types" },
  { filter: 'author.name = "nobody"', sort: "title,id", full: true, kind: "relation" },
];

function rng(seed: number) {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

const statuses = ["draft", "published", "archived"];
const colors = ["red", "green", "blue", "yellow", "black"];
const words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "Hotel", "india", "ZULU"];

it("realtime strategies over 1,000 real events, and the reducer with 100 lists of 1,000 rows", async () => {
  console.log(`seed ${SEED}`);
  const random = rng(SEED);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const fields = () => ({
    title: `${pick(words)} ${pick(words)}`,
    body: random() < 0.3 ? "" : pick(words),
    status: pick(statuses),
    views: Math.floor(random() * 100),
    tags: colors.filter(() => random() < 0.3),
    published: random() < 0.5,
  });

  // 1. Record 1,000 real events from the server: a writer makes them while we listen.
  const collection = await freshCollection();
  const writer = await superuserClient();
  const seeded: RecordModel[] = [];
  for (let i = 0; i < 100; i++) seeded.push(await writer.collection(collection).create(fields()));
  // The 20 lists as the server answers them before the events: every strategy starts there.
  const reader = new PocketBase(pbUrl(), new BaseAuthStore());
  const before = await Promise.all(
    LISTS.map((list) =>
      list.full
        ? reader.collection(collection).getFullList({ filter: list.filter, sort: list.sort, requestKey: null })
        : reader.collection(collection).getList(1, list.perPage, { filter: list.filter, sort: list.sort, requestKey: null }),
    ),
  );
  const listener = new PocketBase(pbUrl(), new BaseAuthStore());
  const events: Array<{ action: "create" | "update" | "delete"; record: RecordModel }> = [];
  const unsubscribe = await listener.collection(collection).subscribe("*", (e) => events.push(e as never));
  const alive = [...seeded];
  for (let i = 0; i < EVENTS; i++) {
    const roll = random();
    if (roll < 0.2 || alive.length < 20) alive.push(await writer.collection(collection).create(fields()));
    else if (roll < 0.3) await writer.collection(collection).delete(alive.splice(Math.floor(random() * alive.length), 1)[0]!.id);
    else await writer.collection(collection).update(pick(alive).id, fields());
  }
  await waitFor(() => events.length === EVENTS, { message: "all events recorded", timeout: 30_000 });
  await unsubscribe();

  // 2. Replay them through each strategy, on a cache that holds the 20 lists as they were
  //    before the events (the initial state is rebuilt from the seeded records).
  const results: Record<string, { requests: number; totalMs: number; consistent: boolean; perList: number[] }> = {};
  for (const strategy of ["seed", "coalesced", "patch"] as const) {
    const pb = new PocketBase(pbUrl(), new BaseAuthStore());
    let requests = 0;
    let counting = true;
    const perList = LISTS.map(() => 0);
    pb.beforeSend = (url, options) => {
      if (counting && new URL(url).pathname.endsWith(`/${collection}/records`)) {
        requests++;
        const query = (options.query ?? {}) as Record<string, unknown>;
        const index = LISTS.findIndex((list) => (list.filter ?? "") === (query.filter ?? "") && list.sort === query.sort && (list.full ? query.perPage === 1000 : query.perPage === list.perPage));
        if (index >= 0) perList[index]!++;
      }
      return { url, options };
    };
    const queryClient = new QueryClient();
    const observers = LISTS.map((list, index) => {
      const options = list.full
        ? fullListQueryOptions(pb, collection, list)
        : listQueryOptions(pb, collection, { ...list, page: 1, perPage: list.perPage });
      queryClient.setQueryData(options.queryKey as readonly unknown[], structuredClone(before[index]));
      const observer = new QueryObserver(queryClient, { ...options, staleTime: Infinity } as never);
      observer.subscribe(() => {});
      return observer;
    });
    const batcher = invalidationBatcher(queryClient, 50);
    let totalMs = 0;
    for (const event of events) {
      const started = performance.now();
      if (strategy === "patch") {
        const change = event.action === "delete" ? { type: "delete" as const, id: event.record.id } : { type: event.action, record: event.record };
        for (const queryKey of applyRecordChange(queryClient, collection, change).undecided) batcher.invalidate(queryKey, true);
      } else if (strategy === "coalesced") {
        batcher.invalidate(pocketbaseKeys.lists(collection));
      } else {
        void queryClient.invalidateQueries({ queryKey: pocketbaseKeys.lists(collection) });
      }
      totalMs += performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 0)); // events arrive one by one
    }
    await batcher.flush();
    await waitFor(() => queryClient.isFetching() === 0, { message: "refetches settled", timeout: 60_000 });
    counting = false; // the check below fetches from the server itself
    let consistent = true;
    for (const list of LISTS) {
      const server = list.full
        ? await pb.collection(collection).getFullList({ filter: list.filter, sort: list.sort, requestKey: null })
        : await pb.collection(collection).getList(1, list.perPage, { filter: list.filter, sort: list.sort, requestKey: null });
      const key = (list.full ? pocketbaseKeys.fullList(collection, list) : pocketbaseKeys.list(collection, { ...list, page: 1 })) as readonly unknown[];
      if (JSON.stringify(ids(queryClient.getQueryData(key))) !== JSON.stringify(ids(server))) consistent = false;
    }
    observers.forEach((observer) => observer.destroy());
    results[strategy] = { requests, totalMs, consistent, perList };
  }

  const seed = results.seed!;
  console.log(`\n${EVENTS} real events over ${LISTS.length} cached lists (${LISTS.filter((l) => l.kind === "exact").length} of them exact)`);
  console.log("strategy    list requests   apply total   per event   requests vs seed");
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `${name.padEnd(11)} ${String(r.requests).padStart(13)}   ${r.totalMs.toFixed(1).padStart(8)} ms   ${((r.totalMs / EVENTS) * 1000).toFixed(1).padStart(6)} µs   ${(r.requests / Math.max(seed.requests, 1)).toFixed(3).padStart(8)}x${r.consistent ? "" : "   INCONSISTENT"}`,
    );
  }
  for (const r of Object.values(results)) expect(r.consistent).toBe(true);
  console.log(`\npatch strategy, requests per list:`);
  for (const [index, list] of LISTS.entries()) {
    console.log(`  ${String(results.patch!.perList[index]).padStart(4)}  ${list.kind.padEnd(11)} ${list.full ? "full" : "page"} ${list.filter ?? "(no filter)"} | ${list.sort}`);
  }
  const exact = LISTS.flatMap((list, index) => (list.kind === "exact" ? [results.patch!.perList[index]!] : []));
  console.log(`  exact lists: ${exact.reduce((a, b) => a + b, 0)} requests in all (${exact.length} lists)`);
  expect(exact.every((count) => count === 0)).toBe(true);

  // 3. The reducer alone: 100 cached lists of 1,000 rows, 1,000 updates. Baselines in the same
  //    process: the seed strategy's cost (mark the lists stale), and the reducer under
  //    TanStack's default structural sharing instead of the hooks' sharePatchedData.
  const rows = Array.from({ length: 1000 }, (_, i) => ({ id: `r${String(i).padStart(14, "0")}`, collectionId: "c", collectionName: "big", created: "", updated: `2026-01-01 00:00:00.${String(i % 1000).padStart(3, "0")}Z`, ...fields() }));
  const updates = Array.from({ length: 1000 }, (_, i) => ({ ...pick(rows), ...fields(), updated: `2026-02-01 00:00:00.${String(i).padStart(3, "0")}Z` }));
  const sorts = ["title", "-views,title", "-updated", "views,id", "status,-title"];
  const bigCache = (sharing: boolean, from = rows) => {
    const client = new QueryClient();
    // The hooks' query options carry sharePatchedData; these entries have no hook, so set it here.
    if (sharing) client.setQueryDefaults(pocketbaseKeys.all(), { structuralSharing: sharePatchedData });
    for (let i = 0; i < 100; i++) {
      const sort = sorts[i % sorts.length]!;
      // A filter every row matches, different per list: 100 distinct queries, each of every row.
      const filter = `views != ${-1 - i}`;
      client.setQueryData(pocketbaseKeys.fullList("big", { sort, filter, fields: i % 2 ? undefined : "*" }) as readonly unknown[], [...from].sort(compileSort(sort)!));
    }
    expect(client.getQueryCache().getAll()).toHaveLength(100);
    return client;
  };
  const timePatches = (client: QueryClient, count = updates.length) => {
    const started = performance.now();
    for (const record of updates.slice(0, count)) applyRecordChange(client, "big", { type: "update", record });
    return (performance.now() - started) / count;
  };
  // The first 100 only: at 70 ms per event, the whole run would take over a minute.
  const defaultSharingMs = timePatches(bigCache(false), 100);
  const patchMs = timePatches(bigCache(true));
  const stale = bigCache(true);
  let started = performance.now();
  for (let i = 0; i < updates.length; i++) void stale.invalidateQueries({ queryKey: pocketbaseKeys.lists("big"), refetchType: "none" });
  const invalidateMs = (performance.now() - started) / updates.length;
  started = 0;
  const us = (ms: number) => `${(ms * 1000).toFixed(0).padStart(6)} µs`;
  console.log(`\nreducer, 100 cached lists of 1,000 rows, 1,000 updates (per event):`);
  console.log(`  patch (hooks' structural sharing)     ${us(patchMs)}`);
  console.log(`  patch (TanStack's default sharing)    ${us(defaultSharingMs)}   ${(defaultSharingMs / patchMs).toFixed(1)}x slower`);
  console.log(`  seed: mark 100 lists stale            ${us(invalidateMs)}   (then refetches every list over HTTP)`);

  // 4. The realtime path (rebaseCollection: the event enters the server's state, the pending
  //    mutations are replayed on top) against the baseline, the reducer straight into the cache
  //    (the path before the optimistic layer). Same lists, same events, every line; the events
  //    touch the first 100 rows, so the 100-row lists get the very same ones. Pending mutations
  //    are real TanStack mutations built as the hooks build them, whose request never answers.
  const rows100 = rows.slice(0, 100);
  const incoming = Array.from({ length: PENDING_EVENTS }, (_, i) => ({ ...pick(rows100), ...fields(), updated: `2026-03-01 00:00:00.${String(i).padStart(3, "0")}Z` }));
  const updated = Array.from({ length: 10 }, (_, i) => rows100[i * 9]!.id);
  const created = Array.from({ length: 10 }, () => fields());
  const pb = new PocketBase(pbUrl(), new BaseAuthStore()); // signed out all along; never sent a request
  const direct = (client: QueryClient, record: RecordModel) => applyRecordChange(client, "big", { type: "update", record });
  const rebase = (client: QueryClient, record: RecordModel) => rebaseCollection(client, "big", { changes: [{ change: { type: "update", record } }] });
  // Pending mutation i: even an update of a listed record (a modifier included), odd a create.
  const setUp = async (from: typeof rows, pending: number, realtime: boolean) => {
    const client = bigCache(true, from);
    if (realtime) watchServerSnapshots(client); // realtimeCacheListener installs it; a mutation too
    for (let i = 0; i < pending; i++) {
      const steps = i % 2 ? createRecordMutation(pb, client, "big", {}) : updateRecordMutation(pb, client, "big", {});
      const variables = i % 2 ? { ...created[i >> 1]! } : { id: updated[i >> 1]!, data: { title: `pending ${i}`, "views+": 1 } };
      const options = composeMutationOptions(client, "big", { ...steps, mutationFn: () => new Promise<never>(() => {}) } as never, {});
      const mutation = client.getMutationCache().build(client, options as never);
      void mutation.execute(variables);
      await waitFor(() => mutation.state.context !== undefined, { message: "the mutation's onMutate", interval: 1 });
    }
    expect(pendingWrites.of(client, "big")).toHaveLength(pending);
    return client;
  };
  // One pass: the events in order on one cache, each timed on its own.
  const timeEach = (client: QueryClient, path: typeof direct, list = incoming) =>
    list.map((record) => {
      const started = performance.now();
      path(client, record);
      return performance.now() - started;
    });
  for (const [from, pending] of [[rows, 0], [rows, 1], [rows, 20], [rows100, 0], [rows100, 20]] as const) {
    timeEach(await setUp(from, pending, true), rebase, incoming.slice(0, 50)); // warm-up
    timeEach(await setUp(from, 0, false), direct, incoming.slice(0, 50));
  }
  // Several passes, each on fresh caches; per event the fastest pass counts, so a preemption by
  // another process falls on one pass, not on the figure. The 10% question: baseline and 0
  // pending alternate event by event (one first, then the other), so both run under one load.
  const times: Record<"base" | "zero" | "one" | "twenty" | "base100" | "twenty100", number[][]> = { base: [], zero: [], one: [], twenty: [], base100: [], twenty100: [] };
  let zeroCaches: { base: QueryClient; zero: QueryClient } | undefined;
  for (let pass = 0; pass < ZERO_PASSES; pass++) {
    const clients = [await setUp(rows, 0, false), await setUp(rows, 0, true)] as const;
    const spent: [number[], number[]] = [[], []];
    incoming.forEach((record, i) => {
      for (const side of i % 2 ? [1, 0] : [0, 1]) {
        const started = performance.now();
        if (side) rebase(clients[1], record);
        else direct(clients[0], record);
        spent[side]!.push(performance.now() - started);
      }
    });
    times.base.push(spent[0]);
    times.zero.push(spent[1]);
    zeroCaches = { base: clients[0], zero: clients[1] };
  }
  let pendingCaches: Array<[QueryClient, number]> = [];
  for (let pass = 0; pass < PENDING_PASSES; pass++) {
    const [one, twenty, twenty100] = [await setUp(rows, 1, true), await setUp(rows, 20, true), await setUp(rows100, 20, true)];
    times.one.push(timeEach(one, rebase));
    times.twenty.push(timeEach(twenty, rebase));
    times.base100.push(timeEach(await setUp(rows100, 0, false), direct));
    times.twenty100.push(timeEach(twenty100, rebase));
    pendingCaches = [[one, 1000], [twenty, 1000], [twenty100, 100]];
  }
  const fastest = (passes: number[][]) => incoming.reduce((sum, _, i) => sum + Math.min(...passes.map((pass) => pass[i]!)), 0) / incoming.length;
  const [base, zero, one, twenty, base100, twenty100] = [times.base, times.zero, times.one, times.twenty, times.base100, times.twenty100].map(fastest) as [number, number, number, number, number, number];

  // Consistency, not time: with nothing pending the realtime path writes what the reducer writes;
  // with pending mutations every list shows them on top of the events.
  const listsOf = (client: QueryClient) => client.getQueriesData<RecordModel[]>({ queryKey: pocketbaseKeys.lists("big") });
  expect(JSON.stringify(listsOf(zeroCaches!.zero))).toBe(JSON.stringify(listsOf(zeroCaches!.base)));
  for (const [client, size] of pendingCaches) {
    const writes = pendingWrites.of(client, "big");
    for (const [, list] of listsOf(client)) {
      expect(list).toHaveLength(size + writes.filter((write) => write.type === "create").length);
      const byId = new Map(list!.map((row) => [row.id, row]));
      for (const write of writes) {
        if (write.type === "create") expect(byId.has(write.record.id)).toBe(true);
        if (write.type === "update") expect(byId.get(write.id)?.title).toBe(write.fields.title);
      }
    }
  }

  const line = (size: string, pending: string, ms: number, ratio?: number, note = "") =>
    console.log(`  ${size.padStart(5)}  ${pending.padEnd(28)} ${us(ms)}   ${ratio === undefined ? " ".repeat(8) : `${ratio.toFixed(2).padStart(7)}x`}   ${note}`);
  const signed = (ms: number) => `${ms < 0 ? "-" : "+"}${Math.abs(ms * 1000).toFixed(0)} µs`;
  const extra = (ms: number, baseline: number, pending: number) => signed((ms - baseline) / pending).padStart(9);
  console.log(`\nrealtime path, 100 cached lists, the same ${PENDING_EVENTS} updates on every line (per event):`);
  console.log("  rebaseCollection(queryClient, collection, { changes }) against the baseline, applyRecordChange(queryClient, ...);");
  console.log(`  per event the fastest of ${ZERO_PASSES} passes (baseline and 0 pending, alternated event by event) or ${PENDING_PASSES} (pending)`);
  console.log("   rows  pending mutations             per event   vs baseline   extra per pending mutation");
  line("1,000", "baseline (no rebase)", base);
  line("1,000", "0", zero, zero / base);
  line("1,000", "1 (an update)", one, one / base, extra(one, base, 1));
  line("1,000", "20 (10 updates, 10 creates)", twenty, twenty / base, extra(twenty, base, 20));
  line("100", "baseline (no rebase)", base100);
  line("100", "20 (10 updates, 10 creates)", twenty100, twenty100 / base100, extra(twenty100, base100, 20));
  console.log(`  0 pending: ${(zero / base).toFixed(2)}x the baseline, ${zero / base <= 1.1 ? "within" : "OVER"} the 1.10x budget`);
  const growth = (twenty - base) / (twenty100 - base100);
  console.log(`  20 pending: the extra cost is ${growth.toFixed(1)}x as much with 1,000 rows as with 100, where the baseline's is ${(base / base100).toFixed(1)}x`);
  // Where the extra goes: events on records the pending writes touch (here one in ten) pass over
  // that record's server row and once over the views; a list with equal sort values where a
  // change could move a row put back from its underlay takes the server's copy for that change.
  // Any other event costs one reducer pass, as with nothing pending.
  console.log(`  1 pending: ${signed(one - base)} over the baseline; each of the next 19: ${signed((twenty - one) / 19)} (1,000 rows)`);
});

function ids(data: unknown): string[] {
  const items = Array.isArray(data) ? data : ((data as { items?: RecordModel[] })?.items ?? []);
  return (items as RecordModel[]).map((r) => r.id);
}

