// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { useFullCollection } from "../src/useFullCollection";
import { recordRequests } from "./helpers/msw";
import { newClient, seed, uniqueScope, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

type Post = { id: string; title: string; views: number };

describe("useFullCollection", () => {
  it("loads every matching record across batches, in the requested order", async () => {
    const scope = uniqueScope("full");
    await seed("posts", Array.from({ length: 5 }, (_, i) => ({ title: `t${i}`, views: i * 10, scope })));
    const requests = recordRequests();
    const { result } = renderWithClient(
      () => useFullCollection<Post>("posts", () => ({ filter: `scope = "${scope}"`, sort: "-views", batch: 2 })),
      newClient(),
    );
    await waitFor(() => result.isSuccess, { message: "full list loaded" });
    expect(result.data?.map((p) => p.views)).toEqual([40, 30, 20, 10, 0]);
    // batch 2 → three requests of one logical query; none was auto-cancelled by the next.
    expect(requests.count({ method: "GET", path: "/api/collections/posts/records" })).toBe(3);
    requests.stop();
  });
});
