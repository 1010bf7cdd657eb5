import { type InfiniteData, QueryClient } from "@tanstack/solid-query";
import type { ListResult } from "pocketbase";
import { describe, expect, it } from "vitest";
import { applyRecordChange } from "../../../src/core/cache/applyRecordChange";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { ids, page, post, type Post } from "../../helpers/records";

const C = "posts";
const letters = (...names: string[]) => names.map((name) => post(name, { title: name, status: "published" }));

// Another user deletes a record that no cached page holds: the realtime event carries it.
describe("applyRecordChange: a delete of a record no cached page holds", () => {
  it("counts it out of the pages it sorts after, with no refetch", () => {
    const client = new QueryClient();
    const first = pocketbaseKeys.list<Post>(C, { sort: "title", perPage: 2 });
    const second = pocketbaseKeys.list<Post>(C, { sort: "title", perPage: 2, page: 2 });
    client.setQueryData(first, page(letters("a", "b"), 1, 2, 6));
    client.setQueryData(second, page(letters("c", "d"), 2, 2, 6));
    const [gone] = letters("f");
    const result = applyRecordChange(client, C, { type: "delete", id: gone!.id, record: gone });
    expect(result).toEqual({ patched: [first, second], undecided: [] });
    for (const key of [first, second]) expect(client.getQueryData(key)).toMatchObject({ totalItems: 5, totalPages: 3 });
    expect(ids(client.getQueryData(second)?.items)).toEqual(["c", "d"]);
  });

  it("refetches a later page it sorted before, and leaves a list it never matched alone", () => {
    const client = new QueryClient();
    const first = pocketbaseKeys.list<Post>(C, { sort: "title", perPage: 2, filter: 'status = "published"' });
    const second = pocketbaseKeys.list<Post>(C, { sort: "title", perPage: 2, page: 2 });
    const firstData = page(letters("a", "b"), 1, 2, 6);
    const secondData = page(letters("c", "d"), 2, 2, 6);
    client.setQueryData(first, firstData);
    client.setQueryData(second, secondData);
    const draft = post("bb", { title: "bb", status: "draft" });
    const result = applyRecordChange(client, C, { type: "delete", id: draft.id, record: draft });
    expect(result).toEqual({ patched: [], undecided: [second] });
    expect(client.getQueryData(first)).toBe(firstData);
    expect(client.getQueryData(second)).toBe(secondData);
  });

  it("counts it out of an infinite list that is not loaded to its end", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.infinite<Post>(C, { sort: "title", perPage: 2 });
    client.setQueryData(key, { pages: [page(letters("a", "b"), 1, 2, 3)], pageParams: [1] });
    const [gone] = letters("c");
    expect(applyRecordChange(client, C, { type: "delete", id: gone!.id, record: gone })).toEqual({ patched: [key], undecided: [] });
    const data = client.getQueryData<InfiniteData<ListResult<Post>, number>>(key);
    expect(data?.pages.map((p) => [ids(p.items), p.totalItems, p.totalPages])).toEqual([[["a", "b"], 2, 1]]);
  });

  it("without the record, changes a page it cannot place the id on as before", () => {
    const client = new QueryClient();
    const first = pocketbaseKeys.list<Post>(C, { sort: "title", perPage: 2 });
    const data = page(letters("a", "b"), 1, 2, 6);
    client.setQueryData(first, data);
    expect(applyRecordChange(client, C, { type: "delete", id: "f" })).toEqual({ patched: [], undecided: [] });
    expect(client.getQueryData(first)).toBe(data);
  });
});
