// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { realtimeHub } from "../src/core/realtime/realtimeHub";
import { useRealtimeTopic } from "../src/useRealtimeTopic";
import { newClient, uniqueScope, waitFor } from "./helpers/pocketbase";
import { broadcast, sdkTopics } from "./helpers/realtime";
import { renderWithClient } from "./helpers/render";


describe("useRealtimeTopic", () => {
  it("delivers a custom topic's messages to every component through one SDK subscription, and cleans up", async () => {
    const topic = uniqueScope("broadcast");
    const pb = newClient();
    const first: unknown[] = [];
    const second: unknown[] = [];
    const { cleanup } = renderWithClient(() => {
      useRealtimeTopic(topic, (data) => first.push(data));
      useRealtimeTopic(topic, (data) => second.push(data));
    }, pb);
    await waitFor(() => realtimeHub(pb).status.get().state === "connected", { message: "connected" });
    expect(sdkTopics(pb)[topic]).toBe(1);
    await waitFor(async () => (await broadcast(topic, { text: "hello" })) === 1, { message: "server knows the subscriber" });
    await waitFor(() => first.length >= 1 && second.length >= 1, { message: "both handlers called" });
    expect(first[0]).toEqual({ text: "hello" });
    expect(second[0]).toEqual({ text: "hello" });
    cleanup();
    await waitFor(() => !pb.realtime.isConnected, { message: "connection closed" });
    expect(sdkTopics(pb)).toEqual({});
  });
});
