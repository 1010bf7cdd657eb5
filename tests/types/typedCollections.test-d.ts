// Type tests of typed collections that need no registration: the helper types read with explicit
// client types, and the hooks as they are without a registered client (any name, RecordModel or
// an explicit record type). What registration changes is proven in ./.registered/ (see
// registered.test.ts): a registration is global to a compilation, so it cannot live here.
import type { InfiniteData } from "@tanstack/solid-query";
import type PocketBase from "pocketbase";
import type { ListResult, RecordModel } from "pocketbase";
import { describe, expectTypeOf, it } from "vitest";
import type {
  CollectionMap,
  CollectionName,
  CollectionRecord,
  ExtraFields,
  RegisteredCollections,
  RegisteredPocketBase,
  UnresolvedCollectionRecord,
  UpdateVariablesOf,
} from "../../src/typedCollections";
import type { CreateRecordData, RequiredCreateFields, UpdateRecordData } from "../../src/recordData";
import { useCollection } from "../../src/useCollection";
import { useCreateRecord } from "../../src/useCreateRecord";
import { useDeleteRecord } from "../../src/useDeleteRecord";
import { useFullCollection } from "../../src/useFullCollection";
import { useInfiniteCollection } from "../../src/useInfiniteCollection";
import { usePocketBase } from "../../src/usePocketBase";
import { useRecord } from "../../src/useRecord";
import { useUpdateRecord } from "../../src/useUpdateRecord";
import type {
  AuthorsRecord,
  AuthorsResponse,
  CollectionResponses,
  FallbackTypedPocketBase,
  GenericTypedPocketBase,
  IsoAutoDateString,
  OtpsRecord,
  OverloadTypedPocketBase,
  PostsRecord,
  PostsResponse,
  StrictTypedPocketBase,
  SuperusersResponse,
  UsersRecord,
  UsersResponse,
} from "./schema";

type Post = { id: string; title: string; views: number; tags: string[] };

describe("CollectionMap reads a client's collection() overloads", () => {
  it("maps each overload's name to its record type", () => {
    expectTypeOf<CollectionMap<StrictTypedPocketBase>>().toEqualTypeOf<{
      posts: PostsResponse;
      authors: AuthorsResponse;
      users: UsersResponse;
    }>();
  });

  it("ignores the SDK's untyped collection() that a PocketBase & {...} intersection carries", () => {
    expectTypeOf<CollectionMap<OverloadTypedPocketBase>>().toEqualTypeOf<CollectionMap<StrictTypedPocketBase>>();
  });

  it("keeps an explicit string fallback as an index signature of RecordModel", () => {
    type Map = CollectionMap<FallbackTypedPocketBase>;
    expectTypeOf<Map["posts"]>().toEqualTypeOf<PostsResponse>();
    expectTypeOf<Map["authors"]>().toEqualTypeOf<AuthorsResponse>();
    expectTypeOf<Map["anything"]>().toEqualTypeOf<RecordModel>();
    expectTypeOf<keyof Map>().toEqualTypeOf<string | number>();
  });

  it("maps a plain PocketBase to RecordModel for any name", () => {
    expectTypeOf<CollectionMap<PocketBase>>().toEqualTypeOf<{ [name: string]: RecordModel }>();
  });

  it("reads the names of a generic collection(), and says what to register for the records", () => {
    expectTypeOf<keyof CollectionMap<GenericTypedPocketBase>>().toEqualTypeOf<keyof CollectionResponses>();
    expectTypeOf<CollectionMap<GenericTypedPocketBase>["posts"]>().toEqualTypeOf<UnresolvedCollectionRecord>();
  });
});

