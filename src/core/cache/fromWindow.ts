import type { InfiniteData } from "@tanstack/solid-query";
import type { ListResult } from "pocketbase";
import type { WindowPatch } from "./patchWindow";

type Page = ListResult<Record<string, unknown>>;

/**
 * Writes a patched window back into the shape of `data` (never mutated), as a refetch would
 * return it: totals follow the count (both stay -1 with `skipTotal`), and an infinite list is
 * re-chunked so every page keeps its size.
 * @internal
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
    // Pages past the loaded ones appear only when a complete list grew (toWindow allows it).
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
