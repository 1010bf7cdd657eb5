// Tested by tests/core/keys/pocketbaseKeys.test-d.ts (the data type each leaf key carries into
// getQueryData and setQueryData).
import type { DataTag, InfiniteData } from "@tanstack/solid-query";
import type { ListResult, RecordModel } from "pocketbase";

/**
 * PocketBase query parameters shared by every read.
 *
 * @example
 * ```ts
 * const params: RecordQueryParams = { expand: "author", fields: "id,title,expand.author.name" };
 * ```
 */
export interface RecordQueryParams {
  /** Relations to expand, comma separated (`"author,comments_via_post"`). */
  expand?: string;
  /** Fields to return, comma separated (`"id,title,expand.author.name"`). */
  fields?: string;
}

/**
 * Parameters of a list read: a PocketBase filter and sort on top of {@link RecordQueryParams}.
 *
 * @example
 * ```ts
 * const params: ListQueryParams = { filter: 'status = "open"', sort: "-created" };
 * ```
 */
export interface ListQueryParams extends RecordQueryParams {
  /** A PocketBase filter expression, e.g. `status = "open" && ward = "A"`. */
  filter?: string;
  /** A PocketBase sort expression, e.g. `-created,title`. */
  sort?: string;
}

/**
 * Parameters of one page of a list: {@link ListQueryParams} plus paging.
 *
 * @example
 * ```ts
 * const params: PageQueryParams = { sort: "-created", page: 2, perPage: 20, skipTotal: true };
 * ```
 */
export interface PageQueryParams extends ListQueryParams {
  /** 1-based page number. Defaults to 1. */
  page?: number;
  /** Records per page. Defaults to 30 (PocketBase caps it at 1000). */
  perPage?: number;
  /** Skip PocketBase's count query; `totalItems` and `totalPages` are then -1. */
  skipTotal?: boolean;
}

/**
 * Query parameters in the canonical form used inside query keys (see {@link normalizeParams}):
 * only what changes the server's answer, so equal requests share one cache entry.
 *
 * @example
 * ```ts
 * const params: NormalizedParams = normalizeParams({ sort: "-created, title" }, true);
 * // => { sort: "-created,title", page: 1, perPage: 30 }
 * ```
 */
export type NormalizedParams = {
  /** The filter, trimmed; absent when empty. */
  filter?: string;
  /** The sort, as a comma list without spaces. */
  sort?: string;
  /** The relations to expand, as a comma list without spaces. */
  expand?: string;
  /** The fields to return, as a comma list without spaces. */
  fields?: string;
  /** The page (1-based); present in the keys of pages only. */
  page?: number;
  /** Records per page; present in the keys of pages and infinite lists only. */
  perPage?: number;
  /** Present, and `true`, only when PocketBase's count query is skipped. */
  skipTotal?: true;
};

/**
 * A record as PocketBase returns it, with typed fields.
 *
 * @example
 * ```ts
 * type Post = PocketBaseRecord<{ title: string; views: number }>;
 * ```
 */
export type PocketBaseRecord<TFields extends object = Record<string, unknown>> = RecordModel & TFields;

// The leaf keys of `pocketbaseKeys`, tagged with the data cached under them so that
// `getQueryData(key)` is typed. Reached through the factory's return types only.

/** Key of one page of a list (`pocketbaseKeys.list`). @internal */
export type ListKey<T> = DataTag<readonly ["pocketbase", string, "list", NormalizedParams], ListResult<T>>;

/** Key of a full list (`pocketbaseKeys.fullList`). @internal */
export type FullListKey<T> = DataTag<readonly ["pocketbase", string, "list", NormalizedParams], T[]>;

/** Key of an infinite list (`pocketbaseKeys.infinite`). @internal */
export type InfiniteKey<T> = DataTag<
  readonly ["pocketbase", string, "infinite", NormalizedParams],
  InfiniteData<ListResult<T>, number>
>;

/** Key of one record (`pocketbaseKeys.detail`). @internal */
export type DetailKey<T> = DataTag<readonly ["pocketbase", string, "detail", string, NormalizedParams], T>;
