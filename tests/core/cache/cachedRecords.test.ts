import { QueryClient } from "@tanstack/solid-query";
import { describe, expect, it } from "vitest";
import { cachedRecords } from "../../../src/core/cache/cachedRecords";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { page, post, type Post } from "../../helpers/records";

describe("cachedRecords", () => {
  it("yields every record of a collection's details and lists, with the key holding it", () => {
    const client = new QueryClient();
    client.setQueryData(pocketbaseKeys.detail<Post>("posts", "a"), post("a"));
    client.setQueryData(pocketbaseKeys.fullList<Post>("posts"), [post("a"), post("b")]);
    client.setQueryData(pocketbaseKeys.list<Post>("posts", { perPage: 1 }), page([post("c")], 1, 1, 3));
    const pages = [page([post("d")], 1, 1, 2), page([post("e")], 2, 1, 2)];
    client.setQueryData(pocketbaseKeys.infinite<Post>("posts", { perPage: 1 }), { pages, pageParams: [1, 2] });
    const found = [...cachedRecords(client, "posts")].map(([key, record]) => `${key.kind}:${record.id}`);
    expect(found).toEqual(["detail:a", "full:a", "full:b", "page:c", "infinite:d", "infinite:e"]);
  });

  it("leaves out other collections and keys it does not recognise", () => {
    const client = new QueryClient();
    client.setQueryData(pocketbaseKeys.fullList<Post>("comments"), [post("x")]);
    client.setQueryData(pocketbaseKeys.fullList<Post>("posts_archive"), [post("y")]);
    client.setQueryData(["pocketbase", "posts", "custom"], [post("z")]);
    client.setQueryData(pocketbaseKeys.detail<Post>("posts", "a"), post("a"));
    expect([...cachedRecords(client, "posts")].map(([, record]) => record.id)).toEqual(["a"]);
  });
});
