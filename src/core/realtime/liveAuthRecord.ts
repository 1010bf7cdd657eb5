import type Client from "pocketbase";
import type { RecordModel } from "pocketbase";
import { sameJson } from "../cache/sameJson";
import { realtimeHub } from "./realtimeHub";

/**
 * Keeps the signed-in user's record in `pb.authStore` live: a change made elsewhere (the profile
 * edited in another window, by an admin) reaches the store, and so `useAuth().record`, without a
 * reload; the record deleted signs the client out, as the server no longer accepts its token.
 * One subscription to the user's record topic through the realtime hub (its connection, shared
 * with every other subscription), re-made on a change of user. Superusers are left alone.
 *
 * Tested by tests/useAuth.test.tsx.
 * @returns The function that stops it.
 * @internal
 */
export function liveAuthRecord(pb: Client): () => void {
  let topic = "";
  let unsubscribe: (() => void) | undefined;

  const follow = () => {
    const record = pb.authStore.record;
    const next = record?.id && record.collectionName && !pb.authStore.isSuperuser ? `${record.collectionName}/${record.id}` : "";
    if (next === topic) return;
    unsubscribe?.();
    unsubscribe = undefined;
    topic = next;
    if (!topic) return;
    unsubscribe = realtimeHub(pb).subscribe(
      { topic },
      {
        onMessage(data) {
          const { action, record: changed } = data as { action: string; record?: RecordModel };
          const current = pb.authStore.record;
          if (!changed || !current || changed.id !== current.id) return;
          if (action === "delete") return void pb.authStore.clear();
          if (action !== "update") return;
          // The event's fields over the stored ones (an event may leave some out); written once
          // however many readers follow it.
          const merged = { ...current, ...changed };
          if (!sameJson(merged, current)) pb.authStore.save(pb.authStore.token, merged);
        },
      },
    );
  };

  const stop = pb.authStore.onChange(follow);
  follow();
  return () => {
    stop();
    unsubscribe?.();
    topic = "";
  };
}
