import type { InfiniteData } from "@tanstack/solid-query";
import type { ListResult } from "pocketbase";
import type { RecordWindow } from "./patchWindow";

type Row = Record<string, unknown>;
type Page = ListResult<Row>;

/**
 * Reads a cached list (a `getFullList` array, one page, or an infinite list's pages) as one
 * window of the server's ordering, so one patcher serves all three; `undefined` for data of
 * another shape.
 * @internal
 */
export function toWindow(kind: "full" | "page" | "infinite", data: unknown): RecordWindow | undefined {
  if (kind === "full") {
    return Array.isArray(data) ? { items: data as Row[], offset: 0, atEnd: true, capacity: Infinity } : undefined;
  }
  if (kind === "page") {
    if (!isPage(data)) return undefined;
    const offset = (data.page - 1) * data.perPage;
    return { items: data.items, offset, atEnd: pageAtEnd(data, offset + data.items.length), capacity: data.perPage };
  }
  const pages = (data as Partial<InfiniteData<unknown, unknown>> | undefined)?.pages;
  if (!Array.isArray(pages) || !pages.every(isPage)) return undefined;
  const last = pages.at(-1);
  if (!last) return undefined;
  const perPage = last.perPage;
  // Loaded pages must be 1..k, all the same size and all but the last full: then they are a
  // prefix of the ordering that can be re-chunked.
  const prefix = pages.every(
    (page, index) =>
      page.page === index + 1 && page.perPage === perPage && (page === last || page.items.length === perPage),
  );
  if (!prefix) return undefined;
  const items = pages.flatMap((page) => page.items);
  const atEnd = pageAtEnd(last, items.length);
  // Loaded to its end, it grows a page (what fetching the next one returns) and stays complete.
  return { items, offset: 0, atEnd, capacity: atEnd ? Infinity : pages.length * perPage };
}

// With totals the count says where the list ends; with `skipTotal` (-1) only a short page does.
function pageAtEnd(page: Page, end: number): boolean {
  return page.totalItems >= 0 ? end >= page.totalItems : page.items.length < page.perPage;
}

function isPage(value: unknown): value is Page {
  const page = value as Partial<Page> | undefined;
  return (
    typeof page === "object" &&
    page !== null &&
    Array.isArray(page.items) &&
    Number.isInteger(page.page) &&
    Number.isInteger(page.perPage) &&
    page.page! >= 1 &&
    page.perPage! >= 1 &&
    page.items.length <= page.perPage! &&
    typeof page.totalItems === "number" &&
    typeof page.totalPages === "number"
  );
}
