import { QueryClient } from "@tanstack/solid-query";
import { describe, expect, it } from "vitest";
import { findCachedRecord } from "../../../src/core/cache/findCachedRecord";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { at, post, type Post } from "../../helpers/records";

describe("findCachedRecord", () => {
  it("prefers a detail over a list holding the record, whatever the cache order", () => {
    const client = new QueryClient();
    client.setQueryData(pocketbaseKeys.fullList<Post>("posts"), [post("a", { title: "from list" })]);
    client.setQueryData(pocketbaseKeys.detail<Post>("posts", "a"), post("a", { title: "from detail", updated: at(1) }));
    expect(findCachedRecord<Post>(client, "posts", "a")?.title).toBe("from detail");
  });

  it("falls back to the first list holding the record", () => {
    const client = new QueryClient();
    client.setQueryData(pocketbaseKeys.fullList<Post>("posts"), [post("b"), post("a", { title: "first" })]);
    client.setQueryData(pocketbaseKeys.fullList<Post>("posts", { sort: "title" }), [post("a", { title: "second" })]);
    expect(findCachedRecord<Post>(client, "posts", "a")?.title).toBe("first");
  });

  it("skips copies cut down by fields", () => {
    const client = new QueryClient();
    client.setQueryData(pocketbaseKeys.detail<Post>("posts", "a", { fields: "id,title" }), { id: "a", title: "cut" } as Post);
    client.setQueryData(pocketbaseKeys.fullList<Post>("posts", { fields: "id" }), [{ id: "a" } as Post]);
    expect(findCachedRecord(client, "posts", "a")).toBeUndefined();
    client.setQueryData(pocketbaseKeys.fullList<Post>("posts"), [post("a", { title: "whole" })]);
    expect(findCachedRecord(client, "posts", "a")).toEqual(post("a", { title: "whole" }));
  });

  it("gives undefined for an id no query of the collection holds", () => {
    const client = new QueryClient();
    client.setQueryData(pocketbaseKeys.fullList<Post>("posts"), [post("a")]);
    client.setQueryData(pocketbaseKeys.detail<Post>("comments", "b"), post("b"));
    expect(findCachedRecord(client, "posts", "b")).toBeUndefined();
  });
});
