import type { DehydratedState } from "@tanstack/solid-query";
import { writeKind } from "../keys/writeKind";
import type { PersistedClient, Persister } from "./persistTypes";
import { writerTab, type WriterTab } from "./writerTab";

/** A persister whose stored client belongs to one signed-in user. @internal */
export interface OwnedPersister extends Persister {
  /** The signed-in user changed: nothing of the previous one may stay stored. */
  forgetPrevious(): Promise<void>;
}

// Between the owner, the writing tab and TanStack's buster in the stored `buster`: none of them
// contains a newline.
const SEPARATOR = "\n";

/**
 * Wraps the app's persister so that what it stores is the signed-in user's, and what it
 * restores is ready to be sent once.
 *
 * - **Owner.** Each stored client is labelled with who was signed in (`authIdentity`), inside
 *   TanStack's `buster` field. A stored client of anyone else (another user, or the same
 *   browser signed out) is deleted on restore, never shown. On a change of user the stored
 *   client is overwritten with an empty one and deleted at once: persisters throttle their
 *   writes, and a write already queued must not put the previous user's cache back.
 * - **Restored writes.** TanStack resumes only mutations stored as paused; a write that was being
 *   sent when the page went away is stored as not paused. Every restored write of this library is
 *   marked paused (so it resumes, in order) and, when it may have reached the server,
 *   `sentBeforeReload` (so sending it again is checked, see `mayHaveArrived`). That is: a create
 *   or a delete, always (sending them again is checked against the server, and the stored copy
 *   may be up to the persister's throttle time old); an update once a request for it was
 *   started (`sending`, set by `offlineHooks`) or failed with no answer. A create gets its
 *   client-made id back into its variables: it was kept only in memory.
 * - **Writing tab.** The label also names the tab that stored the cache (`writerTab`): the writes
 *   stored by another tab that is still open are not restored (that tab sends them), only its
 *   queries.
 *
 * Tested by tests/persistence.test.tsx, tests/persistence.users.test.tsx (a reload while a write
 * was in flight; a reload as another user; a sign-out).
 * @internal
 */
export function ownedPersister(persister: Persister, owner: () => string, tab: WriterTab = writerTab): OwnedPersister {
  const label = (buster: string) => owner() + SEPARATOR + tab.id() + SEPARATOR + buster;
  return {
    persistClient: (client) => persister.persistClient({ ...client, buster: label(client.buster) }),

    restoreClient: async () => {
      const stored = await persister.restoreClient();
      if (!stored) return undefined;
      const [storedOwner, writer, ...buster] = stored.buster.split(SEPARATOR);
      if (storedOwner !== owner() || writer === undefined) {
        await persister.removeClient();
        return undefined;
      }
      const state = (await tab.isOpenElsewhere(writer)) ? { ...stored.clientState, mutations: [] } : stored.clientState;
      return { ...stored, buster: buster.join(SEPARATOR), clientState: readyToResume(state) };
    },

    removeClient: () => persister.removeClient(),

    forgetPrevious: async () => {
      const empty: PersistedClient = { timestamp: Date.now(), buster: label(""), clientState: { queries: [], mutations: [] } };
      await persister.persistClient(empty);
      await persister.removeClient();
    },
  };
}

type StoredMutation = DehydratedState["mutations"][number];

function readyToResume(state: DehydratedState): DehydratedState {
  return { ...state, mutations: state.mutations.map(markRestored) };
}

function markRestored(mutation: StoredMutation): StoredMutation {
  const { state } = mutation;
  const kind = writeKind(mutation.mutationKey);
  if (!kind || state.status !== "pending") return mutation;
  const context = (state.context ?? {}) as { sending?: boolean; ours?: { id?: string } };
  const failure = state.failureReason as { status?: unknown } | null;
  // A batch, like an update, is checked only when it may have been sent: resending a batch of
  // deletes or modifiers that never left is refused as "outcome unknown" otherwise.
  const sentBeforeReload = kind === "create" || kind === "delete" || context.sending === true || (state.failureCount > 0 && failure?.status === 0);
  const { sending: _sending, ...rest } = context;
  let variables = state.variables;
  const id = context.ours?.id;
  if (kind === "create" && id && typeof variables === "object" && variables !== null && !("id" in variables)) {
    variables = { ...variables, id };
  }
  return { ...mutation, state: { ...state, variables, isPaused: true, context: { ...rest, sentBeforeReload } } };
}
