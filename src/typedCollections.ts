import type Client from "pocketbase";
import type { RecordModel } from "pocketbase";
import type { CollectionSignatures, LiteralKeys, SignatureName, SignatureRecord } from "./collectionOverloads";
import type { CreateRecordData, RequiredCreateFields, UpdateRecordVariables } from "./recordData";

/**
 * Registers your typed PocketBase client, or your collections' record types, for the whole app,
 * as TanStack Router and Query do with their own `Register`.
 *
 * Each hook that takes a collection has a type parameter `T`: a record type written out
 * (`useCollection<Post>("posts")`), or, left out, the collection name itself. Once a client or
 * collection map is registered, the name is enough: the hook reads the record type from the
 * schema (`useCollection("posts")` is a `ListResult<PostsResponse>`), checks mutation variables
 * against the record, and reports a collection name the schema does not know as a type error.
 * Without registration any name is accepted and records are `RecordModel`, or the type you write.
 *
 * Every member is optional:
 *
 * - `client`: a PocketBase client type whose `collection()` has one overload per collection
 *   (`collection(idOrName: "posts"): RecordService<PostsResponse>`), as the SDK's README shows
 *   and pocketbase-typegen before 1.3 generates. {@link PocketBaseProvider}'s `client` prop is
 *   then typed with it and {@link usePocketBase} returns it.
 * - `collections`: a map from collection name to record type, such as pocketbase-typegen's
 *   `CollectionResponses`. It wins over `client`. Needed with pocketbase-typegen 1.3 and later,
 *   whose generic `collection()` TypeScript cannot read per name ({@link CollectionMap}).
 * - `records`: pocketbase-typegen's `CollectionRecords`, the map whose record types mark
 *   optional fields with `?`. It decides which fields a create requires: every field its record
 *   type requires, except `id` (generated on the client), `collectionId`, `collectionName`,
 *   `expand`, autodates (`created`, `updated` and fields typed `IsoAutoDateString`) and
 *   `tokenKey`, which the server fills in; an auth record's create also requires
 *   `passwordConfirm` with `password`. `CollectionResponses` cannot say this: its records are
 *   `Required<...>`, every field present as a read returns it. Without `records`, and for a record
 *   type written out at the hook, every field of a create is optional. Updates are always partial.
 * - `serverDefaults`: for a required field the server fills in itself (a text field with an
 *   autogenerate pattern), a map from collection name to such field names, e.g.
 *   `{ posts: "slug" }`: a create may leave them out.
 * - `systemCollections: true`: PocketBase's own collections (`_superusers`, `_otps`, `_mfas`,
 *   `_authOrigins`, `_externalAuths`), which pocketbase-typegen includes, are not offered as
 *   collection names ({@link CollectionName}) unless this is set.
 *
 * @example
 * ```ts
 * // src/pocketbase.ts, next to the file pocketbase-typegen wrote
 * import type { CollectionRecords, CollectionResponses, TypedPocketBase } from "./pocketbase-types";
 *
 * declare module "solid-query-pocketbase" {
 *   interface Register {
 *     client: TypedPocketBase;
 *     collections: CollectionResponses;
 *     records: CollectionRecords;
 *   }
 * }
 *
 * export const pb = new PocketBase(import.meta.env.VITE_PB_URL) as TypedPocketBase;
 * ```
 */
export interface Register {}

/**
 * The PocketBase client type registered with {@link Register} (`client`), or `PocketBase`.
 *
 * @example
 * ```ts
 * const pb: RegisteredPocketBase = usePocketBase();
 * ```
 */
export type RegisteredPocketBase = Register extends {
  /** The registered client type. */
  client: infer TClient extends Client;
}
  ? TClient
  : Client;

/**
 * The name → record type map the hooks type against: the `collections` registered with
 * {@link Register}; else the one read from the registered `client`; else
 * `{ [name: string]: RecordModel }`, which accepts any name.
 *
 * @example
 * ```ts
 * type Posts = RegisteredCollections["posts"]; // PostsResponse once registered
 * ```
 */
export type RegisteredCollections = Register extends {
  /** The registered name → record type map. */
  collections: infer TMap extends object;
}
  ? TMap
  : CollectionMap<RegisteredPocketBase>;

