import { compileFields } from "../filter/compileFields";
import { compileSort } from "../filter/compileSort";
import type { FieldTypes } from "../filter/types";
import { matches } from "../filter/matches";
import type { NormalizedParams } from "../types";
import { fromWindow } from "./fromWindow";
import { patchWindow, type RecordWindow, type WindowEdit, type WindowPatch } from "./patchWindow";
import { reconcileRecord } from "./reconcileRecord";
import { sameJson } from "./sameJson";
import { toWindow } from "./toWindow";

type Row = Record<string, unknown>;

/** A record change as the list reducer sees it. */
export type ListChange = { type: "create" | "update"; record: Row } | { type: "delete"; id: string };

/** The outcome for one cached list: new `data` (or the same reference) and whether to refetch. */
export interface ListPatch {
  data: unknown;
  undecided: boolean;
}

/**
 * Applies one record change to the data of one cached list query: a `getFullList` array
 * (`full`), one `ListResult` page (`page`) or an `InfiniteData` of pages (`infinite`).
 *
 * The data is cut into a {@link RecordWindow} of the list's ordering, patched by
 * {@link patchWindow}, and put back together: page totals follow the count
 * (`totalPages = ceil(totalItems / perPage)`, both stay -1 with `skipTotal`), and infinite
 * lists are re-chunked so every loaded page keeps its size, dropping trailing pages that a
 * refetch would no longer load. A list is decidable only when {@link matches} decides
 * membership, its sort compiles ({@link compileSort}) and its `fields` projection is
 * reproducible and keeps the sort fields ({@link compileFields}).
 *
 * Guards: a stale or identical update of a record the list holds is a no-op, even for an
 * undecidable list (its membership cannot have changed), and so is one the list does not hold
 * when another cache entry holds that version or a newer one; a delete of an id the list does
 * not hold is a no-op unless the list is partial and the id is known elsewhere in the cache.
 *
 * @param kind - The list's kind, from {@link parseKey}.
 * @param data - The cached data (never mutated).
 * @param params - The list's normalised parameters.
 * @param change - The record change.
 * @param options - `force` skips the staleness guard; `knownElsewhere()` says whether the id
 *   appears in another cache entry of the collection, `settledElsewhere()` whether one holds
 *   the incoming version already (or a newer one). Called only when needed.
 * @returns The new data (the same reference when nothing changed) and `undecided`.
 * @example
 * ```ts
 * patchListData("full", [{ id: "a", title: "A" }], { sort: "title" },
 *   { type: "create", record: { id: "b", title: "B" } },
 *   { force: false, knownElsewhere: () => false, settledElsewhere: () => false });
 * // => { data: [{ id: "a", … }, { id: "b", … }], undecided: false }
 * ```
 */
export function patchListData(
  kind: "full" | "page" | "infinite",
  data: unknown,
  params: NormalizedParams,
  change: ListChange,
  options: {
    force: boolean;
    knownElsewhere: () => boolean;
    settledElsewhere: () => boolean;
    fieldTypes?: FieldTypes;
    partial?: boolean;
  },
): ListPatch {
  const unchanged = { data, undecided: false };
  const undecided = { data, undecided: true };
  const window = toWindow(kind, data);
  if (!window || !window.items.every((row) => typeof row === "object" && row !== null && typeof row.id === "string")) {
    return undecided;
  }
  const complete = window.offset === 0 && window.atEnd;

  if (change.type === "delete") {
    const from = window.items.findIndex((row) => row.id === change.id);
    // A deleted record leaves every list that holds it, whatever the list's filter or sort:
    // removing it is certain, and patchWindow reports the hole a partial window is left with.
    if (from >= 0) return settle(kind, data, window, patchWindow(window, { type: "remove", from }, undefined), false);
    return complete || !options.knownElsewhere() ? unchanged : undecided;
  }

  const id = String(change.record.id);
  const from = window.items.findIndex((row) => row.id === id);
  let record = change.record;
  let expandOutdated: boolean;
  if (from >= 0) {
    const reconciled = reconcileRecord(window.items[from]!, record, options.force);
    if (reconciled.outcome !== "changed") return unchanged;
    record = reconciled.record;
    expandOutdated = reconciled.expandOutdated;
  } else {
    // A partial record (a subscription with `fields`) may update a row but never become one.
    if (options.partial) return undecided;
    // The cache already has this version (e.g. the echo of our own write): nothing moved.
    if (!complete && options.settledElsewhere()) return unchanged;
    // A record inserted without the expansion the list asks for is shown now and refetched.
    expandOutdated = params.expand !== undefined && change.record.expand === undefined;
  }

  const compare = compileSort(params.sort);
  const projection = compileFields(params.fields);
  if (!compare || !projection || !compare.fields.every((field) => projection.keeps(field))) return undecided;
  const placed = projection.project(record);
  if (from >= 0 && sameJson(placed, window.items[from])) return unchanged;
  // Membership is decided on the whole record: the filter may read fields `fields` drops.
  const member = matches(params, record, options.fieldTypes);
  if (member === undefined) return undecided;
  let edit: WindowEdit;
  if (member) edit = { type: "place", record: placed, from, created: change.type === "create" };
  else if (from >= 0) edit = { type: "remove", from };
  else return complete || change.type === "create" ? unchanged : undecided;
  return settle(kind, data, window, patchWindow(window, edit, compare), expandOutdated);
}

function settle(
  kind: "full" | "page" | "infinite",
  data: unknown,
  window: RecordWindow,
  patch: WindowPatch | undefined,
  refetch: boolean,
): ListPatch {
  if (!patch) return { data, undecided: true };
  const next = fromWindow(kind, data, patch);
  // Same items and no totals to count (skipTotal): an identical copy would only re-render.
  if (patch.items === window.items && sameJson(next, data)) return { data, undecided: false };
  return { data: next, undecided: patch.guessed || refetch };
}
