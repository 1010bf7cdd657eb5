// @vitest-environment jsdom
// Batches (useBatch) made offline survive a reload and reach the real server once, with
// resumableBatches next to pocketbasePersistOptions; without it a restored batch fails and says
// what to call; a batch the page was sending when it went away is sent again only where that is
// safe; a batch with a file is not stored.
import { onlineManager } from "@tanstack/solid-query";
import { describe, expect, it } from "vitest";
import { useBatch } from "../src/useBatch";
import { useFullCollection } from "../src/useFullCollection";
import { usePendingChanges } from "../src/usePendingChanges";
import { holdAnswerNext, recordRequests } from "./helpers/msw";
import { memoryStorage, openPage, type MemoryStorage } from "./helpers/persistence";
import { freshCollection, newClient, seed, superuserClient, waitFor } from "./helpers/pocketbase";

type Author = { id: string; name: string };
type Post = { id: string; title: string; views: number };

function board(authors: string, posts: string, storage: MemoryStorage, batches = true) {
  return openPage(
    () => ({
      authors: useFullCollection<Author>(authors, () => ({ sort: "name" })),
      posts: useFullCollection<Post>(posts, () => ({ sort: "title" })),
      batch: useBatch(),
      changes: usePendingChanges(),
    }),
    { pb: newClient(), storage, batches },
  );
}

const shown = (page: ReturnType<typeof board>) =>
  `${page.result.authors.data?.map((a) => a.name).join(",")} | ${page.result.posts.data?.map((p) => `${p.title}:${p.views}`).join(",")}`;

async function onServer(authors: string, posts: string) {
  const admin = await superuserClient();
  const a = await admin.collection(authors).getFullList<Author>({ sort: "name" });
  const p = await admin.collection(posts).getFullList<Post>({ sort: "title" });
  return `${a.map((x) => x.name).join(",")} | ${p.map((x) => `${x.title}:${x.views}`).join(",")}`;
}

const batchPosts = (requests: ReturnType<typeof recordRequests>) => requests.count({ method: "POST", path: "/api/batch" });

async function setUp() {
  const authors = await freshCollection("authors");
  const posts = await freshCollection("posts");
  await seed(authors, [{ name: "Ada" }]);
  const [kept, doomed] = await seed<Post>(posts, [{ title: "kept", views: 1 }, { title: "doomed", views: 0 }]);
  return { authors, posts, kept: kept!, doomed: doomed! };
}

describe("a batch made offline", () => {
  it("is shown, stored, restored after a reload, and sent once when back online (a batch without a create too)", async () => {
    const { authors, posts, kept, doomed } = await setUp();
    const storage = memoryStorage();
    const page = board(authors, posts, storage);
    await waitFor(() => page.result.authors.isSuccess && page.result.posts.isSuccess, { message: "the lists" });
    const requests = recordRequests();
    onlineManager.setOnline(false);
    // One batch with a create; one without, which a resend could apply twice were it not known unsent.
    page.result.batch.mutate([{ collection: authors, create: { name: "Bo" } }]);
    page.result.batch.mutate([
      { collection: posts, update: { id: kept.id, data: { "views+": 1 } } },
      { collection: posts, delete: doomed.id },
    ]);
    await waitFor(() => shown(page) === "Ada,Bo | kept:2", { message: "the batches shown" });
    expect(page.result.changes().map((c) => [c.kind, c.status, c.survivesReload])).toEqual([
      ["batch", "waiting", true],
      ["batch", "waiting", true],
    ]);
    await waitFor(() => storage.stored()?.clientState.mutations.length === 2, { message: "the batches stored" });
    page.close();

    const reloaded = board(authors, posts, storage);
    await waitFor(() => shown(reloaded) === "Ada,Bo | kept:2", { message: "the board restored with the batches" });
    expect(batchPosts(requests)).toBe(0);
    onlineManager.setOnline(true);
    await waitFor(() => reloaded.result.changes().length === 0, { message: "the batches sent" });
    expect(batchPosts(requests)).toBe(2);
    expect(await onServer(authors, posts)).toBe("Ada,Bo | kept:2");
    await waitFor(() => shown(reloaded) === "Ada,Bo | kept:2", { message: "the lists as the server has them" });
    requests.stop();
    reloaded.close();
  });

  it("restored without resumableBatches: fails, unsent, with an error that says to call it", async () => {
    const { authors, posts, kept } = await setUp();
    const storage = memoryStorage();
    const page = board(authors, posts, storage);
    await waitFor(() => page.result.posts.isSuccess, { message: "the lists" });
    onlineManager.setOnline(false);
    page.result.batch.mutate([{ collection: posts, update: { id: kept.id, data: { title: "renamed" } } }]);
    await waitFor(() => storage.stored()?.clientState.mutations.length === 1, { message: "the batch stored" });
    page.close();
    const requests = recordRequests();
    const reloaded = board(authors, posts, storage, false);
    onlineManager.setOnline(true);
    await waitFor(() => reloaded.result.changes()[0]?.status === "failed", { message: "the failure" });
    expect(reloaded.result.changes()[0]?.error?.message).toMatch(/call resumableBatches\(pb, queryClient\)/);
    expect(batchPosts(requests)).toBe(0);
    await waitFor(() => shown(reloaded) === "Ada | doomed:0,kept:1", { message: "the board as the server has it" });
    requests.stop();
    reloaded.close();
  });

  it("with a file: works while the page lives, but is not stored", async () => {
    const { authors, posts } = await setUp();
    const storage = memoryStorage();
    const page = board(authors, posts, storage);
    await waitFor(() => page.result.posts.isSuccess, { message: "the lists" });
    onlineManager.setOnline(false);
    page.result.batch.mutate([
      { collection: authors, create: { name: "Plain" } },
      { collection: posts, create: { title: "with a file", body: new Blob(["x"]) as never } },
    ]);
    await waitFor(() => page.result.changes().length === 1, { message: "waiting" });
    expect(page.result.changes()[0]?.survivesReload).toBe(false);
    await waitFor(() => storage.stored() !== undefined, { message: "the cache stored" });
    expect(storage.stored()?.clientState.mutations).toEqual([]);
    page.close();
  });
});

