// The hooks once a schema is registered: compiled three times, with the registration in
// ./client/ (an overloaded client type), in ./collections/ (pocketbase-typegen 1.3+: client and
// CollectionResponses) and in ./typegen/ (the same and CollectionRecords). All must give the same
// types; what CollectionRecords adds to creates is in ./typegen/. Checked by
// tests/types/registered.test.ts.
import type { InfiniteData } from "@tanstack/solid-query";
import type PocketBase from "pocketbase";
import type { ListResult, RecordService } from "pocketbase";
import {
  PocketBaseProvider,
  useAuth,
  useAuthWithOAuth2,
  useAuthWithOTP,
  useAuthWithPassword,
  useCollection,
  useCreateRecord,
  useDeleteRecord,
  useFullCollection,
  useInfiniteCollection,
  usePocketBase,
  useRecord,
  useRealtimeCollection,
  useRealtimeRecord,
  useUpdateRecord,
  type CollectionName,
  type CreateDataOf,
  type CreateRecordData,
  type RegisteredPocketBase,
  type RegisteredRecord,
  type UpdateRecordVariables,
} from "solid-query-pocketbase";
import { describe, expectTypeOf, it } from "vitest";
import type { AuthorsResponse, PostsResponse, UsersResponse } from "../schema";

describe("a registered schema", () => {
  it("types every read hook from the collection name, with no generic written", () => {
    expectTypeOf(useCollection("posts").data).toEqualTypeOf<ListResult<PostsResponse> | undefined>();
    expectTypeOf(useFullCollection("authors").data).toEqualTypeOf<AuthorsResponse[] | undefined>();
    expectTypeOf(useRecord("users", () => "id").data).toEqualTypeOf<UsersResponse | undefined>();
    expectTypeOf(useInfiniteCollection("posts").data).toEqualTypeOf<
      InfiniteData<ListResult<PostsResponse>, number> | undefined
    >();
  });

  it("types the options' callbacks and select from the record", () => {
    const titles = useCollection("posts", () => ({
      filter: 'status = "published"',
      select: (page) => page.items.map((post) => post.title),
    }));
    expectTypeOf(titles.data).toEqualTypeOf<string[] | undefined>();
    useRecord("posts", "id", () => ({
      // @ts-expect-error posts have no `name`
      select: (post) => post.name,
    }));
  });

  it("types realtime events from the collection name", () => {
    useRealtimeCollection("posts", () => ({
      onEvent: (event) => expectTypeOf(event.record).toEqualTypeOf<PostsResponse>(),
    }));
    useRealtimeRecord("authors", "id", () => ({
      onEvent: (event) => expectTypeOf(event.record).toEqualTypeOf<AuthorsResponse>(),
    }));
    // @ts-expect-error unknown collection
    useRealtimeCollection("nope");
    // @ts-expect-error unknown collection
    useRealtimeRecord("nope", "id");
  });

  it("rejects a collection name the schema does not know, in every hook", () => {
    // @ts-expect-error unknown collection
    useCollection("post");
    // @ts-expect-error unknown collection
    useFullCollection("nope");
    // @ts-expect-error unknown collection
    useInfiniteCollection("nope");
    // @ts-expect-error unknown collection
    useRecord("nope", "id");
    // @ts-expect-error unknown collection
    useCreateRecord("nope");
    // @ts-expect-error unknown collection
    useUpdateRecord("nope");
    // @ts-expect-error unknown collection
    useDeleteRecord("nope");
    // @ts-expect-error a plain string could be any collection
    useCollection("posts" as string);
    expectTypeOf<CollectionName>().toEqualTypeOf<"posts" | "authors" | "users">();
  });

  it("types create data from the record", () => {
    const create = useCreateRecord("posts");
    expectTypeOf(create.mutate).parameter(0).toEqualTypeOf<CreateDataOf<"posts">>();
    expectTypeOf(create.mutate).parameter(0).toExtend<CreateRecordData<PostsResponse>>();
    expectTypeOf(create.data).toEqualTypeOf<PostsResponse | undefined>();
    create.mutate({ title: "Hello", status: "draft", tags: ["news"], cover: new File([], "cover.png") });
    // @ts-expect-error not a field of posts
    create.mutate({ titel: "Hello" });
    // @ts-expect-error not a status
    create.mutate({ status: "archived" });
    useCreateRecord("users").mutate({ email: "a@b.c", password: "12345678", passwordConfirm: "12345678" });
  });

  it("types update variables from the record", () => {
    const update = useUpdateRecord("posts", () => ({
      onSuccess: (post, variables) => {
        expectTypeOf(post).toEqualTypeOf<PostsResponse>();
        expectTypeOf(variables).toEqualTypeOf<UpdateRecordVariables<PostsResponse>>();
      },
    }));
    update.mutate({ id: "a", data: { "views+": 1, "tags-": "old", "attachments+": new File([], "a.pdf") } });
    // @ts-expect-error views is a number
    update.mutate({ id: "a", data: { views: "1" } });
    // @ts-expect-error an update needs the id
    update.mutate({ data: { title: "x" } });
  });

  it("still takes an explicit record type, e.g. to type expand, with a known name", () => {
    type Post = PostsResponse<{ author: AuthorsResponse }>;
    const posts = useCollection<Post>("posts", () => ({ expand: "author" }));
    expectTypeOf(posts.data).toEqualTypeOf<ListResult<Post> | undefined>();
    expectTypeOf(useRecord<Post>("posts", "id").data).toEqualTypeOf<Post | undefined>();
    const create = useCreateRecord<Post>("posts");
    expectTypeOf(create.data).toEqualTypeOf<Post | undefined>();
    // A written record type checks the fields it declares and lets others pass.
    create.mutate({ title: "Hello", extra: 1 });
    // @ts-expect-error views is a number
    create.mutate({ views: "1" });
    // @ts-expect-error the name is still checked
    useCollection<Post>("nope");
  });

  it("types the client: usePocketBase returns the registered client", () => {
    expectTypeOf(usePocketBase()).toEqualTypeOf<RegisteredPocketBase>();
    expectTypeOf(usePocketBase().collection("posts")).toEqualTypeOf<RecordService<PostsResponse>>();
    expectTypeOf<RegisteredRecord<"authors">>().toEqualTypeOf<AuthorsResponse>();
    PocketBaseProvider({ client: {} as RegisteredPocketBase });
    // A plain PocketBase passes too: RecordService's type parameter does not affect assignability.
    PocketBaseProvider({ client: {} as PocketBase });
  });

  it("types the signed-in record from the auth collection: users by default, another by name", () => {
    expectTypeOf(useAuth().record).toEqualTypeOf<UsersResponse | null>();
    expectTypeOf(useAuth<"authors">().record).toEqualTypeOf<AuthorsResponse | null>();
    expectTypeOf(useAuth<PostsResponse>().record).toEqualTypeOf<PostsResponse | null>();
    expectTypeOf(useAuthWithPassword("users").data?.record).toEqualTypeOf<UsersResponse | undefined>();
    expectTypeOf(useAuthWithOTP("users").data?.record).toEqualTypeOf<UsersResponse | undefined>();
    expectTypeOf(useAuthWithOAuth2("authors").data?.record).toEqualTypeOf<AuthorsResponse | undefined>();
    // @ts-expect-error the name is checked against the schema, as in every hook
    useAuthWithPassword("nope");
  });
});
