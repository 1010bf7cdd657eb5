// @vitest-environment jsdom
// A server that cannot be reached while the browser says it is online. By default a write then
// fails (status 0) and rolls back, its variables kept; an app that opts in
// (`countUnreachableAsOffline`) keeps it, shown and waiting, until the server answers again, and
// it then reaches the real server once.
import { onlineManager } from "@tanstack/solid-query";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { useCreateRecord } from "../src/useCreateRecord";
import { useFullCollection } from "../src/useFullCollection";
import { usePendingChanges } from "../src/usePendingChanges";
import { recordRequests, server } from "./helpers/msw";
import { memoryStorage, openPage } from "./helpers/persistence";
import { freshCollection, newClient, pbUrl, superuserClient, waitFor } from "./helpers/pocketbase";

type Post = { id: string; title: string };

function board(collection: string, countUnreachableAsOffline: boolean) {
  return openPage(
    () => ({
      list: useFullCollection<Post>(collection, () => ({ sort: "title" })),
      create: useCreateRecord<Post>(collection),
      changes: usePendingChanges(),
    }),
    { pb: newClient(), storage: memoryStorage(), settings: { countUnreachableAsOffline } },
  );
}

/** Every request to the server fails at the network level, until `up()`. */
function serverDown() {
  server.use(http.all(`${pbUrl()}/*`, () => HttpResponse.error()));
  return { up: () => server.resetHandlers() };
}

const onServer = async (collection: string) =>
  (await (await superuserClient()).collection(collection).getFullList<Post>()).map((post) => post.title).join();

describe("a server that does not answer while the browser is online", () => {
  it("by default fails the write with status 0 and rolls it back, its variables kept", async () => {
    const collection = await freshCollection();
    const page = board(collection, false);
    await waitFor(() => page.result.list.isSuccess, { message: "the list" });
    const down = serverDown();
    page.result.create.mutate({ title: "lost" });
    await waitFor(() => page.result.create.isError, { message: "the failure" });
    down.up();
    expect(page.result.create.error?.status).toBe(0);
    expect(page.result.create.variables).toEqual({ title: "lost" });
    expect(page.result.list.data).toEqual([]);
    expect(onlineManager.isOnline()).toBe(true);
    page.close();
  });

  it("with countUnreachableAsOffline keeps the write, shown and waiting, and sends it once the server answers", async () => {
    const collection = await freshCollection();
    const page = board(collection, true);
    await waitFor(() => page.result.list.isSuccess, { message: "the list" });
    const down = serverDown();
    const requests = recordRequests();
    page.result.create.mutate({ title: "kept" });
    await waitFor(() => page.result.changes()[0]?.status === "waiting", { message: "the write waiting" });
    expect(onlineManager.isOnline()).toBe(false);
    expect(page.result.list.data?.map((post) => post.title)).toEqual(["kept"]);
    await waitFor(() => requests.count({ method: "GET", path: "/api/health" }) > 0, { message: "the server asked again" });
    expect(page.result.changes()[0]?.status).toBe("waiting");

    down.up();
    await waitFor(() => page.result.create.isSuccess, { message: "the write sent", timeout: 10_000 });
    expect(onlineManager.isOnline()).toBe(true);
    expect(await onServer(collection)).toBe("kept");
    expect(page.result.changes()).toEqual([]);
    requests.stop();
    page.close();
  });
});
