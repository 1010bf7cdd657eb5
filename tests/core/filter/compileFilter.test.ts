import PocketBase from "pocketbase";
import { describe, expect, it } from "vitest";
import { compileFilter } from "../../../src/core/filter/compileFilter";
import { caseRecords, caseTypes, filterCases } from "../../helpers/filterCases";

const records = Object.values(caseRecords);
const decide = (filter: string, record: Record<string, unknown>, types?: Record<string, string>) =>
  compileFilter(filter)!(record, types);

// The table's answers are PocketBase 0.40.4's (tests/core/filter/compileFilter.semantics.test.ts).
describe("compileFilter against the pinned cases", () => {
  it.each(filterCases)("$filter", ({ filter, matches, undecided = [] }) => {
    const predicate = compileFilter(filter);
    expect(predicate).toBeDefined();
    for (const record of records) {
      const expected = undecided.includes(record.k) ? undefined : matches.includes(record.k);
      expect(predicate!(record, caseTypes), `${record.k} with field types`).toBe(expected);
      // Without types the predicate may abstain, but never contradict the server.
      const untyped = predicate!(record);
      if (untyped !== undefined) expect(untyped, `${record.k} without field types`).toBe(matches.includes(record.k));
    }
  });
});

describe("compileFilter without field types", () => {
  it("decides what every field type a JSON value may come from agrees on", () => {
    expect(decide('status = "draft"', { status: "draft" })).toBe(true);
    expect(decide("views > 5 && published = true", { views: 7, published: true })).toBe(true);
    expect(decide('created >= "2024-01-01"', { created: "2023-12-31 23:59:59.999Z" })).toBe(false);
    expect(decide('tags:each ?= "green"', { tags: ["red"] })).toBe(false); // false for json too
    expect(decide("data = null", { data: null })).toBe(true); // only a json field holds null
  });

  it("abstains where a text field and a json field holding the same value differ", () => {
    expect(decide("title = null", { title: "" })).toBeUndefined(); // text: '' is null-ish; json "": not
    expect(decide("title = null", { title: "x" })).toBe(false);
    expect(decide('views = "5"', { views: 5 })).toBeUndefined(); // number column converts '5'; json not
    expect(decide("title = 5", { title: "5.0" })).toBeUndefined(); // text column makes 5 '5.0'; json not
    expect(decide('tags:each ?= "red"', { tags: ["red"] })).toBeUndefined(); // json ignores :each
    expect(decide('tags ~ "red"', { tags: ["red"] })).toBeUndefined(); // json text spelling unknown
    expect(decide('tags:each ?= "red"', { tags: ["red"] }, { tags: "select" })).toBe(true);
  });

  it("abstains for missing fields, objects, and email on auth collections unless it is visible", () => {
    expect(decide('title = "a"', { id: "x" })).toBeUndefined(); // hidden or projected away
    expect(decide("title = 'a' || views > 1", { views: 2 })).toBe(true); // …unless the rest decides
    expect(decide("geo = null", { geo: { lon: 0, lat: 0 } })).toBeUndefined(); // json or geoPoint
    const user = { email: "a@example.com", emailVisibility: false };
    expect(decide('email = "a@example.com"', user)).toBeUndefined();
    expect(decide('email = "a@example.com"', { ...user, emailVisibility: true })).toBe(true);
    expect(decide('email = "a@example.com"', { email: "a@example.com" }, { email: "email" })).toBe(true);
  });

  it("settles a field mentioned twice in compensating ways", () => {
    // Each condition alone depends on whether title is a text or a json field; together they hold for both.
    expect(decide("title = null || title != null", { title: "" })).toBe(true);
  });

  it("reads null, true and false as fields when the record has such a field", () => {
    expect(decide("true = 1", {})).toBe(true);
    expect(decide("true = 1", { true: "no" })).toBe(false);
  });
});

