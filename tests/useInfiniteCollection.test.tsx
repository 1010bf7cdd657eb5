// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { useInfiniteCollection } from "../src/useInfiniteCollection";
import { newClient, seed, uniqueScope, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

type Post = { id: string; title: string };

describe("useInfiniteCollection", () => {
  for (const skipTotal of [false, true]) {
    it(`walks three pages and then has no next page (skipTotal: ${skipTotal})`, async () => {
      const scope = uniqueScope("infinite");
      await seed("posts", Array.from({ length: 7 }, (_, i) => ({ title: `item ${i}`, scope })));
      const { result } = renderWithClient(
        () => useInfiniteCollection<Post>("posts", () => ({ filter: `scope = "${scope}"`, sort: "title", perPage: 3, skipTotal })),
        newClient(),
      );
      await waitFor(() => result.isSuccess, { message: "first page" });
      expect(result.hasNextPage).toBe(true);
      await result.fetchNextPage();
      expect(result.hasNextPage).toBe(true);
      await result.fetchNextPage();
      await waitFor(() => result.data?.pages.length === 3, { message: "third page" });
      expect(result.hasNextPage).toBe(false);
      expect(result.data!.pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
      expect(result.data!.pages.flatMap((p) => p.items.map((i) => i.title))).toEqual(
        Array.from({ length: 7 }, (_, i) => `item ${i}`),
      );
      expect(result.data!.pages[0]!.totalItems).toBe(skipTotal ? -1 : 7);
    });
  }
});
