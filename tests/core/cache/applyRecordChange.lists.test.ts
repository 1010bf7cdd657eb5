import { type InfiniteData, QueryClient } from "@tanstack/solid-query";
import type { ListResult } from "pocketbase";
import { describe, expect, it, vi } from "vitest";
import { applyRecordChange } from "../../../src/core/cache/applyRecordChange";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { at, ids, page, post, type Post } from "../../helpers/records";

const C = "posts";

describe("applyRecordChange: full lists", () => {
  it.each([
    ["top", at(9), ["new", "c", "b", "a"]],
    ["middle", at(5), ["c", "new", "b", "a"]],
    ["end", at(1), ["c", "b", "a", "new"]],
  ])("inserts a create at the %s for -created", (_where, created, expected) => {
    const client = new QueryClient();
    const key = pocketbaseKeys.fullList<Post>(C, { sort: "-created" });
    client.setQueryData(key, [
      post("c", { created: at(6) }),
      post("b", { created: at(4) }),
      post("a", { created: at(2) }),
    ]);
    const result = applyRecordChange(client, C, { type: "create", record: post("new", { created }) });
    expect(ids(client.getQueryData(key))).toEqual(expected);
    expect(result).toEqual({ patched: [key], undecided: [] });
  });

  it("inserts by title and by -views,title", () => {
    const client = new QueryClient();
    const byTitle = pocketbaseKeys.fullList<Post>(C, { sort: "title" });
    const byViews = pocketbaseKeys.fullList<Post>(C, { sort: "-views,title" });
    client.setQueryData(byTitle, [post("a", { title: "Apple" }), post("c", { title: "Cherry" })]);
    client.setQueryData(byViews, [
      post("x", { views: 9 }),
      post("y", { views: 5, title: "B" }),
      post("z", { views: 5, title: "D" }),
    ]);
    applyRecordChange(client, C, { type: "create", record: post("n", { title: "C", views: 5 }) });
    expect(ids(client.getQueryData(byTitle))).toEqual(["a", "n", "c"]);
    expect(ids(client.getQueryData(byViews))).toEqual(["x", "y", "n", "z"]);
  });

  it("moves a record whose sort value changed, and replaces in place when it did not", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.fullList<Post>(C, { sort: "-views" });
    client.setQueryData(key, [post("a", { views: 3 }), post("b", { views: 2 }), post("c", { views: 1 })]);
    applyRecordChange(client, C, { type: "update", record: post("c", { views: 5, updated: at(1) }) });
    expect(ids(client.getQueryData(key))).toEqual(["c", "a", "b"]);
    applyRecordChange(client, C, { type: "update", record: post("a", { views: 3, title: "renamed", updated: at(2) }) });
    expect(client.getQueryData(key)?.[1]).toMatchObject({ id: "a", title: "renamed" });
  });

  it("removes a deleted record", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.fullList<Post>(C);
    client.setQueryData(key, [post("a"), post("b")]);
    expect(applyRecordChange(client, C, { type: "delete", id: "a" })).toEqual({ patched: [key], undecided: [] });
    expect(ids(client.getQueryData(key))).toEqual(["b"]);
  });

  it("appends creates to an unsorted list (table order); inserts an unseen updated record only if placeable", () => {
    const client = new QueryClient();
    const unsorted = pocketbaseKeys.fullList<Post>(C);
    const sorted = pocketbaseKeys.fullList<Post>(C, { sort: "title" });
    client.setQueryData(unsorted, [post("b"), post("a")]);
    client.setQueryData(sorted, [post("a"), post("b")]);
    applyRecordChange(client, C, { type: "create", record: post("0") });
    expect(ids(client.getQueryData(unsorted))).toEqual(["b", "a", "0"]);
    // An update of a record the complete list lacks: its title places it, its rowid is unknown.
    const result = applyRecordChange(client, C, { type: "update", record: post("ab") });
    expect(ids(client.getQueryData(sorted))).toEqual(["0", "a", "ab", "b"]);
    expect(result.undecided).toEqual([unsorted]);
  });

  it("treats a place among equal sort values as undecidable, except a record that keeps its values", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.fullList<Post>(C, { sort: "title" });
    client.setQueryData(key, [post("a", { title: "same" }), post("b", { title: "same" }), post("c", { title: "z" })]);
    // PocketBase adds no tiebreak: SQLite returns equals by rowid, ascending or descending
    // depending on the index it walks. The new record is shown after its equals, then refetched.
    const created = applyRecordChange(client, C, { type: "create", record: post("n", { title: "same" }) });
    expect(ids(client.getQueryData(key))).toEqual(["a", "b", "n", "c"]);
    expect(created).toEqual({ patched: [key], undecided: [key] });
    const record = post("a", { title: "same", views: 4, updated: at(1) });
    const kept = applyRecordChange(client, C, { type: "update", record });
    expect(ids(client.getQueryData(key))).toEqual(["a", "b", "n", "c"]);
    expect(kept).toEqual({ patched: [key], undecided: [] });
  });
});

