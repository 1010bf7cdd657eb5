import type { ParsedKey } from "../keys/parseKey";

type Row = Record<string, unknown>;

/**
 * The records one cached query holds, in cache order: the one reader of the four data shapes.
 * Data of an unexpected shape yields nothing.
 * @internal
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
