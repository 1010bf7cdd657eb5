// @vitest-environment jsdom
import { createSignal } from "solid-js";
import { describe, expect, it } from "vitest";
import { pocketbaseKeys } from "../src/core/keys/pocketbaseKeys";
import { useCollection } from "../src/useCollection";
import { failNext, recordRequests, server } from "./helpers/msw";
import { newClient, pbUrl, seed, uniqueScope, userClient, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";
import { http } from "msw";

type Post = { id: string; title: string; views: number; scope: string; expand?: { author?: { name: string } } };

async function seedPosts(scope: string, count: number) {
  return seed<Post & { created: string }>(
    "posts",
    Array.from({ length: count }, (_, i) => ({ title: `post ${String(i).padStart(2, "0")}`, views: i, scope })),
  );
}

describe("useCollection", () => {
  it("two lists of one collection mounted together both resolve (no SDK auto-cancellation)", async () => {
    const scope = uniqueScope("parallel");
    await seedPosts(scope, 6);
    const pb = newClient(); // auto-cancellation left ON, as users have it
    const requests = recordRequests();
    const { result } = renderWithClient(
      () => ({
        page2: useCollection<Post>("posts", () => ({ filter: `scope = "${scope}"`, sort: "title", page: 2, perPage: 2 })),
        bigViews: useCollection<Post>("posts", () => ({ filter: `scope = "${scope}" && views >= 4`, sort: "-views" })),
      }),
      pb,
    );
    await waitFor(() => result.page2.isSuccess && result.bigViews.isSuccess, { message: "both lists loaded" });
    expect(result.page2.data?.items.map((p) => p.title)).toEqual(["post 02", "post 03"]);
    expect(result.page2.data).toMatchObject({ page: 2, perPage: 2, totalItems: 6, totalPages: 3 });
    expect(result.bigViews.data?.items.map((p) => p.views)).toEqual([5, 4]);
    expect(result.page2.error).toBeNull();
    expect(result.bigViews.error).toBeNull();
    // One request each: an auto-cancelled request would be retried and hide behind a success.
    expect(requests.count({ method: "GET", path: "/api/collections/posts/records" })).toBe(2);
    expect(result.page2.failureCount + result.bigViews.failureCount).toBe(0);
    requests.stop();
  });

  it("follows a signal read in the options accessor and keeps the previous entry cached", async () => {
    const scope = uniqueScope("signal");
    await seedPosts(scope, 5);
    const [minViews, setMinViews] = createSignal(0);
    const { result, queryClient } = renderWithClient(
      () => useCollection<Post>("posts", () => ({ filter: `scope = "${scope}" && views >= ${minViews()}`, sort: "views" })),
      newClient(),
    );
    await waitFor(() => result.isSuccess, { message: "first list loaded" });
    expect(result.data?.totalItems).toBe(5);

    setMinViews(3);
    await waitFor(() => result.data?.totalItems === 2, { message: "refetched under the new filter" });
    expect(result.data?.items.map((p) => p.views)).toEqual([3, 4]);

    const before = queryClient.getQueryData(
      pocketbaseKeys.list<Post>("posts", { filter: `scope = "${scope}" && views >= 0`, sort: "views" }),
    );
    expect(before?.totalItems).toBe(5);
  });

  it("passes expand and fields to the server, which shape the cached data", async () => {
    const scope = uniqueScope("shape");
    const [author] = await seed("authors", [{ name: "Ada" }]);
    await seed("posts", [{ title: "with author", author: author!.id, scope, body: "long text" }]);
    const { result } = renderWithClient(
      () =>
        useCollection<Post>("posts", () => ({
          filter: `scope = "${scope}"`,
          expand: "author",
          fields: "id,title,expand.author.name",
        })),
      newClient(),
    );
    await waitFor(() => result.isSuccess, { message: "list loaded" });
    const [post] = result.data!.items;
    expect(Object.keys(post!).sort()).toEqual(["expand", "id", "title"]);
    expect(post!.expand?.author).toEqual({ name: "Ada" });
  });

  it("surfaces the locked collection's 403 without retrying it", async () => {
    const requests = recordRequests();
    const { result } = renderWithClient(() => useCollection("secrets"), newClient());
    await waitFor(() => result.isError, { message: "error state" });
    expect(result.error?.status).toBe(403);
    expect(requests.count({ method: "GET", path: "/api/collections/secrets/records" })).toBe(1);
    requests.stop();
  });

  it("shows another user's owner-only records to nobody else: the list is empty", async () => {
    const alice = await userClient("alice");
    const bob = await userClient("bob");
    const text = uniqueScope("note");
    await alice.collection("notes").create({ text, owner: alice.authStore.record!.id });
    const { result } = renderWithClient(() => useCollection("notes", () => ({ filter: `text = "${text}"` })), bob);
    await waitFor(() => result.isSuccess, { message: "bob's list loaded" });
    expect(result.data?.items).toEqual([]);
    expect(result.data?.totalItems).toBe(0);
  });

  it("retries a 5xx under the QueryClient's policy and ends with the server's data", async () => {
    const scope = uniqueScope("retry");
    await seedPosts(scope, 1);
    failNext("GET", "/api/collections/posts/records", { status: 503 });
    const requests = recordRequests();
    const { result } = renderWithClient(() => useCollection<Post>("posts", () => ({ filter: `scope = "${scope}"` })), newClient());
    await waitFor(() => result.isSuccess, { message: "success after a retry" });
    expect(result.data?.totalItems).toBe(1);
    expect(requests.count({ method: "GET", path: "/api/collections/posts/records" })).toBe(2);
    requests.stop();
  });

  it("aborts the HTTP request when the component unmounts while it is in flight", async () => {
    let started = false;
    let aborted = false;
    server.use(
      http.get(`${pbUrl()}/api/collections/posts/records`, async ({ request }) => {
        started = true;
        // Hold the request open until the client gives up on it.
        await new Promise<void>((resolve) => {
          if (request.signal.aborted) return resolve();
          request.signal.addEventListener("abort", () => resolve());
        });
        aborted = request.signal.aborted;
        return new Response(null, { status: 499 });
      }, { once: true }),
    );
    const { result, cleanup } = renderWithClient(() => useCollection("posts", () => ({ filter: `scope = "abort"` })), newClient());
    await waitFor(() => started, { message: "request reached the network" });
    expect(result.isFetching).toBe(true);
    cleanup();
    await waitFor(() => aborted, { message: "the HTTP request was aborted" });
  });

  it("rejects a bad page number with a clear error", async () => {
    const { result } = renderWithClient(() => {
      try {
        useCollection("posts", () => ({ page: 0 }));
        return undefined;
      } catch (error) {
        return error as Error;
      }
    }, newClient());
    expect(result?.message).toMatch(/page must be a positive integer, got 0/);
  });
});
