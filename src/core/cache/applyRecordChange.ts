import type { QueryClient, QueryKey } from "@tanstack/solid-query";
import type { RecordModel } from "pocketbase";
import { compileFields } from "../filter/compileFields";
import { parseKey, type ParsedKey } from "../keys/parseKey";
import { patchListData } from "./patchListData";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { fieldTypesRegistry } from "../filter/fieldTypesRegistry";
import type { FieldTypes } from "../filter/types";
import { reconcileRecord } from "./reconcileRecord";
import { recordsOf } from "./recordsOf";
import { sharePatchedData } from "./sharePatchedData";
import { tombstones } from "./tombstones";
import { updatedTime } from "./updatedTime";

/** The part of a `QueryClient` the reducer uses. */
export type RecordCache = Pick<QueryClient, "getQueriesData" | "setQueryData" | "removeQueries" | "getQueryCache">;

/**
 * One record change: from a mutation (optimistic or confirmed) or a realtime event.
 *
 * @example
 * ```ts
 * const change: RecordChange<Post> = { type: "delete", id: "abc123def456ghi" };
 * ```
 */
export type RecordChange<T extends RecordModel = RecordModel> =
  | {
      /** A record was created or updated. */
      type: "create" | "update";
      /** The record as it now is. */
      record: T;
    }
  | {
      /** A record was deleted. */
      type: "delete";
      /** The deleted record's id. */
      id: string;
      /**
       * The deleted record as the server last had it (a realtime delete event carries it). Give
       * it only for a delete the server made: lists that do not hold the record then count it
       * out where their filter and sort decide it, and later versions of the record that are
       * not newer than it are ignored.
       */
      record?: T;
    };

/** Options of {@link applyRecordChange}. */
export interface ApplyRecordChangeOptions {
  /** Skip the staleness guard: for the server's answer to your mutation (the client's clock may be ahead). */
  force?: boolean;
  /** Field types for filters whose meaning depends on them. Default: `PocketBaseProvider`'s `fieldTypes`. */
  fieldTypes?: FieldTypes;
  /** The record has only some fields (a subscription with `fields`): it never becomes a new row. */
  partial?: boolean;
  /** Apply to this query only (its key as the cache holds it). */
  only?: QueryKey;
  /**
   * The change is replayed onto a snapshot that may already hold it (a fetch answered after the
   * change arrived): a change that would only count (a total, with no row of the list to show
   * for it) makes the list undecided instead, as counting it twice would be wrong.
   */
  replay?: boolean;
  /**
   * A pending write replayed on the view, not a change the server made: it leaves no tombstone
   * and is not held against one (re-creating a deleted id is the app's intent).
   */
  pending?: boolean;
}

/** What {@link applyRecordChange} did. */
export interface ApplyRecordChangeResult {
  /** Keys whose data was replaced or removed. */
  patched: QueryKey[];
  /** Keys whose right data the reducer could not decide: the caller invalidates them. */
  undecided: QueryKey[];
}

type Row = Record<string, unknown>;

/**
 * Applies one record change to every cached query of a collection: the one reducer behind
 * optimistic mutations, the server's answers to them and realtime events. Entries are patched
 * in place where the result is certain; the others are left as they are and reported
 * `undecided`. Stale updates (older `updated`) are ignored unless `force`, and identical ones
 * write nothing, so the echo of your own write does not re-render. A create or update that is
 * not newer than a delete applied with its `record` is ignored, even with `force`: PocketBase
 * may deliver it after the delete. Cached objects are never mutated. The decision table is in
 * docs/architecture.md, "Event to cache".
 *
 * @typeParam T - The record type.
 * @param cache - The QueryClient.
 * @param collection - The collection name or id, as used in the query keys.
 * @param change - What happened to the record.
 * @param options - `force`, `fieldTypes` and `partial`.
 * @returns The keys patched and the keys left undecided (a key can be in both when a record
 *   was inserted at a guessed position or without its expansion).
 * @example
 * ```ts
 * const { undecided } = applyRecordChange(queryClient, "posts", { type: "create", record });
 * for (const queryKey of undecided) void queryClient.invalidateQueries({ queryKey, exact: true });
 * ```
 */
