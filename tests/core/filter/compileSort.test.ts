import { describe, expect, it } from "vitest";
import { compileSort } from "../../../src/core/filter/compileSort";

type Row = Record<string, unknown>;
const sortBy = (sort: string, rows: Row[]) => [...rows].sort(compileSort(sort)!);

// Every expected order below is what PocketBase 0.40.4 returned from getFullList({ sort }) for
// these values (collection with text, number, bool, date, multi select and json fields).
describe("compileSort", () => {
  it("orders text by code point (SQLite BINARY over UTF-8), not by UTF-16 unit", () => {
    const server = ["", " a", "10", "9", "A", "B", "Z", "a", "a\u0000", "a ", "ab", "b", "e", "z", "é"];
    server.push("\uE000", "\uFFFD", "😀");
    const shuffled = [...server].reverse().map((title, i) => ({ id: String(i), title }));
    expect(sortBy("title", shuffled).map((r) => r.title)).toEqual(server);
    expect(sortBy("-title", shuffled).map((r) => r.title)).toEqual([...server].reverse());
    // JS's own `<` would put the emoji (a surrogate pair, 0xD83D…) before U+E000.
    expect("😀" < "\uE000").toBe(true);
  });

  it("orders numbers numerically, booleans as 0/1, and breaks ties with later terms", () => {
    const rows = [
      { id: "1", views: 2, title: "z" },
      { id: "2", views: -1, title: "B" },
      { id: "3", views: 1e9, title: "" },
      { id: "4", views: -0.5, title: "A" },
      { id: "5", views: 2, title: "Z" },
    ];
    expect(sortBy("-views,title", rows).map((r) => r.id)).toEqual(["3", "5", "1", "4", "2"]);
    expect(sortBy("+views,-title", rows).map((r) => r.id)).toEqual(["2", "4", "1", "5", "3"]);
    expect(sortBy("flag,id", [{ id: "a", flag: true }, { id: "b", flag: false }]).map((r) => r.id)).toEqual(["b", "a"]);
  });

  it("sorts dates as text, empty dates first", () => {
    const rows = [
      { id: "1", when: "2024-01-02 00:00:00.001Z" },
      { id: "2", when: "" },
      { id: "3", when: "2024-01-01 00:00:00.010Z" },
    ];
    expect(sortBy("when", rows).map((r) => r.id)).toEqual(["2", "3", "1"]);
  });

  it("sorts multi-value fields by their stored JSON text", () => {
    const server = [["<&>"], ["B"], ["a", "b"], ["a"], ["b", "a"], ["z"], ["é"], ["\uE000"], ["\uFFFD"], ["😀"], []];
    const rows = [...server].reverse().map((tags, i) => ({ id: String(i), tags }));
    expect(sortBy("tags", rows).map((r) => r.tags)).toEqual(server);
  });

  it("puts NULL before numbers before text (json fields, via json_extract), NULL last when descending", () => {
    const values = [null, -3, false, 1, true, 2.5, 10, "", "abc", "x", ["a"]];
    const rows = [...values].reverse().map((data, i) => ({ id: String(i), data }));
    const ascending = sortBy("data", rows).map((r) => r.data);
    expect(ascending).toEqual([null, -3, false, true, 1, 2.5, 10, "", ["a"], "abc", "x"]);
    expect(sortBy("-data", rows).map((r) => r.data).at(-1)).toBeNull();
  });

  it("reports equal sort values as 0: PocketBase adds no tiebreak", () => {
    const compare = compileSort("title")!;
    expect(compare({ id: "a", title: "x" }, { id: "b", title: "x" })).toBe(0);
    expect(compileSort("title,id")!({ id: "a", title: "x" }, { id: "b", title: "x" })).toBeLessThan(0);
  });

  it("compiles the empty sort to a comparator with no fields (table order)", () => {
    for (const sort of [undefined, "", "  "]) {
      const compare = compileSort(sort)!;
      expect(compare.fields).toEqual([]);
      expect(compare({ id: "b" }, { id: "a" })).toBe(0);
    }
  });

  it("returns undefined for anything it cannot reproduce", () => {
    const unknowable = ["author.name", "@random", "@rowid", "title:lower", "lower(title)", "@request.auth.id"];
    for (const sort of [...unknowable, "-", "title,", "--title", "+-title", "a b"]) {
      expect(compileSort(sort), sort).toBeUndefined();
    }
  });

  it("parses like PocketBase: trims items, `+` is ascending, and memoises per sort string", () => {
    expect(compileSort(" -created , +title ")!.fields).toEqual(["created", "title"]);
    expect(compileSort("-created,title")).toBe(compileSort("-created,title"));
  });

  it("accepts only records whose sort values have a known stored form", () => {
    const compare = compileSort("data")!;
    expect(compare.accepts({ data: null })).toBe(true);
    expect(compare.accepts({ data: ["a", "b"] })).toBe(true);
    expect(compare.accepts({})).toBe(false); // missing (projected away, or not yet set)
    expect(compare.accepts({ data: { a: 1 } })).toBe(false); // object key order unknown
    expect(compare.accepts({ data: [1, 2] })).toBe(false); // Go and JS format numbers differently
    expect(compare.accepts({ data: ["a\nb"] })).toBe(false); // escaped differently
    expect(compare.accepts({ data: "\uD800" })).toBe(false); // lone surrogate: stored as U+FFFD
    expect(compare.accepts({ data: Number.NaN })).toBe(false);
  });
});
