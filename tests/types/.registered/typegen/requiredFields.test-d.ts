// What registering pocketbase-typegen's CollectionRecords adds: a create must carry the fields the
// collection requires. System collections stay hidden. Checked by tests/types/registered.test.ts.
import {
  useCollection,
  useCreateRecord,
  useDeleteRecord,
  useRecord,
  useUpdateRecord,
  type CollectionName,
  type CreateDataOf,
} from "solid-query-pocketbase";
import { describe, expectTypeOf, it } from "vitest";
import type { PostsResponse } from "../../schema";

describe("registered records", () => {
  it("reject a create that lacks a required field", () => {
    // @ts-expect-error authors require a name
    useCreateRecord("authors").mutate({});
    // @ts-expect-error posts require a title
    useCreateRecord("posts").mutate({ status: "draft", tags: ["news"] });
    // @ts-expect-error posts require a status
    useCreateRecord("posts").mutate({ title: "Hello" });
    // @ts-expect-error a required field cannot be undefined
    useCreateRecord("authors").mutate({ name: undefined });
  });

  it("accept a complete create, without id, autodates or server-filled fields", () => {
    useCreateRecord("posts").mutate({ title: "Hello", status: "draft" });
    useCreateRecord("posts").mutate({ id: "abcdefghijklmno", title: "Hello", status: "draft", slug: "hello" });
    useCreateRecord("authors").mutate({ name: "Ada" });
    const data: CreateDataOf<"authors"> = { name: "Ada" };
    expectTypeOf(data).not.toHaveProperty("created");
  });

  it("require an auth record's email, password and passwordConfirm, not its token key", () => {
    useCreateRecord("users").mutate({ email: "a@b.c", password: "12345678", passwordConfirm: "12345678" });
    // @ts-expect-error PocketBase rejects a new auth record without passwordConfirm
    useCreateRecord("users").mutate({ email: "a@b.c", password: "12345678" });
    // @ts-expect-error the email is required
    useCreateRecord("users").mutate({ password: "12345678", passwordConfirm: "12345678" });
  });

  it("still check each field's value and reject unknown fields", () => {
    // @ts-expect-error not a status
    useCreateRecord("posts").mutate({ title: "Hello", status: "archived" });
    // @ts-expect-error not a field of posts
    useCreateRecord("posts").mutate({ title: "Hello", status: "draft", titel: "x" });
  });

  it("keep updates partial", () => {
    useUpdateRecord("posts").mutate({ id: "a", data: { views: 2 } });
    useUpdateRecord("authors").mutate({ id: "a", data: {} });
  });

  it("leave a record type written at the hook to the loose rule", () => {
    useCreateRecord<PostsResponse>("posts").mutate({ views: 1 });
    useCreateRecord<{ id: string; title: string }>("posts").mutate({ author: "unchecked" });
  });
});

describe("system collections", () => {
  it("are not offered as names", () => {
    expectTypeOf<CollectionName>().toEqualTypeOf<"posts" | "authors" | "users">();
    // @ts-expect-error a system collection
    useCollection("_superusers");
    // @ts-expect-error a system collection
    useRecord("_otps", "id");
    // @ts-expect-error a system collection
    useCreateRecord("_mfas");
    // @ts-expect-error a system collection
    useUpdateRecord("_authOrigins");
    // @ts-expect-error a system collection
    useDeleteRecord("_externalAuths");
    // @ts-expect-error not even with a record type written out
    useCollection<PostsResponse>("_superusers");
  });
});
