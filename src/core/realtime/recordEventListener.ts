import type Client from "pocketbase";
import { authIdentity } from "../auth/authIdentity";
import { ownWrites } from "../cache/ownWrites";
import type { RecordEvent } from "./realtimeCacheListener";
import type { RealtimeListener } from "./realtimeHubTypes";

/**
 * What `onEvent` is told about an event besides the event itself.
 *
 * @example
 * ```ts
 * useRealtimeCollection<Post>("posts", () => ({
 *   onEvent: (event, { own }: RecordEventInfo) => {
 *     if (!own) toast(`${event.record.title}: changed by someone else`);
 *   },
 * }));
 * ```
 */
export interface RecordEventInfo {
  /**
   * `true` when the event is the echo of a create, update or delete this app made through this
   * library's mutation hooks on the same QueryClient, as the signed-in user: the server
   * reporting back a change the cache already shows. `false` for everyone else's changes, for
   * your own writes made any other way (the SDK directly, another tab), and for what the server
   * changes as a consequence (a cascade delete).
   *
   * While your request is in flight, an update event of that record counts as your echo (its
   * version is not known yet), so another user's update of the same record in that moment is
   * reported as own. Once the server has answered, an update counts only with the `updated`
   * the answer carried. A create or a delete happens once per record, so its event is told
   * apart exactly.
   */
  own: boolean;
}

/**
 * The listener that hands a record topic's events to the app's `onEvent`, saying which are the
 * echo of its own mutations on `queryClient` (read from {@link ownWrites}). Kept off the
 * shared cache listener: the lookup runs only for hooks that have an `onEvent`.
 *
 * Tested by tests/useRealtimeCollection.ownEvents.test.tsx (own creates, updates and deletes in
 * either order of echo and answer, others' changes, the registry emptied, the cache unchanged).
 * @internal
 */
export function recordEventListener<T>(
  pb: Client,
  queryClient: object,
  collection: string,
  onEvent: (event: RecordEvent<T>, info: RecordEventInfo) => void,
): RealtimeListener {
  const identity = () => authIdentity(pb.authStore.record);
  return {
    onMessage(data) {
      onEvent(data as RecordEvent<T>, { own: ownWrites.isOwn(queryClient, identity, collection, data as RecordEvent) });
    },
  };
}
