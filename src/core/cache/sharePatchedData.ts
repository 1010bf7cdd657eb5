import { replaceEqualDeep } from "@tanstack/query-core";

// Data objects written by the core reducer. Weak: they go when the cache drops them.
const patched = new WeakSet<object>();

/**
 * Structural sharing for this library's queries (their `structuralSharing` option).
 *
 * TanStack's default (`replaceEqualDeep`) walks old and new data to keep unchanged parts
 * identical. Data the core reducer wrote is built that way already (untouched rows keep their
 * references), so for it the walk is pure cost: measured at ~80% of the time of applying one
 * realtime event to 100 cached lists of 1,000 rows (bench/). Reducer output is marked with
 * {@link sharePatchedData.mark} and taken as is; everything else (fetched data) is shared the
 * default way.
 *
 * @param previous - The cached data.
 * @param next - The new data.
 * @returns `next` itself for reducer output, otherwise TanStack's structural sharing.
 * @example
 * ```ts
 * useQuery(() => ({ queryKey, queryFn, structuralSharing: sharePatchedData }));
 * ```
 */
export function sharePatchedData(previous: unknown, next: unknown): unknown {
  if (typeof next === "object" && next !== null && patched.has(next)) return next;
  return replaceEqualDeep(previous, next);
}

/** Marks reducer output so {@link sharePatchedData} keeps it as is. */
sharePatchedData.mark = <T>(data: T): T => {
  if (typeof data === "object" && data !== null) patched.add(data);
  return data;
};
