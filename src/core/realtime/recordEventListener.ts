import type { Mutation, QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import { authIdentity } from "../auth/authIdentity";
import { batchKey } from "../keys/batchKey";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
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
   * library's mutation hooks (a batch's operations included) on the same QueryClient, as the
   * signed-in user: the server
   * reporting back a change the cache already shows. `false` for everyone else's changes, for
   * your own writes made any other way (the SDK directly, another tab), and for what the server
   * changes as a consequence (a cascade delete).
   *
   * While your mutation is pending (from sending until its refetch after the answer), an update
   * event of that record counts as your echo (its version is not known yet), so another user's
   * update of the same record in that moment is reported as own. Once it has settled, an update
   * counts only with the `updated` the answer carried. A create or a delete happens once per
   * record, so its event is told apart exactly. Mutations are found in TanStack's
   * MutationCache, so an echo that arrives after a settled mutation was garbage-collected (its
   * `gcTime`, 5 minutes by default) is not own.
   */
  own: boolean;
}

/**
 * The listener that hands a record topic's events to the app's `onEvent`, saying which are the
 * echo of its own mutations on `queryClient`. Those are read from TanStack's MutationCache, by
 * the mutation key `pocketbaseKeys.mutation(collection, action)`, and the batches' `batchKey()`:
 * no registry of our own, and
 * nothing kept once TanStack forgets a mutation. Kept off the shared cache listener, so the
 * lookup runs only for hooks that have an `onEvent`.
 *
 * Tested by tests/useRealtimeCollection.ownEvents.test.tsx (own creates, updates and deletes in
 * either order of echo and answer, a batch's, others' changes, both subscriptions' copies, the
 * cache unchanged).
 * @internal
 */
export function recordEventListener<T>(
  pb: Client,
  queryClient: QueryClient,
  collection: string,
  onEvent: (event: RecordEvent<T>, info: RecordEventInfo) => void,
): RealtimeListener {
  return {
    onMessage(data) {
      const event = data as RecordEvent<T>;
      onEvent(event, { own: isOwnEcho(queryClient, authIdentity(pb.authStore.record), collection, data as RecordEvent) });
    },
  };
}

function isOwnEcho(queryClient: QueryClient, identity: string, collection: string, event: RecordEvent): boolean {
  const { action, record } = event;
  if (!record?.id || (action !== "create" && action !== "update" && action !== "delete")) return false;
  const cache = queryClient.getMutationCache();
  return (
    cache.findAll({ mutationKey: pocketbaseKeys.mutation(collection, action) }).some((mutation) => wrote(mutation, identity, record)) ||
    cache.findAll({ mutationKey: batchKey() }).some((mutation) => wrote(mutation, identity, record, collection, action))
  );
}

// Whether this mutation, made by the signed-in user, wrote this version of the record. Its
// state is read by shape (realtime does not import the mutations room): `context` is the
// composed `onMutate` result ({ ours, identity }), set before the request is sent. A batch
// (`collection` given) wrote it if one of its operations is that collection's and that
// record's (`ours.ids`), a delete for a delete and anything else for a create or update; its
// answer is one result per operation.
function wrote(
  mutation: Mutation<unknown, Error, unknown, unknown>,
  identity: string,
  record: RecordEvent["record"],
  collection?: string,
  action?: string,
): boolean {
  const { status, variables, context, data, error } = mutation.state;
  const composed = context as { identity?: string; ours?: { id?: unknown; ids?: unknown[] } } | undefined;
  if (composed?.identity !== identity) return false;
  let answer = data as { updated?: unknown; body?: { updated?: unknown } } | undefined;
  if (collection) {
    const index = (variables as Record<string, unknown>[]).findIndex(
      (operation, i) => operation.collection === collection && composed.ours?.ids?.[i] === record.id && (action === "delete") === "delete" in operation,
    );
    if (index < 0) return false;
    answer = (data as (typeof answer)[] | undefined)?.[index]?.body ?? undefined;
  } else {
    const target = typeof variables === "string" ? variables : (composed.ours?.id ?? (variables as { id?: unknown } | undefined)?.id);
    if (target !== record.id) return false;
  }
  if (status === "pending") return true;
  // No answer came (status 0): the server may have applied it. Any other failure was refused.
  if (status === "error") return (error as { status?: unknown } | null)?.status === 0;
  const answered = answer?.updated;
  return answered === undefined || record.updated === undefined || answered === record.updated;
}