export function applyRecordChange<T extends RecordModel>(
  cache: RecordCache,
  collection: string,
  change: RecordChange<T>,
  options?: ApplyRecordChangeOptions,
): ApplyRecordChangeResult {
  const result: ApplyRecordChangeResult = { patched: [], undecided: [] };
  const pending = options?.pending ?? false;
  if (change.type !== "delete" && !pending && tombstones.buries(cache, collection, change.record)) return result;
  // The second news of one creation (a create's answer and its echo): applied as an update, it
  // moves or merges rows but never counts the record in a total again.
  if (change.type === "create" && !pending && !options?.replay && tombstones.born(cache, collection, change.record)) {
    change = { type: "update", record: change.record };
  }
  // The same delete again (our answer, then its realtime echo): it still removes a row shown
  // meanwhile, but counts nothing out of a total a second time.
  const again = change.type === "delete" && !pending && tombstones.knows(cache, collection, change.id);
  const force = options?.force ?? false;
  const fieldTypes = options?.fieldTypes ?? fieldTypesRegistry.get(cache, collection);
  const entries = cache
    .getQueriesData<unknown>({ queryKey: pocketbaseKeys.collection(collection) })
    .map(([queryKey, data]) => ({ queryKey, data, parsed: parseKey(queryKey) }))
    .filter((entry): entry is Entry => entry.parsed?.collection === collection && (!options?.only || entry.queryKey === options.only));
  const id = change.type === "delete" ? change.id : change.record.id;
  let copies: Row[] | undefined;
  const cachedCopies = () =>
    // From the data as it was before this change: tells whether a change that a partial list
    // cannot place matters at all.
    (copies ??= entries.flatMap((entry): Row[] => {
      for (const row of recordsOf(entry.parsed.kind, entry.data)) if (row.id === id) return [row];
      return [];
    }));
  const knownElsewhere = () => cachedCopies().length > 0;
  if (change.type === "delete" && !pending) {
    // A delete without its record (our own answer) is buried by the newest cached copy's state.
    const time = (row: Row) => updatedTime(row.updated) ?? -Infinity;
    const newest = (rows: Row[]) => rows.reduce<Row | undefined>((a, b) => (!a || time(b) > time(a) ? b : a), undefined);
    tombstones.bury(cache, collection, change.record ?? newest(cachedCopies()) ?? { id: change.id });
  }
  const settledElsewhere = () =>
    change.type !== "delete" &&
    cachedCopies().some((copy) => reconcileRecord(copy, change.record, force).outcome !== "changed");

  for (const { queryKey, data, parsed } of entries) {
    if (parsed.kind === "detail") {
      if (parsed.id !== id) continue;
      if (change.type === "delete") {
        // TanStack's removeQueries leaves a mounted observer showing the removed data: an
        // observed detail is refetched instead, into the 404 of the deleted record.
        if (cache.getQueryCache().find({ queryKey, exact: true })?.getObserversCount()) {
          result.undecided.push(queryKey);
        } else {
          cache.removeQueries({ queryKey, exact: true });
          result.patched.push(queryKey);
        }
        continue;
      }
      commit(cache, result, queryKey, data, patchDetail(data, parsed.params.fields, change.record, force));
      continue;
    }
    if (data === undefined) continue; // nothing fetched yet: the fetch brings the change
    const listChange = change.type === "delete" ? change : { type: change.type, record: change.record as Row };
    const outcome = patchListData(parsed.kind, data, parsed.params, listChange, {
      force,
      knownElsewhere,
      settledElsewhere,
      fieldTypes,
      partial: options?.partial ?? false,
      replay: (options?.replay ?? false) || again,
    });
    commit(cache, result, queryKey, data, outcome);
  }
  return result;
}

function commit(
  cache: RecordCache,
  result: ApplyRecordChangeResult,
  queryKey: QueryKey,
  data: unknown,
  outcome: { data: unknown; undecided: boolean },
): void {
  // The same reference means nothing changed: no setQueryData, so no observer re-renders.
  if (outcome.data !== data) {
    cache.setQueryData(queryKey, sharePatchedData.mark(outcome.data));
    result.patched.push(queryKey);
  }
  if (outcome.undecided) result.undecided.push(queryKey);
}

type Entry = { queryKey: QueryKey; data: unknown; parsed: ParsedKey };

function patchDetail(
  data: unknown,
  fields: string | undefined,
  incoming: Row,
  force: boolean,
): { data: unknown; undecided: boolean } {
  // Only a detail that holds a record is updated: a pending or failed one fetches its own.
  if (typeof data !== "object" || data === null) return { data, undecided: false };
  const reconciled = reconcileRecord(data as Row, incoming, force);
  if (reconciled.outcome !== "changed") return { data, undecided: false };
  const projection = compileFields(fields);
  if (!projection) return { data, undecided: true };
  return { data: projection.project(reconciled.record), undecided: reconciled.expandOutdated };
}
