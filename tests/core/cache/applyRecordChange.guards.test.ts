import { QueryClient } from "@tanstack/solid-query";
import type { ListResult } from "pocketbase";
import { describe, expect, it, vi } from "vitest";
import { applyRecordChange } from "../../../src/core/cache/applyRecordChange";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { at, ids, post, type Post } from "../../helpers/records";

const C = "posts";

describe("applyRecordChange: details", () => {
  it("merges a create or update into a cached detail, keeping its expand", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.detail<Post>(C, "a", { expand: "author" });
    client.setQueryData(key, post("a", { author: "u1", expand: { author: { id: "u1", name: "Ann" } } }));
    const record = post("a", { title: "new", author: "u1", updated: at(1) });
    const result = applyRecordChange(client, C, { type: "update", record });
    expect(client.getQueryData(key)).toMatchObject({ title: "new", expand: { author: { name: "Ann" } } });
    expect(result).toEqual({ patched: [key], undecided: [] });
  });

  it("drops an expand whose relation changed, and asks for a refetch", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.detail<Post>(C, "a", { expand: "author" });
    client.setQueryData(key, post("a", { author: "u1", expand: { author: { id: "u1" } } }));
    const record = post("a", { author: "u2", updated: at(1) });
    const result = applyRecordChange(client, C, { type: "update", record });
    expect(result).toEqual({ patched: [key], undecided: [key] });
    expect(client.getQueryData(key)).toEqual(post("a", { author: "u2", updated: at(1), expand: {} }));
  });

  it("removes the detail of a deleted record and leaves other details alone", () => {
    const client = new QueryClient();
    const a = pocketbaseKeys.detail<Post>(C, "a");
    const b = pocketbaseKeys.detail<Post>(C, "b");
    client.setQueryData(a, post("a"));
    client.setQueryData(b, post("b"));
    expect(applyRecordChange(client, C, { type: "delete", id: "a" })).toEqual({ patched: [a], undecided: [] });
    expect(client.getQueryCache().find({ queryKey: a, exact: true })).toBeUndefined();
    expect(client.getQueryData(b)).toEqual(post("b"));
  });

  it("projects a detail onto plain fields and gives up on paths it cannot reproduce", () => {
    const client = new QueryClient();
    const plain = pocketbaseKeys.detail<Post>(C, "a", { fields: "title" });
    const path = pocketbaseKeys.detail<Post>(C, "a", { fields: "title,expand.author.name" });
    client.setQueryData(plain, { id: "a", title: "a" } as Post);
    client.setQueryData(path, { title: "a" } as Post);
    const result = applyRecordChange(client, C, { type: "update", record: post("a", { title: "b", updated: at(1) }) });
    expect(client.getQueryData(plain)).toEqual({ id: "a", title: "b" });
    expect(result.undecided).toEqual([path]);
  });
});

describe("applyRecordChange: guards", () => {
  it("ignores an update older than the cached record; force applies it", () => {
    const client = new QueryClient();
    const list = pocketbaseKeys.fullList<Post>(C);
    const detail = pocketbaseKeys.detail<Post>(C, "a");
    client.setQueryData(list, [post("a", { title: "fresh", updated: at(5) })]);
    client.setQueryData(detail, post("a", { title: "fresh", updated: at(5) }));
    const old = post("a", { title: "old", updated: at(3) });
    expect(applyRecordChange(client, C, { type: "update", record: old })).toEqual({ patched: [], undecided: [] });
    expect(client.getQueryData(detail)?.title).toBe("fresh");
    expect(applyRecordChange(client, C, { type: "update", record: old }, { force: true }).patched).toHaveLength(2);
    expect(client.getQueryData(list)?.[0]?.title).toBe("old");
  });

  it("does not call setQueryData for the echo of what is cached", () => {
    const client = new QueryClient();
    client.setQueryData(pocketbaseKeys.fullList<Post>(C), [post("a")]);
    client.setQueryData(pocketbaseKeys.detail<Post>(C, "a"), post("a"));
    const items = [post("a")];
    client.setQueryData(pocketbaseKeys.list<Post>(C), { page: 1, perPage: 30, totalItems: 1, totalPages: 1, items });
    const spy = vi.spyOn(client, "setQueryData");
    expect(applyRecordChange(client, C, { type: "update", record: post("a") })).toEqual({ patched: [], undecided: [] });
    expect(applyRecordChange(client, C, { type: "create", record: post("a") })).toEqual({ patched: [], undecided: [] });
    expect(spy).not.toHaveBeenCalled();
  });

  it("does nothing for a delete of an unknown id", () => {
    const client = new QueryClient();
    client.setQueryData(pocketbaseKeys.fullList<Post>(C), [post("a")]);
    const partial = { page: 1, perPage: 1, totalItems: 5, totalPages: 5, items: [post("a")] };
    client.setQueryData(pocketbaseKeys.list<Post>(C, { perPage: 1 }), partial);
    const spy = vi.spyOn(client, "setQueryData");
    expect(applyRecordChange(client, C, { type: "delete", id: "nope" })).toEqual({ patched: [], undecided: [] });
    expect(spy).not.toHaveBeenCalled();
  });

  it("never mutates cached objects", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.list<Post>(C, { sort: "title" });
    const before = { page: 1, perPage: 30, totalItems: 2, totalPages: 1, items: [post("a"), post("c")] };
    client.setQueryData(key, before);
    const frozen = structuredClone(before);
    applyRecordChange(client, C, { type: "create", record: post("b") });
    applyRecordChange(client, C, { type: "update", record: post("a", { title: "z", updated: at(1) }) });
    expect(before).toEqual(frozen);
    expect(ids(client.getQueryData(key)?.items)).toEqual(["b", "c", "a"]);
  });
});

