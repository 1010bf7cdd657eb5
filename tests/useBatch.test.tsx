// @vitest-environment jsdom
// useBatch against the real server (batches enabled by tests/pb_migrations/1700000006_batch.js):
// creates, updates with a modifier and deletes over two collections show at once in lists and
// details of both, end as the server has them, and reach another user's window live with no
// duplicate rows from their echoes; a batch refused at its third operation changes nothing on
// the server and takes back exactly itself, not another pending write.
import { describe, expect, it } from "vitest";
import { useBatch } from "../src/useBatch";
import { useFullCollection } from "../src/useFullCollection";
import { useRealtimeCollection } from "../src/useRealtimeCollection";
import { useRecord } from "../src/useRecord";
import { useUpdateRecord } from "../src/useUpdateRecord";
import { cacheSnapshot } from "./helpers/cache";
import { holdNext, recordRequests } from "./helpers/msw";
import { freshCollection, newClient, seed, superuserClient, waitFor } from "./helpers/pocketbase";
import { realtimeSettled } from "./helpers/realtime";
import { renderWithClient } from "./helpers/render";

type Author = { id: string; name: string };
type Post = { id: string; title: string; views: number };

async function twoCollections() {
  const authors = await freshCollection("authors");
  const posts = await freshCollection("posts");
  const [ada, bo] = await seed<Author>(authors, [{ name: "Ada" }, { name: "Bo" }]);
  const [first, second] = await seed<Post>(posts, [{ title: "First", views: 5 }, { title: "Second", views: 1 }]);
  return { authors, posts, ada: ada!, bo: bo!, first: first!, second: second! };
}

/** A window on both collections: their lists (live), a detail of each, a batch and an update. */
function openWindow(authors: string, posts: string, ids: { author: string; post: string }, live = true) {
  const pb = newClient();
  const rendered = renderWithClient(() => {
    if (live) {
      useRealtimeCollection(authors);
      useRealtimeCollection(posts);
    }
    return {
      authors: useFullCollection<Author>(authors, () => ({ sort: "name" })),
      posts: useFullCollection<Post>(posts, () => ({ sort: "title" })),
      author: useRecord<Author>(authors, ids.author),
      post: useRecord<Post>(posts, ids.post),
      batch: useBatch(),
      update: useUpdateRecord<Post>(posts),
    };
  }, pb);
  return { ...rendered, pb };
}

const names = (rows: { name: string }[] | undefined) => rows?.map((row) => row.name);
const titles = (rows: Post[] | undefined) => rows?.map((row) => `${row.title}:${row.views}`);

