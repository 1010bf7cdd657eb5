import { describe, expect, it } from "vitest";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { infiniteListQueryOptions } from "../../../src/core/queries/infiniteListQueryOptions";
import { newClient } from "../../helpers/pocketbase";
import { page, post } from "../../helpers/records";

const rows = (count: number) => Array.from({ length: count }, (_, i) => post(`p${i}`));

describe("infiniteListQueryOptions", () => {
  const { queryKey, initialPageParam, getNextPageParam } = infiniteListQueryOptions(newClient(), "posts", {
    sort: "title",
    perPage: 3,
  });

  it("is cached under pocketbaseKeys.infinite and starts at page 1", () => {
    expect(queryKey).toEqual(pocketbaseKeys.infinite("posts", { sort: "title", perPage: 3 }));
    expect(initialPageParam).toBe(1);
  });

  it("with totals, asks for the next page until the last one", () => {
    expect(getNextPageParam(page(rows(3), 1, 3, 7))).toBe(2);
    expect(getNextPageParam(page(rows(3), 2, 3, 7))).toBe(3);
    expect(getNextPageParam(page(rows(1), 3, 3, 7))).toBeUndefined();
    expect(getNextPageParam(page(rows(3), 2, 3, 6))).toBeUndefined();
    expect(getNextPageParam(page([], 1, 3, 0))).toBeUndefined();
  });

  it("without totals (skipTotal), takes a page shorter than perPage as the last", () => {
    expect(getNextPageParam(page(rows(3), 1, 3, -1))).toBe(2);
    expect(getNextPageParam(page(rows(2), 2, 3, -1))).toBeUndefined();
    // An exact multiple of perPage costs one more request, whose empty page ends the list.
    expect(getNextPageParam(page(rows(3), 2, 3, -1))).toBe(3);
    expect(getNextPageParam(page([], 3, 3, -1))).toBeUndefined();
  });

  it("uses PocketBase's default of 30 per page when perPage is not given", () => {
    const defaults = infiniteListQueryOptions(newClient(), "posts", { skipTotal: true });
    expect(defaults.getNextPageParam(page(rows(29), 1, 30, -1))).toBeUndefined();
    expect(defaults.getNextPageParam(page(rows(30), 1, 30, -1))).toBe(2);
  });
});
