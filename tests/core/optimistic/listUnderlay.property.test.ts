// Whole lists keep their server data as an underlay (listUnderlay), and a server change that the
// views can carry skips the replay of the pending writes (rebaseCollection). This differential
// property test holds both against the plain reducer: the same random server changes go to three
// QueryClients with the same lists, on sorts full of equal values (where places are the rowid's):
// - `carried`: the library as it runs, pending writes on top;
// - `replayed`: the same, but every change takes the full replay (its views are never carried);
// - `server`: no pending writes, the reducer straight into the cache: the server data as the
//   reducer keeps it.
// After every change the server data behind each view of `carried` equals `server`'s list, and its
// view equals `replayed`'s (but for the order among equal sort values, a guess either way, and
// the rows the writes touch); once the writes leave, `carried` shows what `server` shows.
// FC_SEED replays a seed, FC_RUNS sets the count (default 300).
import { QueryClient } from "@tanstack/solid-query";
import fc from "fast-check";
import type { RecordModel } from "pocketbase";
import { describe, expect, it } from "vitest";
import { applyRecordChange, type RecordChange } from "../../../src/core/cache/applyRecordChange";
import { sharePatchedData } from "../../../src/core/cache/sharePatchedData";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import type { PendingWrite } from "../../../src/core/optimistic/pendingWrites";
import { rebaseCollection } from "../../../src/core/optimistic/rebaseCollection";
import { serverSnapshots } from "../../../src/core/optimistic/serverSnapshots";
import { pendingMutation } from "../../helpers/mutations";
import { post, type Post } from "../../helpers/records";

// Few values, so that many records share them; `id` breaks no tie but in one sort.
const SORTS = ["title", "-views", "views,title", "-title,views", "", "title,id"];
const FILTERS = ["", "views > 1"];
const titles = fc.constantFrom("a", "b", "c");
const views = fc.integer({ min: 0, max: 4 });
const list = fc.record({ sort: fc.constantFrom(...SORTS), filter: fc.constantFrom(...FILTERS) });

// Ids r00..r19 exist on the server at first, n00.. are created later.
const write = fc.oneof(
  fc.record({ type: fc.constant("update" as const), at: fc.nat(19), title: titles, views }),
  fc.record({ type: fc.constant("create" as const), title: titles, views }),
  fc.record({ type: fc.constant("delete" as const), at: fc.nat(19) }),
);
const event = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant("update" as const), at: fc.nat(40), title: titles, views }), weight: 3 },
  { arbitrary: fc.record({ type: fc.constant("create" as const), title: titles, views }), weight: 1 },
  { arbitrary: fc.record({ type: fc.constant("delete" as const), at: fc.nat(40) }), weight: 1 },
);
const scenario = fc.record({
  initial: fc.array(fc.record({ title: titles, views }), { minLength: 20, maxLength: 20 }),
  lists: fc.uniqueArray(list, { minLength: 1, maxLength: 4, selector: (spec) => `${spec.sort}|${spec.filter}` }),
  writes: fc.array(write, { minLength: 1, maxLength: 6 }),
  events: fc.array(event, { minLength: 1, maxLength: 30 }),
});

const seedValue = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);
const numRuns = Number(process.env.FC_RUNS ?? 300);

const stamp = (n: number) => `2024-01-01 ${String(Math.floor(n / 3600)).padStart(2, "0")}:${String(Math.floor(n / 60) % 60).padStart(2, "0")}:${String(n % 60).padStart(2, "0")}.000Z`;

function client(): QueryClient {
  const queryClient = new QueryClient();
  queryClient.setQueryDefaults(pocketbaseKeys.all(), { structuralSharing: sharePatchedData });
  return queryClient;
}

