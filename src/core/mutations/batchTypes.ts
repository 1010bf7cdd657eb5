// The types of a batch (`useBatch`): its operations, plain data so a paused batch can be
// persisted; what the server answers for each; what its onMutate keeps; how a refusal names
// the failing operation. Tested by tests/useBatch.test.tsx, tests/types/registered.test.ts (the
// operations typed per registered collection).
import type { RecordModel } from "pocketbase";
import type { CollectionWrite } from "../optimistic/pendingWrites";
import type { CreateVariables } from "./createRecordMutation";
import type { UpdateVariables } from "./updateRecordMutation";

/**
 * A create in a batch: the new record's fields, optionally its `id` (else one is generated on
 * the client, so later operations of the batch can point at it).
 *
 * @example
 * ```ts
 * const create: BatchCreate = { collection: "lines", create: { invoice: invoiceId, amount: 120 } };
 * ```
 */
export interface BatchCreate<TCollection extends string = string, TFields = CreateVariables> {
  /** The collection's name or id. */
  collection: TCollection;
  /** The new record's fields (modifiers and files as in `useCreateRecord`). */
  create: TFields;
}

/**
 * An update in a batch: `{ id, data }`, as `useUpdateRecord` takes it.
 *
 * @example
 * ```ts
 * const update: BatchUpdate = { collection: "cards", update: { id: cardId, data: { position: 3 } } };
 * ```
 */
export interface BatchUpdate<TCollection extends string = string, TVariables = UpdateVariables> {
  /** The collection's name or id. */
  collection: TCollection;
  /** The record's id and the fields to change (modifiers allowed). */
  update: TVariables;
}

/**
 * An upsert in a batch: fields with or without an `id`; PocketBase updates the record with that
 * id if there is one, and creates it otherwise.
 *
 * @example
 * ```ts
 * const upsert: BatchUpsert = { collection: "settings", upsert: { id: "userprefs00001", theme: "dark" } };
 * ```
 */
export interface BatchUpsert<TCollection extends string = string, TFields = CreateVariables> {
  /** The collection's name or id. */
  collection: TCollection;
  /** The record's fields, with its `id` when it may exist. */
  upsert: TFields;
}

/**
 * A delete in a batch: the record's id.
 *
 * @example
 * ```ts
 * const remove: BatchDelete = { collection: "drafts", delete: draftId };
 * ```
 */
export interface BatchDelete<TCollection extends string = string> {
  /** The collection's name or id. */
  collection: TCollection;
  /** The id of the record to delete. */
  delete: string;
}

/**
 * One operation of a batch (`useBatch`), plain data so a paused batch can be persisted: a
 * {@link BatchCreate}, {@link BatchUpdate}, {@link BatchUpsert} or {@link BatchDelete}.
 *
 * @example
 * ```ts
 * const operations: BatchOperation[] = [
 *   { collection: "invoices", create: { id: invoiceId, customer } },
 *   { collection: "lines", create: { invoice: invoiceId, amount: 120 } },
 *   { collection: "customers", update: { id: customer, data: { "invoices+": 1 } } },
 *   { collection: "drafts", delete: draftId },
 * ];
 * ```
 */
export type BatchOperation = BatchCreate | BatchUpdate | BatchUpsert | BatchDelete;

/**
 * What the server answers for one operation of a batch, in the order of the operations: the
 * status and the record (`null` for a delete).
 *
 * @example
 * ```ts
 * const [invoice] = await batch.mutateAsync(operations);
 * invoice.body?.id;
 * ```
 */
export interface BatchResult<T = RecordModel> {
  /** The operation's HTTP status: 200 for a create, update or upsert, 204 for a delete. */
  status: number;
  /** The record as the server stored it; `null` for a delete. */
  body: T | null;
}

/**
 * What a batch's `onMutate` made of its operations.
 *
 * @example
 * ```ts
 * const batch = useBatch();
 * batch.context?.ours.ids; // the record id of each operation (a create's generated on the client)
 * ```
 */
export interface BatchContext {
  /** The record id of each operation, in order: a create's (or an upsert's) generated on the client unless given. */
  ids: string[];
  /** The collections the batch touches, each once, in the order first touched. */
  collections: string[];
  /** What it shows while pending, per collection, replayed on the server's state (none with `optimistic: false`). */
  writes: CollectionWrite[];
}

/**
 * The failing operation of a refused batch, at `error.response.failed`.
 *
 * @example
 * ```ts
 * const failed = (batch.error?.response as { failed?: BatchFailure } | undefined)?.failed;
 * failed?.number; // 3: the third operation broke a rule
 * ```
 */
export interface BatchFailure {
  /** Its position in the operations, from 0. */
  index: number;
  /** Its position counted from 1, as the error message says it. */
  number: number;
  /** Its collection. */
  collection: string;
  /** What it did. */
  kind: BatchKind;
  /** The status the server gave it. */
  status: number;
  /** The server's message for it. */
  message: string;
  /** The server's field errors for it (`data.title.message`). */
  data: Record<
    string,
    {
      /** PocketBase's error code (`validation_required`, …). */
      code?: string;
      /** The message for the field. */
      message?: string;
    }
  >;
}

/** What one operation of a batch does. */
export type BatchKind = "create" | "update" | "upsert" | "delete";
