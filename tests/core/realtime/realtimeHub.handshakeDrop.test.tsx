// @vitest-environment jsdom
import { http, HttpResponse } from "msw";
import PocketBase, { BaseAuthStore } from "pocketbase";
import { describe, expect, it } from "vitest";
import { realtimeHub } from "../../../src/core/realtime/realtimeHub";
import { useFullCollection } from "../../../src/useFullCollection";
import { useRealtimeCollection } from "../../../src/useRealtimeCollection";
import { server as msw } from "../../helpers/msw";
import { waitFor } from "../../helpers/pocketbase";
import { realtimeSettled } from "../../helpers/realtime";
import { renderWithClient } from "../../helpers/render";
import { ownServer } from "../../helpers/ownServer";

type Post = { id: string; title: string };

// A drop while the SDK is submitting its topics after PB_CONNECT can leave it disconnected for
// good, with no retry and no onDisconnect. The hub must notice and subscribe again by itself.
describe("a connection dropped during the subscription handshake", () => {
  const owned = ownServer();

  it("is re-established by the hub's watchdog, and later changes arrive", async () => {
    const own = owned.server();
    const admin = await owned.superuser();
    const pb = new PocketBase(own.url, new BaseAuthStore());
    const hub = realtimeHub(pb, { watchdogMs: 1500 });
    const { result, queryClient } = renderWithClient(() => {
      useRealtimeCollection("posts");
      return useFullCollection<Post>("posts", () => ({ sort: "title" }));
    }, pb);
    await waitFor(() => result.isSuccess, { message: "loaded" });
    await realtimeSettled(pb, queryClient);

    // Hold the topic submission of the next connection, drop that connection, then fail it.
    let held = false;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    msw.use(
      http.post(`${own.url}/api/realtime`, async () => {
        held = true;
        await released;
        return HttpResponse.error();
      }, { once: true }),
    );
    await own.stop();
    await own.start();
    await waitFor(() => held, { message: "the reconnect's subscription POST is held", timeout: 10_000 });
    await own.stop();
    release();
    await own.start();

    await waitFor(() => hub.status.get().state === "connected" && pb.realtime.isConnected, {
      message: "connected again",
      timeout: 15_000,
    });
    const created = await admin.collection("posts").create<Post>({ title: "after the drop" });
    await waitFor(() => result.data?.some((p) => p.id === created.id), { message: "a later change arrived", timeout: 10_000 });
    expect(result.data?.map((p) => p.title)).toContain("after the drop");
  }, 45_000);
});
