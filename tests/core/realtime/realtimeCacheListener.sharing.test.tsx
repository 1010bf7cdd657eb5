// @vitest-environment jsdom
import { render } from "@solidjs/testing-library";
import type { QueryClient } from "@tanstack/solid-query";
import { createSignal } from "solid-js";
import { describe, expect, it } from "vitest";
import { sharedCacheListeners } from "../../../src/core/realtime/sharedCacheListeners";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { realtimeHub } from "../../../src/core/realtime/realtimeHub";
import { useRealtimeCollection } from "../../../src/useRealtimeCollection";
import { useRealtimeRecord } from "../../../src/useRealtimeRecord";
import { freshCollection, newClient, superuserClient, waitFor } from "../../helpers/pocketbase";
import { Providers, testQueryClient } from "../../helpers/render";

const held = (queryClient: QueryClient) => sharedCacheListeners.get(queryClient)?.size ?? 0;

describe("realtime cache listeners are shared and released", () => {
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
