/**
 * Deep equality for JSON-shaped values (what PocketBase sends and the cache holds): primitives
 * by `===`, arrays by position, objects by key. A key whose value is `undefined` counts as
 * absent, as it would after a JSON round trip.
 *
 * @param a - Any JSON-shaped value.
 * @param b - Any JSON-shaped value.
 * @returns Whether both serialise to the same JSON (up to key order).
 * @example
 * ```ts
 * sameJson({ id: "a", tags: ["x"] }, { tags: ["x"], id: "a" }); // => true
 * ```
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameJson(item, b[index]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) {
    if (!sameJson(x[key], y[key])) return false;
  }
  return true;
}