/**
 * The name → record type map of a PocketBase client type, read from its `collection()`
 * overloads:
 *
 * - `collection(idOrName: "posts"): RecordService<PostsResponse>` maps `posts` to
 *   `PostsResponse`;
 * - an overload taking any `string` (the SDK README's fallback) maps every other name to its
 *   record type (`RecordModel`), so unknown names stay allowed;
 * - the SDK's own untyped `collection()`, which `PocketBase & { ... }` intersections carry
 *   along, is ignored, so on such a client an unknown name is an error;
 * - a plain `PocketBase` gives `{ [name: string]: RecordModel }`.
 *
 * A generic `collection<T extends keyof M>(idOrName: T): RecordService<M[T]>` (pocketbase-typegen
 * 1.3 and later) yields its names, but TypeScript only lets a type read such a signature with
 * `T` at its constraint, so each name maps to {@link UnresolvedCollectionRecord} (unless all its
 * records are one type): register `collections` as well. The overloads are read one by one;
 * a client with a few hundred collections costs seconds of type checking, where registering
 * `collections` costs nothing.
 *
 * @typeParam TClient - A `PocketBase` (sub)type.
 * @example
 * ```ts
 * interface TypedPocketBase extends PocketBase {
 *   collection(idOrName: "posts"): RecordService<Post>;
 *   collection(idOrName: "authors"): RecordService<Author>;
 * }
 * type Map = CollectionMap<TypedPocketBase>; // { posts: Post; authors: Author }
 * ```
 */
export type CollectionMap<TClient extends Client> = [CollectionSignatures<TClient>] extends [never]
  ? { [name: string]: RecordModel }
  : { [S in CollectionSignatures<TClient> as SignatureName<S>]: SignatureRecord<S> };

/**
 * The collection names a schema knows. `TSchema` is a PocketBase client type (see
 * {@link CollectionMap}) or a name → record type map; by default, what is registered with
 * {@link Register}. A string literal union for a typed schema (with `string & Record<never, never>`
 * added when the schema also accepts any other name: editors still suggest the literals),
 * `string` for an untyped one. PocketBase's own collections (`_superusers`, ...) are left out
 * unless {@link Register} sets `systemCollections: true`.
 *
 * @typeParam TSchema - A PocketBase client type or a name → record type map.
 * @example
 * ```ts
 * type Names = CollectionName<TypedPocketBase>; // "posts" | "authors"
 * type Any = CollectionName<PocketBase>;        // string
 * ```
 */
export type CollectionName<TSchema = RegisteredCollections> =
  string extends keyof CollectionsOf<TSchema>
    ? [LiteralKeys<CollectionsOf<TSchema>>] extends [never]
      ? string
      : // Not `string & {}`: TypeScript reduces that to `string` inside a conditional type.
        Exclude<LiteralKeys<CollectionsOf<TSchema>>, HiddenSystemCollection> | (string & Record<never, never>)
    : Exclude<keyof CollectionsOf<TSchema> & string, HiddenSystemCollection>;

/**
 * The record type of collection `TName` in a schema: what `pb.collection(TName).getOne()`
 * resolves to. `RecordModel` for a name the schema accepts without typing it. A union of names
 * gives the union of their records.
 *
 * @typeParam TSchema - A PocketBase client type (see {@link CollectionMap}) or a name → record
 *   type map, e.g. {@link RegisteredCollections}.
 * @typeParam TName - One of {@link CollectionName}`<TSchema>`.
 * @example
 * ```ts
 * type Post = CollectionRecord<TypedPocketBase, "posts">; // PostsResponse
 * type Any = CollectionRecord<PocketBase, "posts">;       // RecordModel
 * ```
 */
export type CollectionRecord<TSchema, TName> = TName extends keyof CollectionsOf<TSchema>
  ? CollectionsOf<TSchema>[TName]
  : RecordModel;

/**
 * The record type of collection `TName` in the registered schema ({@link RegisteredCollections}):
 * what the hooks infer when no record type is written.
 *
 * @typeParam TName - A collection name the registered schema knows.
 * @example
 * ```ts
 * type Post = RegisteredRecord<"posts">; // PostsResponse once registered, RecordModel before
 * ```
 */
export type RegisteredRecord<TName> = CollectionRecord<RegisteredCollections, TName>;

/**
 * The record type a hook's `T` stands for (see {@link Register}): `T` itself, or for a collection
 * name its {@link RegisteredRecord}.
 *
 * @typeParam T - A record type, or a collection name.
 * @example
 * ```ts
 * type A = RecordOf<Post>;    // Post
 * type B = RecordOf<"posts">; // PostsResponse once registered, RecordModel before
 * ```
 */
export type RecordOf<T> = T extends string ? RegisteredRecord<T> : T;

