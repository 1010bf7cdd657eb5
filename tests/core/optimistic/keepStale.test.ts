import { QueryClient } from "@tanstack/solid-query";
import { describe, expect, it } from "vitest";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { keepStale } from "../../../src/core/optimistic/keepStale";
import { post } from "../../helpers/records";

describe("keepStale", () => {
  it("keeps a query TanStack knew to be stale stale after setQueryData patched it, and leaves fresh ones fresh", async () => {
    const queryClient = new QueryClient();
    const stale = pocketbaseKeys.fullList("posts", { sort: "title" });
    const fresh = pocketbaseKeys.fullList("posts", { sort: "-title" });
    queryClient.setQueryData(stale, [post("a")]);
    queryClient.setQueryData(fresh, [post("a")]);
    await queryClient.invalidateQueries({ queryKey: stale, exact: true });
    const result = keepStale(queryClient, "posts", () => {
      queryClient.setQueryData(stale, [post("b")]);
      queryClient.setQueryData(fresh, [post("b")]);
      return "written";
    });
    expect(result).toBe("written");
    expect(queryClient.getQueryState(stale)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(fresh)?.isInvalidated).toBe(false);
  });
});