describe("CollectionName and CollectionRecord", () => {
  it("are the literal names and their records for a typed client", () => {
    expectTypeOf<CollectionName<StrictTypedPocketBase>>().toEqualTypeOf<"posts" | "authors" | "users">();
    expectTypeOf<CollectionName<OverloadTypedPocketBase>>().toEqualTypeOf<"posts" | "authors" | "users">();
    expectTypeOf<CollectionRecord<StrictTypedPocketBase, "posts">>().toEqualTypeOf<PostsResponse>();
    expectTypeOf<CollectionRecord<OverloadTypedPocketBase, "users">>().toEqualTypeOf<UsersResponse>();
  });

  it("accept a name → record map as the schema", () => {
    expectTypeOf<CollectionName<CollectionResponses>>().toEqualTypeOf<"posts" | "authors" | "users">();
    expectTypeOf<CollectionRecord<CollectionResponses, "authors">>().toEqualTypeOf<AuthorsResponse>();
  });

  it("leave out PocketBase's own collections, which pocketbase-typegen includes", () => {
    expectTypeOf<CollectionName<GenericTypedPocketBase>>().toEqualTypeOf<"posts" | "authors" | "users">();
    expectTypeOf<CollectionName<{ _superusers: SuperusersResponse; _mine: RecordModel }>>().toEqualTypeOf<"_mine">();
    type Open = { [name: string]: RecordModel; _otps: RecordModel; posts: RecordModel };
    expectTypeOf<CollectionName<Open>>().toEqualTypeOf<"posts" | (string & Record<never, never>)>();
    // Still typed when named, e.g. by a wrapper that sets its own record type.
    expectTypeOf<CollectionRecord<CollectionResponses, "_superusers">>().toEqualTypeOf<SuperusersResponse>();
  });

  it("give the union of records for a union of names", () => {
    expectTypeOf<CollectionRecord<StrictTypedPocketBase, "posts" | "authors">>().toEqualTypeOf<
      PostsResponse | AuthorsResponse
    >();
  });

  it("keep any other name open, typed RecordModel, when the client has a string fallback", () => {
    expectTypeOf<"posts">().toExtend<CollectionName<FallbackTypedPocketBase>>();
    expectTypeOf<"anything">().toExtend<CollectionName<FallbackTypedPocketBase>>();
    expectTypeOf<CollectionName<FallbackTypedPocketBase>>().not.toEqualTypeOf<string>(); // literals still suggested
    expectTypeOf<CollectionRecord<FallbackTypedPocketBase, "posts">>().toEqualTypeOf<PostsResponse>();
    expectTypeOf<CollectionRecord<FallbackTypedPocketBase, "anything">>().toEqualTypeOf<RecordModel>();
  });

  it("are string and RecordModel for a plain PocketBase", () => {
    expectTypeOf<CollectionName<PocketBase>>().toEqualTypeOf<string>();
    expectTypeOf<CollectionRecord<PocketBase, "posts">>().toEqualTypeOf<RecordModel>();
  });

  it("default to the registered schema, which is untyped in this compilation", () => {
    expectTypeOf<RegisteredPocketBase>().toEqualTypeOf<PocketBase>();
    expectTypeOf<RegisteredCollections>().toEqualTypeOf<{ [name: string]: RecordModel }>();
    expectTypeOf<CollectionName>().toEqualTypeOf<string>();
  });
});

