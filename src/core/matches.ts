import type { NormalizedParams } from "./normalizeParams";

/**
 * Whether a record belongs in a list with these parameters, as far as the client can tell.
 *
 * This is the one place that decides list membership for the cache reducer
 * ({@link applyRecordChange}). Today only lists without a `filter` are decided: every record
 * of the collection belongs to them. Any filter is undecidable (`undefined`) until the filter
 * grammar lands; a record that fails the collection's listRule is invisible to the client
 * either way (PocketBase sends no event for it).
 *
 * @param params - The normalised parameters of the list's query key.
 * @param record - The record (after merging with its cached version).
 * @returns `true` when it belongs, `false` when it does not, `undefined` when undecidable.
 * @example
 * ```ts
 * matches({ sort: "-created" }, record); // => true
 * matches({ filter: 'status = "open"' }, record); // => undefined
 * ```
 */
export function matches(params: NormalizedParams, record: Record<string, unknown>): boolean | undefined {
  void record;
  return params.filter === undefined ? true : undefined;
}
