// @vitest-environment jsdom
// onEvent and the app's own writes: every event is reported, and `own` tells the echo of this
// app's mutations from other users' changes, whichever of echo and answer arrives first, for
// useRealtimeCollection and useRealtimeRecord (each subscription gets its own copy of an echo).
import { bypass, http } from "msw";
import type PocketBase from "pocketbase";
import { describe, expect, it } from "vitest";
import type { RecordEventInfo } from "../src/core/realtime/recordEventListener";
import type { RecordEvent } from "../src/core/realtime/realtimeCacheListener";
import { useBatch } from "../src/useBatch";
import { useCreateRecord } from "../src/useCreateRecord";
import { useDeleteRecord } from "../src/useDeleteRecord";
import { useFullCollection } from "../src/useFullCollection";
import { useRealtimeCollection } from "../src/useRealtimeCollection";
import { useRealtimeRecord } from "../src/useRealtimeRecord";
import { useRecord } from "../src/useRecord";
import { useUpdateRecord } from "../src/useUpdateRecord";
import { server, type Method } from "./helpers/msw";
import { freshCollection, pbUrl, seed, superuserClient, userClient, waitFor } from "./helpers/pocketbase";
import { realtimeSettled } from "./helpers/realtime";
import { renderWithClient } from "./helpers/render";

type Post = { id: string; title: string; views: number; updated: string };
type Seen = { action: string; id: string; updated: string; own: boolean };

/**
 * The next matching request reaches the server, but its answer is held until `release()`: the
 * server has applied the write and sent its realtime echo while the client still waits.
 */
function holdAnswer(method: Method, path: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  server.use(
    http[method.toLowerCase() as "post" | "patch" | "delete"](
      `${pbUrl()}${path}`,
      async ({ request }) => {
        const answer = await fetch(bypass(request));
        await released;
        return answer;
      },
      { once: true },
    ),
  );
  return { release };
}

/**
 * The realtime stream passes through a gate: while it is shut, what the server sends waits, so
 * an echo reaches the client only after the answer. Install before the connection opens.
 */
function gateRealtime() {
  let shut = false;
  let opened: Array<() => void> = [];
  server.use(
    http.get(`${pbUrl()}/api/realtime`, async ({ request }) => {
      const upstream = await fetch(bypass(request));
      const gated = upstream.body!.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          async transform(chunk, controller) {
            while (shut) await new Promise<void>((resolve) => opened.push(resolve));
            controller.enqueue(chunk);
          },
        }),
      );
      return new Response(gated, { status: upstream.status, headers: upstream.headers });
    }),
  );
  return {
    shut: () => void (shut = true),
    open: () => {
      shut = false;
      opened.splice(0).forEach((resume) => resume());
    },
  };
}

async function board(pb: PocketBase, collection: string) {
  const seen: Seen[] = [];
  const onEvent = (event: RecordEvent<Post>, { own }: RecordEventInfo) =>
    void seen.push({ action: event.action, id: event.record.id, updated: event.record.updated, own });
  const { result, queryClient } = renderWithClient(() => {
    useRealtimeCollection<Post>(collection, () => ({ onEvent }));
    return {
      full: useFullCollection<Post>(collection, () => ({ sort: "title,id" })),
      create: useCreateRecord<Post>(collection),
      update: useUpdateRecord<Post>(collection),
      remove: useDeleteRecord(collection),
      batch: useBatch(),
    };
  }, pb);
  await waitFor(() => result.full.isSuccess, { message: "loaded" });
  await realtimeSettled(pb, queryClient);
  const eventOf = (action: string, id: string) => seen.find((e) => e.action === action && e.id === id);
  /** The cache shows what the server holds, once nothing is in flight. */
  const matchesServer = async () => {
    await waitFor(() => queryClient.isFetching() === 0 && queryClient.isMutating() === 0, { message: "quiet" });
    const stored = await (await superuserClient()).collection(collection).getFullList<Post>({ sort: "title,id" });
    expect(result.full.data?.map((p) => [p.id, p.title, p.updated])).toEqual(stored.map((p) => [p.id, p.title, p.updated]));
  };
  return { seen, result, queryClient, eventOf, matchesServer };
}

