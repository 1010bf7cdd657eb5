// @vitest-environment jsdom
// Property: whatever the interleaving of local creates, updates (modifiers included) and deletes,
// some held by the network and some failing, another client's writes, refetches, and lists and
// details mounted and unmounted, (1) at every quiet point each mounted query shows the server's
// state with the pending writes replayed on top, wherever the reducer can decide it, and (2) once
// everything has settled every cached query equals a fresh fetch. Against the real server and SDK;
// msw only holds or fails requests. FC_SEED replays a seed, FC_RUNS sets the count (default 200),
// FC_PATH replays one run of a seed (fast-check prints it), FC_SHRINK=1 minimises a failure.
import fc from "fast-check";
import type PocketBase from "pocketbase";
import { ClientResponseError } from "pocketbase";
import type { QueryClient } from "@tanstack/solid-query";
import { createMemo, createSignal, mapArray } from "solid-js";
import { describe, expect, it } from "vitest";
import { findCachedRecord } from "../../../src/core/cache/findCachedRecord";
import { parseKey } from "../../../src/core/keys/parseKey";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { invalidationBatcher } from "../../../src/core/realtime/invalidationBatcher";
import { useCollection } from "../../../src/useCollection";
import { useCreateRecord } from "../../../src/useCreateRecord";
import { useDeleteRecord } from "../../../src/useDeleteRecord";
import { useFullCollection } from "../../../src/useFullCollection";
import { useRealtimeCollection } from "../../../src/useRealtimeCollection";
import { useRecord } from "../../../src/useRecord";
import { useUpdateRecord } from "../../../src/useUpdateRecord";
import { holdNext, server as msw } from "../../helpers/msw";
import { freshCollection, newClient, seed, superuserClient, waitFor } from "../../helpers/pocketbase";
import { realtimeSettled } from "../../helpers/realtime";
import { renderWithClient } from "../../helpers/render";

type Fields = { title: string; views: number; status: string };
type Post = Fields & { id: string };
type Page = { items: Post[]; totalItems: number };
type Outcome = "pass" | 500 | 400;

// Filters the reducer decides from record values alone, each with the same rule in JS.
const FILTERS: ReadonlyArray<readonly [string | undefined, (row: Fields) => boolean]> = [
  [undefined, () => true],
  ['status = "published"', (row) => row.status === "published"],
  ["views > 40", (row) => row.views > 40],
  ['status != "archived" && views <= 70', (row) => row.status !== "archived" && row.views <= 70],
  ['title ~ "al"', (row) => row.title.toLowerCase().includes("al")],
  ['views < 30 || status = "draft"', (row) => row.views < 30 || row.status === "draft"],
];
const SORTS = ["title,id", "-views,id", "status,-title,id", "views,title,id", "id"];

const titleArb = fc.constantFrom("alpha", "Bravo", "charlie", "delta", "Alpine", "echo", "ALBA");
const viewsArb = fc.integer({ min: 0, max: 100 });
const statusArb = fc.constantFrom("draft", "published", "archived");
const fieldsArb = fc.record({ title: titleArb, views: viewsArb, status: statusArb });
const someFieldsArb = fieldsArb.chain((fields) => fc.subarray(Object.keys(fields), { minLength: 1 }).map((keys) => Object.fromEntries(keys.map((key) => [key, fields[key as keyof Fields]]))));
// An update's data: plain fields, and `views` as a value or through a modifier.
const updateDataArb = fc
  .tuple(
    fc.record({ title: titleArb, status: statusArb }, { requiredKeys: [] }),
    fc.oneof(
      fc.constant({}),
      viewsArb.map((views) => ({ views })),
      fc.integer({ min: 1, max: 30 }).map((n) => ({ "views+": n })),
      fc.integer({ min: 1, max: 30 }).map((n) => ({ "views-": n })),
    ),
  )
  .map(([plain, views]): Record<string, unknown> => ({ ...plain, ...views }))
  .filter((data) => Object.keys(data).length > 0);
