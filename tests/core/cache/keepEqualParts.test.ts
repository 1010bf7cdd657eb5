import { describe, expect, it } from "vitest";
import { keepEqualParts } from "../../../src/core/cache/keepEqualParts";
import { page, post } from "../../helpers/records";

describe("keepEqualParts", () => {
  it("returns the previous data itself when the next one deep-equals it", () => {
    const previous = page([post("a"), post("b")], 1, 30, 2);
    expect(keepEqualParts(previous, page([post("a"), post("b")], 1, 30, 2))).toBe(previous);
    expect(keepEqualParts([1, "x", null], [1, "x", null])).toEqual([1, "x", null]);
  });

  it("keeps the unchanged rows of a refetched page as the previous objects", () => {
    const previous = page([post("a"), post("b"), post("c")], 1, 30, 3);
    const next = keepEqualParts(previous, page([post("a"), post("b", { title: "new" }), post("c")], 1, 30, 3));
    expect(next).not.toBe(previous);
    expect(next.items).not.toBe(previous.items);
    expect(next.items[0]).toBe(previous.items[0]);
    expect(next.items[1]).not.toBe(previous.items[1]);
    expect(next.items[1]?.title).toBe("new");
    expect(next.items[2]).toBe(previous.items[2]);
  });

  it("sees added, removed and reordered rows and keys as changes", () => {
    const [a, b] = [post("a"), post("b")];
    const longer = keepEqualParts([a], [post("a"), post("b")]);
    expect(longer).toEqual([a, b]);
    expect(longer[0]).toBe(a);
    expect(keepEqualParts([a, b], [post("a")])).toEqual([a]);
    const swapped = keepEqualParts([a, b], [post("b"), post("a")]);
    expect(swapped).toEqual([b, a]);
    expect(swapped[0]).not.toBe(b); // compared by position, as the list's order changed
    const extraKey = keepEqualParts({ id: "a" }, { id: "a", title: undefined });
    expect(extraKey).toEqual({ id: "a", title: undefined });
    expect(Object.keys(extraKey)).toEqual(["id", "title"]);
    expect(keepEqualParts({ id: "a", title: "t" }, { id: "a" })).toEqual({ id: "a" });
    expect(Object.keys(keepEqualParts({ a: undefined }, { b: undefined }))).toEqual(["b"]);
  });

  it("takes what is not a plain object or array from the next data", () => {
    const date = new Date(0);
    expect(keepEqualParts(new Date(0), date)).toBe(date);
    expect(keepEqualParts({ at: new Date(0) }, { at: date }).at).toBe(date);
    expect(keepEqualParts([1], { 0: 1 })).toEqual({ 0: 1 });
    expect(keepEqualParts(undefined, "x")).toBe("x");
  });
});
