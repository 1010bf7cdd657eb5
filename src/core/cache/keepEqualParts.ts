/**
 * `next`, with every part that deep-equals the same part of `previous` replaced by the previous
 * object (the whole of `previous` when nothing changed). A refetch that brings back the same
 * rows keeps their identity, so observers and Solid's fine-grained updates leave them alone.
 * It is our own so that the package needs nothing from `@tanstack/query-core` at runtime (see
 * {@link sharePatchedData}). JSON-shaped data only: anything but plain objects and arrays is
 * taken from `next` as it is.
 * @internal
 */
export function keepEqualParts<T>(previous: unknown, next: T): T {
  if (previous === next) return next;
  if (Array.isArray(previous) && Array.isArray(next)) {
    let same = previous.length === next.length;
    const out = next.map((item: unknown, index) => {
      const part = keepEqualParts(previous[index], item);
      if (part !== previous[index]) same = false;
      return part;
    });
    return (same ? previous : out) as T;
  }
  if (!isPlainObject(previous) || !isPlainObject(next)) return next;
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(previous).length;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const part = keepEqualParts(previous[key], next[key]);
    out[key] = part;
    if (part !== previous[key] || !(key in previous)) same = false;
  }
  return (same ? previous : out) as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
