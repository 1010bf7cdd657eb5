import type { Mutation, MutationFunctionContext, QueryClient } from "@tanstack/solid-query";
import type { ClientResponseError } from "pocketbase";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { pendingWrites, type PendingWrite } from "../optimistic/pendingWrites";
import { rebaseCollection } from "../optimistic/rebaseCollection";
import { serverChanges } from "../optimistic/serverChanges";
import { watchServerSnapshots } from "../optimistic/watchServerSnapshots";
import { passwordVariables } from "./passwordVariables";
import { sendingMutation } from "./sendingMutation";
import { unsentError } from "./unsentError";
import { offlineHooks } from "./offlineHooks";
import { writeRetry } from "./writeRetry";

/**
 * What one kind of mutation of this library does around its request. `onMutate` says what the
 * mutation writes (`write`, replayed on the server's state while it is pending); `onSuccess`
 * puts the server's answer into the server's state. `write` (the boolean) is false when the
 * signed-in user changed meanwhile: the cache now belongs to the next user, touch nothing.
 * @internal
 */
export interface MutationSteps<TData, TVariables, TOurs extends { write?: PendingWrite }> {
  /** Which record operation: it ends the mutation key, so a record's writes can be found. */
  kind: "create" | "update" | "delete";
  mutationFn: (variables: TVariables) => Promise<TData>;
  onMutate: (variables: TVariables) => TOurs;
  onSuccess: (data: TData, variables: TVariables, ours: TOurs, write: boolean) => unknown;
  /** Who is signed in (`authIdentity`); without it `write` is always true. */
  identity?: () => string;
}

/** The TanStack callbacks a user may pass to a mutation hook. @internal */
export interface UserMutationCallbacks<TData, TVariables, TContext> {
  onMutate?: (variables: TVariables, context: MutationFunctionContext) => Promise<TContext> | TContext;
  onSuccess?: (data: TData, variables: TVariables, onMutateResult: TContext, context: MutationFunctionContext) => unknown;
  onError?: (
    error: ClientResponseError,
    variables: TVariables,
    onMutateResult: TContext | undefined,
    context: MutationFunctionContext,
  ) => unknown;
  onSettled?: (
    data: TData | undefined,
    error: ClientResponseError | null,
    variables: TVariables,
    onMutateResult: TContext | undefined,
    context: MutationFunctionContext,
  ) => unknown;
}

/**
 * The `onMutate` result of a composed mutation: ours and the user's side by side.
 *
 * @example
 * ```ts
 * const update = useUpdateRecord("posts", () => ({ onMutate: () => Date.now() }));
 * update.context?.user; // your Date.now(); your own callbacks get it as their context too
 * ```
 */
export interface ComposedContext<TOurs, TContext> {
  /** What this library's `onMutate` made of the variables: the record and what it writes. */
  ours: TOurs;
  /** What your own `onMutate` returned. */
  user: TContext;
  /** Who was signed in when the mutation started (see `authIdentity`). */
  identity?: string;
  /**
   * Set on a mutation restored from a persisted cache (`pocketbasePersistOptions`) that may
   * have reached the server before the page went away: sending it again is checked (a create's
   * id, a delete's 404) or refused (an update with modifiers ends as "outcome unknown").
   */
  sentBeforeReload?: boolean;
  /** Set once a request for it started, when the app persists its writes (`pocketbasePersistOptions`). */
  sending?: boolean;
}

// The mutation a composed context belongs to: its answer or failure takes it out of the replay.
const mutations = new WeakMap<object, Mutation<unknown, Error, unknown, unknown>>();

/**
 * TanStack mutation options in which the user's callbacks run after this library's steps, never
 * instead of them, each getting the user's own `onMutate` result. The optimistic write is the
 * mutation itself: pending in TanStack's MutationCache, replayed on every server state of its
 * collection (`rebaseCollection`) from its `onMutate` (the same task as `mutate()`: nothing is
 * awaited first) until its answer or failure, which recompute the view without it. So a
 * refetch, a newly mounted list or a realtime event can never hide it, and a failure undoes
 * exactly it. A mutation whose signed-in user changes during `onMutate` is not sent; a 4xx is
 * never retried, nor a write whose outcome is unknown (`writeRetry`).
 * @internal
 */