describe("applyRecordChange: pages", () => {
  const items = (...names: string[]) => names.map((name) => post(name, { title: name }));

  it("inserts into a full first page, drops the overflowing last item and fixes the totals", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.list<Post>(C, { sort: "title", perPage: 3 });
    client.setQueryData(key, page(items("b", "d", "f"), 1, 3, 6));
    const result = applyRecordChange(client, C, { type: "create", record: post("a", { title: "a" }) });
    expect(client.getQueryData(key)).toMatchObject({ page: 1, perPage: 3, totalItems: 7, totalPages: 3 });
    expect(ids(client.getQueryData(key)?.items)).toEqual(["a", "b", "d"]);
    expect(result).toEqual({ patched: [key], undecided: [] });
  });

  it("leaves the items of a page as they are when a create lands after it, and counts it", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.list<Post>(C, { sort: "title", perPage: 3 });
    client.setQueryData(key, page(items("b", "d", "f"), 1, 3, 6));
    applyRecordChange(client, C, { type: "create", record: post("z", { title: "z" }) });
    expect(ids(client.getQueryData(key)?.items)).toEqual(["b", "d", "f"]);
    expect(client.getQueryData(key)).toMatchObject({ totalItems: 7, totalPages: 3 });
  });

  it("grows the last page and keeps -1 totals with skipTotal", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.list<Post>(C, { sort: "title", perPage: 3, skipTotal: true });
    client.setQueryData(key, page(items("b", "d"), 1, 3, -1));
    applyRecordChange(client, C, { type: "create", record: post("c", { title: "c" }) });
    expect(client.getQueryData(key)).toMatchObject({ totalItems: -1, totalPages: -1 });
    expect(ids(client.getQueryData(key)?.items)).toEqual(["b", "c", "d"]);
  });

  it("makes no setQueryData call for a create after a skipTotal page (nothing to count)", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.list<Post>(C, { sort: "title", perPage: 3, skipTotal: true });
    client.setQueryData(key, page(items("b", "d", "f"), 1, 3, -1));
    const spy = vi.spyOn(client, "setQueryData");
    expect(applyRecordChange(client, C, { type: "create", record: post("z", { title: "z" }) })).toEqual({
      patched: [],
      undecided: [],
    });
    expect(spy).not.toHaveBeenCalled();
  });

  it("page 2 ignores the echo of a record another entry already holds in that version", () => {
    const client = new QueryClient();
    const second = pocketbaseKeys.list<Post>(C, { sort: "title", perPage: 3, page: 2 });
    client.setQueryData(pocketbaseKeys.detail<Post>(C, "a"), post("a", { title: "a" }));
    client.setQueryData(second, page(items("g", "h", "i"), 2, 3, 9));
    expect(applyRecordChange(client, C, { type: "update", record: post("a", { title: "a" }) }).undecided).toEqual([]);
    const changed = post("a", { title: "a", views: 1, updated: at(1) });
    expect(applyRecordChange(client, C, { type: "update", record: changed }).undecided).toEqual([second]);
  });

  it("page 2: a create that sorts before it shifts the page: undecided, untouched", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.list<Post>(C, { sort: "title", perPage: 3, page: 2 });
    const data = page(items("g", "h", "i"), 2, 3, 9);
    client.setQueryData(key, data);
    expect(applyRecordChange(client, C, { type: "create", record: post("a", { title: "a" }) })).toEqual({
      patched: [],
      undecided: [key],
    });
    expect(client.getQueryData(key)).toBe(data);
  });

  it("a delete leaves a page at once; a hole to fill from the next page also asks for a refetch", () => {
    const client = new QueryClient();
    const first = pocketbaseKeys.list<Post>(C, { sort: "title", perPage: 3 });
    const last = pocketbaseKeys.list<Post>(C, { sort: "title", perPage: 3, page: 2 });
    client.setQueryData(first, page(items("a", "b", "c"), 1, 3, 5));
    client.setQueryData(last, page(items("d", "e"), 2, 3, 5));
    const hole = applyRecordChange(client, C, { type: "delete", id: "b" });
    expect(hole).toEqual({ patched: [first], undecided: [first, last] });
    expect(ids(client.getQueryData(first)?.items)).toEqual(["a", "c"]);
    expect(client.getQueryData(first)).toMatchObject({ totalItems: 4, totalPages: 2 });
    const result = applyRecordChange(client, C, { type: "delete", id: "e" });
    expect(result).toEqual({ patched: [last], undecided: [first] });
    expect(client.getQueryData(last)).toMatchObject({ totalItems: 4, totalPages: 2 });
    expect(ids(client.getQueryData(last)?.items)).toEqual(["d"]);
  });

  it("a deleted record leaves a filtered list at once, whatever the filter", () => {
    const client = new QueryClient();
    const full = pocketbaseKeys.fullList<Post>(C, { filter: 'title ~ "x"', sort: "title" });
    const paged = pocketbaseKeys.list<Post>(C, { filter: "author.name = 'z'", perPage: 2 });
    client.setQueryData(full, items("a", "b", "c"));
    client.setQueryData(paged, page(items("a", "b"), 1, 2, 3));
    const result = applyRecordChange(client, C, { type: "delete", id: "a" });
    expect(ids(client.getQueryData(full))).toEqual(["b", "c"]);
    expect(ids(client.getQueryData(paged)?.items)).toEqual(["b"]);
    expect(client.getQueryData(paged)).toMatchObject({ totalItems: 2, totalPages: 1 });
    // The full list is complete; the page has a hole that the next page must fill.
    expect(result).toEqual({ patched: [full, paged], undecided: [paged] });
  });

  it("an update of a record a partial page does not hold is undecided (it may move in)", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.list<Post>(C, { sort: "title", perPage: 3 });
    client.setQueryData(key, page(items("a", "b", "c"), 1, 3, 10));
    const result = applyRecordChange(client, C, { type: "update", record: post("q", { title: "0" }) });
    expect(result.undecided).toEqual([key]);
  });

  it("moves a record within a page, and calls a move out of the page undecided", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.list<Post>(C, { sort: "title", perPage: 3 });
    client.setQueryData(key, page(items("a", "c", "e"), 1, 3, 10));
    applyRecordChange(client, C, { type: "update", record: post("a", { title: "d", updated: at(1) }) });
    expect(ids(client.getQueryData(key)?.items)).toEqual(["c", "a", "e"]);
    const out = applyRecordChange(client, C, { type: "update", record: post("c", { title: "z", updated: at(1) }) });
    expect(out.undecided).toEqual([key]);
  });
});

