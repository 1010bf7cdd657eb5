// @vitest-environment jsdom
// usePendingChanges lists the writes that are not on the real server yet, oldest first, with what
// they are, and the ones that failed with their error and variables. It needs no persistence.
import { onlineManager } from "@tanstack/solid-query";
import { afterEach, describe, expect, it } from "vitest";
import { useCreateRecord } from "../src/useCreateRecord";
import { useDeleteRecord } from "../src/useDeleteRecord";
import { useFullCollection } from "../src/useFullCollection";
import { usePendingChanges } from "../src/usePendingChanges";
import { useUpdateRecord } from "../src/useUpdateRecord";
import { holdNext } from "./helpers/msw";
import { freshCollection, newClient, seed, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

type Post = { id: string; title: string; views: number };

afterEach(() => onlineManager.setOnline(true));

function board(collection: string) {
  return renderWithClient(
    () => ({
      list: useFullCollection<Post>(collection, () => ({ sort: "title" })),
      create: useCreateRecord<Post>(collection),
      update: useUpdateRecord<Post>(collection),
      remove: useDeleteRecord(collection),
      changes: usePendingChanges(),
    }),
    newClient(),
  );
}

describe("usePendingChanges", () => {
  it("lists the writes waiting offline, oldest first, with their record ids", async () => {
    const collection = await freshCollection();
    // Two records: without persistence TanStack sends waiting writes all at once, in no order.
    const [post, other] = await seed<Post>(collection, [
      { title: "a", views: 0 },
      { title: "z", views: 0 },
    ]);
    const { result, cleanup } = board(collection);
    await waitFor(() => result.list.isSuccess, { message: "the list" });
    onlineManager.setOnline(false);
    result.update.mutate({ id: post!.id, data: { "views+": 1 } });
    result.create.mutate({ title: "b", views: 0 });
    result.remove.mutate(other!.id);
    await waitFor(() => result.changes().length === 3, { message: "three waiting" });
    const createdId = result.create.context!.ours.id;
    expect(result.changes().map(({ collection: c, kind, id, status, error }) => [c, kind, id, status, error])).toEqual([
      [collection, "update", post!.id, "waiting", null],
      [collection, "create", createdId, "waiting", null],
      [collection, "delete", other!.id, "waiting", null],
    ]);
    expect(result.changes()[0]!.variables).toEqual({ id: post!.id, data: { "views+": 1 } });
    onlineManager.setOnline(true);
    await waitFor(() => result.changes().length === 0, { message: "all sent" });
    cleanup();
  });

  it("says which write is being sent, and keeps a failed one with its error and variables", async () => {
    const collection = await freshCollection();
    const { result, cleanup } = board(collection);
    await waitFor(() => result.list.isSuccess, { message: "the list" });
    const held = holdNext("POST", `/api/collections/${collection}/records`);
    result.create.mutate({ title: "refused", views: 0 });
    await held.started;
    expect(result.changes().map((c) => c.status)).toEqual(["sending"]);
    held.release({ status: 400 });
    await waitFor(() => result.changes()[0]?.status === "failed", { message: "the failure" });
    expect(result.changes()[0]!.error?.status).toBe(400);
    expect(result.changes()[0]!.variables).toEqual({ title: "refused", views: 0 });
    cleanup();
  });

  it("does not show another user's writes", async () => {
    const collection = await freshCollection();
    const pb = newClient();
    const { result, cleanup } = renderWithClient(() => ({ create: useCreateRecord<Post>(collection), changes: usePendingChanges() }), pb);
    onlineManager.setOnline(false);
    result.create.mutate({ title: "guest's", views: 0 });
    await waitFor(() => result.changes().length === 1, { message: "the guest's write" });
    pb.authStore.save("not-a-real-token", { id: "someone", collectionId: "users", collectionName: "users" } as never);
    await waitFor(() => result.changes().length === 0, { message: "hidden from the next user" });
    cleanup();
  });
});
