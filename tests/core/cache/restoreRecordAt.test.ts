import type { InfiniteData } from "@tanstack/solid-query";
import type { ListResult } from "pocketbase";
import { describe, expect, it } from "vitest";
import { restoreRecordAt } from "../../../src/core/cache/restoreRecordAt";
import { ids, page, post } from "../../helpers/records";

const [a, b, c, d] = [post("a"), post("b"), post("c"), post("d")];

describe("restoreRecordAt", () => {
  it("puts a record back at its index, whatever the sort", () => {
    expect(ids(restoreRecordAt("full", [a, c], b, 1) as typeof a[])).toEqual(["a", "b", "c"]);
    // Not in title order: the index alone decides (a list without a sort, or with ties).
    expect(ids(restoreRecordAt("full", [c, a], b, 0) as typeof a[])).toEqual(["b", "c", "a"]);
  });

  it("clamps an index past the end of the window", () => {
    expect(ids(restoreRecordAt("full", [a], b, 5) as typeof a[])).toEqual(["a", "b"]);
  });

  it("counts the record back into a page's totals", () => {
    const next = restoreRecordAt("page", page([a, c], 1, 3, 2), b, 1) as ListResult<typeof a>;
    expect(ids(next.items)).toEqual(["a", "b", "c"]);
    expect(next).toMatchObject({ totalItems: 3, totalPages: 1 });
  });

  it("pushes the last record of a full window out to the next page", () => {
    const next = restoreRecordAt("page", page([a, c, d], 1, 3, 5), b, 1) as ListResult<typeof a>;
    expect(ids(next.items)).toEqual(["a", "b", "c"]);
    expect(next).toMatchObject({ totalItems: 6, totalPages: 2 });
  });

  it("restores into the loaded pages of an infinite list", () => {
    const pages = [page([a, c], 1, 2, 3), page([d], 2, 2, 3)];
    const next = restoreRecordAt("infinite", { pages, pageParams: [1, 2] }, b, 1) as InfiniteData<ListResult<typeof a>>;
    expect(next.pages.map((p) => ids(p.items))).toEqual([["a", "b"], ["c", "d"]]);
  });

  it("gives undefined when the list already holds the record, or is not a list", () => {
    expect(restoreRecordAt("full", [a, b], b, 0)).toBeUndefined();
    expect(restoreRecordAt("page", { items: "nope" }, b, 0)).toBeUndefined();
  });
});