describe("CreateRecordData", () => {
  it("takes the record's fields, all optional, and an optional id", () => {
    expectTypeOf<{ title: string }>().toExtend<CreateRecordData<PostsResponse>>();
    expectTypeOf<{ id: string; title: string; status: "draft"; views: number; tags: string[] }>().toExtend<
      CreateRecordData<PostsResponse>
    >();
    expectTypeOf<{}>().toExtend<CreateRecordData<PostsResponse>>();
  });

  it("rejects unknown fields, wrong values, system and autodate fields", () => {
    expectTypeOf<{ titel: string }>().not.toExtend<CreateRecordData<PostsResponse>>();
    expectTypeOf<{ views: string }>().not.toExtend<CreateRecordData<PostsResponse>>();
    expectTypeOf<{ status: "archived" }>().not.toExtend<CreateRecordData<PostsResponse>>();
    expectTypeOf<{ collectionName: "posts" }>().not.toExtend<CreateRecordData<PostsResponse>>();
    expectTypeOf<{ expand: unknown }>().not.toExtend<CreateRecordData<PostsResponse>>();
    expectTypeOf<{ created: string }>().not.toExtend<CreateRecordData<PostsResponse>>();
  });

  it("takes files where a file can go, not in select fields", () => {
    expectTypeOf<{ cover: File; attachments: [File, Blob] }>().toExtend<CreateRecordData<PostsResponse>>();
    expectTypeOf<{ status: File }>().not.toExtend<CreateRecordData<PostsResponse>>();
    expectTypeOf<{ views: File }>().not.toExtend<CreateRecordData<PostsResponse>>();
  });

  it("takes the modifiers of number and multi-value fields only", () => {
    expectTypeOf<{ "views+": 1; "tags+": "a"; "+tags": ["b"]; "tags-": "c" }>().toExtend<
      CreateRecordData<PostsResponse>
    >();
    expectTypeOf<{ "title+": "x" }>().not.toExtend<CreateRecordData<PostsResponse>>();
    expectTypeOf<{ "views+": "1" }>().not.toExtend<CreateRecordData<PostsResponse>>();
  });

  it("takes password fields for auth records only", () => {
    expectTypeOf<{ email: string; password: string; passwordConfirm: string }>().toExtend<
      CreateRecordData<UsersResponse>
    >();
    expectTypeOf<{ password: string }>().not.toExtend<CreateRecordData<PostsResponse>>();
  });

  it("takes anything for RecordModel and any", () => {
    expectTypeOf<{ whatever: 1; "n+": 2 }>().toExtend<CreateRecordData<RecordModel>>();
    expectTypeOf<{ whatever: 1 }>().toExtend<CreateRecordData<any>>();
  });
});

describe("RequiredCreateFields", () => {
  type Needed<T, TServerFilled = never> = RequiredCreateFields<T, TServerFilled>;

  it("requires the fields a pocketbase-typegen *Record type leaves bare", () => {
    expectTypeOf<Needed<AuthorsRecord>>().toEqualTypeOf<{ name: string | Blob }>();
    expectTypeOf<Needed<PostsRecord>>().toEqualTypeOf<{
      slug: string | Blob;
      status: "draft" | "published";
      title: string | Blob;
    }>();
  });

  it("leaves out id, system fields, autodates by brand and by name, and the auth token key", () => {
    type HandWritten = {
      id: string;
      collectionId: string;
      collectionName: "notes";
      expand: unknown;
      created: string;
      updated: string;
      touched: IsoAutoDateString;
      tokenKey: string;
      body: string;
    };
    expectTypeOf<Needed<HandWritten>>().toEqualTypeOf<{ body: string | Blob }>();
  });

  it("leaves out the fields the server fills in", () => {
    expectTypeOf<Needed<PostsRecord, "slug">>().toEqualTypeOf<{
      status: "draft" | "published";
      title: string | Blob;
    }>();
  });

  it("adds passwordConfirm to an auth record's required password", () => {
    expectTypeOf<Needed<UsersRecord>>().toEqualTypeOf<
      { email: string | Blob; password: string | Blob } & { passwordConfirm: string }
    >();
    // _otps has a password field but is no auth collection.
    expectTypeOf<Needed<OtpsRecord>>().toEqualTypeOf<{
      collectionRef: string | Blob;
      recordRef: string | Blob;
      password: string | Blob;
    }>();
  });

  it("requires nothing of a record type with an index signature, or of any", () => {
    expectTypeOf<Needed<RecordModel>>().toEqualTypeOf<{}>();
    expectTypeOf<Needed<any>>().toEqualTypeOf<unknown>();
  });
});