describe("useBatch", () => {
  it("shows every operation at once across two collections, ends as the server has it, and reaches another window live without duplicates", async () => {
    const { authors, posts, ada, bo, first, second } = await twoCollections();
    const mine = openWindow(authors, posts, { author: bo.id, post: first.id });
    const theirs = openWindow(authors, posts, { author: bo.id, post: first.id });
    for (const w of [mine, theirs]) {
      await waitFor(() => w.result.authors.isSuccess && w.result.posts.isSuccess && w.result.author.isSuccess && w.result.post.isSuccess, { message: "loaded" });
    }
    for (const w of [mine, theirs]) await realtimeSettled(w.pb, w.queryClient);

    const held = holdNext("POST", "/api/batch");
    mine.result.batch.mutate([
      { collection: authors, create: { name: "Cy" } },
      { collection: posts, create: { title: "Third", views: 0 } },
      { collection: posts, update: { id: first.id, data: { title: "First, renamed", "views+": 2 } } },
      { collection: authors, update: { id: bo.id, data: { name: "Bo, renamed" } } },
      { collection: posts, delete: second.id },
    ]);
    await held.started;
    // In lists and details of both collections, while the server has seen nothing.
    expect(names(mine.result.authors.data)).toEqual(["Ada", "Bo, renamed", "Cy"]);
    expect(titles(mine.result.posts.data)).toEqual(["First, renamed:7", "Third:0"]);
    expect(mine.result.author.data?.name).toBe("Bo, renamed");
    expect(mine.result.post.data?.views).toBe(7);
    // Once answered, each collection is refetched once; meanwhile the answer itself is shown, with
    // no flicker back to the state before the batch.
    const refetches = [holdNext("GET", `/api/collections/${authors}/records`), holdNext("GET", `/api/collections/${posts}/records`)];
    held.release();
    await Promise.all(refetches.map((refetch) => refetch.started));
    expect(names(mine.result.authors.data)).toEqual(["Ada", "Bo, renamed", "Cy"]);
    expect(titles(mine.result.posts.data)).toEqual(["First, renamed:7", "Third:0"]);
    for (const refetch of refetches) refetch.release();

    await waitFor(() => mine.result.batch.isSuccess, { message: "the batch answered" });
    const admin = await superuserClient();
    const onServer = {
      authors: (await admin.collection(authors).getFullList<Author>({ sort: "name" })).map((a) => a.name),
      posts: (await admin.collection(posts).getFullList<Post>({ sort: "title" })).map((p) => `${p.title}:${p.views}`),
    };
    expect(onServer).toEqual({ authors: ["Ada", "Bo, renamed", "Cy"], posts: ["First, renamed:7", "Third:0"] });
    for (const [label, w] of [["mine", mine], ["theirs", theirs]] as const) {
      await waitFor(
        () =>
          JSON.stringify(names(w.result.authors.data)) === JSON.stringify(onServer.authors) &&
          JSON.stringify(titles(w.result.posts.data)) === JSON.stringify(onServer.posts) &&
          w.result.author.data?.name === "Bo, renamed" &&
          w.result.post.data?.views === 7,
        { message: `${label} window as the server` },
      );
    }
    // The echoes (five events) arrive and change nothing: still one row per record.
    await realtimeSettled(theirs.pb, theirs.queryClient);
    await waitFor(() => !mine.queryClient.isFetching() && !theirs.queryClient.isFetching(), { message: "quiet" });
    for (const w of [mine, theirs]) {
      const ids = [...(w.result.authors.data ?? []), ...(w.result.posts.data ?? [])].map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(names(w.result.authors.data)).toEqual(onServer.authors);
      expect(titles(w.result.posts.data)).toEqual(onServer.posts);
    }
    expect(mine.result.batch.data?.map((r) => r.status)).toEqual([200, 200, 200, 200, 204]);
    expect(mine.result.batch.context?.ours.ids[0]).toBe(mine.result.authors.data?.find((a) => a.name === "Cy")?.id);
    expect(ada.name).toBe("Ada");
    mine.cleanup();
    theirs.cleanup();
  });

  it("refused at its third operation: nothing on the server, every cached query back exactly, another pending write kept, the error names operation 3", async () => {
    const { authors, posts, bo, first, second } = await twoCollections();
    const w = openWindow(authors, posts, { author: bo.id, post: first.id });
    await waitFor(() => w.result.authors.isSuccess && w.result.posts.isSuccess && w.result.author.isSuccess && w.result.post.isSuccess, { message: "loaded" });
    // Another write, pending all along: the batch's failure must not take it back.
    const heldUpdate = holdNext("PATCH", `/api/collections/${posts}/records/:id`);
    w.result.update.mutate({ id: second.id, data: { title: "Second, mine" } });
    await heldUpdate.started;
    const before = { authors: cacheSnapshot(w.queryClient, authors), posts: cacheSnapshot(w.queryClient, posts) };

    const heldBatch = holdNext("POST", "/api/batch");
    const operations = [
      { collection: posts, update: { id: first.id, data: { "views+": 10 } } },
      { collection: authors, create: { name: "Cy" } },
      { collection: posts, create: { title: "forbidden" } }, // the create rule refuses this title
      { collection: authors, delete: bo.id },
    ];
    w.result.batch.mutate(operations);
    await heldBatch.started;
    expect(w.result.post.data?.views).toBe(15);
    expect(names(w.result.authors.data)).toEqual(["Ada", "Cy"]);
    heldBatch.release();

    await waitFor(() => w.result.batch.isError, { message: "the refusal" });
    const error = w.result.batch.error!;
    expect(error.message).toMatch(/batch operation 3 of 4 \(create in "posts_\w+"\) failed with 400/);
    expect((error.response as { failed?: { number: number; collection: string } }).failed).toMatchObject({ number: 3, collection: posts });
    expect(w.result.batch.variables).toEqual(operations);
    expect(w.queryClient.getMutationCache().findAll({ status: "error" }).at(-1)?.state.variables).toBe(operations);
    expect({ authors: cacheSnapshot(w.queryClient, authors), posts: cacheSnapshot(w.queryClient, posts) }).toEqual(before);
    expect(titles(w.result.posts.data)).toEqual(["First:5", "Second, mine:1"]);

    const admin = await superuserClient();
    expect((await admin.collection(authors).getFullList<Author>({ sort: "name" })).map((a) => a.name)).toEqual(["Ada", "Bo"]);
    expect((await admin.collection(posts).getFullList<Post>({ sort: "title" })).map((p) => `${p.title}:${p.views}`)).toEqual(["First:5", "Second:1"]);
    heldUpdate.release();
    await waitFor(() => w.result.update.isSuccess, { message: "the other write answered" });
    w.cleanup();
  });

  it("puts the answers in the cache at once: until each collection's one refetch lands, the batch's result shows, with no realtime to bring it", async () => {
    const { authors, posts, bo, first } = await twoCollections();
    const w = openWindow(authors, posts, { author: bo.id, post: first.id }, false);
    await waitFor(() => w.result.authors.isSuccess && w.result.posts.isSuccess && w.result.post.isSuccess, { message: "loaded" });
    const refetches = [holdNext("GET", `/api/collections/${authors}/records`), holdNext("GET", `/api/collections/${posts}/records`)];
    const requests = recordRequests();
    w.result.batch.mutate([
      { collection: authors, create: { name: "Cy" } },
      { collection: authors, create: { name: "Dee" } },
      { collection: posts, update: { id: first.id, data: { "views+": 1 } } },
    ]);
    await Promise.all(refetches.map((refetch) => refetch.started));
    expect(names(w.result.authors.data)).toEqual(["Ada", "Bo", "Cy", "Dee"]);
    // Another write recomputes the view from the server's state: the batch's answer is in it.
    const rename = holdNext("PATCH", `/api/collections/${posts}/records/:id`);
    w.result.update.mutate({ id: first.id, data: { title: "First, again" } });
    await rename.started;
    expect(w.result.post.data).toMatchObject({ title: "First, again", views: 6 });
    rename.release();
    for (const refetch of refetches) refetch.release();
    await waitFor(() => w.result.batch.isSuccess && w.result.update.isSuccess, { message: "settled" });
    expect(w.result.post.data).toMatchObject({ title: "First, again", views: 6 });
    // Each collection refetched once for the batch (posts once more, for the rename).
    expect(requests.count({ method: "GET", path: `/api/collections/${authors}/records` })).toBe(1);
    expect(requests.count({ method: "GET", path: `/api/collections/${posts}/records` })).toBe(2);
    requests.stop();
    w.cleanup();
  });

  it("creates new records when the same operation objects are sent again after a success (a template reused)", async () => {
    const { authors, posts, bo, first } = await twoCollections();
    const w = openWindow(authors, posts, { author: bo.id, post: first.id }, false);
    const template = [{ collection: authors, create: { name: "Twin" } }];
    await w.result.batch.mutateAsync(template);
    await w.result.batch.mutateAsync(template);
    const twins = await (await superuserClient()).collection(authors).getFullList<Author>({ filter: 'name = "Twin"' });
    expect(twins).toHaveLength(2);
    w.cleanup();
  });

  it("makes one record per operation when one fields object is used for several creates", async () => {
    const { authors, posts, bo, first } = await twoCollections();
    const w = openWindow(authors, posts, { author: bo.id, post: first.id }, false);
    await waitFor(() => w.result.authors.isSuccess, { message: "loaded" });
    const fields = { name: "Same" };
    const held = holdNext("POST", "/api/batch");
    w.result.batch.mutate([1, 2, 3].map(() => ({ collection: authors, create: fields })));
    await held.started;
    expect(names(w.result.authors.data)).toEqual(["Ada", "Bo", "Same", "Same", "Same"]);
    held.release();
    await waitFor(() => w.result.batch.isSuccess, { message: "done" });
    expect(await (await superuserClient()).collection(authors).getFullList({ filter: 'name = "Same"' })).toHaveLength(3);
    w.cleanup();
  });

  it("settles each of two pending batches of one array on its own (a double click)", async () => {
    const { authors, posts, bo, first } = await twoCollections();
    const w = openWindow(authors, posts, { author: bo.id, post: first.id }, false);
    await waitFor(() => w.result.post.isSuccess, { message: "loaded" });
    const operations = [{ collection: posts, update: { id: first.id, data: { "views+": 1 } } }];
    // msw tries the handler added last first: the first request is held by `earlierHold`.
    const laterHold = holdNext("POST", "/api/batch");
    const earlierHold = holdNext("POST", "/api/batch");
    w.result.batch.mutate(operations);
    w.result.batch.mutate(operations);
    await Promise.all([earlierHold.started, laterHold.started]);
    expect(w.result.post.data?.views).toBe(7);
    earlierHold.release();
    await waitFor(() => w.queryClient.getMutationCache().findAll({ status: "success" }).length === 1, { message: "the first answered" });
    // The second is still on its way: its +1 still shows.
    expect(w.result.post.data?.views).toBe(7);
    laterHold.release();
    await waitFor(() => w.result.batch.isSuccess, { message: "the second answered" });
    await waitFor(() => w.result.post.data?.views === 7 && !w.queryClient.isFetching(), { message: "as the server" });
    w.cleanup();
  });
});
