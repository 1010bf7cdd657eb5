import { useMutation, useQueryClient, type UseMutationResult } from "@tanstack/solid-query";
import type { ClientResponseError, RecordModel } from "pocketbase";
import type { Accessor } from "solid-js";
import type { ComposedContext } from "./core/mutations/composeMutationOptions";
import { batchMutationOptions } from "./core/mutations/batchMutationOptions";
import type {
  BatchContext,
  BatchCreate,
  BatchDelete,
  BatchOperation,
  BatchResult,
  BatchUpdate,
  BatchUpsert,
} from "./core/mutations/batchTypes";
import type { HookOverrides } from "./HookOverrides";
import type { CollectionName, CreateDataOf, RegisteredRecord, UpdateVariablesOf } from "./typedCollections";
import type { UseRecordMutationOptions } from "./types";
import { usePocketBase } from "./usePocketBase";

/**
 * One operation of {@link useBatch}, typed from the registered schema (see {@link Register}) per
 * collection: `create` takes what `useCreateRecord` takes, `update` what `useUpdateRecord` takes
 * (`{ id, data }`), `upsert` an update's fields with or without an `id` (the server checks what a
 * create requires when it creates), `delete` the id.
 *
 * @typeParam TName - The collections it may name; by default every registered one.
 * @example
 * ```ts
 * const move: BatchOperationOf<"cards"> = { collection: "cards", update: { id, data: { column: "done", position: 3 } } };
 * ```
 */
export type BatchOperationOf<TName extends string = CollectionName> = TName extends unknown
  ?
      | BatchCreate<TName, CreateDataOf<TName>>
      | BatchUpdate<TName, UpdateVariablesOf<TName>>
      | BatchUpsert<TName, UpdateVariablesOf<TName>["data"] & UpsertId>
      | BatchDelete<TName>
  : never;

/**
 * The id an upsert may carry: the record it updates if there is one, else the new record's.
 *
 * @example
 * ```ts
 * const id: UpsertId = { id: "userprefs00001" };
 * ```
 */
export interface UpsertId {
  /** The record's id (15 characters of `[a-z0-9]` for PocketBase's default id field). */
  id?: string;
}

/**
 * Options of {@link useBatch}.
 *
 * @example
 * ```ts
 * const options: UseBatchOptions = { maxRequests: 100, onError: (error) => toast(error.message) };
 * ```
 */
export type UseBatchOptions<TContext = unknown> = Pick<UseRecordMutationOptions<BatchResult[], BatchOperation[], TContext>, "optimistic"> &
  Omit<UseRecordMutationOptions<BatchResult[], BatchOperation[], TContext>, "optimistic" | "expand" | "fields" | "onUploadProgress"> & {
    /**
     * The most operations the server takes in one batch: PocketBase's batch setting
     * `maxRequests`, 50 by default. A longer batch fails before anything is sent or shown.
     */
    maxRequests?: number;
  };

/**
 * Several records created, updated, upserted and deleted in one atomic request (PocketBase's
 * batch API), across collections, optimistically: `mutate(operations)` shows every operation at
 * once in every cached query it touches, as the single-record hooks would. The server applies
 * all or nothing, and so does the view: a refusal takes the whole batch back out, and only it
 * (every cached query shows exactly what it would without the batch); the variables are kept
 * for a retry. The realtime echoes of the batch change nothing more; each touched collection is
 * refetched once when the batch settles.
 *
 * The operations are plain data (`{ collection, create | update | upsert | delete }`), so a batch
 * made offline is paused, persisted and sent once like any other write. A create gets its id on
 * the client, so an operation later in the batch can point at it (an invoice and its lines).
 *
 * - PocketBase refuses batches unless a superuser turned them on (Settings, Application, Batch
 *   API): the error then says how.
 * - More operations than `maxRequests` (50, as the server's default) fail before sending.
 * - A refused batch's error names the failing operation: `error.message` says which (counted
 *   from 1), `error.response.failed` is a {@link BatchFailure}, and `error.response.data` holds
 *   that operation's field errors.
 *
 * @typeParam TContext - What your own `onMutate` returns.
 * @param options - Accessor of `maxRequests`, `optimistic` and TanStack mutation options.
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's mutation result; `data` is each operation's {@link BatchResult}, in order.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @example
 * ```tsx
 * const batch = useBatch();
 * const discharge = (patients: Patient[]) =>
 *   batch.mutate(patients.map((p) => ({ collection: "patients", update: { id: p.id, data: { status: "discharged" } } })));
 * <Show when={batch.error}>{(error) => <p role="alert">{error().message}</p>}</Show>
 * ```
 */
export function useBatch<TContext = unknown>(
  options?: Accessor<UseBatchOptions<TContext>>,
  overrides?: HookOverrides,
): UseMutationResult<BatchResult<RegisteredRecord<CollectionName> | RecordModel>[], ClientResponseError, BatchOperationOf[], ComposedContext<BatchContext, TContext>> {
  const pb = usePocketBase(overrides?.pocketbase);
  const queryClient = useQueryClient(overrides?.queryClient);
  return useMutation(() => {
    const { maxRequests, optimistic, ...user } = options?.() ?? {};
    return batchMutationOptions(pb, queryClient, { maxRequests, optimistic }, user);
  }, () => queryClient) as unknown as UseMutationResult<
    BatchResult<RegisteredRecord<CollectionName> | RecordModel>[],
    ClientResponseError,
    BatchOperationOf[],
    ComposedContext<BatchContext, TContext>
  >;
}
