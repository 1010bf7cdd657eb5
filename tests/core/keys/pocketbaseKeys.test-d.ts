import { QueryClient, type InfiniteData } from "@tanstack/solid-query";
import type { ListResult } from "pocketbase";
import { describe, expectTypeOf, it } from "vitest";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";

type Post = { id: string; title: string };

describe("pocketbaseKeys types", () => {
  const client = new QueryClient();

  it("leaf keys carry their data type", () => {
    expectTypeOf(client.getQueryData(pocketbaseKeys.list<Post>("posts"))).toEqualTypeOf<ListResult<Post> | undefined>();
    expectTypeOf(client.getQueryData(pocketbaseKeys.fullList<Post>("posts"))).toEqualTypeOf<Post[] | undefined>();
    expectTypeOf(client.getQueryData(pocketbaseKeys.detail<Post>("posts", "id"))).toEqualTypeOf<Post | undefined>();
    expectTypeOf(client.getQueryData(pocketbaseKeys.infinite<Post>("posts"))).toEqualTypeOf<
      InfiniteData<ListResult<Post>, number> | undefined
    >();
  });

  it("setQueryData checks the data against the key", () => {
    // @ts-expect-error a list key does not hold a bare array
    client.setQueryData(pocketbaseKeys.list<Post>("posts"), [] as Post[]);
    client.setQueryData(pocketbaseKeys.fullList<Post>("posts"), [] as Post[]);
  });

  it("prefix keys are plain tuples", () => {
    expectTypeOf(pocketbaseKeys.collection("posts")).toEqualTypeOf<readonly ["pocketbase", string]>();
    expectTypeOf(pocketbaseKeys.lists("posts")).toEqualTypeOf<readonly ["pocketbase", string, "list"]>();
  });
});
