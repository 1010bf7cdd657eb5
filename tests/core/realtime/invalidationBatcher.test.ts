import { QueryClient, QueryObserver, type QueryKey } from "@tanstack/solid-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { invalidationBatcher } from "../../../src/core/realtime/invalidationBatcher";
import { waitFor } from "../../helpers/pocketbase";

/**
 * An observed (active) query holding `data`, fresh until invalidated, whose queryFn answers
 * with `answer(call)` (by default at once with the call's number). `calls()` counts its fetches.
 */
function observed<T = number>(queryClient: QueryClient, queryKey: QueryKey, data: T, answer?: (call: number) => Promise<T>) {
  let calls = 0;
  queryClient.setQueryData(queryKey, data);
  const observer = new QueryObserver(queryClient, {
    queryKey,
    queryFn: () => (answer ? answer(++calls) : Promise.resolve(++calls as T)),
    staleTime: Infinity,
  });
  const stop = observer.subscribe(() => {});
  return { calls: () => calls, observer, stop };
}

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("invalidationBatcher", () => {
  afterEach(() => void vi.useRealTimers());

  it("sends the invalidations of one window together when it closes, each distinct key once", async () => {
    vi.useFakeTimers();
    const queryClient = new QueryClient();
    const list = observed(queryClient, ["posts", "list"], 0);
    const detail = observed(queryClient, ["posts", "detail", "a"], 0);
    const batcher = invalidationBatcher(queryClient, 50);
    for (let i = 0; i < 5; i++) batcher.invalidate(["posts", "list"]);
    batcher.invalidate(["posts", "detail"]);
    await vi.advanceTimersByTimeAsync(49);
    expect([list.calls(), detail.calls()]).toEqual([0, 0]);
    await vi.advanceTimersByTimeAsync(1);
    expect([list.calls(), detail.calls()]).toEqual([1, 1]);
    // A later event opens a new window.
    batcher.invalidate(["posts", "list"]);
    await vi.advanceTimersByTimeAsync(50);
    expect([list.calls(), detail.calls()]).toEqual([2, 1]);
  });

  it("refetches the active queries it invalidates and only marks the inactive ones stale", async () => {
    const queryClient = new QueryClient();
    const shown = observed(queryClient, ["posts", "list", 1], 0);
    const hidden = observed(queryClient, ["posts", "list", 2], 0);
    hidden.stop();
    const batcher = invalidationBatcher(queryClient);
    batcher.invalidate(["posts", "list"]);
    await batcher.flush();
    expect([shown.calls(), hidden.calls()]).toEqual([1, 0]);
    expect(queryClient.getQueryState(["posts", "list", 2])?.isInvalidated).toBe(true);
  });

  it("keeps an exact key and the same key as a prefix apart", async () => {
    const queryClient = new QueryClient();
    const parent = observed(queryClient, ["posts"], 0);
    const child = observed(queryClient, ["posts", "list"], 0);
    const batcher = invalidationBatcher(queryClient);
    batcher.invalidate(["posts"], true);
    await batcher.flush();
    expect([parent.calls(), child.calls()]).toEqual([1, 0]); // exact: that query only
    batcher.invalidate(["posts"]);
    batcher.invalidate(["posts"], true); // must not replace the prefix queued just before
    await batcher.flush();
    expect(child.calls()).toBe(1);
  });

  it("is one per QueryClient: every caller shares its window, set by the first call", async () => {
    vi.useFakeTimers();
    const queryClient = new QueryClient();
    const list = observed(queryClient, ["posts", "list"], 0);
    const first = invalidationBatcher(queryClient, 50);
    expect(invalidationBatcher(queryClient, 10)).toBe(first);
    expect(invalidationBatcher(new QueryClient())).not.toBe(first);
    // Two listeners (say a collection's and a record's) invalidating the same list in one window.
    invalidationBatcher(queryClient).invalidate(["posts", "list"]);
    invalidationBatcher(queryClient, 10).invalidate(["posts", "list"]);
    await vi.advanceTimersByTimeAsync(10);
    expect(list.calls()).toBe(0);
    await vi.advanceTimersByTimeAsync(40);
    expect(list.calls()).toBe(1);
  });

  it("flush() sends at once and resolves when the refetches have settled", async () => {
    vi.useFakeTimers();
    const queryClient = new QueryClient();
    const server = deferred<string>();
    const list = observed(queryClient, ["posts", "list"], "old", () => server.promise);
    const batcher = invalidationBatcher(queryClient, 50);
    batcher.invalidate(["posts", "list"]);
    let settled = false;
    const flushed = batcher.flush().then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(list.calls()).toBe(1); // before the window closed
    expect(settled).toBe(false); // the refetch is still out
    server.resolve("new");
    await flushed;
    expect(queryClient.getQueryData(["posts", "list"])).toBe("new");
  });

  it("cancels a refetch in flight at flush time and starts it again (its answer may predate the event)", async () => {
    const queryClient = new QueryClient();
    const answers = [deferred<string>(), deferred<string>()];
    const list = observed(queryClient, ["posts", "list"], "old", (call) => answers[call - 1]!.promise);
    void list.observer.refetch().catch(() => {});
    await waitFor(() => list.calls() === 1, { message: "first refetch started" });
    const batcher = invalidationBatcher(queryClient);
    batcher.invalidate(["posts", "list"]);
    const flushed = batcher.flush();
    await waitFor(() => list.calls() === 2, { message: "refetch restarted" });
    answers[1]!.resolve("after the event");
    await flushed;
    expect(queryClient.getQueryData(["posts", "list"])).toBe("after the event");
  });
});
