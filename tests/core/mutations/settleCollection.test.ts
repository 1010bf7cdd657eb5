import { MutationObserver, QueryClient, QueryObserver } from "@tanstack/solid-query";
import { describe, expect, it } from "vitest";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { settleCollection } from "../../../src/core/mutations/settleCollection";
import { waitFor } from "../../helpers/pocketbase";
import { page } from "../../helpers/records";

/** A mutation of `collection` that settles through settleCollection when `finish()` is called. */
function heldMutation(queryClient: QueryClient, collection: string) {
  let finish!: () => void;
  const answered = new Promise<void>((resolve) => (finish = resolve));
  const observer = new MutationObserver(queryClient, {
    mutationKey: pocketbaseKeys.collection(collection),
    mutationFn: () => answered,
    onSettled: () => settleCollection(queryClient, collection),
  });
  const done = observer.mutate();
  return { finish, done };
}

function cachedLists(queryClient: QueryClient) {
  const posts = pocketbaseKeys.list("posts");
  const authors = pocketbaseKeys.list("authors");
  queryClient.setQueryData(posts, page([], 1, 30, 0));
  queryClient.setQueryData(authors, page([], 1, 30, 0));
  const stale = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;
  return { posts: () => stale(posts), authors: () => stale(authors) };
}

describe("settleCollection", () => {
  it("invalidates the collection only when the last of its mutations in flight settles", async () => {
    const queryClient = new QueryClient();
    const stale = cachedLists(queryClient);
    const first = heldMutation(queryClient, "posts");
    const second = heldMutation(queryClient, "posts");

    first.finish();
    await first.done;
    // A refetch now would bring a server state that predates the second mutation.
    expect(stale.posts()).toBe(false);

    second.finish();
    await second.done;
    expect(stale.posts()).toBe(true);
    expect(stale.authors()).toBe(false);
  });

  it("does not wait for mutations of other collections", async () => {
    const queryClient = new QueryClient();
    const stale = cachedLists(queryClient);
    const other = heldMutation(queryClient, "authors");
    const mine = heldMutation(queryClient, "posts");
    mine.finish();
    await mine.done;
    expect(stale.posts()).toBe(true);
    expect(stale.authors()).toBe(false);
    other.finish();
    await other.done;
  });

  it("returns a promise that settles once the refetch of the collection's active queries has landed", async () => {
    const queryClient = new QueryClient();
    let serverAnswer = "before";
    let answer!: () => void;
    const key = pocketbaseKeys.fullList("posts");
    const observer = new QueryObserver(queryClient, {
      queryKey: key,
      queryFn: () => new Promise<string>((resolve) => (answer = () => resolve(serverAnswer))),
    });
    const unsubscribe = observer.subscribe(() => undefined);
    answer();
    await waitFor(() => observer.getCurrentResult().data === "before", { message: "first fetch" });

    serverAnswer = "after";
    let landed = false;
    const settled = settleCollection(queryClient, "posts")!.then(() => (landed = true));
    await waitFor(() => observer.getCurrentResult().isFetching, { message: "refetch started" });
    expect(landed).toBe(false);
    answer();
    await settled;
    expect(queryClient.getQueryData(key)).toBe("after");
    unsubscribe();
  });
});
