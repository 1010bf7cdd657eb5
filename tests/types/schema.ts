// Client and record types shaped like those pocketbase-typegen generates (written here by hand
// for the type tests; no generated code is copied). Shared by the type tests in this folder and
// by the registered fixture in ./.registered/.
import type PocketBase from "pocketbase";
import type { RecordService } from "pocketbase";

// pocketbase-typegen brands autodate and file name fields.
export type IsoAutoDateString = string & { readonly autodate: unique symbol };
export type FileNameString = string & { readonly filename: unique symbol };

type SystemFields<TExpand = unknown> = {
  id: string;
  collectionId: string;
  collectionName: "posts" | "authors" | "users";
  expand: TExpand;
};

export type PostsResponse<TExpand = unknown> = SystemFields<TExpand> & {
  title: string;
  status: "draft" | "published";
  views: number;
  tags: string[];
  cover: FileNameString;
  attachments: FileNameString[];
  author: string;
  created: IsoAutoDateString;
  updated: IsoAutoDateString;
};

export type AuthorsResponse<TExpand = unknown> = SystemFields<TExpand> & {
  name: string;
  created: IsoAutoDateString;
  updated: IsoAutoDateString;
};

export type UsersResponse<TExpand = unknown> = SystemFields<TExpand> & {
  email: string;
  emailVisibility: boolean;
  verified: boolean;
  name: string;
  created: IsoAutoDateString;
  updated: IsoAutoDateString;
};

/** Name → record map, as pocketbase-typegen's `CollectionResponses`. */
export type CollectionResponses = {
  posts: PostsResponse;
  authors: AuthorsResponse;
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
