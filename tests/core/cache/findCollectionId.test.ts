import { QueryClient } from "@tanstack/solid-query";
import { describe, expect, it } from "vitest";
import { findCollectionId } from "../../../src/core/cache/findCollectionId";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { post, type Post } from "../../helpers/records";

describe("findCollectionId", () => {
  it("reads the collectionId of any cached record of the collection", () => {
    const client = new QueryClient();
    client.setQueryData(pocketbaseKeys.fullList<Post>("comments"), [post("x", { collectionId: "pbc_comments" })]);
    client.setQueryData(pocketbaseKeys.fullList<Post>("posts", { fields: "id,title" }), [{ id: "a", title: "a" } as Post]);
    client.setQueryData(pocketbaseKeys.detail<Post>("posts", "b"), post("b"));
    expect(findCollectionId(client, "posts")).toBe("pbc_posts");
  });

  it("gives undefined when no record of the collection carries one", () => {
    const client = new QueryClient();
    client.setQueryData(pocketbaseKeys.fullList<Post>("comments"), [post("x")]);
    client.setQueryData(pocketbaseKeys.fullList<Post>("posts", { fields: "id" }), [{ id: "a" } as Post]);
    expect(findCollectionId(client, "posts")).toBeUndefined();
  });
});
