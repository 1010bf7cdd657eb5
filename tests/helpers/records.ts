// Record builders for tests that fill a QueryClient by hand (no server): one "posts" record
// shape, timestamps by the minute, pages of a list, and the ids of a list for assertions.
import type { ListResult, RecordModel } from "pocketbase";

/** A cached "posts" record; tests add the fields they need. */
export type Post = RecordModel & {
  title: string;
  views: number;
  created: string;
  updated: string;
  status?: string;
  author?: string;
};

/** A PocketBase timestamp `minute` minutes into 2024. */
export const at = (minute: number): string => `2024-01-01 00:${String(minute).padStart(2, "0")}:00.000Z`;

/** A "posts" record with id `id`, titled after it, created and updated at minute 0. */
export function post(id: string, fields: Partial<Post> = {}): Post {
  return { id, collectionId: "pbc_posts", collectionName: "posts", title: id, views: 0, created: at(0), updated: at(0), ...fields };
}

/** One page of a list as `getList` answers it; `totalItems` -1 stands for `skipTotal`. */
export function page<T>(items: T[], page: number, perPage: number, totalItems: number): ListResult<T> {
  return { page, perPage, totalItems, totalPages: totalItems < 0 ? -1 : Math.ceil(totalItems / perPage), items };
}

/** Ids of the records in a list, in order. */
export function ids<T extends { id?: unknown }>(rows: readonly T[]): T["id"][];
export function ids<T extends { id?: unknown }>(rows: readonly T[] | undefined): T["id"][] | undefined;
export function ids<T extends { id?: unknown }>(rows: readonly T[] | undefined): T["id"][] | undefined {
  return rows?.map((row) => row.id);
}
