import type { Mutation, MutationFunctionContext, QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import { ClientResponseError, type BatchService, type RecordModel } from "pocketbase";
import { authIdentity } from "../auth/authIdentity";
import { batchKey } from "../keys/batchKey";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { pendingWrites, type CollectionWrite } from "../optimistic/pendingWrites";
import { rebaseCollection } from "../optimistic/rebaseCollection";
import { serverChanges, type ServerChange } from "../optimistic/serverChanges";
import { watchServerSnapshots } from "../optimistic/watchServerSnapshots";
import { findCachedRecord } from "../cache/findCachedRecord";
import type { ComposedContext, UserMutationCallbacks } from "./composeMutationOptions";
import { batchIds } from "./batchIds";
import { createRecordMutation, type CreateVariables } from "./createRecordMutation";
import { deleteRecordMutation } from "./deleteRecordMutation";
import { mayHaveArrived } from "./mayHaveArrived";
import { newRecordId } from "./newRecordId";
import { offlineHooks } from "./offlineHooks";
import { sendingMutation } from "./sendingMutation";
import { updateRecordMutation, type UpdateVariables } from "./updateRecordMutation";
import { withoutPasswords } from "./withoutPasswords";
import { writeRetry } from "./writeRetry";

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
  kind: "create" | "update" | "upsert" | "delete";
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

const KINDS = ["create", "update", "upsert", "delete"] as const;
const USER_CHANGED = "the signed-in user changed before this batch was sent, so it was not sent. Send it again if the new user means to.";
type Kind = (typeof KINDS)[number];
type Context<TContext> = ComposedContext<BatchContext, TContext>;

// The mutation a batch's context belongs to: two pending batches of one operations array (a
// double click) must each settle their own.
const mutations = new WeakMap<object, Mutation<unknown, Error, unknown, unknown>>();

/**
 * TanStack mutation options for a batch: one atomic request (PocketBase's `/api/batch`) that
 * creates, updates, upserts and deletes records across collections. Optimistic like the
 * single-record writes and through the same replay: on `mutate` each operation's write (the one
 * the single-record hook would make) is drafted on the one batch mutation, and every touched
 * collection is rebased, so the view is the server's state with the batch on top. The server
 * applies all or nothing, and so does the view: a failure takes the batch out of the replay,
 * and every touched collection is recomputed without it, exactly. The answers enter the server
 * state per collection in one rebase each, and each touched collection is refetched once.
 *
 * Sent again after a lost answer (a retry, or a reload), a batch may already be applied: one
 * with a create is sent again, and the server refusing that create's id as taken means the
 * batch was applied (atomic), so its records are read back; one without a create that deletes
 * or uses modifiers is not sent again (`response.outcome: "unknown"`); plain updates are.
 *
 * Tested by tests/useBatch.test.tsx, tests/useBatch.errors.test.tsx.
 * @param options - `maxRequests` (the server's batch limit, 50 by default), `optimistic`.
 * @internal
 */
export function batchMutationOptions<TContext, TUser extends object>(
  pb: Client,
  queryClient: QueryClient,
  options: { maxRequests?: number; optimistic?: boolean },
  user: TUser & UserMutationCallbacks<BatchResult[], BatchOperation[], TContext>,
) {
  const { maxRequests = 50, optimistic = true } = options;
  const { onMutate, onSuccess, onError, onSettled, ...rest } = user;
  const mutationKey = batchKey();
  const identity = () => authIdentity(pb.authStore.record);
  const sameUser = (result: Context<TContext> | undefined) => result?.identity === identity();
  const mutationOf = (operations: BatchOperation[], result?: object) =>
    (result && mutations.get(result)) || sendingMutation(queryClient, mutationKey, operations);
  serverChanges.rebaseWith(queryClient, rebaseCollection);
  watchServerSnapshots(queryClient);

  return {
    retry: writeRetry(queryClient),
    ...rest,
    mutationKey,
    mutationFn: async (operations: BatchOperation[]): Promise<BatchResult[]> => {
      const context = mutationOf(operations)?.state.context as Context<TContext> | undefined;
      // A paused batch is sent when the connection is back, maybe after a reload: not as another user.
      if (context?.identity !== undefined && context.identity !== identity()) {
        throw notSent(USER_CHANGED);
      }
      const ids = context?.ours.ids ?? prepare(pb, queryClient, operations, false).ids;
      const creates = operations.some((operation) => kindOf(operation) === "create");
      // Restored after a reload (its context says so): the store may lag behind the request, so
      // a batch with a create counts as maybe sent; its create's id settles it.
      const restored = context !== undefined && "sentBeforeReload" in context;
      const again = mayHaveArrived(queryClient, mutationKey, operations) || (restored && creates);
      if (again && creates) {
        // Applied already if its first create exists: read back, not sent (a resend could fail
        // on an earlier operation first, a delete's 404, and hide that it was applied).
        const first = operations.findIndex((operation) => "create" in operation);
        const found = await pb.collection(operations[first]!.collection).getOne(ids[first]!, { requestKey: null }).catch(() => null);
        if (found) return readBack(pb, operations, ids);
      }
      if (again && !creates && operations.some(cannotRepeat)) {
        const message =
          "solid-query-pocketbase: this batch deletes or uses modifiers and its answer was lost, so the server may have applied it already. " +
          "It was not sent again: read the records and send what is still missing. Its variables are kept.";
        throw new ClientResponseError({ status: 0, response: { status: 0, message, data: {}, outcome: "unknown" } });
      }
      const batch = pb.createBatch();
      operations.forEach((operation, index) => add(batch, operation, ids[index]!));
      const sent = batch.send({ requestKey: null }) as Promise<BatchResult[]>;
      if (context) offlineHooks.get(queryClient)?.sending(context);
      try {
        return await sent;
      } catch (error) {
        const failed = failureOf(error, operations);
        // Sent again: a create's id taken means the first attempt applied the whole batch.
        if (again && failed?.kind === "create" && failed.data.id) return readBack(pb, operations, ids);
        throw explain(error, operations, failed);
      }
    },

    onMutate: async (operations: BatchOperation[], context: MutationFunctionContext): Promise<Context<TContext>> => {
      check(operations, maxRequests);
      const who = identity();
      const mutation = pendingWrites.find(queryClient, "@batch", operations);
      const ours = prepare(pb, queryClient, operations, optimistic, (writes) => pendingWrites.draft(mutation, writes));
      pendingWrites.draft(mutation, ours.writes);
      const rebase = () => ours.collections.forEach((collection) => rebaseCollection(queryClient, collection));
      if (ours.writes.length > 0) rebase();
      let mine: TContext;
      try {
        mine = (await onMutate?.(operations, context)) as TContext;
      } catch (error) {
        pendingWrites.draft(mutation, null);
        rebase();
        throw error;
      }
      if (identity() !== who) {
        pendingWrites.draft(mutation, null);
        rebase();
        throw notSent(USER_CHANGED);
      }
      const result: Context<TContext> = { ours, user: mine, identity: who };
      if (mutation) mutations.set(result, mutation);
      return result;
    },

    onSuccess: async (results: BatchResult[], operations: BatchOperation[], result: Context<TContext>, context: MutationFunctionContext) => {
      pendingWrites.settle(mutationOf(operations, result));
      // The ids served their purpose: the same operations sent again later create new records.
      batchIds.delete(operations);
      if (sameUser(result)) {
        for (const collection of result.ours.collections) {
          const changes = operations.flatMap((operation, index): ServerChange[] => {
            if (operation.collection !== collection) return [];
            if (kindOf(operation) === "delete") return [{ change: { type: "delete", id: result.ours.ids[index]! } }];
            const record = results[index]?.body as RecordModel | null | undefined;
            if (!record) return [];
            const created = result.ours.writes.some((one) => one.write.type === "create" && one.write.record.id === record.id);
            return [{ change: { type: created ? "create" : "update", record }, options: { force: true } }];
          });
          rebaseCollection(queryClient, collection, { changes });
        }
      }
      await onSuccess?.(results, operations, result.user, context);
    },

    onError: async (error: ClientResponseError, operations: BatchOperation[], result: Context<TContext> | undefined, context: MutationFunctionContext) => {
      if (result) {
        pendingWrites.settle(mutationOf(operations, result));
        // All or nothing: every touched collection recomputed without the batch.
        if (sameUser(result)) for (const collection of result.ours.collections) rebaseCollection(queryClient, collection);
      }
      await onError?.(error, operations, result?.user, context);
    },

    onSettled: async (
      data: BatchResult[] | undefined,
      error: ClientResponseError | null,
      operations: BatchOperation[],
      result: Context<TContext> | undefined,
      context: MutationFunctionContext,
    ) => {
      // Each touched collection once, unless another of its writes is still replayed (its own
      // settling refetches).
      const collections = result?.ours.collections ?? [];
      await Promise.all(
        collections
          .filter((collection) => pendingWrites.of(queryClient, collection).length === 0)
          .map((collection) => queryClient.invalidateQueries({ queryKey: pocketbaseKeys.collection(collection) })),
      );
      await onSettled?.(data, error, operations, result?.user, context);
    },
  };
}

function kindOf(operation: BatchOperation): Kind {
  return KINDS.find((kind) => kind in operation)!;
}

/** A delete met again gives 404, a modifier counts again: neither may be repeated blindly. */
function cannotRepeat(operation: BatchOperation): boolean {
  const fields = "update" in operation ? operation.update.data : "upsert" in operation ? operation.upsert : {};
  return "delete" in operation || Object.keys(fields).some((key) => /^\+\w|\w[+-]$/.test(key));
}

/**
 * Each operation's record id and write, as the single-record hooks make them. An operation on a
 * record an earlier operation of the batch wrote is prepared on the view with that write in it
 * (`draft`, then a rebase), so `views+: 1` after a create counts from the created record.
 */
function prepare(
  pb: Client,
  queryClient: QueryClient,
  operations: BatchOperation[],
  optimistic: boolean,
  draft?: (writes: CollectionWrite[]) => void,
): BatchContext {
  const ids: string[] = [];
  const collections: string[] = [];
  const writes: CollectionWrite[] = [];
  const written = new Set<string>();
  const generated = batchIds.get(operations) ?? [];
  batchIds.set(operations, generated);
  for (const [index, operation] of operations.entries()) {
    const { collection } = operation;
    if (!collections.includes(collection)) collections.push(collection);
    const target = "update" in operation ? operation.update.id : "delete" in operation ? operation.delete : undefined;
    if (draft && target !== undefined && written.has(`${collection}/${target}`)) {
      draft(writes.slice());
      rebaseCollection(queryClient, collection);
    }
    const options = { optimistic };
    let ours: { id: string; write?: CollectionWrite["write"] };
    // A create's id is the caller's or one kept for this array and index (`batchIds`).
    const created = (fields: CreateVariables) => ({ ...fields, id: fields.id || (generated[index] ??= newRecordId()) });
    if ("create" in operation) ours = createRecordMutation(pb, queryClient, collection, options).onMutate(created(operation.create));
    else if ("update" in operation) ours = updateRecordMutation(pb, queryClient, collection, options).onMutate(operation.update);
    else if ("delete" in operation) ours = deleteRecordMutation(pb, queryClient, collection, options).onMutate(operation.delete);
    else {
      // An upsert of a record shown here updates it; otherwise it shows as a create.
      const { id, ...data } = operation.upsert;
      ours =
        id && findCachedRecord(queryClient, collection, id)
          ? updateRecordMutation(pb, queryClient, collection, options).onMutate({ id, data })
          : createRecordMutation(pb, queryClient, collection, options).onMutate(created(operation.upsert));
    }
    ids.push(ours.id);
    written.add(`${collection}/${ours.id}`);
    if (ours.write) writes.push({ collection, write: ours.write });
  }
  return { ids, collections, writes };
}

function add(batch: BatchService, operation: BatchOperation, id: string): void {
  const records = batch.collection(operation.collection);
  const options = { requestKey: null };
  if ("create" in operation) records.create({ ...operation.create, id }, options);
  else if ("update" in operation) records.update(id, operation.update.data, options);
  else if ("upsert" in operation) records.upsert({ ...operation.upsert, id }, options);
  else records.delete(id, options);
}

/** The records of an applied batch, read back (a delete's is `null`). */
function readBack(pb: Client, operations: BatchOperation[], ids: string[]): Promise<BatchResult[]> {
  return Promise.all(
    operations.map(async (operation, index) =>
      "delete" in operation
        ? { status: 204, body: null }
        : // Null for a record this user may not read, or a later operation deleted.
          { status: 200, body: await pb.collection(operation.collection).getOne(ids[index]!, { requestKey: null }).catch(() => null) },
    ),
  );
}

/** Refused before anything is sent or shown: the variables stay, `response.outcome: "not sent"`. */
function notSent(message: string): ClientResponseError {
  const text = `solid-query-pocketbase: ${message}`;
  return new ClientResponseError({ status: 0, response: { status: 0, message: text, data: {}, outcome: "not sent" } });
}

function check(operations: BatchOperation[], maxRequests: number): void {
  if (!Array.isArray(operations) || operations.length === 0) {
    throw notSent("a batch is a non-empty list of operations, such as [{ collection: \"posts\", create: { title } }].");
  }
  if (operations.length > maxRequests) {
    throw notSent(
      `this batch has ${operations.length} operations, more than the ${maxRequests} the server takes in one batch ` +
        "(its batch setting maxRequests, 50 by default). Split it, or raise the server's limit and pass it as useBatch's maxRequests. Nothing was sent.",
    );
  }
  operations.forEach((operation, index) => {
    const kinds = KINDS.filter((kind) => typeof operation === "object" && operation !== null && kind in operation);
    const value = kinds.length === 1 ? (operation as unknown as Record<string, unknown>)[kinds[0]!] : undefined;
    const valid =
      kinds.length === 1 &&
      typeof operation.collection === "string" &&
      operation.collection !== "" &&
      (kinds[0] === "delete"
        ? typeof value === "string" && value !== ""
        : kinds[0] === "update"
          ? typeof (value as UpdateVariables | undefined)?.id === "string" && typeof (value as UpdateVariables).data === "object"
          : typeof value === "object" && value !== null && !(value instanceof FormData));
    if (!valid) {
      throw notSent(
        `operation ${index + 1} is not one of { collection, create: fields }, { collection, update: { id, data } }, ` +
          "{ collection, upsert: fields }, { collection, delete: id } (fields as a plain object; files as File values in it). Nothing was sent.",
      );
    }
    const fields = (kinds[0] === "update" ? (value as UpdateVariables).data : value) as Record<string, unknown>;
    if (kinds[0] !== "delete" && withoutPasswords(fields) !== fields) {
      throw notSent(
        `operation ${index + 1} sets a password. A batch's operations stay in TanStack's cache (and in storage, when it is persisted): ` +
          "set passwords with useCreateRecord or useUpdateRecord, which never keep them. Nothing was sent.",
      );
    }
  });
}

/** The failing operation named in PocketBase's "Batch transaction failed." answer, if any. */
function failureOf(error: unknown, operations: BatchOperation[]): BatchFailure | undefined {
  const requests = (error as ClientResponseError).response?.data?.requests as Record<string, unknown> | undefined;
  if (typeof requests !== "object" || requests === null) return undefined;
  for (const [key, value] of Object.entries(requests)) {
    const index = Number(key);
    const operation = operations[index];
    const answer = (value as { response?: { status?: number; message?: string; data?: BatchFailure["data"] } } | null)?.response;
    if (!operation || !answer) continue;
    return {
      index,
      number: index + 1,
      collection: operation.collection,
      kind: kindOf(operation),
      status: answer.status ?? 400,
      message: answer.message ?? "",
      data: answer.data ?? {},
    };
  }
  return undefined;
}

/** PocketBase's batch errors, said so that the app's user and developer know what to do. */
function explain(error: unknown, operations: BatchOperation[], failed: BatchFailure | undefined): unknown {
  if (!(error instanceof ClientResponseError)) return error;
  const prefix = "solid-query-pocketbase: ";
  const kept = " The server applied none of the batch; the variables are kept.";
  let message: string | undefined;
  let response: Record<string, unknown> = {};
  if (error.status === 403 && /batch/i.test(error.message)) {
    message =
      `${prefix}this PocketBase does not take batch requests (403 "${error.message}"): batches are off by default. ` +
      "A superuser turns them on in the dashboard (Settings, Application, Batch API) or in a migration (settings.batch.enabled = true)." +
      kept;
  } else if (failed) {
    const what = `${failed.kind} in "${failed.collection}"${failed.kind === "create" ? "" : ` of ${idOf(operations[failed.index]!)}`}`;
    message = `${prefix}batch operation ${failed.number} of ${operations.length} (${what}) failed with ${failed.status}: ${failed.message}${kept}`;
    response = { data: failed.data, failed, requests: error.response.data?.requests };
  } else if (error.status === 400 && error.response.data?.requests) {
    message =
      `${prefix}the server refused the batch of ${operations.length} operations: ${error.response.data.requests.message ?? error.message} ` +
      "Its batch limit (maxRequests) may be lower than useBatch's maxRequests: pass the server's." +
      kept;
  }
  if (!message) return error;
  return new ClientResponseError({
    url: error.url,
    status: error.status,
    response: { ...error.response, ...response, message },
    originalError: error,
  });
}

function idOf(operation: BatchOperation): string {
  return "update" in operation ? `"${operation.update.id}"` : "delete" in operation ? `"${operation.delete}"` : "the record";
}
