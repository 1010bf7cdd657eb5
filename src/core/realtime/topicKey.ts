import type { RealtimeTopic } from "./realtimeHubTypes";

/**
 * The identity of a subscription: its topic and its options. Two hooks with the same key share
 * one SDK subscription, and tabs sharing a connection name subscriptions by it.
 *
 * Tested by tests/core/realtime/realtimeHub.sharing.test.tsx (one SDK topic per key).
 * @internal
 */
export function topicKey(topic: RealtimeTopic): string {
  return `${topic.topic}?${JSON.stringify(topic.options ?? {})}`;
}
