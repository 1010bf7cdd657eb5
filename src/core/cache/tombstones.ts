import type { QueryClient } from "@tanstack/solid-query";
import { updatedTime } from "./updatedTime";

type Cache = Pick<QueryClient, "getQueryCache">;

// `collection/id` → the deleted record's `updated` in ms, oldest first. Keyed by the QueryCache:
// the optimistic rebase hands the reducer copies of a cache, which share it.
const graves = new WeakMap<object, Map<string, number>>();
// The same for creates the cache has applied: the answer to a create and its realtime echo are
// one creation, which a page that only counts it (no row of it to show) must count once.
const births = new WeakMap<object, Map<string, number>>();

// The newest 1,000 per cache: an out-of-order event trails its delete by the gap between two
// goroutines' sends (milliseconds), so only the latest deletes can still be overtaken.
const LIMIT = 1_000;

// A record's version; an undated one counts as older than any.
const time = (value: unknown): number => updatedTime(value) ?? -Infinity;

/**
 * The records a cache saw deleted, so that a create or update sent before the delete but
 * received after it (PocketBase sends each event from its own goroutine, and both may carry
 * the same `updated` millisecond) does not bring the record back. A record re-created later
 * with the same id has a newer `updated`. Cleared with the rest of a user's cache.
 * @internal
 */
export const tombstones = {
  /** Remembers a deleted record by its last state; one without a readable `updated` is not kept. */
  bury(cache: Cache, collection: string, record: Record<string, unknown>): void {
    const deleted = time(record.updated);
    const key = `${collection}/${String(record.id)}`;
    const known = graves.get(cache.getQueryCache())?.get(key);
    enter(graves, cache, key, known === undefined ? deleted : Math.max(known, deleted));
  },
  /** Whether a delete of this id was applied already (its echo, or ours, comes twice). */
  knows(cache: Cache, collection: string, id: string): boolean {
    return graves.get(cache.getQueryCache())?.has(`${collection}/${id}`) ?? false;
  },
  /** Whether `record` is not newer than its deletion: a version to ignore. */
  buries(cache: Cache, collection: string, record: Record<string, unknown>): boolean {
    const map = graves.get(cache.getQueryCache());
    if (!map) return false;
    const deleted = map.get(`${collection}/${String(record.id)}`);
    const version = updatedTime(record.updated);
    return deleted !== undefined && version !== undefined && version <= deleted;
  },
  /** Records an applied creation; `true` when this creation was applied before. */
  born(cache: Cache, collection: string, record: Record<string, unknown>): boolean {
    const created = time(record.updated);
    const key = `${collection}/${String(record.id)}`;
    const known = births.get(cache.getQueryCache())?.get(key);
    if (known !== undefined && !(created > known)) return true;
    enter(births, cache, key, created);
    return false;
  },
  /** Forgets every tombstone and creation of a cache. */
  clear(cache: Cache): void {
    graves.delete(cache.getQueryCache());
    births.delete(cache.getQueryCache());
  },
};

// Writes `key` into a cache's book as its newest entry, dropping the oldest past the limit.
function enter(books: WeakMap<object, Map<string, number>>, cache: Cache, key: string, value: number): void {
  let book = books.get(cache.getQueryCache());
  if (!book) books.set(cache.getQueryCache(), (book = new Map()));
  book.delete(key); // re-inserted as the newest
  book.set(key, value);
  if (book.size > LIMIT) book.delete(book.keys().next().value!);
}
