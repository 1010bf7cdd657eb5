import type { Mutation, QueryClient } from "@tanstack/solid-query";
import type { RecordModel } from "pocketbase";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";

/**
 * What one pending mutation of this library changes, as it is replayed on top of the server's
 * state while it is pending. Plain data: it travels in the mutation's context
 * (`mutation.context.ours.write`), which TanStack can persist.
 *
 * - `create`: the optimistic record, with its client-generated id, and the `expand`/`fields`
 *   of the detail entry that shows it.
 * - `update`: the fields it writes, modifiers already resolved to values when it was made (so a
 *   replay on a state that already holds the change, its own realtime echo, counts nothing twice).
 * - `delete`: the id.
 *
 * @example
 * ```ts
 * const update = useUpdateRecord("posts");
 * update.mutate({ id, data: { "views+": 1 } });
 * update.context?.ours.write; // { type: "update", id, fields: { views: 6, updated: "…" } }
 * ```
 */
export type PendingWrite =
  | {
      /** A create. */
      type: "create";
      /** The record as shown until the server answers. */
      record: RecordModel;
      /** The params of the detail entry that shows it. */
      detail: {
        /** Relations the detail expands. */
        expand?: string;
        /** Fields the detail keeps. */
        fields?: string;
      };
    }
  | {
      /** An update. */
      type: "update";
      /** The record it writes. */
      id: string;
      /** The values it writes (modifiers resolved), and its optimistic `updated`. */
      fields: Record<string, unknown>;
    }
  | {
      /** A delete. */
      type: "delete";
      /** The record it deletes. */
      id: string;
    };

/**
 * One write of a batch (`useBatch`), which may touch several collections: what it shows in one
 * collection while pending.
 *
 * @example
 * ```ts
 * const batch = useBatch();
 * batch.context?.ours.writes; // [{ collection: "lines", write: { type: "create", record, detail: {} } }, …]
 * ```
 */
export interface CollectionWrite {
  /** The collection it writes. */
  collection: string;
  /** What it writes there. */
  write: PendingWrite;
}

type AnyMutation = Mutation<unknown, Error, unknown, unknown>;
type Draft = PendingWrite | readonly CollectionWrite[] | null;

// The write of a mutation whose onMutate is still running (TanStack stores the context, and
// with it the write, only once onMutate returns); `null` once it is known to write nothing.
const drafts = new WeakMap<AnyMutation, Draft>();
// Mutations whose answer is being applied: TanStack counts them as pending until onSettled ends.
const settling = new WeakSet<AnyMutation>();
// Mutations that were pending when the signed-in user changed: never replayed for the next user.
const orphaned = new WeakSet<AnyMutation>();

/**
 * The pending writes of a collection, read from TanStack's MutationCache (the mutation key says
 * collection and kind, the context holds the write), in submission order: the log that every
 * server snapshot is rebased on. A batch (`["pocketbase", "@batch", …]`) holds the writes of
 * several collections (`context.ours.writes`); those of this collection take the batch's place
 * in the order. Nothing optimistic is kept anywhere else; the three marks below only say which
 * pending mutations no longer count.
 *
 * Tested by tests/core/optimistic/rebaseCollection.test.ts (what is replayed, in which order,
 * and what is left out).
 * @internal
 */
export const pendingWrites = {
  /** The writes to replay on the collection's server state, oldest first. */
  of(queryClient: QueryClient, collection: string): PendingWrite[] {
    const writes: PendingWrite[] = [];
    const mutations = queryClient.getMutationCache().findAll({ mutationKey: pocketbaseKeys.all(), status: "pending" });
    for (const mutation of mutations) {
      const key = mutation.options.mutationKey!;
      if ((key[1] !== collection && key[1] !== "@batch") || settling.has(mutation) || orphaned.has(mutation)) continue;
      const write = drafts.has(mutation) ? drafts.get(mutation) : writeOf(mutation.state.context);
      if (!Array.isArray(write)) {
        if (write) writes.push(write as PendingWrite);
      } else for (const one of write as CollectionWrite[]) if (one.collection === collection) writes.push(one.write);
    }
    return writes;
  },

  /**
   * The mutation running `onMutate` with these variables: the newest pending one that has no
   * context yet (TanStack marks it pending, then calls onMutate in the same microtask chain).
   * `collection` is the mutation key's second part (`"@batch"` for a batch).
   */
  find(queryClient: QueryClient, collection: string, variables: unknown): AnyMutation | undefined {
    return queryClient
      .getMutationCache()
      .findAll({
        mutationKey: pocketbaseKeys.collection(collection),
        status: "pending",
        predicate: (mutation) => mutation.state.variables === variables && mutation.state.context === undefined,
      })
      .at(-1);
  },

  /** Records the write of a mutation whose onMutate is running (`null`: it writes nothing). */
  draft(mutation: AnyMutation | undefined, write: Draft): void {
    if (mutation) drafts.set(mutation, write);
  },

  /** The mutation's answer (or failure) is being applied: replay it no more. */
  settle(mutation: AnyMutation | undefined): void {
    if (mutation) settling.add(mutation);
  },

  /** The signed-in user changed: the mutations pending now are the previous user's. */
  orphanAll(queryClient: QueryClient): void {
    for (const mutation of queryClient.getMutationCache().findAll({ mutationKey: pocketbaseKeys.all(), status: "pending" })) {
      orphaned.add(mutation);
    }
  },
};

function writeOf(context: unknown): Draft | undefined {
  const ours = (context as { ours?: { write?: PendingWrite; writes?: CollectionWrite[] } } | undefined)?.ours;
  return ours?.write ?? ours?.writes;
}
