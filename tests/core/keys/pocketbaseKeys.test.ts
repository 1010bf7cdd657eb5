import { QueryClient } from "@tanstack/solid-query";
import { describe, expect, it } from "vitest";
import { parseKey } from "../../../src/core/keys/parseKey";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";

describe("pocketbaseKeys", () => {
  it("normalises params so equal requests share one key", () => {
    expect(pocketbaseKeys.list("posts")).toEqual(pocketbaseKeys.list("posts", { page: 1, perPage: 30 }));
    expect(pocketbaseKeys.list("posts", { sort: "-created, title", filter: "  a = 1 ", skipTotal: false })).toEqual(
      pocketbaseKeys.list("posts", { filter: "a = 1", sort: "-created,title" }),
    );
    expect(pocketbaseKeys.fullList("posts", { filter: "", expand: " author " })).toEqual(
      pocketbaseKeys.fullList("posts", { expand: "author" }),
    );
  });

  it("keeps list pages, full lists, infinite lists and details apart", () => {
    const keys = [
      pocketbaseKeys.list("posts"),
      pocketbaseKeys.fullList("posts"),
      pocketbaseKeys.infinite("posts"),
      pocketbaseKeys.detail("posts", "abc"),
    ];
    const hashes = new Set(keys.map((k) => JSON.stringify(k)));
    expect(hashes.size).toBe(4);
    expect(keys.map((k) => parseKey(k)?.kind)).toEqual(["page", "full", "infinite", "detail"]);
  });

  it("does not let a filter that spells another key space collide", () => {
    expect(JSON.stringify(pocketbaseKeys.list("posts", { filter: "detail" }))).not.toEqual(
      JSON.stringify(pocketbaseKeys.detail("posts", "detail")),
    );
  });

  it("invalidating a collection marks its lists, infinite lists and details stale, and nothing else", async () => {
    const client = new QueryClient();
    const ours = [
      pocketbaseKeys.list("posts", { page: 2 }),
      pocketbaseKeys.fullList("posts", { sort: "title" }),
      pocketbaseKeys.infinite("posts", { perPage: 10 }),
      pocketbaseKeys.detail("posts", "abc", { expand: "author" }),
    ];
    const others = [
      pocketbaseKeys.list("authors"),
      pocketbaseKeys.detail("authors", "abc"),
      pocketbaseKeys.list("posts_archive"),
      ["posts", "not ours"],
    ];
    for (const key of [...ours, ...others] as (readonly unknown[])[]) client.setQueryData(key, { any: "data" });

    await client.invalidateQueries({ queryKey: pocketbaseKeys.collection("posts") });

    const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(ours.map(stale)).toEqual([true, true, true, true]);
    expect(others.map(stale)).toEqual([false, false, false, false]);
  });

  it("targets one level below the collection", async () => {
    const client = new QueryClient();
    const page = pocketbaseKeys.list("posts");
    const full = pocketbaseKeys.fullList("posts");
    const infinite = pocketbaseKeys.infinite("posts");
    const detail = pocketbaseKeys.detail("posts", "abc");
    for (const key of [page, full, infinite, detail] as (readonly unknown[])[]) client.setQueryData(key, {});

    await client.invalidateQueries({ queryKey: pocketbaseKeys.lists("posts") });
    const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect([page, full, infinite, detail].map(stale)).toEqual([true, true, false, false]);
  });

  it("reads only its own keys back", () => {
    expect(parseKey(pocketbaseKeys.detail("posts", "abc", { fields: "id" }))).toEqual({
      kind: "detail",
      collection: "posts",
      id: "abc",
      params: { fields: "id" },
    });
    expect(parseKey(["todos", 1])).toBeUndefined();
    expect(parseKey(["pocketbase", "posts"])).toBeUndefined();
  });

  it("rejects a page number that PocketBase would not understand, saying why", () => {
    expect(() => pocketbaseKeys.list("posts", { page: 0 })).toThrow("page must be a positive integer, got 0");
    expect(() => pocketbaseKeys.list("posts", { perPage: 2.5 })).toThrow("perPage must be a positive integer");
  });
});