export function composeMutationOptions<TData, TVariables, TOurs extends { write?: PendingWrite }, TContext, TUser extends object>(
  queryClient: QueryClient,
  collection: string,
  steps: MutationSteps<TData, TVariables, TOurs>,
  user: TUser & UserMutationCallbacks<TData, TVariables, TContext>,
) {
  const { onMutate, onSuccess, onError, onSettled, ...rest } = user;
  type Context = ComposedContext<TOurs, TContext>;
  // A mutation restored from a persisted cache has a context TanStack rebuilt: found by variables.
  const mutationOf = (result: Context, variables: TVariables) => mutations.get(result) ?? sendingMutation(queryClient, mutationKey, variables);
  const sameUser = (result: Context | undefined) => !steps.identity || result?.identity === steps.identity();
  serverChanges.rebaseWith(queryClient, rebaseCollection);
  watchServerSnapshots(queryClient);
  const mutationKey = pocketbaseKeys.mutation(collection, steps.kind);
  return {
    retry: writeRetry(queryClient),
    ...rest,
    mutationKey,
    mutationFn: (variables: TVariables) => {
      // A paused mutation is sent when the connection is back, maybe after a reload: if someone
      // else is signed in by then, it is not theirs to send.
      const context = sendingMutation(queryClient, mutationKey, variables)?.state.context as Context | undefined;
      if (steps.identity && context?.identity !== undefined && context.identity !== steps.identity()) {
        return Promise.reject(userChanged(collection));
      }
      const sent = steps.mutationFn(variables);
      if (context) offlineHooks.get(queryClient)?.sending(context); // after mayHaveArrived read it
      return sent;
    },
    onMutate: async (variables: TVariables, context: MutationFunctionContext): Promise<Context> => {
      const identity = steps.identity?.();
      const mutation = pendingWrites.find(queryClient, collection, variables);
      const ours = steps.onMutate(variables);
      pendingWrites.draft(mutation, ours.write ?? null);
      if (ours.write) rebaseCollection(queryClient, collection);
      const withdraw = () => {
        pendingWrites.draft(mutation, null);
        if (ours.write) rebaseCollection(queryClient, collection);
      };
      let mine: TContext;
      try {
        mine = (await onMutate?.(variables, context)) as TContext;
      } catch (error) {
        withdraw(); // TanStack gives onError no onMutate result when onMutate throws
        throw error;
      }
      if (steps.identity && steps.identity() !== identity) {
        // The user changed while the user's onMutate ran: sending now would act as the next user.
        withdraw();
        throw userChanged(collection);
      }
      const result: Context = { ours, user: mine, identity };
      if (mutation) mutations.set(result, mutation);
      return result;
    },
    onSuccess: async (data: TData, variables: TVariables, result: Context, context: MutationFunctionContext) => {
      pendingWrites.settle(mutationOf(result, variables));
      await steps.onSuccess(data, variables, result.ours, sameUser(result));
      await onSuccess?.(data, variables, result.user, context);
    },
    onError: async (
      error: ClientResponseError,
      variables: TVariables,
      result: Context | undefined,
      context: MutationFunctionContext,
    ) => {
      if (result) {
        pendingWrites.settle(mutationOf(result, variables));
        // The view recomputed without it: exactly its own change is undone.
        if (result.ours.write && sameUser(result)) rebaseCollection(queryClient, collection);
      }
      await onError?.(error, variables, result?.user, context);
    },
    onSettled: async (
      data: TData | undefined,
      error: ClientResponseError | null,
      variables: TVariables,
      result: Context | undefined,
      context: MutationFunctionContext,
    ) => {
      passwordVariables.forget(variables); // a record's password fields go once it settled
      // Awaited: `isPending` ends once the refetch has landed. Other mutations still pending
      // survive it: the refetched data is rebased like any server snapshot. While another write
      // of the collection is still replayed (this one no longer is), its own settling refetches:
      // fifty writes sent in a row (back online) cost one refetch, not fifty.
      if (pendingWrites.of(queryClient, collection).length === 0) {
        await queryClient.invalidateQueries({ queryKey: pocketbaseKeys.collection(collection) });
      }
      await onSettled?.(data, error, variables, result?.user, context);
    },
  };
}

function userChanged(collection: string): ClientResponseError {
  return unsentError(
    "not sent",
    `the signed-in user changed before this mutation on "${collection}" was sent, so it was not sent. Its variables are kept: send it again if the new user means to.`,
  );
}
