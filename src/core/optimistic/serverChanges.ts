import type { Query, QueryClient } from "@tanstack/solid-query";
import {
  applyRecordChange,
  type ApplyRecordChangeOptions,
  type ApplyRecordChangeResult,
  type RecordChange,
} from "../cache/applyRecordChange";
import { keepStale } from "./keepStale";

/** A server change (a realtime event, a mutation's answer) and how to apply it. */
export interface ServerChange {
  change: RecordChange;
  /** `force` for answers (the client's clock may be ahead), `partial` for events with `fields`. */
  options?: ApplyRecordChangeOptions | undefined;
}

/** What to rebase, and which server changes enter first. */
export interface RebaseOptions {
  /** Server changes applied to the server state first, in order. */
  changes?: readonly ServerChange[];
  /** A query whose data is a fresh server snapshot: only it is written back (the others did not change). */
  only?: Query<unknown, Error, unknown, readonly unknown[]>;
}

type Rebase = (queryClient: QueryClient, collection: string, options: RebaseOptions) => ApplyRecordChangeResult;

const rebasers = new WeakMap<QueryClient, Rebase>();

/**
 * Where server changes enter the cache. Until a mutation of this library has run on a
 * QueryClient, its cache holds server data only, and a change goes straight through the reducer;
 * the first mutation hands it the rebase (`rebaseCollection`), which replays pending writes on
 * top. So an app that reads and subscribes but never mutates does not bundle the optimistic
 * layer, and its events cost what they cost before it.
 *
 * Tested by tests/core/optimistic/rebaseCollection.test.ts (the fast path) and
 * tests/core/optimistic/watchServerSnapshots.test.ts (events replayed onto older fetches).
 * @internal
 */
export const serverChanges = {
  apply(queryClient: QueryClient, collection: string, options: RebaseOptions): ApplyRecordChangeResult {
    const rebase = rebasers.get(queryClient);
    if (rebase) return rebase(queryClient, collection, options);
    const result: ApplyRecordChangeResult = { patched: [], undecided: [] };
    return keepStale(queryClient, collection, () => {
      for (const { change, options: changeOptions } of options.changes ?? []) {
        const applied = applyRecordChange(queryClient, collection, change, changeOptions);
        result.patched.push(...applied.patched);
        result.undecided.push(...applied.undecided);
      }
      return result;
    });
  },

  /** From now on, server changes of this QueryClient go through `rebase`. */
  rebaseWith(queryClient: QueryClient, rebase: Rebase): void {
    rebasers.set(queryClient, rebase);
  },
};
