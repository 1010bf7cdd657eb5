// @vitest-environment jsdom
// A write whose answer is lost: the request reached the real server, which applied it, and the
// page saw a network error (tests/helpers/msw.ts `loseAnswerNext`). With retries on, TanStack sends
// it again. Each kind of write must end as the server has it, never twice, never as a false error.
import { QueryClient } from "@tanstack/solid-query";
import type { ClientResponseError } from "pocketbase";
import { describe, expect, it } from "vitest";
import { useCreateRecord } from "../src/useCreateRecord";
import { useDeleteRecord } from "../src/useDeleteRecord";
import { useFullCollection } from "../src/useFullCollection";
import { useUpdateRecord } from "../src/useUpdateRecord";
import { loseAnswerNext } from "./helpers/msw";
import { freshCollection, newClient, seed, superuserClient, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

type Post = { id: string; title: string; views: number; collectionId: string };

/** An app that retries failed writes (twice, at once). */
const retrying = () => new QueryClient({ defaultOptions: { queries: { retryDelay: 0 }, mutations: { retry: 2, retryDelay: 0 } } });

async function board(collection: string) {
  const rendered = renderWithClient(
    () => ({
      list: useFullCollection<Post>(collection, () => ({ sort: "title" })),
      create: useCreateRecord<Post>(collection),
      update: useUpdateRecord<Post>(collection),
      remove: useDeleteRecord(collection),
    }),
    newClient(),
    retrying(),
  );
  await waitFor(() => rendered.result.list.isSuccess, { message: "the list" });
  return rendered;
}

const records = (collection: string) => `/api/collections/${collection}/records`;

describe("a write sent again after its answer was lost", () => {
  it("a create whose first attempt created the record: done, one record, no error", async () => {
    const collection = await freshCollection();
    const { result, cleanup } = await board(collection);
    const lost = loseAnswerNext("POST", records(collection));
    result.create.mutate({ title: "once", views: 0 });
    expect(await lost.answered).toBe(200); // created; the page saw a network error and sent it again
    await waitFor(() => result.create.isSuccess, { message: "the create done" });
    const id = result.create.context!.ours.id;
    expect(result.create.data?.id).toBe(id);
    const server = await (await superuserClient()).collection(collection).getFullList<Post>();
    expect(server.map((p) => [p.id, p.title])).toEqual([[id, "once"]]);
    await waitFor(() => result.list.data?.length === 1 && result.list.data[0]!.id === id, { message: "one row, the server's" });
    cleanup();
  });

  it("a create that meets a taken id on its first attempt stays an error: the record is someone else's", async () => {
    const collection = await freshCollection();
    const [theirs] = await seed<Post>(collection, [{ title: "theirs" }]);
    const { result, cleanup } = await board(collection);
    result.create.mutate({ id: theirs!.id, title: "mine" });
    await waitFor(() => result.create.isError, { message: "the refusal" });
    expect(result.create.error?.status).toBe(400);
    await waitFor(() => result.list.data?.map((p) => p.title).join() === "theirs", { message: "the list as the server has it" });
    cleanup();
  });

  it("a delete whose first attempt deleted the record: done, the row stays gone", async () => {
    const collection = await freshCollection();
    const [post] = await seed<Post>(collection, [{ title: "doomed" }]);
    const { result, cleanup } = await board(collection);
    const lost = loseAnswerNext("DELETE", `${records(collection)}/${post!.id}`);
    result.remove.mutate(post!.id);
    expect(await lost.answered).toBe(204);
    await waitFor(() => result.remove.isSuccess, { message: "the delete done" });
    await waitFor(() => result.list.data?.length === 0, { message: "the row gone" });
    cleanup();
  });

  it("an update of plain values is sent again and lands once", async () => {
    const collection = await freshCollection();
    const [post] = await seed<Post>(collection, [{ title: "old", views: 1 }]);
    const { result, cleanup } = await board(collection);
    const lost = loseAnswerNext("PATCH", `${records(collection)}/${post!.id}`);
    result.update.mutate({ id: post!.id, data: { title: "new", views: 5 } });
    expect(await lost.answered).toBe(200);
    await waitFor(() => result.update.isSuccess, { message: "the update done" });
    expect(await (await superuserClient()).collection(collection).getOne<Post>(post!.id)).toMatchObject({ title: "new", views: 5 });
    cleanup();
  });

  it("an update with a modifier is not sent again: its outcome is unknown, said on `error` with its variables, applied once", async () => {
    const collection = await freshCollection();
    const [post] = await seed<Post>(collection, [{ title: "counted", views: 1 }]);
    const { result, cleanup } = await board(collection);
    const lost = loseAnswerNext("PATCH", `${records(collection)}/${post!.id}`);
    const variables = { id: post!.id, data: { "views+": 1 } };
    result.update.mutate(variables);
    expect(await lost.answered).toBe(200);
    await waitFor(() => result.update.isError, { message: "the unknown outcome" });
    const error = result.update.error as ClientResponseError;
    expect(error.response.outcome).toBe("unknown");
    expect(error.message).toMatch(/may have applied it already\. It was not sent again/);
    expect(result.update.variables).toEqual(variables);
    expect(result.update.failureCount).toBe(2); // the lost answer, then the refusal to send again
    expect((await (await superuserClient()).collection(collection).getOne<Post>(post!.id)).views).toBe(2);
    await waitFor(() => result.list.data?.[0]?.views === 2, { message: "the list as the server has it" });
    cleanup();
  });
});
