// Creates when no `records` map is registered (./client/, ./collections/): a read type such as
// PostsResponse does not say which fields a create needs, so every field is optional.
import { useCreateRecord, type CreateRecordData } from "solid-query-pocketbase";
import { describe, expectTypeOf, it } from "vitest";
import type { PostsResponse } from "../schema";

describe("a registered schema without records", () => {
  it("keeps every field of a create optional", () => {
    const create = useCreateRecord("posts");
    expectTypeOf(create.mutate).parameter(0).toEqualTypeOf<CreateRecordData<PostsResponse>>();
    create.mutate({ tags: ["news"] });
    useCreateRecord("authors").mutate({});
  });
});
