// @vitest-environment jsdom
// Writes made offline survive a reload and reach the real server exactly once, in the order they
// were made; a write the page was sending when it went away is sent again only where that is safe.
import { onlineManager } from "@tanstack/solid-query";
import { describe, expect, it } from "vitest";
import { useCreateRecord } from "../src/useCreateRecord";
import { useDeleteRecord } from "../src/useDeleteRecord";
import { useFullCollection } from "../src/useFullCollection";
import { usePendingChanges } from "../src/usePendingChanges";
import { useUpdateRecord } from "../src/useUpdateRecord";
import { holdAnswerNext, holdNext, recordRequests } from "./helpers/msw";
import { memoryStorage, openPage, type MemoryStorage } from "./helpers/persistence";
import { freshCollection, newClient, seed, superuserClient, waitFor } from "./helpers/pocketbase";

type Post = { id: string; title: string; views: number };

function board(collection: string, storage: MemoryStorage) {
  return openPage(
    () => ({
      list: useFullCollection<Post>(collection, () => ({ sort: "title" })),
      create: useCreateRecord<Post>(collection),
      update: useUpdateRecord<Post>(collection),
      remove: useDeleteRecord(collection),
      changes: usePendingChanges(),
    }),
    { pb: newClient(), storage },
  );
}

const titles = (list: Post[] | undefined) => list?.map((post) => `${post.title}:${post.views}`).join(" ");
const onServer = async (collection: string) =>
  titles(await (await superuserClient()).collection(collection).getFullList<Post>({ sort: "title" }));
const records = (collection: string) => `/api/collections/${collection}/records`;
const writes = (requests: ReturnType<typeof recordRequests>, collection: string) =>
  requests.requests.filter((r) => r.method !== "GET" && r.url.includes(records(collection))).map((r) => r.method);

describe("writes made offline", () => {
  it("are shown, survive a reload, and reach the server once each, in the order they were made", async () => {
    const collection = await freshCollection();
    const [first, second] = await seed<Post>(collection, [
      { title: "a", views: 1 },
      { title: "b", views: 1 },
    ]);
    const storage = memoryStorage();
    const page = board(collection, storage);
    await waitFor(() => page.result.list.isSuccess, { message: "the list" });

    const requests = recordRequests();
    onlineManager.setOnline(false);
    page.result.create.mutate({ title: "c", views: 0 });
    page.result.update.mutate({ id: first!.id, data: { title: "a2", "views+": 1 } });
    page.result.remove.mutate(second!.id);
    await waitFor(() => titles(page.result.list.data) === "a2:2 c:0", { message: "the writes shown" });
    expect(page.result.changes().map((c) => [c.kind, c.status, c.survivesReload])).toEqual([
      ["create", "waiting", true],
      ["update", "waiting", true],
      ["delete", "waiting", true],
    ]);
    await waitFor(() => storage.stored()?.clientState.mutations.length === 3, { message: "the writes stored" });
    page.close();

    const reloaded = board(collection, storage);
    // Still offline: the board as it was left, from storage alone.
    await waitFor(() => titles(reloaded.result.list.data) === "a2:2 c:0", { message: "the board restored" });
    expect(reloaded.result.changes().map((c) => c.kind)).toEqual(["create", "update", "delete"]);
    expect(writes(requests, collection)).toEqual([]);

    onlineManager.setOnline(true);
    await waitFor(() => reloaded.result.changes().length === 0, { message: "the writes sent" });
    expect(await onServer(collection)).toBe("a2:2 c:0");
    expect(writes(requests, collection)).toEqual(["POST", "PATCH", "DELETE"]);
    await waitFor(() => titles(reloaded.result.list.data) === "a2:2 c:0", { message: "the list as the server has it" });
    requests.stop();
    reloaded.close();
  });
  it("are sent back to back, and the lists are refetched once after the last, not once per write", async () => {
    const collection = await freshCollection();
    const posts = await seed<Post>(collection, [1, 2, 3, 4, 5].map((n) => ({ title: `p${n}`, views: 0 })));
    const storage = memoryStorage();
    const page = board(collection, storage);
    await waitFor(() => page.result.list.isSuccess, { message: "the list" });
    onlineManager.setOnline(false);
    for (const post of posts) page.result.update.mutate({ id: post.id, data: { views: 1 } });
    await waitFor(() => page.result.changes().length === 5, { message: "five waiting" });
    const requests = recordRequests();
    onlineManager.setOnline(true);
    await waitFor(() => page.result.changes().length === 0 && !page.result.list.isFetching, { message: "all sent, the list refetched" });
    expect(requests.count({ method: "PATCH" })).toBe(5);
    // One when the connection comes back (TanStack's refetchOnReconnect), one after the last write.
    expect(requests.count({ method: "GET", path: records(collection) })).toBe(2);
    expect(titles(page.result.list.data)).toBe("p1:1 p2:1 p3:1 p4:1 p5:1");
    requests.stop();
    page.close();
  });

  it("go one at a time: a write waits until the one made before it has its answer", async () => {
    const collection = await freshCollection();
    const storage = memoryStorage();
    const page = board(collection, storage);
    await waitFor(() => page.result.list.isSuccess, { message: "the list" });
    onlineManager.setOnline(false);
    page.result.create.mutate({ title: "draft", views: 0 });
    const id = await waitFor(() => page.result.create.context?.ours.id);
    page.result.update.mutate({ id, data: { title: "final" } });
    const held = holdNext("POST", records(collection));
    onlineManager.setOnline(true);
    await held.started;
    // The update of the record being created must not reach the server before it exists.
    await waitFor(() => page.result.changes().map((c) => c.status).join() === "sending,waiting", { message: "the update waiting" });
    held.release();
    await waitFor(() => page.result.changes().length === 0, { message: "both sent" });
    expect(await onServer(collection)).toBe("final:0");
    page.close();
  });

  it("a create stored as waiting that reached the server anyway (the store lags behind) is done, not refused", async () => {
    const collection = await freshCollection();
    const storage = memoryStorage();
    const page = board(collection, storage);
    await waitFor(() => page.result.list.isSuccess, { message: "the list" });
    onlineManager.setOnline(false);
    page.result.create.mutate({ title: "sent", views: 0 });
    await waitFor(() => storage.stored()?.clientState.mutations[0]?.state.isPaused, { message: "stored as waiting" });
    const id = page.result.create.context!.ours.id;
    page.close();
    // What a request sent in the persister's last throttle window before the page closed did.
    await seed(collection, [{ id, title: "sent", views: 0 }]);
    onlineManager.setOnline(true);
    const reloaded = board(collection, storage);
    await waitFor(() => reloaded.queryClient.getMutationCache().getAll()[0]?.state.status === "success", { message: "done" });
    expect(await onServer(collection)).toBe("sent:0");
    reloaded.close();
  });
});

