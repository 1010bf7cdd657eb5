import { beforeAll, describe, expect, it } from "vitest";
import { compileFilter } from "../../../src/core/filter/compileFilter";
import { caseFields, caseRecords, caseTypes, filterCases } from "../../helpers/filterCases";
import { superuserClient, uniqueScope } from "../../helpers/pocketbase";

// Pins the table in tests/helpers/filterCases.ts to the real server: for every filter, the
// records PocketBase returns are exactly the ones the table says (and compileFilter decides the
// same in tests/core/filter/compileFilter.test.ts).
let collection: string;
const byKey = (a: string, b: string) => Number(a.slice(1)) - Number(b.slice(1));

async function serverKeys(filter: string): Promise<string[]> {
  const client = await superuserClient();
  const rows = await client.collection(collection).getFullList<{ k: string }>({ filter, requestKey: null });
  return rows.map((row) => row.k).sort(byKey);
}

beforeAll(async () => {
  const client = await superuserClient();
  collection = uniqueScope("filter_cases").replace(/-/g, "_");
  await client.collections.create({ name: collection, type: "base", listRule: "", viewRule: "", fields: caseFields });
  await Promise.all(Object.values(caseRecords).map((record) => client.collection(collection).create(record)));
  // The records come back exactly as the table spells them (json, dates, -0, 1e20…).
  const stored = await client.collection(collection).getFullList({ requestKey: null });
  for (const row of stored) {
    const expected = caseRecords[row.k as string]!;
    for (const [field, value] of Object.entries(expected)) expect(row[field], `${row.k}.${field}`).toEqual(value);
  }
});

describe("PocketBase's filter semantics (pinned)", () => {
  it("answers every case in the table as written", async () => {
    const answers = await Promise.all(filterCases.map(({ filter }) => serverKeys(filter)));
    const mismatches = filterCases.flatMap(({ filter, matches }, i) =>
      JSON.stringify(answers[i]) === JSON.stringify(matches) ? [] : [{ filter, server: answers[i], table: matches }],
    );
    expect(mismatches).toEqual([]);
  });

  it("answers 400 to the invalid filters compileFilter refuses", async () => {
    const client = await superuserClient();
    const invalid = ["t = 1\r", "collectionName = 'x'", "t:foo = 1", "t:lower:each = 'a'", "t = 1 &&", "()", "1e2 = 1"];
    for (const filter of invalid) {
      expect(compileFilter(filter), filter).toBeUndefined();
      const request = client.collection(collection).getFullList({ filter, requestKey: null });
      await expect(request, filter).rejects.toMatchObject({ status: 400 });
    }
  });

  it("decides the evaluator's rarer SQL paths like the server", async () => {
    // Filter → records the predicate leaves open even with the field types.
    const rarer: Record<string, string[]> = {
      '"a" = m:each': [], // an :each on the right: NOT EXISTS over every value
      '"a" != m:each': [],
      "n <= 1": [],
      'null != "x"': [], // '' IS NOT 'x'
      '"x" = null': [],
      "t ~ j": ["r4", "r7"], // '%' || j || '%': NULL for null, unknown spelling for arrays and objects
      "u !~ t": [],
      "j:lower = null": [],
    };
    const filters = Object.keys(rarer);
    const answers = await Promise.all(filters.map(serverKeys));
    filters.forEach((filter, i) => {
      const predicate = compileFilter(filter)!;
      const records = Object.values(caseRecords);
      const undecided = records.filter((record) => predicate(record, caseTypes) === undefined).map((r) => r.k);
      const local = records.filter((record) => predicate(record, caseTypes)).map((r) => r.k);
      const server = answers[i]!.filter((k) => !undecided.includes(k));
      expect(undecided, filter).toEqual(rarer[filter]);
      expect(local, filter).toEqual(server);
    });
  });

  it("decides pb.filter() strings with quotes, backslashes and unicode in parameters like the server", async () => {
    const client = await superuserClient();
    const texts = [`it's "q"`, "x\ny", "a\\b", "école", "ÉCOLE", "50%", "5_0", "😀 'mixed' \"quotes\""];
    const filters = texts.flatMap((text) => [
      client.filter("t = {:text}", { text }),
      client.filter("t ~ {:text}", { text }),
      client.filter("u != {:text} && t !~ {:text}", { text }),
    ]);
    const answers = await Promise.all(filters.map(serverKeys));
    filters.forEach((filter, i) => {
      const predicate = compileFilter(filter)!;
      const local = Object.values(caseRecords)
        .filter((record) => predicate(record, caseTypes))
        .map((record) => record.k);
      expect(local, filter).toEqual(answers[i]);
    });
  });
});
