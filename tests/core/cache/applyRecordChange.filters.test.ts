import { QueryClient } from "@tanstack/solid-query";
import type { ListResult } from "pocketbase";
import { describe, expect, it } from "vitest";
import { applyRecordChange } from "../../../src/core/cache/applyRecordChange";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { at, ids, post as basePost, type Post } from "../../helpers/records";

const C = "posts";
// Every record here is published unless a test says otherwise.
const post = (id: string, fields: Partial<Post> = {}): Post => basePost(id, { status: "published", ...fields });

describe("applyRecordChange on filtered lists", () => {
  const filter = 'status = "published"';

  it("upserts a matching record in place in a filtered full list, with nothing left to refetch", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.fullList<Post>(C, { filter, sort: "title" });
    client.setQueryData(key, [post("a"), post("c")]);
    const updated = applyRecordChange(client, C, { type: "update", record: post("a", { views: 5, updated: at(1) }) });
    expect(updated).toEqual({ patched: [key], undecided: [] });
    expect(client.getQueryData(key)?.[0]).toMatchObject({ id: "a", views: 5 });
    const created = applyRecordChange(client, C, { type: "create", record: post("b") });
    expect(created).toEqual({ patched: [key], undecided: [] });
    expect(ids(client.getQueryData(key))).toEqual(["a", "b", "c"]);
  });

  it("drops a record that stopped matching, and ignores one that never matched", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.fullList<Post>(C, { filter, sort: "title" });
    client.setQueryData(key, [post("a"), post("b"), post("c")]);
    const result = applyRecordChange(client, C, {
      type: "update",
      record: post("b", { status: "draft", updated: at(1) }),
    });
    expect(result).toEqual({ patched: [key], undecided: [] });
    expect(ids(client.getQueryData(key))).toEqual(["a", "c"]);
    const draft = applyRecordChange(client, C, { type: "create", record: post("d", { status: "draft" }) });
    expect(draft).toEqual({ patched: [], undecided: [] });
  });

  it("drops a row from a list with `fields` when a change outside its fields makes it stop matching", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.fullList<Post>(C, { filter, sort: "title", fields: "id,title" });
    client.setQueryData(key, [{ id: "a", title: "a" }, { id: "b", title: "b" }] as Post[]);
    // Only `status` changes: the projected row would look the same, but the record left the list.
    const result = applyRecordChange(client, C, { type: "update", record: post("b", { status: "draft", updated: at(1) }) });
    expect(result).toEqual({ patched: [key], undecided: [] });
    expect(client.getQueryData(key)).toEqual([{ id: "a", title: "a" }]);
  });

  it("moves a record into a filtered first page and keeps the totals right", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.list<Post>(C, { filter: "views > 10", sort: "-views", perPage: 2 });
    const page: ListResult<Post> = {
      page: 1,
      perPage: 2,
      totalItems: 3,
      totalPages: 2,
      items: [post("a", { views: 30 }), post("b", { views: 20 })],
    };
    client.setQueryData(key, page);
    const result = applyRecordChange(client, C, { type: "create", record: post("n", { views: 25 }) });
    expect(ids(client.getQueryData(key)?.items)).toEqual(["a", "n"]);
    expect(client.getQueryData(key)).toMatchObject({ totalItems: 4, totalPages: 2 });
    expect(result).toEqual({ patched: [key], undecided: [] });
  });

  it("leaves a list to a refetch when the record lacks a field the filter reads", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.fullList<Post>(C, { filter: 'scope = "x"' });
    client.setQueryData(key, [post("a", { scope: "x" } as Partial<Post>)]);
    const result = applyRecordChange(client, C, { type: "create", record: post("b") });
    expect(result).toEqual({ patched: [], undecided: [key] });
  });
});
