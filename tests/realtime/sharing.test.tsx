// @vitest-environment jsdom
import { render } from "@solidjs/testing-library";
import type { QueryClient } from "@tanstack/solid-query";
import { createSignal, For } from "solid-js";
import { describe, expect, it } from "vitest";
import { sharedCacheListeners } from "../../src/core/sharedCacheListeners";
import { pocketbaseKeys } from "../../src/core/pocketbaseKeys";
import { realtimeHub } from "../../src/core/realtimeHub";
import { useRealtimeCollection } from "../../src/useRealtimeCollection";
import { useRealtimeRecord } from "../../src/useRealtimeRecord";
import { recordRequests } from "../helpers/msw";
import { freshCollection, newClient, superuserClient, waitFor } from "../helpers/pocketbase";
import { sdkTopics } from "../helpers/realtime";
import { Providers, renderWithClient, testQueryClient } from "../helpers/render";

const held = (queryClient: QueryClient) => sharedCacheListeners.get(queryClient)?.size ?? 0;

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

  it("viewing many records one after another keeps no listener per record once their hooks are gone", async () => {
    const collection = await freshCollection();
    const pb = newClient();
    const queryClient = testQueryClient();
    const [id, setId] = createSignal("r00000000000000");
    // Two components on the same record share one cache listener; a third watches the list.
    function Viewer() {
      useRealtimeRecord(collection, id);
      return null;
    }
    function List() {
      useRealtimeCollection(collection);
      return null;
    }
    const view = render(() => (
      <Providers pb={pb} queryClient={queryClient}>
        <Viewer />
        <Viewer />
        <List />
      </Providers>
    ));
    await waitFor(() => realtimeHub(pb).status.get().state === "connected", { message: "connected" });
    for (let i = 1; i <= 100; i++) setId(`r${String(i).padStart(14, "0")}`);
    // One listener for the record being viewed (shared by both viewers), one for the list.
    expect(held(queryClient)).toBe(2);
    view.unmount();
    expect(held(queryClient)).toBe(0);
    await waitFor(() => !pb.realtime.isConnected, { message: "SSE connection closed" });
  });

  it("watchers of one collection share one cache listener, held until the last of them goes", async () => {
    const collection = await freshCollection();
    const pb = newClient();
    const queryClient = testQueryClient();
    const [second, setSecond] = createSignal(true);
    const [logger, setLogger] = createSignal(true);
    const events: string[] = [];
    function Watcher() {
      useRealtimeCollection(collection);
      return null;
    }
    function Logger() {
      useRealtimeCollection(collection, () => ({ onEvent: (event) => events.push(event.record.id) }));
      return null;
    }
    render(() => (
      <Providers pb={pb} queryClient={queryClient}>
        <Watcher />
        {second() ? <Watcher /> : null}
        {logger() ? <Logger /> : null}
      </Providers>
    ));
    await waitFor(() => realtimeHub(pb).status.get().state === "connected", { message: "connected" });
    expect(held(queryClient)).toBe(1);
    setSecond(false);
    setLogger(false);
    expect(held(queryClient)).toBe(1);
    // The remaining watcher still patches the cache with the listener it shares.
    const created = await (await superuserClient()).collection(collection).create({ title: "kept" });
    queryClient.setQueryData(pocketbaseKeys.detail(collection, created.id), { ...created, title: "stale" });
    await (await superuserClient()).collection(collection).update(created.id, { title: "fresh" });
    await waitFor(() => queryClient.getQueryData(pocketbaseKeys.detail(collection, created.id))?.title === "fresh", {
      message: "the remaining watcher applied the update",
    });
  });
});
