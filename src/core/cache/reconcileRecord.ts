import { sameJson } from "./sameJson";
import { updatedTime } from "./updatedTime";

/**
 * What to do with an incoming version of a cached record. `expandOutdated`: the expansion of a
 * changed relation was dropped, so only a refetch brings the new one.
 * @internal
 */
export type Reconciled =
  | { outcome: "stale" }
  | { outcome: "unchanged" }
  | { outcome: "changed"; record: Record<string, unknown>; expandOutdated: boolean };


/**
 * Merges an incoming version of a record into its cached one (never mutated), with the guards
 * every cache entry needs. PocketBase sends the events of one change from separate goroutines,
 * in no guaranteed order: an older `updated` is stale (without `updated` on both sides, nothing
 * is). Realtime events and plain answers carry no `expand`, so a cached one is kept, minus the
 * expansions of relations that changed (they would show the old target until a refetch). The
 * merge is shallow: a partial record keeps the cached values of what it lacks.
 * @internal
 */
export function reconcileRecord(
  cached: Record<string, unknown>,
  incoming: Record<string, unknown>,
  force: boolean,
): Reconciled {
  if (!force && isOlder(incoming.updated, cached.updated)) return { outcome: "stale" };
  const record: Record<string, unknown> = { ...cached, ...incoming };
  let expandOutdated = false;
  if (incoming.expand === undefined && cached.expand !== undefined) {
    record.expand = cached.expand;
    const outdated = outdatedExpansions(cached, record);
    if (outdated.length > 0) {
      expandOutdated = true;
      // `{}` when none is left: what PocketBase answers when an asked expansion has no target.
      record.expand = Object.fromEntries(Object.entries(cached.expand as object).filter(([key]) => !outdated.includes(key)));
    }
  }
  if (sameJson(record, cached)) return { outcome: "unchanged" };
  return { outcome: "changed", record, expandOutdated };
}

// An expansion is keyed by its relation field (`author`, or `author.org` when nested);
// back-relations (`comments_via_post`) are not fields of this record and cannot go stale here.
function outdatedExpansions(cached: Record<string, unknown>, record: Record<string, unknown>): string[] {
  const expand = cached.expand;
  if (typeof expand !== "object" || expand === null) return [];
  return Object.keys(expand).filter((key) => {
    const field = key.split(".")[0] ?? key;
    return field in cached && !sameJson(cached[field], record[field]);
  });
}

function isOlder(incoming: unknown, cached: unknown): boolean {
  const a = updatedTime(incoming);
  const b = updatedTime(cached);
  return a !== undefined && b !== undefined && a < b;
}