describe("a batch the page was sending when it went away", () => {
  it("stored as waiting but applied anyway (the store lags behind the request): found by its create, done, once", async () => {
    const { authors, posts, kept } = await setUp();
    const storage = memoryStorage();
    const page = board(authors, posts, storage);
    await waitFor(() => page.result.posts.isSuccess, { message: "the lists" });
    onlineManager.setOnline(false);
    page.result.batch.mutate([
      { collection: authors, create: { name: "Bo" } },
      { collection: posts, update: { id: kept.id, data: { "views+": 1 } } },
    ]);
    await waitFor(() => storage.stored()?.clientState.mutations[0]?.state.isPaused, { message: "stored as waiting" });
    const id = page.result.batch.context!.ours.ids[0]!;
    page.close();
    // What the request sent in the persister's last throttle window before the page closed did.
    const admin = await superuserClient();
    await admin.collection(authors).create({ id, name: "Bo" });
    await admin.collection(posts).update(kept.id, { "views+": 1 });
    onlineManager.setOnline(true);
    const requests = recordRequests();
    const reloaded = board(authors, posts, storage);
    await waitFor(() => reloaded.queryClient.getMutationCache().getAll()[0]?.state.status === "success", { message: "done" });
    expect(batchPosts(requests)).toBe(0);
    expect(await onServer(authors, posts)).toBe("Ada,Bo | doomed:0,kept:2");
    requests.stop();
    reloaded.close();
  });

  it("with a create is sent again, its taken id shows it applied: read back, on the server once", async () => {
    const { authors, posts, kept } = await setUp();
    const storage = memoryStorage();
    const page = board(authors, posts, storage);
    await waitFor(() => page.result.posts.isSuccess, { message: "the lists" });
    const held = holdAnswerNext("POST", "/api/batch");
    page.result.batch.mutate([
      { collection: authors, create: { name: "Bo" } },
      { collection: posts, update: { id: kept.id, data: { "views+": 1 } } },
    ]);
    held.send();
    await held.answered;
    await waitFor(() => storage.stored()?.clientState.mutations[0]?.state.context?.sending, { message: "stored as being sent" });
    page.close();

    const reloaded = board(authors, posts, storage);
    await waitFor(() => reloaded.queryClient.getMutationCache().getAll()[0]?.state.status === "success", { message: "done" });
    expect(await onServer(authors, posts)).toBe("Ada,Bo | doomed:0,kept:2");
    await waitFor(() => shown(reloaded) === "Ada,Bo | doomed:0,kept:2", { message: "one of each" });
    reloaded.close();
  });

  it("without a create, deleting, is not sent again: outcome unknown, the variables kept", async () => {
    const { authors, posts, doomed } = await setUp();
    const storage = memoryStorage();
    const page = board(authors, posts, storage);
    await waitFor(() => page.result.posts.isSuccess, { message: "the lists" });
    const held = holdAnswerNext("POST", "/api/batch");
    page.result.batch.mutate([{ collection: posts, delete: doomed.id }]);
    held.send();
    await held.answered;
    await waitFor(() => storage.stored()?.clientState.mutations[0]?.state.context?.sending, { message: "stored as being sent" });
    page.close();

    const requests = recordRequests();
    const reloaded = board(authors, posts, storage);
    await waitFor(() => reloaded.result.changes()[0]?.status === "failed", { message: "the failure" });
    expect(reloaded.result.changes()[0]?.error?.response.outcome).toBe("unknown");
    expect(reloaded.result.changes()[0]?.variables).toEqual([{ collection: posts, delete: doomed.id }]);
    expect(batchPosts(requests)).toBe(0);
    requests.stop();
    reloaded.close();
  });
});
