import type { Mutation, MutationFunctionContext, QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import type { BatchService, ClientResponseError, RecordModel } from "pocketbase";
import { authIdentity } from "../auth/authIdentity";
import { batchKey } from "../keys/batchKey";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { pendingWrites } from "../optimistic/pendingWrites";
import { rebaseCollection } from "../optimistic/rebaseCollection";
import { serverChanges, type ServerChange } from "../optimistic/serverChanges";
import { watchServerSnapshots } from "../optimistic/watchServerSnapshots";
import { batchError } from "./batchError";
import { batchIds } from "./batchIds";
import { batchOperation } from "./batchOperation";
import type { BatchContext, BatchOperation, BatchResult } from "./batchTypes";
import { checkBatch } from "./checkBatch";
import type { ComposedContext, UserMutationCallbacks } from "./composeMutationOptions";
import { hasModifiers } from "./hasModifiers";
import { mayHaveArrived } from "./mayHaveArrived";
import { offlineHooks } from "./offlineHooks";
import { prepareBatch } from "./prepareBatch";
import { sendingMutation } from "./sendingMutation";
import { unsentError } from "./unsentError";
import { writeRetry } from "./writeRetry";

const USER_CHANGED = "the signed-in user changed before this batch was sent, so it was not sent. Send it again if the new user means to.";

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
        throw unsentError("not sent", USER_CHANGED);
      }
      const ids = context?.ours.ids ?? prepareBatch(pb, queryClient, operations, false).ids;
      const creates = operations.some((operation) => "create" in operation);
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
        throw unsentError(
          "unknown",
          "this batch deletes or uses modifiers and its answer was lost, so the server may have applied it already. " +
            "It was not sent again: read the records and send what is still missing. Its variables are kept.",
        );
      }
      const batch = pb.createBatch();
      operations.forEach((operation, index) => add(batch, operation, ids[index]!));
      const sent = batch.send({ requestKey: null }) as Promise<BatchResult[]>;
      if (context) offlineHooks.get(queryClient)?.sending(context);
      try {
        return await sent;
      } catch (error) {
        const refused = batchError(error, operations);
        // Sent again: a create's id taken means the first attempt applied the whole batch.
        if (again && refused.failed?.kind === "create" && refused.failed.data.id) return readBack(pb, operations, ids);
        throw refused.error;
      }
    },

    onMutate: async (operations: BatchOperation[], context: MutationFunctionContext): Promise<Context<TContext>> => {
      checkBatch(operations, maxRequests);
      const who = identity();
      const mutation = pendingWrites.find(queryClient, "@batch", operations);
      const ours = prepareBatch(pb, queryClient, operations, optimistic, (writes) => pendingWrites.draft(mutation, writes));
      pendingWrites.draft(mutation, ours.writes);
      const rebase = () => ours.collections.forEach((collection) => rebaseCollection(queryClient, collection));
      if (ours.writes.length > 0) rebase();
      const withdraw = (error: unknown) => {
        pendingWrites.draft(mutation, null);
        rebase();
        return error;
      };
      let mine: TContext;
      try {
        mine = (await onMutate?.(operations, context)) as TContext;
      } catch (error) {
        throw withdraw(error);
      }
      if (identity() !== who) throw withdraw(unsentError("not sent", USER_CHANGED));
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
            if ("delete" in operation) return [{ change: { type: "delete", id: result.ours.ids[index]! } }];
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


/** A delete met again gives 404, a modifier counts again: neither may be repeated blindly. */
function cannotRepeat(operation: BatchOperation): boolean {
  return "delete" in operation || hasModifiers(batchOperation.fields(operation) ?? {});
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
