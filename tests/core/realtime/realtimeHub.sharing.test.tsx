// @vitest-environment jsdom
import { render } from "@solidjs/testing-library";
import { createSignal, For } from "solid-js";
import { describe, expect, it } from "vitest";
import { realtimeHub } from "../../../src/core/realtime/realtimeHub";
import { useRealtimeCollection } from "../../../src/useRealtimeCollection";
import { useRealtimeRecord } from "../../../src/useRealtimeRecord";
import { recordRequests } from "../../helpers/msw";
import { freshCollection, newClient, superuserClient, waitFor } from "../../helpers/pocketbase";
import { broadcast, sdkTopics } from "../../helpers/realtime";
import { Providers, renderWithClient, testQueryClient } from "../../helpers/render";

describe("realtime subscriptions are shared and cleaned up", () => {
  it("50 components on one collection make one SDK topic and one subscription POST; unmounting all closes the connection", async () => {
    const collection = await freshCollection();
    const pb = newClient();
    const requests = recordRequests();
    function Watcher() {
      useRealtimeCollection(collection);
      return null;
    }
    const view = render(() => (
      <Providers pb={pb} queryClient={testQueryClient()}>
        <For each={Array.from({ length: 50 })}>{() => <Watcher />}</For>
      </Providers>
    ));
    await waitFor(() => realtimeHub(pb).status.get().state === "connected", { message: "connected" });
    const topics = sdkTopics(pb);
    expect(topics).toEqual({ [`${collection}/*`]: 1, PB_CONNECT: 1 });
    const posts = () => requests.requests.filter((r) => r.method === "POST" && r.url.endsWith("/api/realtime"));
    // One POST carries the topic set (the hub's PB_CONNECT watch rides along in the same tick).
    expect(posts()).toHaveLength(1);

    view.unmount();
    await waitFor(() => !pb.realtime.isConnected, { message: "SSE connection closed" });
    expect(sdkTopics(pb)).toEqual({});
    requests.stop();
  });

  it("unmounting before subscribe() resolves leaves no listener once it settles", async () => {
    const collection = await freshCollection();
    const pb = newClient();
    const { cleanup } = renderWithClient(() => useRealtimeCollection(collection), pb);
    expect(sdkTopics(pb)[`${collection}/*`]).toBe(1); // registered, connection still pending
    cleanup();
    await waitFor(() => Object.keys(sdkTopics(pb)).length === 0 && !pb.realtime.isConnected, {
      message: "no listener and no connection left",
    });
    // An event now reaches nobody and reopens nothing.
    await (await superuserClient()).collection(collection).create({ title: "late" });
    expect(sdkTopics(pb)).toEqual({});
    expect(realtimeHub(pb).status.get().state).toBe("disconnected");
  });

  it("follows reactive options: a changed id or expand moves the subscription, enabled: false removes it", async () => {
    const collection = await freshCollection();
    const pb = newClient();
    const [id, setId] = createSignal("aaaaaaaaaaaaaaa");
    const [expand, setExpand] = createSignal<string | undefined>(undefined);
    const [enabled, setEnabled] = createSignal(true);
    renderWithClient(() => useRealtimeRecord(collection, id, () => ({ expand: expand(), enabled: enabled() })), pb);
    await waitFor(() => realtimeHub(pb).status.get().state === "connected", { message: "connected" });
    const keys = () => Object.keys(sdkTopics(pb)).filter((key) => key !== "PB_CONNECT");
    expect(keys()).toEqual([`${collection}/aaaaaaaaaaaaaaa`]);

    setId("bbbbbbbbbbbbbbb");
    await waitFor(() => keys().join() === `${collection}/bbbbbbbbbbbbbbb`, { message: "moved to the new id" });
    setExpand("author");
    await waitFor(() => keys().length === 1 && keys()[0]!.startsWith(`${collection}/bbbbbbbbbbbbbbb?options=`), {
      message: "moved to the new options",
    });
    expect(decodeURIComponent(keys()[0]!)).toContain('"expand":"author"');
    setEnabled(false);
    await waitFor(() => keys().length === 0 && !pb.realtime.isConnected, { message: "unsubscribed" });
  });

  it("a listener marked `first` hears each message before the topic's other listeners (the relay to other tabs)", async () => {
    const pb = newClient();
    const hub = realtimeHub(pb);
    const topic = `first-${Math.random().toString(36).slice(2)}`;
    const order: string[] = [];
    let live = 0;
    const stops = [
      hub.subscribe({ topic }, { onMessage: () => void order.push("mounted before"), onLive: () => void live++ }),
      hub.subscribe({ topic }, { first: true, onMessage: () => void order.push("relay") }),
      hub.subscribe({ topic }, { onMessage: () => void order.push("mounted after") }),
    ];
    await waitFor(() => live === 1, { message: "live" });
    await broadcast(topic, { n: 1 });
    await waitFor(() => order.length === 3, { message: "the message heard three times" });
    expect(order).toEqual(["relay", "mounted before", "mounted after"]);
    stops.forEach((stop) => stop());
  });
});