// Straight to the server, or through msw: `held` until a release step (or the end), else
// answered at once; then sent on to the server (`pass`) or failed.
const modeArb: fc.Arbitrary<{ held: boolean; outcome: Outcome }> = fc.oneof(
  fc.constant({ held: false, outcome: "pass" as const }),
  fc.record({ held: fc.boolean(), outcome: fc.constantFrom<Outcome>("pass", 500, 400) }),
);
// Ids are given (by the client or the writer): runs replay with the same order among equals.
const tagArb = fc.stringMatching(/^[a-z0-9]{4}$/);

const stepArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant("create" as const), tag: tagArb, fields: fieldsArb, mode: modeArb }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("update" as const), target: fc.nat(), data: updateDataArb, mode: modeArb }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("delete" as const), target: fc.nat(), mode: modeArb }) },
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.record({ t: fc.constant("remote" as const), op: fc.constant("create" as const), tag: tagArb, fields: fieldsArb }),
      fc.record({ t: fc.constant("remote" as const), op: fc.constant("update" as const), target: fc.nat(), fields: someFieldsArb }),
      fc.record({ t: fc.constant("remote" as const), op: fc.constant("delete" as const), target: fc.nat() }),
    ),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("refetch" as const), slot: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("toggle" as const), slot: fc.nat(), target: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("release" as const), which: fc.nat() }) },
);

type ListSpec = { kind: "full" | "page"; filter: number; sort: string; perPage: number };
const listArb = (kind: ListSpec["kind"], filters: readonly number[]): fc.Arbitrary<ListSpec> =>
  fc.record({ kind: fc.constant(kind), filter: fc.constantFrom(...filters), sort: fc.constantFrom(...SORTS), perPage: fc.integer({ min: 2, max: 3 }) });
