import type { NormalizedParams, PageQueryParams } from "../types";

const PAGE_DEFAULT = 1;
const PER_PAGE_DEFAULT = 30;

/**
 * Normalises read parameters for a query key, so that equal requests share one cache entry.
 *
 * - `filter` is trimmed and dropped when empty; its text is otherwise kept as written, since
 *   rewriting an expression could change what it means.
 * - `sort`, `expand` and `fields` lose the spaces around their comma-separated items
 *   (`"-created, title"` and `"-created,title"` are the same request to PocketBase).
 * - With `paged`, `page` and `perPage` are always present (PocketBase's defaults 1 and 30), so
 *   `{}` and `{ page: 1, perPage: 30 }` share a key, and `skipTotal` is kept only when `true`.
 *   Without `paged` all three are dropped.
 *
 * @param params - Parameters as the user gave them.
 * @param paged - Whether the key is of paged data: one page of a list, or an infinite list.
 * @returns A fresh, plain object.
 * @throws TypeError when `page` or `perPage` is not a positive integer.
 * @example
 * ```ts
 * normalizeParams({ sort: "-created, title", filter: " " }, true);
 * // => { sort: "-created,title", page: 1, perPage: 30 }
 * ```
 */
export function normalizeParams(params: PageQueryParams | undefined, paged: boolean): NormalizedParams {
  const out: NormalizedParams = {};
  const filter = params?.filter?.trim();
  if (filter) out.filter = filter;
  const sort = commaList(params?.sort);
  if (sort) out.sort = sort;
  const expand = commaList(params?.expand);
  if (expand) out.expand = expand;
  const fields = commaList(params?.fields);
  if (fields) out.fields = fields;
  if (paged) {
    out.page = positiveInteger("page", params?.page ?? PAGE_DEFAULT);
    out.perPage = positiveInteger("perPage", params?.perPage ?? PER_PAGE_DEFAULT);
    if (params?.skipTotal) out.skipTotal = true;
  }
  return out;
}

function commaList(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const items = value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length ? items.join(",") : undefined;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new TypeError(`${name} must be a positive integer, got ${String(value)}. Pages are 1-based.`);
  }
  return value;
}
