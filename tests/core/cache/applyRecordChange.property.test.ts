import { type InfiniteData, QueryClient, type QueryKey } from "@tanstack/solid-query";
import fc from "fast-check";
import type { ListResult, RecordModel } from "pocketbase";
import { describe, expect, it } from "vitest";
import { applyRecordChange, type RecordChange } from "../../../src/core/cache/applyRecordChange";
import { compileSort } from "../../../src/core/filter/compileSort";
import { formatPocketBaseDate } from "../../../src/core/mutations/formatPocketBaseDate";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";

// A model of the server: records in rowid (insertion) order, sorted the way the verified
// comparator sorts. PocketBase leaves equal sort values in SQLite's scan order: rowid ascending
// without an index, descending when SQLite walks an index on the sort column backwards (both
// seen on PocketBase 0.40.4), so the model picks either. After every change each cached list
// must equal a fresh "fetch" from the model, unless the reducer called it undecided: then it is
// refetched, as the caller would. A reducer that guessed among equals fails one of the models.

const C = "posts";
const PER_PAGE = 3;
type Post = RecordModel & {
  title: string;
  views: number;
  flag: boolean;
  tags: string[];
  created: string;
  updated: string;
};
type Values = Pick<Post, "title" | "views" | "flag" | "tags" | "created">;

const values: fc.Arbitrary<Values> = fc.record({
  title: fc.constantFrom("a", "B", "b", "é", "😀", "\uE000", ""),
  views: fc.constantFrom(-1, 0, 1, 2.5),
  flag: fc.boolean(),
  tags: fc.subarray(["x", "y"]),
  created: fc.constantFrom("", "2024-01-01 00:00:00.000Z", "2024-01-01 00:00:00.001Z", "2024-06-01 00:00:00.000Z"),
});
const sortArb = fc
  .array(fc.record({ field: fc.constantFrom("title", "views", "flag", "tags", "created", "id"), desc: fc.boolean() }), {
    maxLength: 3,
  })
  .map((terms) => terms.map(({ field, desc }) => (desc ? "-" : "") + field).join(","));
