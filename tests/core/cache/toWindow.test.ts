import { describe, expect, it } from "vitest";
import { toWindow } from "../../../src/core/cache/toWindow";
import { page, post } from "../../helpers/records";

const [a, b, c, d, e] = [post("a"), post("b"), post("c"), post("d"), post("e")];
const infinite = (...pages: ReturnType<typeof page>[]) => ({ pages, pageParams: pages.map((p) => p.page) });

describe("toWindow", () => {
  it("reads a full list as the whole ordering", () => {
    expect(toWindow("full", [a, b])).toEqual({ items: [a, b], offset: 0, atEnd: true, capacity: Infinity });
  });

  it("reads a page as a slice at its offset, ending where the total says", () => {
    expect(toWindow("page", page([c, d], 2, 2, 5))).toEqual({ items: [c, d], offset: 2, atEnd: false, capacity: 2 });
    expect(toWindow("page", page([e], 3, 2, 5))).toEqual({ items: [e], offset: 4, atEnd: true, capacity: 2 });
    // A full last page: the count, not the page's length, says it is the end.
    expect(toWindow("page", page([c, d], 2, 2, 4))?.atEnd).toBe(true);
  });

  it("with skipTotal (-1) takes only a short page for the end", () => {
    expect(toWindow("page", page([a, b], 1, 2, -1))?.atEnd).toBe(false);
    expect(toWindow("page", page([a], 1, 2, -1))?.atEnd).toBe(true);
    expect(toWindow("infinite", infinite(page([a, b], 1, 2, -1), page([c, d], 2, 2, -1)))?.atEnd).toBe(false);
    expect(toWindow("infinite", infinite(page([a, b], 1, 2, -1), page([c], 2, 2, -1)))?.atEnd).toBe(true);
  });

  it("reads the loaded pages of an infinite list as a prefix of the ordering", () => {
    const data = infinite(page([a, b], 1, 2, 5), page([c, d], 2, 2, 5));
    expect(toWindow("infinite", data)).toEqual({ items: [a, b, c, d], offset: 0, atEnd: false, capacity: 4 });
  });

  it("gives an infinite list loaded to its end room to grow", () => {
    const data = infinite(page([a, b], 1, 2, 3), page([c], 2, 2, 3));
    expect(toWindow("infinite", data)).toEqual({ items: [a, b, c], offset: 0, atEnd: true, capacity: Infinity });
  });

  // Only pages 1..k of one size, all but the last full, are a prefix that can be re-chunked.
  it.each([
    ["not starting at page 1", infinite(page([c, d], 2, 2, 5), page([e], 3, 2, 5))],
    ["with a gap", infinite(page([a, b], 1, 2, 5), page([c, d], 3, 2, 5))],
    ["of two sizes", infinite(page([a, b], 1, 3, 5), page([c], 2, 2, 5))],
    ["with a short page before the last", infinite(page([a], 1, 2, 5), page([b, c], 2, 2, 5))],
    ["that are none", { pages: [], pageParams: [] }],
  ])("refuses infinite pages %s", (_what, data) => {
    expect(toWindow("infinite", data)).toBeUndefined();
  });

  it.each([
    ["full", "not an array", { items: [a] }],
    ["page", "null", null],
    ["page", "items that are not an array", { ...page([a], 1, 2, 1), items: "a" }],
    ["page", "page 0", page([a], 0, 2, 1)],
    ["page", "perPage 0", page([], 1, 0, 0)],
    ["page", "more items than perPage", page([a, b, c], 1, 2, 3)],
    ["page", "no totalItems", { page: 1, perPage: 2, totalPages: 1, items: [a] }],
    ["page", "a fractional page", page([a], 1.5, 2, 1)],
    ["infinite", "no pages", { pageParams: [] }],
    ["infinite", "a malformed page", infinite(page([a, b], 1, 2, 3), { ...page([c], 2, 2, 3), totalPages: "1" } as never)],
  ] as const)("gives undefined for %s data with %s", (kind, _what, data) => {
    expect(toWindow(kind, data)).toBeUndefined();
  });
});
