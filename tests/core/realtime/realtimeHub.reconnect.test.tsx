// @vitest-environment jsdom
import { http, HttpResponse } from "msw";
import PocketBase, { BaseAuthStore } from "pocketbase";
import { describe, expect, it } from "vitest";
import { realtimeHub } from "../../../src/core/realtime/realtimeHub";
import { useFullCollection } from "../../../src/useFullCollection";
import { useRealtimeCollection } from "../../../src/useRealtimeCollection";
import { useRealtimeStatus } from "../../../src/useRealtimeStatus";
import { networkErrorNext, server as msw } from "../../helpers/msw";
import { newClient, freshCollection, superuserClient, waitFor } from "../../helpers/pocketbase";
import { realtimeSettled } from "../../helpers/realtime";
import { renderWithClient } from "../../helpers/render";
import { ownServer } from "../../helpers/ownServer";

type Post = { id: string; title: string };

describe("realtime survives a server restart", () => {
  const owned = ownServer();

  it("after a restart with writes made while this client was away, the cache equals the server's data", async () => {
    const own = owned.server();
    const admin = await owned.superuser();
    const kept = await admin.collection("posts").create<Post>({ title: "kept" });
    const changed = await admin.collection("posts").create<Post>({ title: "before" });

    const pb = new PocketBase(own.url, new BaseAuthStore());
    const { result, queryClient } = renderWithClient(
      () => {
        useRealtimeCollection("posts");
        return { list: useFullCollection<Post>("posts", () => ({ sort: "title" })), status: useRealtimeStatus() };
      },
      pb,
    );
    await waitFor(() => result.list.isSuccess, { message: "loaded" });
    await realtimeSettled(pb, queryClient);
    const states = new Set<string>();
    const stopWatching = realtimeHub(pb).status.subscribe((s) => states.add(s.state));

    // Keep this client away while the server is down and right after it is back.
    msw.use(http.get(`${own.url}/api/realtime`, () => HttpResponse.error()));
    await own.stop();
    await waitFor(() => result.status().state === "reconnecting", { message: "badge shows reconnecting" });
    await own.start();
    await admin.collection("posts").create({ title: "while away" });
    await admin.collection("posts").update(changed.id, { title: "after" });
    await admin.collection("posts").delete(kept.id);
    msw.resetHandlers();

    const server = await admin.collection("posts").getFullList<Post>({ sort: "title" });
    await waitFor(() => JSON.stringify(result.list.data) === JSON.stringify(server), {
      message: "cache converged to the server",
      timeout: 15_000,
    });
    expect(result.list.data?.map((p) => p.title)).toEqual(["after", "while away"]);
    expect(result.status().state).toBe("connected");
    expect([...states]).toEqual(expect.arrayContaining(["reconnecting", "connected"]));
    stopWatching();
  }, 30_000);
});

describe("a failed first connection is retried", () => {
  it("the SDK does not retry it; the hub does, reports the error, and then delivers events", async () => {
    const collection = await freshCollection();
    networkErrorNext("GET", "/api/realtime");
    const pb = newClient();
    const seen: string[] = [];
    const { result } = renderWithClient(() => {
      useRealtimeCollection(collection, () => ({ onEvent: (e) => seen.push(e.action) }));
      return useRealtimeStatus();
    }, pb);
    await waitFor(() => result().error !== undefined, { message: "the first failure is reported" });
    expect(result().state).toBe("connecting");
    await waitFor(() => result().state === "connected", { message: "connected on retry" });
    expect(result().error).toBeUndefined();
    await (await superuserClient()).collection(collection).create({ title: "x" });
    await waitFor(() => seen.length === 1, { message: "event delivered once" });
    expect(seen).toEqual(["create"]);
  });
});
