import { compileFilter } from "./compileFilter";
import type { FieldTypes } from "./types";
import type { NormalizedParams } from "../types";

/**
 * Whether a record belongs in a list with these parameters, as far as the client can tell.
 *
 * This is the one place that decides list membership for the cache reducer
 * ({@link applyRecordChange}). A list without a `filter` holds every record of the collection.
 * A filter is decided by {@link compileFilter}, which reproduces PocketBase's SQL for plain
 * fields and returns `undefined` for what it cannot reproduce (relation paths, `@request`
 * macros, functions), and for records whose values leave the answer to a field type the record
 * does not show. A record that fails the collection's listRule is invisible to the client either
 * way (PocketBase sends no event for it).
 *
 * @param params - The normalised parameters of the list's query key.
 * @param record - The record (after merging with its cached version).
 * @param fieldTypes - The collection's declared field types, when known: they settle filters
 *   whose meaning depends on them (see `fieldTypesRegistry`).
 * @returns `true` when it belongs, `false` when it does not, `undefined` when undecidable.
 * @example
 * ```ts
 * matches({ sort: "-created" }, record); // => true
 * matches({ filter: 'status = "open"' }, { id: "a", status: "open" }); // => true
 * matches({ filter: "author.name = 'x'" }, record); // => undefined
 * ```
 */
export function matches(
  params: NormalizedParams,
  record: Record<string, unknown>,
  fieldTypes?: FieldTypes,
): boolean | undefined {
  if (params.filter === undefined) return true;
  return compileFilter(params.filter)?.(record, fieldTypes);
}