/**
 * The data `useCreateRecord` takes, for the hook's `T` (see {@link RecordOf}). For a collection
 * of the registered schema: {@link CreateRecordData} of its record, so a field it does not have
 * is an error, with the fields its registered `records` type requires made required (the rule
 * is in {@link Register}). For a record type written out (`useCreateRecord<Post>`): the fields
 * `Post` declares are checked, all optional, and other fields pass ({@link ExtraFields}), since
 * a hand-written type often lists only what a component reads.
 *
 * @typeParam T - The hook's `T`: a collection name, or a record type written out.
 * @example
 * ```ts
 * const data: CreateDataOf<"posts"> = { title: "Hello", status: "draft", "tags+": "news" };
 * ```
 */
export type CreateDataOf<T> = T extends string
  ? CreateRecordData<RegisteredRecord<T>> & RequiredOnCreate<T>
  : CreateRecordData<T> & ExtraFields;

/**
 * The variables `useUpdateRecord` takes, for the hook's `T` (see {@link RecordOf}):
 * {@link UpdateRecordVariables} of the registered record for a collection name; for a record
 * type written out, its fields checked as in {@link CreateDataOf}.
 *
 * @typeParam T - The hook's `T`: a collection name, or a record type written out.
 * @example
 * ```ts
 * const variables: UpdateVariablesOf<"posts"> = { id: post.id, data: { "views+": 1 } };
 * ```
 */
export type UpdateVariablesOf<T> = T extends string
  ? UpdateRecordVariables<RegisteredRecord<T>>
  : UpdateRecordVariables<T> & {
      /** The fields to change: those `T` declares are checked, others pass. */
      data: ExtraFields;
    };

/**
 * Fields a hand-written record type does not declare, in the data of a create or update typed
 * by that record type: allowed, unchecked.
 *
 * @example
 * ```ts
 * useUpdateRecord<{ id: string; title: string }>("posts").mutate({ id, data: { title: "t", author: userId } });
 * ```
 */
export interface ExtraFields {
  /** Any field; the server validates it. */
  [field: string]: unknown;
}

/**
 * The type of a hook's `collection` argument: the name `T` itself when the registered schema
 * knows it (that is how `T` is inferred), else any name the schema knows ({@link CollectionName}),
 * which is `string` without registration. So an unknown name is reported as "not assignable to
 * `"posts" | "authors"`".
 *
 * @typeParam T - The hook's `T`: a collection name, or a record type written out.
 * @example
 * ```ts
 * function useTitles<const T>(collection: CollectionArgument<T>) {
 *   return useCollection<T>(collection, () => ({ fields: "id,title" }));
 * }
 * ```
 */
export type CollectionArgument<T> = T extends CollectionName ? T : CollectionName;

/**
 * Stands in for the record type of a collection whose client declares `collection()`
 * generically ({@link CollectionMap} says why). Its type argument is the fix, so `tsc` prints it
 * wherever a record field is used: ``Property 'id' does not exist on type
 * 'UnresolvedCollectionRecord<"Add `collections: CollectionResponses` to Register ...">'``.
 *
 * @typeParam TFix - The message; leave it at its default.
 * @example
 * ```ts
 * declare module "solid-query-pocketbase" {
 *   interface Register {
 *     client: TypedPocketBase;
 *     collections: CollectionResponses; // the fix
 *   }
 * }
 * ```
 */
export interface UnresolvedCollectionRecord<
  TFix = "Add `collections: CollectionResponses` to Register (the registered client's collection() is generic)",
> {
  /** The fix: register `collections` next to `client`. */
  "solid-query-pocketbase": TFix;
}

/** A client type's collection map, or a map as it is. @internal */
type CollectionsOf<TSchema> = TSchema extends Client ? CollectionMap<TSchema> : TSchema;

/** PocketBase's own collections, hidden from {@link CollectionName} unless registered. @internal */
type HiddenSystemCollection = Register extends { systemCollections: true }
  ? never
  : "_superusers" | "_otps" | "_mfas" | "_authOrigins" | "_externalAuths";

/** The fields a create of collection `TName` must carry, from the registered `records`. @internal */
type RequiredOnCreate<TName> = Register extends { records: infer TRecords extends object }
  ? TName extends keyof TRecords
    ? RequiredCreateFields<TRecords[TName], ServerDefaults<TName>>
    : unknown
  : unknown;

/** The registered `serverDefaults` of collection `TName`. @internal */
type ServerDefaults<TName> = Register extends { serverDefaults: infer TDefaults extends object }
  ? TName extends keyof TDefaults
    ? TDefaults[TName]
    : never
  : never;
