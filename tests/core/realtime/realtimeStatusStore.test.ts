import { describe, expect, it } from "vitest";
import type { RealtimeStatus } from "../../../src/core/realtime/realtimeStatusStore";
import { realtimeStatusStore } from "../../../src/core/realtime/realtimeStatusStore";

describe("realtimeStatusStore", () => {
  it("starts disconnected and merges what set() is given into the status", () => {
    const store = realtimeStatusStore();
    expect(store.get()).toEqual({ state: "disconnected" });
    const error = new Error("offline");
    store.set({ state: "connecting" });
    store.set({ error });
    expect(store.get()).toEqual({ state: "connecting", error });
    store.set({ state: "reconnecting" }); // the error stays visible
    expect(store.get()).toEqual({ state: "reconnecting", error });
    store.set({ state: "connected", error: undefined });
    expect(store.get()).toEqual({ state: "connected", error: undefined });
  });

  it("notifies only when the state or the error changes", () => {
    const store = realtimeStatusStore();
    const heard: RealtimeStatus[] = [];
    store.subscribe((status) => heard.push(status));
    const error = new Error("offline");
    store.set({ state: "disconnected" }); // no change
    store.set({ state: "connecting" });
    store.set({ state: "connecting" }); // no change
    store.set({ error });
    store.set({ state: "connecting", error }); // no change
    store.set({ state: "connected", error: undefined });
    expect(heard.map((status) => [status.state, status.error])).toEqual([
      ["connecting", undefined],
      ["connecting", error],
      ["connected", undefined],
    ]);
  });

  it("stops notifying a listener once it unsubscribes, and only that one", () => {
    const store = realtimeStatusStore();
    const first: string[] = [];
    const second: string[] = [];
    const stopFirst = store.subscribe((status) => first.push(status.state));
    store.subscribe((status) => second.push(status.state));
    store.set({ state: "connecting" });
    stopFirst();
    store.set({ state: "connected" });
    expect(first).toEqual(["connecting"]);
    expect(second).toEqual(["connecting", "connected"]);
  });
});
