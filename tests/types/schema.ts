// Client and record types shaped like those pocketbase-typegen generates (written here by hand
// for the type tests; no generated code is copied). Shared by the type tests in this folder and
// by the registered fixtures in ./.registered/.
//
// As pocketbase-typegen writes them: a `*Record` type marks optional fields with `?` and leaves
// required ones (and `id`, and autodates set on create) bare; a `*Response` is
// `Required<*Record>` plus the system fields, so it no longer tells which fields a create needs.
import type PocketBase from "pocketbase";
import type { RecordService } from "pocketbase";

// pocketbase-typegen brands autodate and file name fields.
export type IsoAutoDateString = string & { readonly autodate: unique symbol };
export type FileNameString = string & { readonly filename: unique symbol };

type SystemFields<TExpand = unknown> = {
  id: string;
  collectionId: string;
  collectionName: keyof CollectionResponses;
  expand: TExpand;
};

type AuthSystemFields<TExpand = unknown> = SystemFields<TExpand> & {
  email: string;
  emailVisibility: boolean;
  username: string;
  verified: boolean;
};

export type PostsRecord = {
  attachments?: FileNameString[];
  author?: string;
  cover?: FileNameString;
  created: IsoAutoDateString;
  id: string;
  /** Required, with an autogenerate pattern: the server fills it in when left out. */
  slug: string;
  status: "draft" | "published";
  tags?: string[];
  title: string;
  updated: IsoAutoDateString;
  views?: number;
};

export type AuthorsRecord = {
  created: IsoAutoDateString;
  id: string;
  name: string;
  updated: IsoAutoDateString;
};

export type UsersRecord = {
  created: IsoAutoDateString;
  email: string;
  emailVisibility?: boolean;
  id: string;
  name?: string;
  password: string;
  tokenKey: string;
  updated: IsoAutoDateString;
  verified?: boolean;
};

// PocketBase's own collections, which pocketbase-typegen includes in its output.
export type SuperusersRecord = {
  created: IsoAutoDateString;
  email: string;
  emailVisibility?: boolean;
  id: string;
  password: string;
  tokenKey: string;
  updated: IsoAutoDateString;
  verified?: boolean;
};

type LinkRecord = {
  collectionRef: string;
  created: IsoAutoDateString;
  id: string;
  recordRef: string;
  updated: IsoAutoDateString;
};
export type OtpsRecord = LinkRecord & { password: string; sentTo?: string };
export type MfasRecord = LinkRecord & { method: string };
export type AuthOriginsRecord = LinkRecord & { fingerprint: string };
export type ExternalAuthsRecord = LinkRecord & { provider: string; providerId: string };

export type PostsResponse<TExpand = unknown> = Required<PostsRecord> & SystemFields<TExpand>;
export type AuthorsResponse<TExpand = unknown> = Required<AuthorsRecord> & SystemFields<TExpand>;
export type UsersResponse<TExpand = unknown> = Required<UsersRecord> & AuthSystemFields<TExpand>;
export type SuperusersResponse<TExpand = unknown> = Required<SuperusersRecord> & AuthSystemFields<TExpand>;

/** Name → record map, as pocketbase-typegen's `CollectionRecords`: what a create needs. */
export type CollectionRecords = {
  _authOrigins: AuthOriginsRecord;
  _externalAuths: ExternalAuthsRecord;
  _mfas: MfasRecord;
  _otps: OtpsRecord;
  _superusers: SuperusersRecord;
  authors: AuthorsRecord;
  posts: PostsRecord;
  users: UsersRecord;
};

/** Name → record map, as pocketbase-typegen's `CollectionResponses`: what reads return. */
export type CollectionResponses = {
  _authOrigins: Required<AuthOriginsRecord> & SystemFields;
  _externalAuths: Required<ExternalAuthsRecord> & SystemFields;
  _mfas: Required<MfasRecord> & SystemFields;
  _otps: Required<OtpsRecord> & SystemFields;
  _superusers: SuperusersResponse;
  authors: AuthorsResponse;
  posts: PostsResponse;
  users: UsersResponse;
};

/** pocketbase-typegen 1.3+: one generic `collection()`, intersected with `PocketBase`. */
export type GenericTypedPocketBase = {
  collection<T extends keyof CollectionResponses>(idOrName: T): RecordService<CollectionResponses[T]>;
} & PocketBase;

/** pocketbase-typegen up to 1.2: one overload per collection, intersected with `PocketBase`. */
export type OverloadTypedPocketBase = PocketBase & {
  collection(idOrName: "posts"): RecordService<PostsResponse>;
  collection(idOrName: "authors"): RecordService<AuthorsResponse>;
  collection(idOrName: "users"): RecordService<UsersResponse>;
};

/** The SDK README's pattern: an interface with overloads and a fallback for any other name. */
export interface FallbackTypedPocketBase extends PocketBase {
  collection(idOrName: string): RecordService;
  collection(idOrName: "posts"): RecordService<PostsResponse>;
  collection(idOrName: "authors"): RecordService<AuthorsResponse>;
}

/** An interface with overloads only. */
export interface StrictTypedPocketBase extends PocketBase {
  collection(idOrName: "posts"): RecordService<PostsResponse>;
  collection(idOrName: "authors"): RecordService<AuthorsResponse>;
  collection(idOrName: "users"): RecordService<UsersResponse>;
}