describe("applyRecordChange: what a list can decide", () => {
  it("projects onto plain fields (keeping id); other fields or a missing sort field are undecided", () => {
    const client = new QueryClient();
    const plain = pocketbaseKeys.fullList<Post>(C, { sort: "title", fields: "title" });
    const path = pocketbaseKeys.fullList<Post>(C, { fields: "id,expand.author.name" });
    const excerpt = pocketbaseKeys.fullList<Post>(C, { fields: "id,title:excerpt(5)" });
    const noSortField = pocketbaseKeys.fullList<Post>(C, { sort: "views", fields: "id,title" });
    client.setQueryData(plain, [{ id: "a", title: "a" }] as Post[]);
    for (const key of [path, excerpt, noSortField]) client.setQueryData(key, [{ id: "a" }] as Post[]);
    const result = applyRecordChange(client, C, { type: "create", record: post("b", { views: 3 }) });
    expect(client.getQueryData(plain)).toEqual([{ id: "a", title: "a" }, { id: "b", title: "b" }]);
    expect(result).toEqual({ patched: [plain], undecided: [path, excerpt, noSortField] });
  });

  it("leaves undecidable filtered lists to a refetch, except for changes that cannot affect them", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.fullList<Post>(C, { filter: 'author.name = "a"' });
    client.setQueryData(key, [post("a")]);
    expect(applyRecordChange(client, C, { type: "create", record: post("b") }).undecided).toEqual([key]);
    expect(applyRecordChange(client, C, { type: "update", record: post("a") }).undecided).toEqual([]); // echo
    expect(applyRecordChange(client, C, { type: "delete", id: "zz" }).undecided).toEqual([]); // complete list
  });

  it("keeps a listed record's expand, and inserts a record without the expand its list asks for then refetches", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.fullList<Post>(C, { sort: "title", expand: "author" });
    client.setQueryData(key, [post("a", { author: "u1", expand: { author: { id: "u1" } } })]);
    applyRecordChange(client, C, { type: "update", record: post("a", { author: "u1", views: 2, updated: at(1) }) });
    expect(client.getQueryData(key)?.[0]).toMatchObject({ views: 2, expand: { author: { id: "u1" } } });
    const result = applyRecordChange(client, C, { type: "create", record: post("b") });
    expect(ids(client.getQueryData(key))).toEqual(["a", "b"]);
    expect(result).toEqual({ patched: [key], undecided: [key] });
  });

  it("drops a listed record's expansion of a relation that changed, keeps its other ones, and refetches", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.fullList<Post>(C, { sort: "title", expand: "author,editor" });
    const expand = { author: { id: "u1", name: "Ann" }, editor: { id: "e1" } };
    client.setQueryData(key, [post("a", { author: "u1", editor: "e1", expand }), post("b")]);
    const result = applyRecordChange(client, C, { type: "update", record: post("a", { author: "u2", editor: "e1", updated: at(1) }) });
    expect(client.getQueryData(key)?.[0]).toEqual(post("a", { author: "u2", editor: "e1", updated: at(1), expand: { editor: { id: "e1" } } }));
    expect(result).toEqual({ patched: [key], undecided: [key] });
  });

  it("touches only the given collection and ignores keys it does not recognise", () => {
    const client = new QueryClient();
    const other = pocketbaseKeys.fullList<Post>("comments");
    const prefixed = pocketbaseKeys.fullList<Post>("posts_archive");
    const foreign = ["pocketbase", C, "custom"];
    const data = [post("x")];
    client.setQueryData(other, data);
    client.setQueryData(prefixed, data);
    client.setQueryData(foreign, data);
    const result = applyRecordChange(client, C, { type: "create", record: post("a") });
    expect(result).toEqual({ patched: [], undecided: [] });
    for (const key of [other, prefixed, foreign]) expect(client.getQueryData(key)).toBe(data);
  });

  it("skips queries that have no data yet", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.fullList<Post>(C);
    client.getQueryCache().build(client, { queryKey: key });
    expect(applyRecordChange(client, C, { type: "create", record: post("a") })).toEqual({ patched: [], undecided: [] });
    expect(client.getQueryData(key)).toBeUndefined();
  });

  it("calls list data of an unexpected shape undecided", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.list<Post>(C);
    client.setQueryData(key, { items: "nope" } as unknown as ListResult<Post>);
    expect(applyRecordChange(client, C, { type: "create", record: post("a") }).undecided).toEqual([key]);
  });
});
