import type { QueryKey } from "@tanstack/solid-query";
import { describe, expect, it } from "vitest";
import { parseKey } from "../../../src/core/keys/parseKey";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";

/** Builds the key a parsed key stands for, with the factory. */
function rebuild(key: QueryKey): QueryKey | undefined {
  const parsed = parseKey(key);
  if (!parsed) return undefined;
  switch (parsed.kind) {
    case "page":
      return pocketbaseKeys.list(parsed.collection, parsed.params);
    case "full":
      return pocketbaseKeys.fullList(parsed.collection, parsed.params);
    case "infinite":
      return pocketbaseKeys.infinite(parsed.collection, parsed.params);
    case "detail":
      return pocketbaseKeys.detail(parsed.collection, parsed.id, parsed.params);
  }
}

const lists = [undefined, { filter: 'status = "open"', sort: "-created,title", expand: "author", fields: "id,title" }];

describe("parseKey", () => {
  it("is the exact inverse of pocketbaseKeys for every leaf key", () => {
    const leaves: QueryKey[] = [
      ...lists.map((params) => pocketbaseKeys.list("posts", params)),
      pocketbaseKeys.list("posts", { page: 3, perPage: 7, skipTotal: true }),
      ...lists.map((params) => pocketbaseKeys.fullList("posts", params)),
      ...lists.map((params) => pocketbaseKeys.infinite("posts", params)),
      pocketbaseKeys.infinite("posts", { perPage: 7, skipTotal: true }),
      pocketbaseKeys.detail("posts", "abc"),
      pocketbaseKeys.detail("pbc_123", "abc", { expand: "author", fields: "id" }),
    ];
    for (const key of leaves) expect(rebuild(key), JSON.stringify(key)).toEqual(key);
  });

  it("names the kind, collection, id and params of a key", () => {
    expect(parseKey(pocketbaseKeys.list("posts", { page: 2 }))).toEqual({
      kind: "page",
      collection: "posts",
      params: { page: 2, perPage: 30 },
    });
    expect(parseKey(pocketbaseKeys.fullList("posts", { sort: "title" }))).toEqual({
      kind: "full",
      collection: "posts",
      params: { sort: "title" },
    });
    expect(parseKey(pocketbaseKeys.infinite("posts"))).toEqual({ kind: "infinite", collection: "posts", params: { perPage: 30 } });
    expect(parseKey(pocketbaseKeys.detail("posts", "abc"))).toEqual({ kind: "detail", collection: "posts", id: "abc", params: {} });
  });

  it("returns undefined for the prefix keys, which stand for no one entry", () => {
    for (const key of [
      pocketbaseKeys.all(),
      pocketbaseKeys.collection("posts"),
      pocketbaseKeys.lists("posts"),
      pocketbaseKeys.infinites("posts"),
      pocketbaseKeys.details("posts"),
    ]) {
      expect(parseKey(key), JSON.stringify(key)).toBeUndefined();
    }
  });

  it("returns undefined for keys it did not write: an app's own queries share the QueryClient", () => {
    const foreign: QueryKey[] = [
      [],
      ["todos", 1],
      ["posts", "list", {}],
      ["pocketbase", 7, "list", {}],
      ["pocketbase", "posts", "comments", {}],
      ["pocketbase", "posts", "list", "params"],
      ["pocketbase", "posts", "list", null],
      ["pocketbase", "posts", "list", ["page", 1]],
      ["pocketbase", "posts", "infinite", []],
      ["pocketbase", "posts", "detail", {}],
      ["pocketbase", "posts", "detail", 42, {}],
      ["pocketbase", "posts", "detail", "abc"],
      ["pocketbase", "posts", "detail", "abc", []],
    ];
    for (const key of foreign) expect(parseKey(key), JSON.stringify(key)).toBeUndefined();
  });
});
