import { describe, expect, it } from "vitest";
import { applyModifiers } from "../../../src/core/mutations/applyModifiers";
import { freshCollection, seed, superuserClient } from "../../helpers/pocketbase";

describe("applyModifiers", () => {
  it("merges plain fields into a new object and lists them", () => {
    const current = { id: "a", title: "old", views: 1 };
    const result = applyModifiers(current, { title: "new" });
    expect(result).toEqual({ record: { id: "a", title: "new", views: 1 }, written: ["title"] });
    expect(current.title).toBe("old");
  });

  it("adds and subtracts numbers; missing or empty counts as 0, and may go below zero", () => {
    expect(applyModifiers({ count: 2 }, { "count+": 3 }).record.count).toBe(5);
    expect(applyModifiers({ count: 2 }, { "count-": 5 }).record.count).toBe(-3);
    expect(applyModifiers({}, { "count+": 4 })).toEqual({ record: { count: 4 }, written: ["count"] });
    expect(applyModifiers({ count: "" }, { "count-": 1 }).record.count).toBe(-1);
    expect(applyModifiers(undefined, { "count-": 2 }).record.count).toBe(-2);
    expect(applyModifiers({ count: 1 }, { "count+": "2.5" }).record.count).toBe(3.5); // cast like the server
    expect(applyModifiers({ count: 1 }, { "count+": "abc" }).record.count).toBe(1); // cast failure = 0
  });

  it("appends, prepends and removes on multi-value fields with PocketBase's uniqueness", () => {
    expect(applyModifiers({ tags: ["a", "b"] }, { "tags+": ["b", "c", "c", ""] }).record.tags).toEqual(["a", "b", "c"]);
    expect(applyModifiers({ tags: ["a", "b"] }, { "tags+": "a" }).record.tags).toEqual(["a", "b"]);
    // Prepending a present value moves it to the front (unique keeps the first occurrence).
    expect(applyModifiers({ tags: ["a", "b"] }, { "+tags": "b" }).record.tags).toEqual(["b", "a"]);
    expect(applyModifiers({ tags: ["a", "b", "a"] }, { "tags-": "a" }).record.tags).toEqual(["b"]);
    expect(applyModifiers({ tags: ["a"] }, { "tags-": ["a", "zz"] }).record.tags).toEqual([]);
    expect(applyModifiers({}, { "tags+": ["x"] }).record.tags).toEqual(["x"]);
    expect(applyModifiers({ tags: [] }, { "tags+": '["x","y"]' }).record.tags).toEqual(["x", "y"]);
  });

  it("applies plain keys before modifiers, as the server does (shorter keys first)", () => {
    const result = applyModifiers({ tags: ["old"], count: 9 }, { "tags+": "b", tags: ["a"], "count-": 1, count: 5 });
    expect(result.record).toEqual({ tags: ["a", "b"], count: 4 });
    expect(result.written).toEqual(["tags", "count"]);
  });

  it("copies what it cannot interpret as-is", () => {
    // A modifier on a text or single-value field (ambiguous without the schema), a prepend on a
    // number, file uploads and other non-string items, and keys that are not modifiers.
    const file = new Blob(["x"]);
    const result = applyModifiers(
      { title: "t", count: 1, docs: ["a.png"] },
      { "title+": "x", "+count": 1, "docs+": [file], "+both+": 1, "a.b": 2 },
    );
    expect(result.record).toEqual({
      title: "t",
      count: 1,
      docs: ["a.png"],
      "title+": "x",
      "+count": 1,
      "docs+": [file],
      "+both+": 1,
      "a.b": 2,
    });
    expect(result.written).toEqual(["a.b", "docs+", "title+", "+count", "+both+"]);
  });

  it("casts operands the way the server does: booleans count 1/0, blanks and null count 0 or add nothing", async () => {
    const collection = await freshCollection();
    const pb = await superuserClient();
    const cases: Record<string, unknown>[] = [
      { "views+": true },
      { "views-": false },
      { "views+": "  " },
      { "views+": null },
      { "views-": "3" },
      { "tags+": null },
      { "tags-": ["red", ""] },
      { "+tags": ["green", "blue"] },
    ];
    for (const data of cases) {
      const [stored] = await seed<{ id: string }>(collection, [{ title: "t", views: 1, tags: ["blue", "red"] }]);
      const expected = await pb.collection(collection).update(stored!.id, data);
      const { record, written } = applyModifiers(stored, data);
      for (const field of written) expect(record[field], JSON.stringify(data)).toEqual(expected[field]);
    }
    // Not JSON, so one value, as the server reads it.
    expect(applyModifiers({ tags: [] }, { "tags+": "[x" }).record.tags).toEqual(["[x"]);
  });
});
