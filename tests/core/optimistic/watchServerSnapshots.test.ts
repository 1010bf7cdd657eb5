import { QueryClient } from "@tanstack/solid-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { RecordChange } from "../../../src/core/cache/applyRecordChange";
import { sharePatchedData } from "../../../src/core/cache/sharePatchedData";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { pendingWrites, type PendingWrite } from "../../../src/core/optimistic/pendingWrites";
import { rebaseCollection } from "../../../src/core/optimistic/rebaseCollection";
import { recentChanges } from "../../../src/core/optimistic/recentChanges";
import { serverChanges } from "../../../src/core/optimistic/serverChanges";
import { watchServerSnapshots } from "../../../src/core/optimistic/watchServerSnapshots";
import { ids, post, type Post } from "../../helpers/records";
import { pendingMutation } from "../../helpers/mutations";

const full = pocketbaseKeys.fullList<Post>("posts", { sort: "title" });

/** A QueryClient watched as a mutation hook sets it up (`mutated`), or as the realtime listener alone does. */
function client({ mutated }: { mutated: boolean }): QueryClient {
  const queryClient = new QueryClient();
  // As on the library's own queries: a view reaches the cache as the very object written.
  queryClient.setQueryDefaults(pocketbaseKeys.all(), { structuralSharing: sharePatchedData });
  if (mutated) serverChanges.rebaseWith(queryClient, rebaseCollection);
  watchServerSnapshots(queryClient);
  return queryClient;
}

const pending = (queryClient: QueryClient, write: PendingWrite) => pendingMutation(queryClient, write);

/** A realtime event as the listener handles it: logged for the fetches in flight, then applied. */
function event(queryClient: QueryClient, change: RecordChange): void {
  recentChanges.add(queryClient, "posts", change);
  serverChanges.apply(queryClient, "posts", { changes: [{ change }] });
}

/** A fetch of `full` whose answer (taken by the server when it started) the test releases. */
function heldFetch(queryClient: QueryClient, answer: Post[]) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const done = queryClient.fetchQuery({ queryKey: full, queryFn: () => released.then(() => answer) });
  return async () => {
    release();
    await done;
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("watchServerSnapshots", () => {
  it("rebases a fetched snapshot with the pending writes", async () => {
    const queryClient = client({ mutated: true });
    pending(queryClient, { type: "create", record: post("b"), detail: {} });
    await queryClient.fetchQuery({ queryKey: full, queryFn: async () => [post("a"), post("c")] });
    expect(ids(queryClient.getQueryData(full))).toEqual(["a", "b", "c"]);
  });

  it("takes the app's own setQueryData of raw data as the server's, with the pending writes on top", () => {
    const queryClient = client({ mutated: true });
    const mutation = pending(queryClient, { type: "create", record: post("b"), detail: {} });
    queryClient.setQueryData(full, [post("a"), post("c")]);
    expect(ids(queryClient.getQueryData(full))).toEqual(["a", "b", "c"]);
    pendingWrites.settle(mutation);
    rebaseCollection(queryClient, "posts");
    expect(ids(queryClient.getQueryData(full))).toEqual(["a", "c"]);
  });

  it("lets a view the library wrote pass through: it never becomes the server's data", () => {
    const queryClient = client({ mutated: true });
    queryClient.setQueryData(full, [post("a")]);
    const mutation = pending(queryClient, { type: "create", record: post("b"), detail: {} });
    rebaseCollection(queryClient, "posts");
    const view = queryClient.getQueryData(full);
    expect(ids(view)).toEqual(["a", "b"]);
    pendingWrites.settle(mutation); // failed: the view is recomputed from the server's data
    rebaseCollection(queryClient, "posts");
    expect(ids(queryClient.getQueryData(full))).toEqual(["a"]);
  });

  it("replays onto a fetch's answer the realtime changes that arrived after the fetch started", async () => {
    for (const mutated of [false, true]) {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(1_000);
      const queryClient = client({ mutated });
      queryClient.setQueryData(full, [post("a")]);
      const answer = heldFetch(queryClient, [post("a")]); // taken before "b" existed
      vi.setSystemTime(2_000);
      event(queryClient, { type: "create", record: post("b") });
      await answer();
      expect(ids(queryClient.getQueryData(full)), `mutated: ${mutated}`).toEqual(["a", "b"]);
      vi.useRealTimers();
    }
  });

  it("does not replay the realtime changes that arrived before the fetch started", async () => {
    for (const mutated of [false, true]) {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(1_000);
      const queryClient = client({ mutated });
      queryClient.setQueryData(full, [post("a")]);
      event(queryClient, { type: "create", record: post("b") });
      expect(ids(queryClient.getQueryData(full))).toEqual(["a", "b"]);
      vi.setSystemTime(2_000);
      // "b" left the list since, and this client missed that event (a dropped connection).
      const answer = heldFetch(queryClient, [post("a")]);
      await answer();
      expect(ids(queryClient.getQueryData(full)), `mutated: ${mutated}`).toEqual(["a"]);
      vi.useRealTimers();
    }
  });
});