describe("useRealtimeCollection's onEvent and the app's own writes", () => {
  it("reports the echo of an own create, update and delete as own when the echo arrives before the answer", async () => {
    const collection = await freshCollection();
    const pb = await userClient("alice");
    const { result, queryClient, eventOf, matchesServer } = await board(pb, collection);
    const records = `/api/collections/${collection}/records`;

    const create = holdAnswer("POST", records);
    result.create.mutate({ title: "mine", views: 0 });
    const id = await waitFor(() => result.create.context?.ours.id, { message: "create sent" });
    await waitFor(() => eventOf("create", id), { message: "create echoed" });
    expect(result.create.isPending).toBe(true); // the echo came first
    create.release();
    await waitFor(() => result.create.isSuccess, { message: "create answered" });

    const update = holdAnswer("PATCH", `${records}/${id}`);
    result.update.mutate({ id, data: { title: "mine, renamed" } });
    await waitFor(() => eventOf("update", id), { message: "update echoed" });
    expect(result.update.isPending).toBe(true);
    update.release();
    await waitFor(() => result.update.isSuccess, { message: "update answered" });
    expect(eventOf("update", id)?.updated).toBe(result.update.data?.updated);

    const remove = holdAnswer("DELETE", `${records}/${id}`);
    result.remove.mutate(id);
    await waitFor(() => eventOf("delete", id), { message: "delete echoed" });
    expect(result.remove.isPending).toBe(true);
    remove.release();
    await waitFor(() => result.remove.isSuccess, { message: "delete answered" });

    expect([eventOf("create", id)?.own, eventOf("update", id)?.own, eventOf("delete", id)?.own]).toEqual([true, true, true]);
    await matchesServer();
  });

  it("reports the echoes of an own batch as own, before and after its answer, and another user's change as not", async () => {
    const collection = await freshCollection();
    const [kept, doomed, theirs] = await seed<Post>(collection, [{ title: "kept" }, { title: "doomed" }, { title: "theirs" }]);
    const pb = await userClient("alice");
    const { result, seen, eventOf, matchesServer } = await board(pb, collection);
    const batch = holdAnswer("POST", "/api/batch");
    result.batch.mutate([
      { collection, create: { title: "made" } },
      { collection, update: { id: kept!.id, data: { title: "kept, renamed" } } },
      { collection, delete: doomed!.id },
    ]);
    const made = await waitFor(() => result.batch.context?.ours.ids[0], { message: "batch sent" });
    await waitFor(() => eventOf("create", made) && eventOf("update", kept!.id) && eventOf("delete", doomed!.id), { message: "batch echoed" });
    expect(result.batch.isPending).toBe(true); // the echoes came first
    batch.release();
    await waitFor(() => result.batch.isSuccess, { message: "batch answered" });
    // After the answer, another user's change of a record the batch wrote is theirs.
    await (await superuserClient()).collection(collection).update(kept!.id, { title: "kept, by someone else" });
    await (await superuserClient()).collection(collection).update(theirs!.id, { title: "theirs, renamed" });
    await waitFor(() => seen.filter((e) => e.action === "update").length === 3, { message: "the other user's updates" });
    // PocketBase sends each event from a goroutine of its own: compared in any order.
    const name = (id: string) => (id === made ? "made" : id === kept!.id ? "kept" : id === doomed!.id ? "doomed" : "theirs");
    expect(seen.map((e) => `${e.action} ${name(e.id)} ${e.own}`).sort()).toEqual(
      ["create made true", "update kept true", "delete doomed true", "update kept false", "update theirs false"].sort(),
    );
    await matchesServer();
  });

  it("reports the echo of an own create, update and delete as own when the echo arrives after the answer", async () => {
    const collection = await freshCollection();
    const gate = gateRealtime();
    const pb = await userClient("alice");
    const { seen, result, queryClient, eventOf, matchesServer } = await board(pb, collection);

    gate.shut();
    result.create.mutate({ title: "mine", views: 0 });
    await waitFor(() => result.create.isSuccess, { message: "create answered" });
    const id = result.create.data!.id;
    result.update.mutate({ id, data: { title: "mine, renamed" } });
    await waitFor(() => result.update.isSuccess, { message: "update answered" });
    result.remove.mutate(id);
    await waitFor(() => result.remove.isSuccess, { message: "delete answered" });
    expect(seen).toEqual([]); // every answer came first
    gate.open();

    await waitFor(() => eventOf("delete", id), { message: "echoes arrived" });
    expect(seen.map((e) => [e.action, e.own])).toEqual([
      ["create", true],
      ["update", true],
      ["delete", true],
    ]);
    await matchesServer();
  });

  it("reports another client's changes as not own, also another client's update of a record whose own update was just answered", async () => {
    const collection = await freshCollection();
    const gate = gateRealtime();
    const pb = await userClient("alice");
    const { seen, result, queryClient, eventOf, matchesServer } = await board(pb, collection);
    const other = (await superuserClient()).collection(collection);

    const theirs = await other.create<Post>({ title: "theirs", views: 0 });
    await waitFor(() => eventOf("create", theirs.id), { message: "their create arrived" });

    // Our update is answered; before its echo reaches us, someone else updates the same record.
    gate.shut();
    result.update.mutate({ id: theirs.id, data: { "views+": 1 } });
    await waitFor(() => result.update.isSuccess, { message: "our update answered" });
    const later = await other.update<Post>(theirs.id, { title: "theirs, renamed" });
    gate.open();
    await waitFor(() => seen.filter((e) => e.action === "update").length === 2, { message: "both updates arrived" });

    await other.delete(theirs.id);
    await waitFor(() => eventOf("delete", theirs.id), { message: "their delete arrived" });
    expect(seen.map((e) => [e.action, e.updated, e.own])).toEqual([
      ["create", theirs.updated, false],
      ["update", result.update.data!.updated, true],
      ["update", later.updated, false],
      ["delete", later.updated, false],
    ]);
    await matchesServer();
  });
});

