// The data a create or an update takes, typed from a record type (pocketbase-typegen's, or
// your own): which fields a write may set and with what values, PocketBase's modifiers, and
// the password fields of auth records.

/**
 * Data of a create for record type `T`: every field optional (a read type such as
 * pocketbase-typegen's `*Response` does not tell which a create needs; {@link CreateDataOf} adds
 * the registered required ones), an optional `id` (the hook generates one otherwise), a
 * `File`/`Blob` wherever a file can go, the `+`/`-` modifiers, and `password` /
 * `passwordConfirm` for auth records. System fields (`collectionId`, `collectionName`,
 * `expand`) and autodate fields are left out. A record type with an index signature (such as
 * `RecordModel`) accepts any key.
 *
 * @typeParam T - The record type.
 * @example
 * ```ts
 * const data: CreateRecordData<PostsResponse> = { title: "Hello", tags: ["news"], cover: file };
 * ```
 */
export type CreateRecordData<T> =
  IsAny<T> extends true ? AnyData & NewRecordId : NewRecordId & WritableFields<T> & Modifiers<T> & AuthWrites<T>;

/**
 * The optional `id` of a create: 15 characters of `[a-z0-9]`; the hook generates one if absent.
 *
 * @example
 * ```ts
 * const data: NewRecordId = { id: newRecordId() };
 * ```
 */
export interface NewRecordId {
  /** The new record's id; generated on the client when left out. */
  id?: string;
}

/**
 * Data of an update for record type `T`: any of its fields (a `File`/`Blob` where a file can
 * go), PocketBase's modifiers (`"views+": 1`, `"views-": 1`, `"tags+": "red"`,
 * `"+tags": "red"`, `"tags-": "red"`), and `oldPassword` / `password` / `passwordConfirm` for
 * auth records. `id`, system and autodate fields are left out.
 *
 * @typeParam T - The record type.
 * @example
 * ```ts
 * const data: UpdateRecordData<PostsResponse> = { title: "Hello again", "views+": 1 };
 * ```
 */
export type UpdateRecordData<T> = IsAny<T> extends true ? AnyData : WritableFields<T> & Modifiers<T> & AuthWrites<T>;

/**
 * The password fields a create or update of an auth record takes (pocketbase-typegen's record
 * types carry `password` but not its confirmation).
 *
 * @example
 * ```ts
 * const data: PasswordFields = { oldPassword: "old secret", password: "new secret", passwordConfirm: "new secret" };
 * ```
 */
export interface PasswordFields {
  /** The new password. */
  password?: string;
  /** The new password again; PocketBase rejects the write if they differ. */
  passwordConfirm?: string;
  /** The current password, required when a user changes their own password. */
  oldPassword?: string;
}

/**
 * Variables of an update for record type `T`: which record, and what to change.
 *
 * @typeParam T - The record type.
 * @example
 * ```ts
 * update.mutate({ id: post.id, data: { "likes+": 1 } } satisfies UpdateRecordVariables<PostsResponse>);
 * ```
 */
export interface UpdateRecordVariables<T> {
  /** Id of the record to update. */
  id: string;
  /** The fields to change, modifiers allowed. */
  data: UpdateRecordData<T>;
}

/** A record type of `any` takes any data (it is also what `T` erases to in overload checks). @internal */
type AnyData = { [field: string]: any };
/** @internal */
type IsAny<T> = 0 extends 1 & T ? true : false;

/** Fields PocketBase sets itself (a write ignores them), and `id`, which only a create sets. @internal */
type SystemKey = "id" | "collectionId" | "collectionName" | "expand";

/**
 * The fields a create must carry, read from a record type that marks optional fields with `?`
 * (pocketbase-typegen's `*Record`); {@link Register} (`records`) lists what is left out and why.
 * @internal
 */
export type RequiredCreateFields<TRecord, TServerFilled = never> =
  IsAny<TRecord> extends true
    ? unknown
    : {
        [K in RequiredKeys<TRecord> as K extends SystemKey | ServerFilledKey | TServerFilled
          ? never
          : NonNullable<TRecord[K]> extends AutodateBrand
            ? never
            : K]: FieldInput<TRecord[K]>;
      } & ("password" extends RequiredKeys<TRecord>
        ? "emailVisibility" extends keyof TRecord
          ? // PocketBase answers a new auth record without it "passwordConfirm: Cannot be blank".
            { passwordConfirm: string }
          : unknown
        : unknown);

/** The keys of `T` not marked optional (an index signature counts as optional). @internal */
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/** Required fields the server fills in on create: autodates by name, and the auth token key. @internal */
type ServerFilledKey = "created" | "updated" | "tokenKey";

/** pocketbase-typegen brands autodate fields (`created`, `updated`), which a write ignores. @internal */
type AutodateBrand = { readonly autodate: unknown };
/** pocketbase-typegen brands file fields with their file name type. @internal */
type FileNameBrand = { readonly filename: unknown };

/** Every field a write may set, optional, with the values PocketBase accepts for it. @internal */
type WritableFields<T> = {
  [K in keyof T as K extends SystemKey ? never : NonNullable<T[K]> extends AutodateBrand ? never : K]?: FieldInput<T[K]>;
};

/**
 * What a field accepts: its own type, plus a `File`/`Blob` for a file field. A file field's type
 * is its file name, so any plain `string` field (or pocketbase-typegen's branded file name)
 * takes a `Blob` too; select fields (string literal unions) do not.
 * @internal
 */
type FieldInput<V> =
  NonNullable<V> extends FileNameBrand
    ? string | Blob
    : NonNullable<V> extends readonly (infer E)[]
      ? NonNullable<E> extends FileNameBrand
        ? (string | Blob)[]
        : string extends E
          ? V | (string | Blob)[]
          : V
      : string extends V
        ? V | Blob
        : V;

/**
 * PocketBase's `+` / `-` modifiers for the number and multi-value fields of `T`. A record type
 * with an index signature (`RecordModel`) already accepts them as any other key.
 * @internal
 */
type Modifiers<T> = string extends keyof T ? unknown : {
  [K in keyof T & string as NonNullable<T[K]> extends number ? `${K}+` | `${K}-` : never]?: number;
} & {
  [K in keyof T & string as NonNullable<T[K]> extends readonly unknown[] ? `${K}+` | `+${K}` | `${K}-` : never]?:
    | ItemInput<T[K]>
    | ItemInput<T[K]>[];
};

/** One item of a multi-value field, as a modifier takes it (a file may be a `Blob`). @internal */
type ItemInput<V> = NonNullable<V> extends readonly (infer E)[] ? (string extends E ? E | Blob : E) | FileItem<E> : never;
/** @internal */
type FileItem<E> = NonNullable<E> extends FileNameBrand ? string | Blob : never;

/** Auth records (they carry `emailVisibility`) also take the password fields. @internal */
type AuthWrites<T> = T extends { emailVisibility: unknown } ? PasswordFields : unknown;
