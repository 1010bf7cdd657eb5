import { sameJson } from "./sameJson";

/** What to do with an incoming version of a record that is already cached. */
export type Reconciled =
  /** The incoming version is older than the cached one: ignore it. */
  | { outcome: "stale" }
  /** Applying it would change nothing (typically the echo of our own write). */
  | { outcome: "unchanged" }
  /**
   * Replace the cached record with `record`. `expandOutdated` is true when a cached `expand`
   * was kept although the relation it expands changed: only a refetch brings the new one.
   */
  | { outcome: "changed"; record: Record<string, unknown>; expandOutdated: boolean };

// PocketBase writes `2006-01-02 15:04:05.000Z`; records built on the client may carry ISO.
const DATE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)Z$/;

/**
 * Merges an incoming version of a record into its cached version, applying the guards every
 * cache entry needs: an incoming record whose `updated` is older than the cached one is stale
 * (PocketBase does not guarantee the order of realtime events; without `updated` on both
 * sides, e.g. a collection without that autodate field, nothing is stale), an identical one changes
 * nothing, and a cached `expand` is kept when the incoming record has none (realtime events
 * and plain SDK answers carry no expansion).
 *
 * The merge is shallow (`{ ...cached, ...incoming }`), so a partial incoming record (one
 * projected by `fields`, or without hidden fields) keeps the cached values of what it lacks.
 *
 * @param cached - The record as the cache holds it.
 * @param incoming - The new version.
 * @param force - Skip the staleness guard (the server's own answer to our mutation replaces
 *   an optimistic record whose client-side `updated` may be later than the server's clock).
 * @returns The outcome; `record` is a new object, the cached one is never mutated.
 * @example
 * ```ts
 * const cached = { id: "a", updated: "2024-01-02 00:00:00.000Z" };
 * reconcileRecord(cached, { id: "a", updated: "2024-01-01 00:00:00.000Z" }, false);
 * // => { outcome: "stale" }
 * ```
 */
export function reconcileRecord(
  cached: Record<string, unknown>,
  incoming: Record<string, unknown>,
  force: boolean,
): Reconciled {
  if (!force && isOlder(incoming.updated, cached.updated)) return { outcome: "stale" };
  const record: Record<string, unknown> = { ...cached, ...incoming };
  const keepsExpand = incoming.expand === undefined && cached.expand !== undefined;
  if (keepsExpand) record.expand = cached.expand;
  if (sameJson(record, cached)) return { outcome: "unchanged" };
  return { outcome: "changed", record, expandOutdated: keepsExpand && expandOutdated(cached, record) };
}

// An expansion is keyed by the relation field it expands (`author`, or `author.org` for nested
// ones, whose first segment is still a field of this record). Back-relations
// (`comments_via_post`) are not fields of this record and cannot go stale through it.
function expandOutdated(cached: Record<string, unknown>, record: Record<string, unknown>): boolean {
  const expand = cached.expand;
  if (typeof expand !== "object" || expand === null) return false;
  return Object.keys(expand).some((key) => {
    const field = key.split(".")[0] ?? key;
    return field in cached && !sameJson(cached[field], record[field]);
  });
}

function isOlder(incoming: unknown, cached: unknown): boolean {
  const a = toTime(incoming);
  const b = toTime(cached);
  return a !== undefined && b !== undefined && a < b;
}

function toTime(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const match = DATE.exec(value);
  if (!match) return undefined;
  const time = Date.parse(`${match[1]}T${match[2]}Z`);
  return Number.isNaN(time) ? undefined : time;
}
