import { describe, expect, it } from "vitest";
import { recordsOf } from "../../../src/core/cache/recordsOf";
import { ids, page, post } from "../../helpers/records";

const [a, b, c] = [post("a"), post("b"), post("c")];
const read = (...args: Parameters<typeof recordsOf>) => ids([...recordsOf(...args)] as { id: string }[]);

describe("recordsOf", () => {
  it("yields a detail's record", () => {
    expect([...recordsOf("detail", a)]).toEqual([a]);
  });

  it("yields the items of a full list, a page and every loaded page of an infinite list, in order", () => {
    expect(read("full", [a, b])).toEqual(["a", "b"]);
    expect(read("page", page([b, c], 2, 2, 4))).toEqual(["b", "c"]);
    const pages = [page([a, b], 1, 2, 3), page([c], 2, 2, 3)];
    expect(read("infinite", { pages, pageParams: [1, 2] })).toEqual(["a", "b", "c"]);
  });

  it.each([
    ["detail", "no data", undefined],
    ["detail", "a string", "a"],
    ["full", "an object", { items: [a] }],
    ["page", "items that are not an array", { items: "a" }],
    ["infinite", "no pages", {}],
    ["infinite", "pages that are not an array", { pages: "x" }],
    ["infinite", "null", null],
  ] as const)("yields nothing for %s data with %s", (kind, _what, data) => {
    expect([...recordsOf(kind, data)]).toEqual([]);
  });

  it("skips the malformed pages of an infinite list and reads the others", () => {
    expect(read("infinite", { pages: [null, { items: "x" }, page([c], 2, 2, 3)] })).toEqual(["c"]);
  });
});