describe("UpdateRecordData", () => {
  it("takes fields and modifiers but no id", () => {
    expectTypeOf<{ title: string; "views-": 2; "attachments-": "old.png"; "attachments+": File }>().toExtend<
      UpdateRecordData<PostsResponse>
    >();
    expectTypeOf<{ id: string }>().not.toExtend<UpdateRecordData<PostsResponse>>();
    expectTypeOf<{ oldPassword: string; password: string }>().toExtend<UpdateRecordData<UsersResponse>>();
  });
});

describe("hooks without a registered client", () => {
  it("accept any name and default to RecordModel", () => {
    expectTypeOf(useCollection("anything").data).toEqualTypeOf<ListResult<RecordModel> | undefined>();
    expectTypeOf(useFullCollection("anything").data).toEqualTypeOf<RecordModel[] | undefined>();
    expectTypeOf(useRecord("anything", "id").data).toEqualTypeOf<RecordModel | undefined>();
    expectTypeOf(useInfiniteCollection("anything").data).toEqualTypeOf<
      InfiniteData<ListResult<RecordModel>, number> | undefined
    >();
    const name: string = "runtime";
    expectTypeOf(useCollection(name).data).toEqualTypeOf<ListResult<RecordModel> | undefined>();
    expectTypeOf(usePocketBase()).toEqualTypeOf<PocketBase>();
  });

  it("take an explicit record type, and an explicit TData", () => {
    expectTypeOf(useCollection<Post>("posts").data).toEqualTypeOf<ListResult<Post> | undefined>();
    expectTypeOf(useFullCollection<Post>("posts").data).toEqualTypeOf<Post[] | undefined>();
    expectTypeOf(useRecord<Post>("posts", () => "id").data).toEqualTypeOf<Post | undefined>();
    expectTypeOf(useInfiniteCollection<Post>("posts").data).toEqualTypeOf<
      InfiniteData<ListResult<Post>, number> | undefined
    >();
    expectTypeOf(useCollection<Post, number>("posts", () => ({ select: (page) => page.totalItems })).data).toEqualTypeOf<
      number | undefined
    >();
  });

  it("infer TData from select", () => {
    const titles = useCollection("posts", () => ({ select: (page) => page.items.map((r) => r.id) }));
    expectTypeOf(titles.data).toEqualTypeOf<string[] | undefined>();
  });

  it("check the fields an explicit record type declares, and let others pass", () => {
    const create = useCreateRecord<Post>("posts");
    expectTypeOf(create.mutate).parameter(0).toEqualTypeOf<CreateRecordData<Post> & ExtraFields>();
    create.mutate({ title: "x", "views+": 1, author: "not declared by Post" });
    // @ts-expect-error views is a number
    create.mutate({ views: "many" });
    // @ts-expect-error tags is an array of strings
    create.mutate({ tags: [1] });

    const update = useUpdateRecord<Post>("posts");
    expectTypeOf(update.mutate).parameter(0).toEqualTypeOf<UpdateVariablesOf<Post>>();
    update.mutate({ id: "a", data: { "tags+": "red", author: "not declared by Post" } });
    // @ts-expect-error views is a number
    update.mutate({ id: "a", data: { views: "many" } });
    // @ts-expect-error the id is required
    update.mutate({ data: { title: "x" } });

    expectTypeOf(useDeleteRecord("posts").mutate).parameter(0).toEqualTypeOf<string>();
  });

  it("require no field of a create, with no records registered", () => {
    useCreateRecord("posts").mutate({});
    expectTypeOf(useCreateRecord("posts").mutate).parameter(0).toEqualTypeOf<CreateRecordData<RecordModel>>();
  });

  it("accept anything for RecordModel records", () => {
    useCreateRecord("anything").mutate({ whatever: 1, "count+": 2 });
    useUpdateRecord("anything").mutate({ id: "a", data: { whatever: 1 } });
  });

  it("keep instantiation expressions working", () => {
    type Options = Parameters<typeof useUpdateRecord<Post>>[1];
    expectTypeOf<NonNullable<Options>>().returns.toHaveProperty("onSuccess");
  });
});
