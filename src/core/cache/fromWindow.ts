import type { InfiniteData } from "@tanstack/query-core";
import type { ListResult } from "pocketbase";
import type { WindowPatch } from "./patchWindow";

type Page = ListResult<Record<string, unknown>>;

/**
 * Writes a {@link WindowPatch} back into the shape of the cached list data. Page totals follow
 * the count (`totalPages = ceil(totalItems / perPage)`; both stay -1 with `skipTotal`);
 * infinite lists are re-chunked so every loaded page keeps its size, dropping trailing pages
 * that a refetch would no longer load.
 *
 * @param kind - The list's kind, from `parseKey`.
 * @param data - The cached data the window was read from (never mutated).
 * @param patch - The window's new items and the change in the total count.
 * @returns New data of the same shape.
 * @example
 * ```ts
 * fromWindow("full", [a, b], { items: [a], delta: -1, guessed: false }); // => [a]
 * ```
 */
export function fromWindow(kind: "full" | "page" | "infinite", data: unknown, patch: WindowPatch): unknown {
  if (kind === "full") return patch.items;
  if (kind === "page") return { ...(data as Page), ...totals(data as Page, patch.delta), items: patch.items };
  const infinite = data as InfiniteData<Page, unknown>;
  // The last page is the freshest fetch (and the one getNextPageParam reads): its totals win.
  const last = infinite.pages.at(-1)!;
  const perPage = last.perPage;
  const count = totals(last, patch.delta);
  const pages: Page[] = [];
  const pageCount = Math.max(infinite.pages.length, Math.ceil(patch.items.length / perPage));
  for (let index = 0; index < pageCount; index++) {
    // Pages past the loaded ones appear only when a complete list grew (see toWindow).
    const page = infinite.pages[index] ?? { ...last, page: index + 1 };
    pages.push({ ...page, ...count, items: patch.items.slice(index * perPage, (index + 1) * perPage) });
    // A refetch loads pages while getNextPageParam allows (infiniteListQueryOptions): stop
    // where it would stop, so a page emptied by a removal is not kept.
    const more = count.totalPages < 0 ? pages.at(-1)!.items.length >= perPage : page.page < count.totalPages;
    if (!more) break;
  }
  const pageParams = pages.map((page, index) => infinite.pageParams[index] ?? page.page);
  return { ...infinite, pages, pageParams };
}

function totals(page: Page, delta: number): { totalItems: number; totalPages: number } {
  if (page.totalItems < 0) return { totalItems: page.totalItems, totalPages: page.totalPages };
  const totalItems = page.totalItems + delta;
  return { totalItems, totalPages: Math.ceil(totalItems / page.perPage) };
}
