// useBatch's errors against the real server: too many operations or a malformed one fail before
// anything is sent or shown; a server with batches off answers 403, said with how to turn them
// on; a server whose own limit is lower is named; a batch whose answer was lost is sent again
// only when that cannot apply it twice. The variables are kept every time.
import { describe, expect, it } from "vitest";
import type { BatchOperation } from "../src/core/mutations/batchTypes";
import { useBatch } from "../src/useBatch";
import { useFullCollection } from "../src/useFullCollection";
import { loseAnswerNext, recordRequests } from "./helpers/msw";
import { ownServer } from "./helpers/ownServer";
import { freshCollection, newClient, seed, superuserClient, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";
import PocketBase, { BaseAuthStore } from "pocketbase";

type Post = { id: string; title: string; views: number };

function page(collection: string, pb = newClient(), retry = 0) {
  return renderWithClient(() => ({ list: useFullCollection<Post>(collection, () => ({ sort: "title" })), batch: useBatch(() => ({ retry })) }), pb);
}

describe("useBatch errors", () => {
  it("more operations than maxRequests: the limit said, nothing sent, nothing shown, the variables kept", async () => {
    const collection = await freshCollection("posts");
    const { result, cleanup } = page(collection);
    await waitFor(() => result.list.isSuccess, { message: "the list" });
    const requests = recordRequests();
    const operations: BatchOperation[] = Array.from({ length: 51 }, (_, i) => ({ collection, create: { title: `p${i}` } }));
    result.batch.mutate(operations);
    await waitFor(() => result.batch.isError, { message: "the refusal" });
    expect(result.batch.error?.message).toMatch(/51 operations, more than the 50 the server takes in one batch/);
    expect(result.batch.error?.response.outcome).toBe("not sent");
    expect(requests.count({ method: "POST", path: "/api/batch" })).toBe(0);
    expect(result.list.data).toEqual([]);
    expect(result.batch.variables).toHaveLength(51);
    requests.stop();
    cleanup();
  });

  it("a malformed operation: which one, and the shapes it may take; nothing sent", async () => {
    const collection = await freshCollection("posts");
    const { result, cleanup } = page(collection);
    const requests = recordRequests();
    result.batch.mutate([{ collection, create: { title: "fine" } }, { collection, update: { data: { title: "no id" } } } as never]);
    await waitFor(() => result.batch.isError, { message: "the refusal" });
    expect(result.batch.error?.message).toMatch(/operation 2 is not one of \{ collection, create: fields \}/);
    expect(requests.count({ method: "POST", path: "/api/batch" })).toBe(0);
    requests.stop();
    cleanup();
  });

  it("an operation that sets a password: refused, nothing sent (the single-record hooks never keep passwords)", async () => {
    const collection = await freshCollection("posts");
    const { result, cleanup } = page(collection);
    const requests = recordRequests();
    result.batch.mutate([{ collection: "users", create: { email: "x@example.com", password: "secret-1234", passwordConfirm: "secret-1234" } }]);
    await waitFor(() => result.batch.isError, { message: "the refusal" });
    expect(result.batch.error?.message).toMatch(/operation 1 sets a password/);
    expect(requests.count({ method: "POST", path: "/api/batch" })).toBe(0);
    requests.stop();
    cleanup();
  });

  it("a create whose answer was lost is sent again: its id, taken, shows the batch applied; read back, applied once", async () => {
    const collection = await freshCollection("posts");
    const [post] = await seed<Post>(collection, [{ title: "a", views: 1 }]);
    const { result, cleanup } = page(collection, newClient(), 1);
    await waitFor(() => result.list.isSuccess, { message: "the list" });
    const lost = loseAnswerNext("POST", "/api/batch");
    result.batch.mutate([
      { collection, create: { title: "b" } },
      { collection, update: { id: post!.id, data: { "views+": 1 } } },
    ]);
    expect(await lost.answered).toBe(200);
    // The first answer was lost (a network error): success can only come from the resend.
    await waitFor(() => result.batch.isSuccess, { message: "done after the resend" });
    const onServer = await (await superuserClient()).collection(collection).getFullList<Post>({ sort: "title" });
    expect(onServer.map((p) => `${p.title}:${p.views}`)).toEqual(["a:2", "b:0"]);
    expect(result.batch.data?.map((r) => (r.body as Post | null)?.title)).toEqual(["b", "a"]);
    await waitFor(() => JSON.stringify(result.list.data?.map((p) => `${p.title}:${p.views}`)) === JSON.stringify(["a:2", "b:0"]), { message: "the list" });
    cleanup();
  });

  it("a delete before a create, whose answer was lost: found applied by its create, read back, not sent again", async () => {
    const collection = await freshCollection("posts");
    const [draft] = await seed<Post>(collection, [{ title: "draft", views: 0 }]);
    const { result, cleanup } = page(collection, newClient(), 1);
    await waitFor(() => result.list.isSuccess, { message: "the list" });
    const lost = loseAnswerNext("POST", "/api/batch");
    result.batch.mutate([
      { collection, delete: draft!.id },
      { collection, create: { title: "final" } },
    ]);
    expect(await lost.answered).toBe(200);
    await waitFor(() => result.batch.isSuccess, { message: "done" });
    expect(result.batch.data?.map((r) => r.status)).toEqual([204, 200]);
    const onServer = await (await superuserClient()).collection(collection).getFullList<Post>();
    expect(onServer.map((p) => p.title)).toEqual(["final"]);
    cleanup();
  });

  it("an upsert with a modifier whose answer was lost is not sent again", async () => {
    const collection = await freshCollection("posts");
    const [post] = await seed<Post>(collection, [{ title: "a", views: 1 }]);
    const { result, cleanup } = page(collection, newClient(), 1);
    await waitFor(() => result.list.isSuccess, { message: "the list" });
    const lost = loseAnswerNext("POST", "/api/batch");
    result.batch.mutate([{ collection, upsert: { id: post!.id, title: "a", "views+": 1 } }]);
    await lost.answered;
    await waitFor(() => result.batch.isError, { message: "the refusal" });
    expect(result.batch.error?.response.outcome).toBe("unknown");
    expect((await (await superuserClient()).collection(collection).getOne<Post>(post!.id)).views).toBe(2);
    cleanup();
  });

  it("a batch with a modifier and no create whose answer was lost is not sent again: outcome unknown, applied once", async () => {
    const collection = await freshCollection("posts");
    const [post] = await seed<Post>(collection, [{ title: "a", views: 1 }]);
    const { result, cleanup } = page(collection, newClient(), 1);
    await waitFor(() => result.list.isSuccess, { message: "the list" });
    const lost = loseAnswerNext("POST", "/api/batch");
    result.batch.mutate([{ collection, update: { id: post!.id, data: { "views+": 1 } } }]);
    await lost.answered;
    await waitFor(() => result.batch.isError, { message: "the refusal" });
    expect(result.batch.error?.response.outcome).toBe("unknown");
    expect((await (await superuserClient()).collection(collection).getOne<Post>(post!.id)).views).toBe(2);
    cleanup();
  });

  describe("on a server of its own", () => {
    const own = ownServer();
    const client = () => {
      const pb = new PocketBase(own.server().url, new BaseAuthStore());
      return pb;
    };

    it("with batches off: 403, said with how to turn them on; rolled back", async () => {
      const admin = await own.superuser();
      await admin.settings.update({ batch: { enabled: false } });
      const { result, cleanup } = page("posts", client());
      await waitFor(() => result.list.isSuccess, { message: "the list" });
      result.batch.mutate([{ collection: "posts", create: { title: "x" } }]);
      await waitFor(() => result.batch.isError, { message: "the refusal" });
      expect(result.batch.error?.status).toBe(403);
      expect(result.batch.error?.message).toMatch(/does not take batch requests .*settings\.batch\.enabled = true/);
      expect(result.list.data?.some((p) => p.title === "x")).toBe(false);
      cleanup();
    });

    it("with a lower limit than useBatch's: the server's refusal says to pass its limit", async () => {
      const admin = await own.superuser();
      await admin.settings.update({ batch: { enabled: true, maxRequests: 2 } });
      const { result, cleanup } = page("posts", client());
      await waitFor(() => result.list.isSuccess, { message: "the list" });
      result.batch.mutate([1, 2, 3].map((n) => ({ collection: "posts", create: { title: `x${n}` } })));
      await waitFor(() => result.batch.isError, { message: "the refusal" });
      expect(result.batch.error?.message).toMatch(/batch limit \(maxRequests\) may be lower than useBatch's maxRequests/);
      cleanup();
    });
  });
});
