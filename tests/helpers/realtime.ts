// Realtime in tests: looking into the SDK's state (its fields are TypeScript-private), waiting
// for a quiet live cache, and sending a message through the test server's broadcast hook.
import type PocketBase from "pocketbase";

/** The SDK's subscription table: topic key → number of listeners. */
export function sdkTopics(pb: PocketBase): Record<string, number> {
  const table = (pb.realtime as unknown as { subscriptions: Record<string, unknown[]> }).subscriptions;
  return Object.fromEntries(Object.entries(table).map(([key, listeners]) => [key, listeners.length]));
}

import type { QueryClient } from "@tanstack/solid-query";
import { invalidationBatcher } from "../../src/core/realtime/invalidationBatcher";
import { realtimeHub } from "../../src/core/realtime/realtimeHub";
import { pbUrl, waitFor } from "./pocketbase";

/**
 * Waits until the realtime connection is up and the catch-up refetch that follows a
 * confirmed subscription has landed, so a test starts from a quiet, live cache.
 */
export async function realtimeSettled(pb: PocketBase, queryClient: QueryClient) {
  await waitFor(() => realtimeHub(pb).status.get().state === "connected", { message: "realtime connected" });
  // The SDK fires PB_CONNECT right after resolving subscribe(); the hub's confirmation
  // (onLive) runs in the microtasks after it, all done before the next macrotask.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await invalidationBatcher(queryClient).flush();
  await waitFor(() => queryClient.isFetching() === 0, { message: "catch-up refetch done" });
}

/** Sends `data` as a message of `topic` to its subscribers (tests/pb_hooks/broadcast.pb.js); the number reached. */
export async function broadcast(topic: string, data: unknown): Promise<number> {
  const response = await fetch(`${pbUrl()}/api/test/broadcast`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ topic, data }),
  });
  return ((await response.json()) as { sent: number }).sent;
}