describe("applyRecordChange: infinite lists", () => {
  const key = pocketbaseKeys.infinite<Post>(C, { sort: "title", perPage: 2 });
  const letters = (data: InfiniteData<ListResult<Post>, number> | undefined) => data?.pages.map((p) => ids(p.items));
  function seed(client: QueryClient, names: string[][], totalItems: number) {
    const pages = names.map((group, index) => page(group.map((n) => post(n, { title: n })), index + 1, 2, totalItems));
    client.setQueryData(key, { pages, pageParams: pages.map((p) => p.page) });
  }

  it("re-chunks across three loaded pages so every page keeps its size", () => {
    const client = new QueryClient();
    seed(client, [["a", "c"], ["e", "g"], ["i"]], 5);
    applyRecordChange(client, C, { type: "create", record: post("b", { title: "b" }) });
    expect(letters(client.getQueryData(key))).toEqual([["a", "b"], ["c", "e"], ["g", "i"]]);
    expect(client.getQueryData(key)?.pages.map((p) => [p.totalItems, p.totalPages])).toEqual([[6, 3], [6, 3], [6, 3]]);
    applyRecordChange(client, C, { type: "delete", id: "a" });
    expect(letters(client.getQueryData(key))).toEqual([["b", "c"], ["e", "g"], ["i"]]);
    applyRecordChange(client, C, { type: "update", record: post("i", { title: "d", updated: at(1) }) });
    expect(letters(client.getQueryData(key))).toEqual([["b", "c"], ["i", "e"], ["g"]]);
  });

  it("drops a trailing page that a refetch would no longer load", () => {
    const client = new QueryClient();
    seed(client, [["a", "c"], ["e"]], 3);
    applyRecordChange(client, C, { type: "delete", id: "e" });
    expect(client.getQueryData(key)).toMatchObject({ pageParams: [1] });
    expect(letters(client.getQueryData(key))).toEqual([["a", "c"]]);
  });

  it("pushes the last loaded record out to the unloaded next page; a hole at the end is undecided", () => {
    const client = new QueryClient();
    seed(client, [["b", "c"], ["e", "f"]], 9);
    applyRecordChange(client, C, { type: "create", record: post("a", { title: "a" }) });
    expect(letters(client.getQueryData(key))).toEqual([["a", "b"], ["c", "e"]]);
    expect(applyRecordChange(client, C, { type: "delete", id: "b" }).undecided).toEqual([key]);
  });
});