describe("compileFilter abstains rather than guess", () => {
  it("abstains where SQLite would read the text differently", () => {
    const types = { title: "text", body: "text", tags: "select" };
    // Go stores a lone surrogate as U+FFFD.
    expect(decide('title = "\uFFFD"', { title: "\uD800" }, types)).toBeUndefined();
    expect(decide('tags:each ?= "\uFFFD"', { tags: ["\uD800"] }, types)).toBeUndefined();
    // LIKE reads C strings: SQLite stops at the NUL.
    expect(decide('title ~ "b"', { title: "a\u0000b" }, types)).toBeUndefined();
    // A LIKE pattern over 50000 bytes is an SQLite error.
    expect(decide("title ~ body", { title: "x", body: "y".repeat(50_001) }, types)).toBeUndefined();
  });

  it("abstains on values their declared type cannot hold, and on non-finite numbers", () => {
    expect(decide('title = "5"', { title: 5 }, { title: "text" })).toBeUndefined();
    expect(decide("views = 5", { views: "5" }, { views: "number" })).toBeUndefined();
    expect(decide("views > 1", { views: Infinity }, { views: "number" })).toBeUndefined();
    expect(decide("views > 1", { views: Infinity })).toBeUndefined();
    expect(decide("published = true", { published: 1 }, { published: "bool" })).toBeUndefined();
    expect(decide('tags ?= "1"', { tags: [1] }, { tags: "select" })).toBeUndefined();
    expect(decide("geo = null", { geo: "x" }, { geo: "geoPoint" })).toBeUndefined();
    // Without types, an array of numbers can only be a json field, where :each is ignored.
    expect(decide('tags:each ?= "1"', { tags: [1] })).toBe(false);
  });

  it("bounds the work per record: abstains past 1024 json_each rows or 32 field-type combinations", () => {
    const types = { a: "select", b: "select", c: "select" };
    const values = Array.from({ length: 11 }, (_, i) => `v${i}`); // 11 * 11 * 11 = 1331 joined rows
    const record = { a: values, b: values, c: values };
    expect(decide('a:each ?= "v1" && b:each ?= "v2" && c:each ?= "v3"', record, types)).toBeUndefined();
    expect(decide('a:each ?= "v1" && b:each ?= "v2"', record, types)).toBe(true);
    const names = ["a", "b", "c", "d", "e", "f"]; // 2^6 = 64 text-or-json combinations
    const tautology = names.map((name) => `(${name} = null || ${name} != null)`).join(" && ");
    const blanks = Object.fromEntries(names.map((name) => [name, ""]));
    expect(decide(tautology, blanks)).toBeUndefined();
    expect(decide(tautology.split(" && ").slice(0, 5).join(" && "), blanks)).toBe(true);
  });
});

describe("compileFilter and pb.filter()", () => {
  const pb = new PocketBase("http://127.0.0.1:1");

  it.each([`it's "quoted"`, "back\\slash", "new\nline", "tab\there", "é😀 ünïcode", "%_", "{:x}"])(
    "matches a record holding the bound text %j",
    (text) => {
      const filter = pb.filter("title = {:text} && title ~ {:text}", { text });
      expect(decide(filter, { title: text }, { title: "text" })).toBe(true);
      expect(decide(filter, { title: `${text}!` }, { title: "text" })).toBe(false);
    },
  );

  it("binds numbers, booleans, null and dates as PocketBase literals", () => {
    const record = { views: 2.5, published: true, publishedAt: "2024-01-02 03:04:05.678Z", body: "" };
    const filter = pb.filter("views = {:views} && published = {:yes} && body = {:none} && publishedAt = {:at}", {
      views: 2.5,
      yes: true,
      none: null,
      at: new Date("2024-01-02T03:04:05.678Z"),
    });
    const types = { views: "number", published: "bool", body: "text", publishedAt: "date" };
    expect(decide(filter, record, types)).toBe(true);
  });
});