type Command =
  | { type: "create"; values: Values }
  | { type: "update"; pick: number; values: Values }
  | { type: "delete"; pick: number }
  | { type: "echo"; pick: number };
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ type: fc.constant("create" as const), values }),
  fc.record({ type: fc.constant("update" as const), pick: fc.nat(), values }),
  fc.record({ type: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({ type: fc.constant("echo" as const), pick: fc.nat() }),
);

function page(rows: Post[], number: number, skipTotal = false): ListResult<Post> {
  const items = rows.slice((number - 1) * PER_PAGE, number * PER_PAGE);
  if (skipTotal) return { page: number, perPage: PER_PAGE, totalItems: -1, totalPages: -1, items };
  const totalPages = Math.ceil(rows.length / PER_PAGE);
  return { page: number, perPage: PER_PAGE, totalItems: rows.length, totalPages, items };
}
// What TanStack's refetch of an infinite query returns: as many pages as were loaded, stopping
// where getNextPageParam (infiniteListQueryOptions) stops. A list that was loaded to its end
// stays complete: it grows a page rather than push a record out of sight (all pages: Infinity).
function infinite(rows: Post[], loaded: number): InfiniteData<ListResult<Post>, number> {
  const pages = [page(rows, 1)];
  while (pages.length < loaded && pages.at(-1)!.page < pages.at(-1)!.totalPages) {
    pages.push(page(rows, pages.length + 1));
  }
  return { pages, pageParams: pages.map((p) => p.page) };
}

// `deletesCarryRecord`: a delete comes with the record's last state, as a realtime event has it.
function run(sort: string, tiesDescending: boolean, initial: Values[], commands: Command[], deletesCarryRecord = false) {
  const compare = compileSort(sort)!;
  // Without a sort there is no ORDER BY: always table (rowid) order.
  const tie = tiesDescending && compare.fields.length > 0 ? -1 : 1;
  let clock = 0;
  const stamp = () => formatPocketBaseDate(new Date(Date.UTC(2025, 0, 1) + clock++));
  let nextId = 0;
  const make = (v: Values): Post => {
    const id = `r${String(nextId++).padStart(3, "0")}`;
    return { id, collectionId: "c", collectionName: C, ...v, updated: stamp() };
  };
  let server = initial.map(make);
  const rowid = (row: Post) => row.id; // ids grow with insertion, like rowids
  const ordered = () => [...server].sort((a, b) => compare(a, b) || tie * (rowid(a) < rowid(b) ? -1 : 1));

  const full = pocketbaseKeys.fullList<Post>(C, { sort });
  const first = pocketbaseKeys.list<Post>(C, { sort, perPage: PER_PAGE });
  const second = pocketbaseKeys.list<Post>(C, { sort, perPage: PER_PAGE, page: 2 });
  const skip = pocketbaseKeys.list<Post>(C, { sort, perPage: PER_PAGE, skipTotal: true });
  const inf = pocketbaseKeys.infinite<Post>(C, { sort, perPage: PER_PAGE });
  const client = new QueryClient();
  const fetch = (key: QueryKey, loaded: number): unknown => {
    const rows = ordered();
    if (key === full) return rows;
    if (key === first) return page(rows, 1);
    if (key === second) return page(rows, 2);
    if (key === skip) return page(rows, 1, true);
    return infinite(rows, loaded);
  };
  const keys: QueryKey[] = [full, first, second, skip, inf];
  for (const key of keys) client.setQueryData(key, fetch(key, 2));

  for (const command of commands) {
    const before = client.getQueryData(inf);
    const last = before?.pages.at(-1);
    const loaded = last && last.page >= last.totalPages ? Infinity : (before?.pages.length ?? 0);
    const pick = command.type === "create" ? 0 : command.pick;
    const target = server.length ? server[pick % server.length] : undefined;
    let change: RecordChange<Post>;
    if (command.type === "create") {
      const record = make(command.values);
      server = [...server, record];
      change = { type: "create", record };
    } else if (command.type === "update" && target) {
      const record = { ...target, ...command.values, updated: stamp() };
      server = server.map((row) => (row.id === record.id ? record : row));
      change = { type: "update", record };
    } else if (command.type === "delete") {
      const id = target && command.pick % 4 !== 0 ? target.id : "unknown00000000";
      server = server.filter((row) => row.id !== id);
      change = deletesCarryRecord && id === target?.id ? { type: "delete", id, record: target } : { type: "delete", id };
    } else if (target) {
      change = { type: "update", record: target };
    } else continue;

    const result = applyRecordChange(client, C, change);
    if (command.type === "echo") expect(result).toEqual({ patched: [], undecided: [] });
    // A total order (`id` last) or no sort at all leaves nothing to guess in a full list.
    if (compare.fields.includes("id") || compare.fields.length === 0) expect(result.undecided).not.toContain(full);
    for (const key of keys) {
      const fetched = fetch(key, loaded);
      if (result.undecided.includes(key)) client.setQueryData(key, fetched);
      else expect(client.getQueryData(key), `${JSON.stringify(key)} after ${JSON.stringify(change)}`).toEqual(fetched);
    }
  }
}

describe("applyRecordChange: property", () => {
  it.each([
    ["", false],
    [", when deletes carry the deleted record", true],
  ])("every list it patches equals a fresh fetch of the model%s", (_, deletesCarryRecord) => {
    const seed = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const name = deletesCarryRecord ? "applyRecordChange property (deletes with their record)" : "applyRecordChange property";
    console.log(`${name}: fast-check seed ${seed} (rerun with FC_SEED=${seed})`);
    fc.assert(
      fc.property(
        sortArb,
        fc.boolean(),
        fc.array(values, { maxLength: 9 }),
        fc.array(commandArb, { maxLength: 25 }),
        (sort, tiesDescending, initial, commands) => run(sort, tiesDescending, initial, commands, deletesCarryRecord),
      ),
      { seed, numRuns: 400 },
    );
  });
});
