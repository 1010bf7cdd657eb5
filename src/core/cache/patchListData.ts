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

/** A record change as the list reducer sees it; a delete may carry the record's last state. @internal */
export type ListChange = { type: "create" | "update"; record: Row } | { type: "delete"; id: string; record?: Row };

/** New `data` (the same reference when nothing changed) and whether to refetch. @internal */
export interface ListPatch {
  data: unknown;
  undecided: boolean;
}

/**
 * Applies one record change to one cached list: read it as a window, decide the edit, write it
 * back. Only a list whose filter, sort and `fields` the client reproduces is decidable.
 * @param options - `knownElsewhere()`: another cache entry holds the id; `settledElsewhere()`:
 *   one holds this version or a newer one. Called only when needed: they scan the collection.
 * @internal
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
    /** Onto a snapshot that may already hold the change: never only count (see `applyRecordChange`). */
    replay?: boolean;
  },
): ListPatch {
  const replay = options.replay ?? false;
  const unchanged = { data, undecided: false };
  const undecided = { data, undecided: true };
  const window = toWindow(kind, data);
  if (!window || !window.items.every((row) => typeof row === "object" && row !== null && typeof row.id === "string")) {
    return undecided;
  }
  const complete = window.offset === 0 && window.atEnd;

  if (change.type === "delete") {
    const from = window.items.findIndex((row) => row.id === change.id);
    // Certain whatever the filter or sort; patchWindow reports the hole a partial window keeps.
    if (from >= 0) return settle(kind, data, window, patchWindow(window, { type: "remove", from }, undefined), false, replay);
    // A complete list holds every record that matches: one it lacks never counted.
    if (complete) return unchanged;
    const place = change.record && !options.partial ? placeOfDeleted(window, params, change.record, options.fieldTypes) : undefined;
    if (place === "after") return settle(kind, data, window, { items: window.items, delta: -1, guessed: false }, false, replay);
    if (place === "before") return undecided; // the window shifts by a record it never held
    if (place === "outside") return unchanged;
    return options.knownElsewhere() ? undecided : unchanged;
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
  // Membership is decided on the whole record: the filter may read fields `fields` drops.
  const member = matches(params, record, options.fieldTypes);
  if (member === undefined) return undecided;
  let edit: WindowEdit;
  if (member) {
    const placed = projection.project(record);
    // A change outside the list's `fields` that keeps the record in the list shows nothing new.
    if (from >= 0 && sameJson(placed, window.items[from])) return unchanged;
    edit = { type: "place", record: placed, from, created: change.type === "create" };
  } else if (from >= 0) edit = { type: "remove", from };
  else return complete || change.type === "create" ? unchanged : undecided;
  return settle(kind, data, window, patchWindow(window, edit, compare), expandOutdated, replay);
}

// Where a deleted record the window lacks stood in the list: after the window (it only counted),
// before it, outside the list (its last state does not match), or undefined when undecidable.
function placeOfDeleted(
  window: RecordWindow,
  params: NormalizedParams,
  record: Row,
  fieldTypes: FieldTypes | undefined,
): "after" | "before" | "outside" | undefined {
  const member = matches(params, record, fieldTypes);
  if (member !== true) return member === false ? "outside" : undefined;
  // The window is the head of the ordering: a matching record it lacks comes after it.
  if (window.offset === 0) return "after";
  const compare = compileSort(params.sort);
  const first = window.items[0];
  const last = window.items.at(-1);
  if (!compare || !first || !last || ![record, first, last].every((row) => compare.accepts(row))) return undefined;
  // Equal sort values leave its side to the rowid: undecidable, like a place among equals.
  if (!window.atEnd && compare(last, record) < 0) return "after";
  if (compare(record, first) < 0) return "before";
  return undefined;
}

function settle(
  kind: "full" | "page" | "infinite",
  data: unknown,
  window: RecordWindow,
  patch: WindowPatch | undefined,
  refetch: boolean,
  replay: boolean,
): ListPatch {
  if (!patch) return { data, undecided: true };
  if (replay && patch.items === window.items && patch.delta !== 0) return { data, undecided: true };
  const next = fromWindow(kind, data, patch);
  // Same items and no totals to count (skipTotal): an identical copy would only re-render.
  if (patch.items === window.items && sameJson(next, data)) return { data, undecided: false };
  return { data: next, undecided: patch.guessed || refetch };
}
