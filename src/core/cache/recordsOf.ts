import type { ParsedKey } from "../keys/parseKey";

type Row = Record<string, unknown>;

/**
 * The records one cached query holds: a detail's record, or the items of a full list, a page or
 * the loaded pages of an infinite list. The one place that walks these shapes for reading;
 * anything that is not of the expected shape yields nothing.
 *
 * @param kind - The query's kind, from `parseKey`.
 * @param data - The cached data.
 * @returns A generator of the records, in cache order.
 * @example
 * ```ts
 * [...recordsOf("page", { page: 1, perPage: 30, totalItems: 1, totalPages: 1, items: [post] })]; // [post]
 * ```
 */
export function* recordsOf(kind: ParsedKey["kind"], data: unknown): Generator<Row> {
  if (typeof data !== "object" || data === null) return;
  if (kind === "detail") return void (yield data as Row);
  if (kind === "full") {
    if (Array.isArray(data)) yield* data as Row[];
    return;
  }
  const pages = kind === "page" ? [data] : (data as { pages?: unknown }).pages;
  if (!Array.isArray(pages)) return;
  for (const page of pages) {
    const items = (page as { items?: unknown } | null)?.items;
    if (Array.isArray(items)) yield* items as Row[];
  }
}