describe("listUnderlay (differential property)", () => {
  it(`a carried change leaves every view and its server data as the full replay and the reducer do (seed ${seedValue}, ${numRuns} runs)`, () => {
    console.log(`fast-check seed ${seedValue}, ${numRuns} runs (replay with FC_SEED=${seedValue})`);
    fc.assert(fc.property(scenario, run), { seed: seedValue, numRuns, endOnFailure: !process.env.FC_SHRINK });
  });
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function run({ initial, lists, writes, events }: Scenario): void {
  let clock = 1;
  let created = 0;
  // The server, in rowid order: what each list holds at first, ties in rowid order as SQLite has them.
  const rows = new Map<string, Post>(initial.map((fields, i) => [`r${String(i).padStart(2, "0")}`, post(`r${String(i).padStart(2, "0")}`, fields)]));
  const ids = () => [...rows.keys()];
  const keys = lists.map((spec) =>
    pocketbaseKeys.fullList<Post>("posts", { ...(spec.sort ? { sort: spec.sort } : {}), ...(spec.filter ? { filter: spec.filter } : {}) }),
  );
  const clients = { carried: client(), replayed: client(), server: client() };
  lists.forEach((spec, i) => {
    const data = serverList(rows, spec);
    for (const queryClient of Object.values(clients)) queryClient.setQueryData(keys[i]!, data);
  });

  // The pending writes, on both clients with views.
  const touched = new Set<string>();
  for (const spec of writes) {
    let pendingWrite: PendingWrite;
    if (spec.type === "create") {
      const id = `n${String(created++).padStart(2, "0")}`;
      pendingWrite = { type: "create", record: post(id, { title: spec.title, views: spec.views, created: stamp(clock), updated: stamp(clock++) }), detail: {} };
    } else if (spec.type === "update") {
      pendingWrite = { type: "update", id: `r${String(spec.at).padStart(2, "0")}`, fields: { title: spec.title, views: spec.views, updated: stamp(clock++) } };
    } else pendingWrite = { type: "delete", id: `r${String(spec.at).padStart(2, "0")}` };
    touched.add(pendingWrite.type === "create" ? pendingWrite.record.id : pendingWrite.id);
    for (const queryClient of [clients.carried, clients.replayed]) {
      pendingMutation(queryClient, pendingWrite);
      rebaseCollection(queryClient, "posts");
    }
  }

  const check = (label: string) => {
    for (const [i, key] of keys.entries()) {
      const query = clients.carried.getQueryCache().find({ queryKey: key, exact: true })!;
      const where = `${label}, ${JSON.stringify(lists[i])}`;
      expect(idsOf(serverSnapshots.serverOf(clients.carried, "posts", query as never)), `server data ${where}`).toEqual(idsOf(clients.server.getQueryData(key)));
      // Views: the same rows in the same order, but among equal sort values, where a place is
      // the reducer's guess either way (and the list is refetched to confirm). The rows of
      // records with pending writes may differ: carried, a write's record keeps its place in the
      // view where a replay onto a server state that lost it cannot place it (the rowid order).
      const untouched = (rows: Post[]) => rows.filter((row) => !touched.has(row.id));
      const [carried, replayed] = [untouched(clients.carried.getQueryData<Post[]>(key)!), untouched(clients.replayed.getQueryData<Post[]>(key)!)];
      expect(byId(carried), `view ${where}`).toEqual(byId(replayed));
      expect(sortValues(carried, lists[i]!.sort), `view order ${where}`).toEqual(sortValues(replayed, lists[i]!.sort));
    }
  };
  check("with the writes pending");

  events.forEach((spec, step) => {
    let change: RecordChange;
    const all = ids();
    if (spec.type === "create" || all.length === 0) {
      const id = `s${String(step).padStart(2, "0")}`;
      const { title, views } = spec.type === "create" ? spec : { title: "a", views: 0 };
      const record = post(id, { title, views, created: stamp(clock), updated: stamp(clock++) });
      rows.set(id, record);
      change = { type: "create", record };
    } else if (spec.type === "update") {
      const id = all[spec.at % all.length]!;
      const record = { ...rows.get(id)!, title: spec.title, views: spec.views, updated: stamp(clock++) };
      rows.set(id, record);
      change = { type: "update", record };
    } else {
      const id = all[spec.at % all.length]!;
      change = { type: "delete", id, record: rows.get(id)! };
      rows.delete(id);
    }
    rebaseCollection(clients.carried, "posts", { changes: [{ change }] });
    // The views are never carried: they no longer count as built on today's writes.
    serverSnapshots.build(clients.replayed, "posts", []);
    rebaseCollection(clients.replayed, "posts", { changes: [{ change }] });
    applyRecordChange(clients.server, "posts", change as RecordChange<RecordModel>);
    check(`after event ${step} (${change.type} ${change.type === "delete" ? change.id : change.record.id})`);
  });

  // The writes leave (failed): every list shows its server data again.
  for (const queryClient of [clients.carried, clients.replayed]) {
    queryClient.getMutationCache().clear();
    rebaseCollection(queryClient, "posts");
  }
  for (const [i, key] of keys.entries()) {
    expect(idsOf(clients.carried.getQueryData(key)), `settled ${JSON.stringify(lists[i])}`).toEqual(idsOf(clients.server.getQueryData(key)));
    expect(clients.carried.getQueryData(key)).toEqual(clients.server.getQueryData(key));
    expect(clients.replayed.getQueryData(key)).toEqual(clients.server.getQueryData(key));
  }
}

// The server's list: the matching records by the sort, equal ones in rowid order.
function serverList(rows: Map<string, Post>, spec: { sort: string; filter: string }): Post[] {
  const matching = [...rows.values()].filter((row) => spec.filter === "" || row.views > 1);
  const terms = spec.sort ? spec.sort.split(",").map((term) => (term.startsWith("-") ? { field: term.slice(1), sign: -1 } : { field: term, sign: 1 })) : [];
  return matching.sort((a, b) => {
    for (const { field, sign } of terms) {
      const x = a[field as keyof Post] as string | number;
      const y = b[field as keyof Post] as string | number;
      if (x !== y) return (x < y ? -1 : 1) * sign;
    }
    return 0; // Array.prototype.sort is stable: rowid order among equals
  });
}

function idsOf(data: unknown): string[] {
  return ((data as Post[] | undefined) ?? []).map((row) => row.id);
}

function byId(rows: readonly Post[]): Post[] {
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
}

function sortValues(rows: readonly Post[], sort: string): string[] {
  const fields = sort.split(",").filter(Boolean).map((term) => term.replace(/^-/, "") as keyof Post);
  return rows.map((row) => JSON.stringify(fields.map((field) => row[field])));
}
