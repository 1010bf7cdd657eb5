import type { InfiniteData } from "@tanstack/solid-query";
import type { ListResult } from "pocketbase";
import { describe, expect, it } from "vitest";
import { fromWindow } from "../../../src/core/cache/fromWindow";
import { ids, page, post, type Post } from "../../helpers/records";

const rows = (...names: string[]) => names.map((name) => post(name));
type Infinite = InfiniteData<ListResult<Post>, number>;
const infinite = (groups: string[][], perPage: number, totalItems: number): Infinite => {
  const pages = groups.map((group, index) => page(rows(...group), index + 1, perPage, totalItems));
  return { pages, pageParams: pages.map((p) => p.page) };
};
const shape = (data: unknown) => {
  const { pages, pageParams } = data as Infinite;
  return { pages: pages.map((p) => [p.page, ids(p.items), p.totalItems, p.totalPages]), pageParams };
};

describe("fromWindow", () => {
  it("returns a full list's items as the new data", () => {
    const items = rows("a");
    expect(fromWindow("full", rows("a", "b"), { items, delta: -1, guessed: false })).toBe(items);
  });

  it("makes a page's totals follow the count, keeping the rest of the page", () => {
    const data = page(rows("a", "b", "c"), 1, 3, 6);
    expect(fromWindow("page", data, { items: rows("n", "a", "b"), delta: 1, guessed: false })).toEqual({
      ...page(rows("n", "a", "b"), 1, 3, 7),
      totalPages: 3,
    });
    expect(fromWindow("page", page(rows("a", "b", "c"), 1, 3, 4), { items: rows("a", "b"), delta: -1, guessed: false })).toMatchObject({
      totalItems: 3,
      totalPages: 1,
    });
  });

  it("keeps -1 totals with skipTotal", () => {
    const next = fromWindow("page", page(rows("a"), 1, 3, -1), { items: rows("a", "b"), delta: 1, guessed: false });
    expect(next).toMatchObject({ totalItems: -1, totalPages: -1 });
  });

  it("re-chunks an infinite list so every loaded page keeps its size", () => {
    const data = infinite([["a", "c"], ["e", "g"], ["i"]], 2, 5);
    const next = fromWindow("infinite", data, { items: rows("a", "b", "c", "e", "g", "i"), delta: 1, guessed: false });
    expect(shape(next)).toEqual({
      pages: [
        [1, ["a", "b"], 6, 3],
        [2, ["c", "e"], 6, 3],
        [3, ["g", "i"], 6, 3],
      ],
      pageParams: [1, 2, 3],
    });
  });

  it("takes the totals of the last (freshest) page for every page", () => {
    const data = infinite([["a", "b"], ["c"]], 2, 9);
    data.pages[1] = { ...data.pages[1]!, totalItems: 3, totalPages: 2 };
    const next = fromWindow("infinite", data, { items: rows("a", "b", "c"), delta: 0, guessed: false });
    expect(shape(next).pages.map(([, , totalItems]) => totalItems)).toEqual([3, 3]);
  });

  it("drops a trailing page that a refetch would no longer load", () => {
    const next = fromWindow("infinite", infinite([["a", "c"], ["e"]], 2, 3), { items: rows("a", "c"), delta: -1, guessed: false });
    expect(shape(next)).toEqual({ pages: [[1, ["a", "c"], 2, 1]], pageParams: [1] });
  });

  it("with skipTotal keeps loading pages while the last one is full, as a refetch would", () => {
    const data = infinite([["a", "b"], ["c"]], 2, -1);
    const next = fromWindow("infinite", data, { items: rows("a", "b"), delta: -1, guessed: false });
    expect(shape(next)).toEqual({
      pages: [
        [1, ["a", "b"], -1, -1],
        [2, [], -1, -1],
      ],
      pageParams: [1, 2],
    });
    const shorter = fromWindow("infinite", data, { items: rows("a"), delta: -1, guessed: false });
    expect(shape(shorter)).toEqual({ pages: [[1, ["a"], -1, -1]], pageParams: [1] });
  });

  it("grows a page for an infinite list loaded to its end", () => {
    const data = infinite([["a", "b"], ["c", "d"]], 2, 4);
    const next = fromWindow("infinite", data, { items: rows("a", "b", "c", "d", "e"), delta: 1, guessed: false });
    expect(shape(next)).toEqual({
      pages: [
        [1, ["a", "b"], 5, 3],
        [2, ["c", "d"], 5, 3],
        [3, ["e"], 5, 3],
      ],
      pageParams: [1, 2, 3],
    });
  });

  it("never mutates the cached data", () => {
    const data = infinite([["a", "c"], ["e"]], 2, 3);
    const before = structuredClone(data);
    fromWindow("infinite", data, { items: rows("a", "b", "c", "e"), delta: 1, guessed: false });
    fromWindow("page", data.pages[0], { items: rows("a"), delta: -1, guessed: false });
    expect(data).toEqual(before);
  });
});