const filtered = FILTERS.map((_, index) => index).slice(1);
const scenarioArb = fc.record({
  initial: fc.array(fc.record({ tag: tagArb, fields: fieldsArb }), { minLength: 3, maxLength: 5 }),
  // Slots 0-2: the full list without a filter, a filtered full list, a first page; 3-4: details.
  lists: fc.tuple(listArb("full", [0]), listArb("full", filtered), listArb("page", [0, ...filtered])),
  mounted: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  detailTargets: fc.tuple(fc.nat(), fc.nat()),
  steps: fc.array(stepArb, { minLength: 5, maxLength: 12 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

type Mount = { slot: number; id?: string };
type Write =
  | { kind: "create"; id: string; fields: Fields }
  // `fields` undefined: nothing of the record was cached, so nothing is shown before the answer.
  | { kind: "update"; id: string; fields: Partial<Fields> | undefined }
  | { kind: "delete"; id: string };
interface Local {
  write: Write;
  label: string;
  outcome: Outcome;
  hold?: ReturnType<typeof holdNext>;
  /** False while its request is held: the write is pending. */
  released: boolean;
  settled: boolean;
  ok: boolean;
}

const pick = (row: Fields): Fields => ({ title: row.title, views: row.views, status: row.status });
const rowsOf = (rows: readonly Post[]) => rows.map((row) => ({ id: row.id, ...pick(row) }));
const idFor = (tag: string, n: number) => `${tag}${String(n).padStart(11, "0")}`;
const macrotask = () => new Promise((resolve) => setTimeout(resolve, 0));
const recordsPath = (collection: string, method: "POST" | "PATCH" | "DELETE") =>
  method === "POST" ? `/api/collections/${collection}/records` : `/api/collections/${collection}/records/:id`;

// PocketBase's order for these sorts: numbers by value, text by code points (SQLite's BINARY).
function compareBy(sort: string): (a: Post, b: Post) => number {
  const keys = sort.split(",").map((term) => (term.startsWith("-") ? { field: term.slice(1), dir: -1 } : { field: term, dir: 1 }));
  return (a, b) => {
    for (const { field, dir } of keys) {
      const x = (a as Record<string, string | number>)[field]!;
      const y = (b as Record<string, string | number>)[field]!;
      if (x !== y) return x < y ? -dir : dir;
    }
    return 0;
  };
}

function expectedList(state: Map<string, Fields>, spec: ListSpec): Post[] {
  const [, matches] = FILTERS[spec.filter]!;
  return [...state].map(([id, fields]) => ({ id, ...fields })).filter(matches).sort(compareBy(spec.sort));
}

const seedValue = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);
const numRuns = Number(process.env.FC_RUNS ?? 200);

describe("rebaseCollection (property, real server)", () => {
  it(`pending writes stay visible in every mounted query that can show them, and the settled cache equals the server (seed ${seedValue}, ${numRuns} runs)`, async () => {
    console.log(`fast-check seed ${seedValue}, ${numRuns} runs (replay with FC_SEED=${seedValue})`);
    const writer = await superuserClient();
    await fc.assert(
      fc.asyncProperty(scenarioArb, (scenario) => runScenario(writer, scenario)),
      { seed: seedValue, path: process.env.FC_PATH, numRuns, endOnFailure: !process.env.FC_SHRINK },
    );
  }, 600_000);
});

async function runScenario(writer: PocketBase, scenario: Scenario): Promise<void> {
  const collection = await freshCollection();
  const specs = scenario.lists;
  let counter = 0;
  const initial = scenario.initial.map(({ tag, fields }) => ({ id: idFor(tag, counter++), ...fields }));
  await seed(collection, initial);
  const known = initial.map((row) => row.id); // every id ever used: targets of local writes
  const locals: Local[] = [];
  const log: string[] = [];
  let events = 0;
  let remoteWrites = 0;

  const [mounted, setMounted] = createSignal<Mount[]>([]);
  const mountOf = (slot: number, target: number): Mount => (slot < 3 ? { slot } : { slot, id: known[target % known.length]! });
  setMounted(scenario.mounted.flatMap((on, slot) => (on ? [mountOf(slot, scenario.detailTargets[slot - 3] ?? 0)] : [])));
  const pb = newClient();
  const { result, queryClient, cleanup } = renderWithClient(() => {
    useRealtimeCollection<Post>(collection, () => ({ onEvent: () => void events++ }));
    // Each mounted slot owns its query: removing it from the signal unmounts it.
    const views = createMemo(
      mapArray(mounted, (mount) => {
        if (mount.id !== undefined) return { mount, query: useRecord<Post>(collection, mount.id) as ShownQuery };
        const spec = specs[mount.slot]!;
        const filter = FILTERS[spec.filter]![0];
        if (spec.kind === "full") return { mount, query: useFullCollection<Post>(collection, () => ({ filter, sort: spec.sort })) as ShownQuery };
        return { mount, query: useCollection<Post>(collection, () => ({ filter, sort: spec.sort, perPage: spec.perPage })) as ShownQuery };
      }),
    );
    return {
      views,
      create: useCreateRecord<Post>(collection),
      update: useUpdateRecord<Post>(collection),
      remove: useDeleteRecord(collection),
    };
  }, pb);

  const describeRun = () => `\nscenario: ${JSON.stringify({ specs, mounted: scenario.mounted, steps: scenario.steps })}\nlog:\n  ${log.join("\n  ")}`;
  const pending = () => locals.filter((local) => !local.released);
  const release = (local: Local) => {
    local.released = true;
    local.hold!.release(local.outcome === "pass" ? "pass" : { status: local.outcome });
  };

  // Nothing in flight but the held requests: every other mutation settled, the event of every
  // server write received and applied, the invalidations they queued flushed and refetched.
  const quiet = async (label: string) => {
    const writes = () => remoteWrites + locals.filter((local) => local.ok).length;
    await waitFor(() => locals.every((local) => local.settled || !local.released), { interval: 2, message: `${label}: mutations settled${describeRun()}` });
    await waitFor(() => events >= writes(), { interval: 2, message: `${label}: ${writes()} events received${describeRun()}` });
    for (let round = 0; round < 2; round++) {
      await invalidationBatcher(queryClient).flush();
      await waitFor(() => queryClient.isFetching() === 0, { interval: 2, message: `${label}: fetches done${describeRun()}` });
      await macrotask(); // TanStack notifies observers on the next macrotask
    }
  };

  // The server's state with the pending writes replayed on top, in submission order.
  const expectedState = async () => {
    const state = new Map<string, Fields>();
    for (const row of await writer.collection(collection).getFullList<Post>({ sort: "id" })) state.set(row.id, pick(row));
    for (const { write } of pending()) {
      if (write.kind === "create") state.set(write.id, write.fields);
      else if (write.kind === "delete") state.delete(write.id);
      else if (write.fields && state.has(write.id)) state.set(write.id, { ...state.get(write.id)!, ...write.fields });
    }
    return state;
  };

  const check = async (label: string) => {
    const state = await expectedState();
    const writes = pending().map((local) => local.write);
    const deleting = new Set(writes.flatMap((write) => (write.kind === "delete" ? [write.id] : [])));
    // A pending update is replayed on a whole cached copy of its record: with none cached any
    // more there is nothing to show it on.
    const unshowable = new Set(
      writes.flatMap((write) => (write.kind === "update" && write.fields && !findCachedRecord(queryClient, collection, write.id) ? [write.id] : [])),
    );
    const context = `${label}: pending ${JSON.stringify(pending().map((local) => local.label))}${describeRun()}`;
    for (const { mount, query } of result.views()) {
      if (mount.id !== undefined) {
        // A pending delete leaves a detail someone is looking at as it is (the reducer cannot
        // decide it; it is refetched into the 404 once the delete is confirmed).
        if (deleting.has(mount.id) || unshowable.has(mount.id)) continue;
        const expected = state.get(mount.id);
        if (expected) expect(query.data && pick(query.data as Post), `detail ${mount.id}; ${context}`).toEqual(expected);
        else expect((query.error as ClientResponseError | null)?.status, `detail ${mount.id} is gone; ${context}`).toBe(404);
        continue;
      }
      const spec = specs[mount.slot]!;
      const expected = rowsOf(expectedList(state, spec));
      if (spec.kind === "full") {
        // A full list holds every matching record: every pending write is decidable there.
        const decidable = (row: Post) => !unshowable.has(row.id);
        expect(rowsOf(query.data as Post[]).filter(decidable), `full list ${JSON.stringify(spec)}; ${context}`).toEqual(expected.filter(decidable));
        continue;
      }
      const page = query.data as Page;
      const shown = rowsOf(page.items);
      const where = `page ${JSON.stringify(spec)} showing ${JSON.stringify(shown)}; ${context}`;
      if (writes.length === 0) {
        expect(shown, where).toEqual(expected.slice(0, spec.perPage));
        continue;
      }
      // A first page is a window on the ordering. A pending write's effect on it is certain when
      // the record leaves it, or lands before one of its rows (anywhere, in a page that reaches
      // the end). A record the window lacks that an update moves in, or a row an update moves past
      // the window's end, is the server's to say: the reducer leaves the page as it is. So is a
      // record with several pending writes, unless they take it out.
      const [, matches] = FILTERS[spec.filter]!;
      const before = compareBy(spec.sort);
      const atEnd = page.items.length >= page.totalItems;
      for (const write of writes) {
        const fields = state.get(write.id);
        const at = shown.findIndex((item) => item.id === write.id);
        if (!fields || !matches(fields)) {
          expect(at, `${write.kind} ${write.id} leaves the ${where}`).toBe(-1);
          continue;
        }
        const row = { id: write.id, ...fields };
        const inside = atEnd || shown.some((item) => item.id !== write.id && before(row, item) < 0);
        if (!inside || writes.filter((other) => other.id === write.id).length > 1) continue;
        if (write.kind === "create") expect(shown[at], `created ${write.id} in the ${where}`).toEqual(row);
        if (write.kind === "update" && write.fields && at >= 0) expect(shown[at], `updated ${write.id} in the ${where}`).toEqual(row);
      }
    }
  };

  // Sends a local write; through msw when held or failing. Returns once its request is held.
  const submit = async (local: Local, method: "POST" | "PATCH" | "DELETE", send: () => Promise<unknown>) => {
    const viaMsw = !local.released || local.outcome !== "pass";
    if (viaMsw) local.hold = holdNext(method, recordsPath(collection, method));
    locals.push(local);
    log.push(local.label);
    send().then(
      () => void ((local.ok = true), (local.settled = true)),
      () => void (local.settled = true),
    );
    if (!local.hold) return;
    let started = false;
    void local.hold.started.then(() => (started = true));
    await waitFor(() => started, { interval: 2, message: `${local.label}: request held${describeRun()}` });
    if (local.released) release(local); // failed at once
  };

  const step = async (index: number, scenarioStep: Scenario["steps"][number]) => {
    const label = `step ${index} ${scenarioStep.t}`;
    switch (scenarioStep.t) {
      case "create": {
        const { fields, mode } = scenarioStep;
        const id = idFor(scenarioStep.tag, counter++);
        known.push(id);
        const label = `create ${id} ${JSON.stringify(fields)} ${mode.held ? "held" : "at once"} → ${mode.outcome}`;
        const local: Local = { write: { kind: "create", id, fields }, label, outcome: mode.outcome, released: !mode.held, settled: false, ok: false };
        return submit(local, "POST", () => result.create.mutateAsync({ id, ...fields }));
      }
      case "update": {
        const { data, mode } = scenarioStep;
        const id = known[scenarioStep.target % known.length]!;
        // Optimistic only when a copy of the record is cached; its modifiers count from the
        // record as shown (or, while a pending delete hides it, from that cached copy).
        const cached = findCachedRecord(queryClient, collection, id) as Post | undefined;
        let fields: Partial<Fields> | undefined;
        if (cached) {
          const views = ((await expectedState()).get(id) ?? cached).views;
          fields = {};
          for (const [key, value] of Object.entries(data)) {
            if (key === "views+") fields.views = views + (value as number);
            else if (key === "views-") fields.views = views - (value as number);
            else (fields as Record<string, unknown>)[key] = value;
          }
        }
        const label = `update ${id} ${JSON.stringify(data)} (shows ${JSON.stringify(fields)}) ${mode.held ? "held" : "at once"} → ${mode.outcome}`;
        const local: Local = { write: { kind: "update", id, fields }, label, outcome: mode.outcome, released: !mode.held, settled: false, ok: false };
        return submit(local, "PATCH", () => result.update.mutateAsync({ id, data }));
      }
      case "delete": {
        const { mode } = scenarioStep;
        const id = known[scenarioStep.target % known.length]!;
        const label = `delete ${id} ${mode.held ? "held" : "at once"} → ${mode.outcome}`;
        const local: Local = { write: { kind: "delete", id }, label, outcome: mode.outcome, released: !mode.held, settled: false, ok: false };
        return submit(local, "DELETE", () => result.remove.mutateAsync(id));
      }
      case "remote": {
        const records = writer.collection(collection);
        if (scenarioStep.op === "create") {
          const id = idFor(scenarioStep.tag, counter++);
          known.push(id);
          log.push(`remote create ${id} ${JSON.stringify(scenarioStep.fields)}`);
          await records.create({ id, ...scenarioStep.fields });
        } else {
          const alive = (await records.getFullList<Post>({ sort: "id", fields: "id" })).map((row) => row.id);
          const id = alive[scenarioStep.target % Math.max(alive.length, 1)];
          if (id === undefined) return void log.push(`remote ${scenarioStep.op}: no record`);
          if (scenarioStep.op === "update") {
            log.push(`remote update ${id} ${JSON.stringify(scenarioStep.fields)}`);
            await records.update(id, scenarioStep.fields);
          } else {
            log.push(`remote delete ${id}`);
            await records.delete(id);
          }
        }
        remoteWrites++;
        return;
      }
      case "refetch": {
        // What a window focus or a reconnect does (every active query), or one list's refetch().
        const views = result.views();
        const view = views[scenarioStep.slot % Math.max(views.length, 1)];
        const queryKey = scenarioStep.slot % 2 === 0 || !view ? pocketbaseKeys.collection(collection) : keyOf(collection, specs, view.mount);
        log.push(`refetch ${JSON.stringify(queryKey)}`);
        void queryClient.refetchQueries({ queryKey, type: "active", exact: queryKey.length > 2 });
        return;
      }
      case "toggle": {
        const slot = scenarioStep.slot % 5;
        const current = mounted().find((mount) => mount.slot === slot);
        if (current) {
          log.push(`unmount ${JSON.stringify(current)}`);
          return void setMounted(mounted().filter((mount) => mount !== current));
        }
        const mount = mountOf(slot, scenarioStep.target);
        log.push(`mount ${JSON.stringify(mount)}`);
        setMounted([...mounted(), mount]);
        await waitFor(() => result.views().some((view) => view.mount === mount && (view.query.isSuccess || view.query.isError)), {
          interval: 2,
          message: `${label}: mounted query loaded${describeRun()}`,
        });
        return;
      }
      case "release": {
        const held = pending();
        const local = held[scenarioStep.which % Math.max(held.length, 1)];
        log.push(local ? `release ${local.label}` : "release: nothing held");
        if (local) release(local);
      }
    }
  };

  try {
    await waitFor(() => result.views().every(({ query }) => query.isSuccess || query.isError), { interval: 2, message: "mounted queries loaded" });
    await realtimeSettled(pb, queryClient);
    await quiet("start");
    await check("start");
    for (const [index, scenarioStep] of scenario.steps.entries()) {
      await step(index, scenarioStep);
      await quiet(`step ${index}`);
      await check(`step ${index} ${scenarioStep.t}`);
    }
    // Quiescence: everything released and settled, every event applied, every refetch landed.
    for (const local of pending()) {
      log.push(`release ${local.label}`);
      release(local);
    }
    await quiet("end");
    await waitFor(() => queryClient.isMutating() === 0 && queryClient.isFetching() === 0, { interval: 2, message: `end: idle${describeRun()}` });
    await realtimeSettled(pb, queryClient);
    await check("end");
    await compareWithServer(writer, queryClient, collection, describeRun);
  } finally {
    for (const local of pending()) local.hold?.release("network"); // a failed run leaves nothing hanging
    cleanup();
    msw.resetHandlers();
    await writer.collections.delete(collection).catch(() => undefined);
  }
}

type ShownQuery = { data: unknown; error: unknown; isSuccess: boolean; isError: boolean };

function keyOf(collection: string, specs: readonly ListSpec[], mount: Mount) {
  if (mount.id !== undefined) return pocketbaseKeys.detail(collection, mount.id);
  const spec = specs[mount.slot]!;
  const filter = FILTERS[spec.filter]![0];
  if (spec.kind === "full") return pocketbaseKeys.fullList(collection, { filter, sort: spec.sort });
  return pocketbaseKeys.list(collection, { filter, sort: spec.sort, perPage: spec.perPage });
}

// Every cached query of the collection, mounted or not, against the same request made afresh.
async function compareWithServer(writer: PocketBase, queryClient: QueryClient, collection: string, describeRun: () => string) {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: pocketbaseKeys.collection(collection) })) {
    const mounted = query.getObserversCount() > 0;
    // Unmounted and invalidated: TanStack knows it is stale and refetches it on its next use.
    if (!mounted && query.state.isInvalidated) continue;
    const key = parseKey(query.queryKey)!;
    const { data, error } = query.state;
    const label = `${query.queryHash} (${mounted ? "mounted" : "unmounted"})${describeRun()}`;
    const records = writer.collection(collection);
    if (key.kind === "detail") {
      const fresh = await records.getOne<Post>(key.id).catch((failure: unknown) => failure as ClientResponseError);
      // Gone on the server: the query says so (TanStack keeps the last data beside the error).
      if (fresh instanceof ClientResponseError) expect((error as ClientResponseError | null)?.status, label).toBe(fresh.status);
      else expect(data && pick(data as Post), label).toEqual(pick(fresh));
      continue;
    }
    const { filter, sort, page, perPage } = key.params;
    if (key.kind === "full") {
      expect(rowsOf(data as Post[]), label).toEqual(rowsOf(await records.getFullList<Post>({ filter, sort })));
      continue;
    }
    const fresh = await records.getList<Post>(page, perPage, { filter, sort });
    expect(rowsOf((data as Page).items), label).toEqual(rowsOf(fresh.items));
    expect((data as Page).totalItems, `totalItems of ${label}`).toBe(fresh.totalItems);
  }
}