describe("useRealtimeRecord's onEvent and the app's own writes", () => {
  it("reports each subscription's copy of an own echo as own, and another client's change as not own", async () => {
    const collection = await freshCollection();
    const [post] = await seed<Post>(collection, [{ title: "a" }]);
    const id = post!.id;
    const gate = gateRealtime();
    const pb = await userClient("alice");
    const seen: string[] = [];
    const { result, queryClient } = renderWithClient(() => {
      useRealtimeRecord<Post>(collection, id, () => ({ onEvent: (e, { own }) => void seen.push(`record ${e.action} ${own}`) }));
      useRealtimeCollection<Post>(collection, () => ({ onEvent: (e, { own }) => void seen.push(`collection ${e.action} ${own}`) }));
      return { detail: useRecord<Post>(collection, id), update: useUpdateRecord<Post>(collection), remove: useDeleteRecord(collection) };
    }, pb);
    await waitFor(() => result.detail.isSuccess, { message: "loaded" });
    await realtimeSettled(pb, queryClient);

    gate.shut(); // both copies of the echo come after the answer
    result.update.mutate({ id, data: { title: "mine" } });
    await waitFor(() => result.update.isSuccess, { message: "update answered" });
    gate.open();
    await waitFor(() => seen.length === 2, { message: "both copies arrived" });

    const other = (await superuserClient()).collection(collection);
    await other.update(id, { title: "theirs" });
    await waitFor(() => seen.length === 4, { message: "their update arrived" });
    await waitFor(() => result.detail.data?.title === "theirs", { message: "the cache shows it" });

    result.remove.mutate(id);
    await waitFor(() => seen.length === 6, { message: "delete echoed" });
    expect([...seen].sort()).toEqual(
      [
        "record update true",
        "collection update true",
        "record update false",
        "collection update false",
        "record delete true",
        "collection delete true",
      ].sort(),
    );
    await waitFor(() => !result.remove.isPending, { message: "delete settled" });
  });
});