describe("a write the page was sending when it went away", () => {
  /** Sends `write` online, lets the server apply it, and closes the page before the answer comes. */
  async function closeWhileSending(collection: string, method: "POST" | "PATCH" | "DELETE", path: string, write: (page: ReturnType<typeof board>) => void) {
    const storage = memoryStorage();
    const page = board(collection, storage);
    await waitFor(() => page.result.list.isSuccess, { message: "the list" });
    const held = holdAnswerNext(method, path);
    write(page);
    held.send();
    await held.answered; // applied by the server; the page never hears of it
    await waitFor(() => storage.stored()?.clientState.mutations[0]?.state.context?.sending, { message: "stored as being sent" });
    page.close();
    return storage;
  }

  it("a create is sent again: the server has it once, and it ends without an error", async () => {
    const collection = await freshCollection();
    const storage = await closeWhileSending(collection, "POST", records(collection), (page) => page.result.create.mutate({ title: "once", views: 0 }));
    const requests = recordRequests();
    const reloaded = board(collection, storage);
    await waitFor(() => requests.count({ method: "POST", path: records(collection) }) === 1, { message: "sent again" });
    await waitFor(() => reloaded.result.changes().length === 0, { message: "done" });
    expect(await onServer(collection)).toBe("once:0");
    await waitFor(() => titles(reloaded.result.list.data) === "once:0", { message: "one row" });
    const [mutation] = reloaded.queryClient.getMutationCache().getAll();
    expect(mutation?.state.status).toBe("success");
    requests.stop();
    reloaded.close();
  });

  it("a delete is sent again, meets a 404, and is done", async () => {
    const collection = await freshCollection();
    const [post] = await seed<Post>(collection, [{ title: "doomed", views: 0 }]);
    const storage = await closeWhileSending(collection, "DELETE", `${records(collection)}/${post!.id}`, (page) => page.result.remove.mutate(post!.id));
    const reloaded = board(collection, storage);
    await waitFor(() => reloaded.queryClient.getMutationCache().getAll()[0]?.state.status === "success", { message: "done" });
    expect(reloaded.result.changes()).toEqual([]);
    expect(await onServer(collection)).toBe("");
    reloaded.close();
  });

  it("an update with a modifier is not sent again: it fails as outcome unknown, its variables kept", async () => {
    const collection = await freshCollection();
    const [post] = await seed<Post>(collection, [{ title: "counted", views: 1 }]);
    const storage = await closeWhileSending(collection, "PATCH", `${records(collection)}/${post!.id}`, (page) =>
      page.result.update.mutate({ id: post!.id, data: { "views+": 1 } }),
    );
    const requests = recordRequests();
    const reloaded = board(collection, storage);
    await waitFor(() => reloaded.result.changes()[0]?.status === "failed", { message: "the failure" });
    const [change] = reloaded.result.changes();
    expect(change!.error?.response.outcome).toBe("unknown");
    expect(change!.variables).toEqual({ id: post!.id, data: { "views+": 1 } });
    expect(requests.count({ method: "PATCH" })).toBe(0);
    expect(await onServer(collection)).toBe("counted:2"); // once, by the first page
    await waitFor(() => storage.stored()?.clientState.mutations.length === 0, { message: "the failed write no longer stored" });
    onlineManager.setOnline(false);
    reloaded.result.update.mutate({ id: post!.id, data: { title: "later" } });
    await waitFor(() => JSON.stringify(storage.stored()?.clientState.mutations).includes("later"), { message: "the next write stored" });
    requests.stop();
    reloaded.close();
  });

  it("an update of plain values is sent again and lands", async () => {
    const collection = await freshCollection();
    const [post] = await seed<Post>(collection, [{ title: "old", views: 1 }]);
    const storage = await closeWhileSending(collection, "PATCH", `${records(collection)}/${post!.id}`, (page) =>
      page.result.update.mutate({ id: post!.id, data: { title: "new" } }),
    );
    const reloaded = board(collection, storage);
    await waitFor(() => reloaded.queryClient.getMutationCache().getAll()[0]?.state.status === "success", { message: "done" });
    await waitFor(() => titles(reloaded.result.list.data) === "new:1", { message: "the list" });
    expect(await onServer(collection)).toBe("new:1");
    reloaded.close();
  });
});
