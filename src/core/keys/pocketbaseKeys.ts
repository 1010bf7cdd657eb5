import type { RecordModel } from "pocketbase";
import { normalizeParams } from "./normalizeParams";
import type {
  DetailKey,
  FullListKey,
  InfiniteKey,
  ListKey,
  ListQueryParams,
  PageQueryParams,
  RecordQueryParams,
} from "../types";

const ROOT = "pocketbase";

/**
 * The query-key factory shared by every hook. One root, nested by collection, so invalidation
 * can target any level:
 *
 * ```
 * ["pocketbase"]                                        everything
 * ["pocketbase", collection]                            everything of a collection
 * ["pocketbase", collection, "list"]                    its pages and full lists
 * ["pocketbase", collection, "list", params]            one page (params has page/perPage)
 *                                                       or one full list (params has neither)
 * ["pocketbase", collection, "infinite", params]        one infinite list
 * ["pocketbase", collection, "detail", id, params]      one record
 * ```
 *
 * Mutations run under `["pocketbase", collection, kind]` (`create`, `update`, `delete`), in the
 * MutationCache: `collection(collection)` matches every mutation of a collection too.
 *
 * Params are normalised ({@link normalizeParams}), so equal requests share one cache entry.
 * The leaf keys carry their data type, so `queryClient.getQueryData(key)` is typed.
 *
 * @example
 * ```ts
 * // Refetch everything of "posts": pages, full lists, infinite lists and details.
 * queryClient.invalidateQueries({ queryKey: pocketbaseKeys.collection("posts") });
 *
 * // Read a cached page, typed as ListResult<Post> | undefined.
 * const page = queryClient.getQueryData(pocketbaseKeys.list<Post>("posts", { sort: "-created" }));
 * ```
 */
export const pocketbaseKeys = {
  /** `["pocketbase"]`: everything this library caches. */
  all: () => [ROOT] as const,

  /** `["pocketbase", collection]`: every query of one collection. */
  collection: (collection: string) => [ROOT, collection] as const,

  /** `["pocketbase", collection, "list"]`: every page and full list of a collection. */
  lists: (collection: string) => [ROOT, collection, "list"] as const,

  /**
   * One page of `getList`. `page` and `perPage` default to 1 and 30.
   *
   * @throws TypeError when `page` or `perPage` is not a positive integer.
   */
  list: <T = RecordModel>(collection: string, params?: PageQueryParams): ListKey<T> =>
    [ROOT, collection, "list", normalizeParams(params, true)] as const as ListKey<T>,

  /** The whole result of `getFullList`. */
  fullList: <T = RecordModel>(collection: string, params?: ListQueryParams): FullListKey<T> =>
    [ROOT, collection, "list", normalizeParams(params, false)] as const as FullListKey<T>,

  /** `["pocketbase", collection, "infinite"]`: every infinite list of a collection. */
  infinites: (collection: string) => [ROOT, collection, "infinite"] as const,

  /**
   * One infinite list. `perPage` is part of it; `page` is not (pages are its own).
   *
   * @throws TypeError when `perPage` is not a positive integer.
   */
  infinite: <T = RecordModel>(collection: string, params?: Omit<PageQueryParams, "page">): InfiniteKey<T> => {
    const { page: _page, ...rest } = normalizeParams(params, true);
    return [ROOT, collection, "infinite", rest] as const as InfiniteKey<T>;
  },

  /** `["pocketbase", collection, "detail"]`: every single-record query of a collection. */
  details: (collection: string) => [ROOT, collection, "detail"] as const,

  /** `["pocketbase", collection, kind]`: the mutation key of this library's creates, updates or deletes. */
  mutation: (collection: string, kind: "create" | "update" | "delete") => [ROOT, collection, kind] as const,

  /** One record by id. */
  detail: <T = RecordModel>(collection: string, id: string, params?: RecordQueryParams): DetailKey<T> =>
    [ROOT, collection, "detail", id, normalizeParams(params, false)] as const as DetailKey<T>,
};
