import { compileFilter } from "./compileFilter";
import type { FieldTypes } from "./types";
import type { NormalizedParams } from "../types";

/**
 * Whether a record belongs in a list with these parameters: `true`, `false`, or `undefined` when
 * the client cannot tell. The one place that decides list membership for the cache reducer: a
 * list without `filter` holds every record of its collection, a filter is decided by
 * {@link compileFilter}. (A record that fails the listRule never reaches the client: PocketBase
 * sends no event for it.)
 * @internal
 */
export function matches(
  params: NormalizedParams,
  record: Record<string, unknown>,
  fieldTypes?: FieldTypes,
): boolean | undefined {
  if (params.filter === undefined) return true;
  return compileFilter(params.filter)?.(record, fieldTypes);
}
