import type { MutationFunctionContext, QueryClient } from "@tanstack/query-core";
import { ClientResponseError } from "pocketbase";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { retryPolicy } from "../queries/retryPolicy";

/** What this library's mutations do around the request; each step gets our own context. */
export interface MutationSteps<TData, TVariables, TOurs> {
  mutationFn: (variables: TVariables) => Promise<TData>;
  onMutate: (variables: TVariables) => Promise<TOurs> | TOurs;
  /** `write` is false when the signed-in user changed meanwhile: settle, but touch no cache. */
  onSuccess: (data: TData, variables: TVariables, ours: TOurs, write: boolean) => unknown;
  /** `write` is false when the signed-in user changed meanwhile: settle, but touch no cache. */
  onError: (error: ClientResponseError, variables: TVariables, ours: TOurs | undefined, write: boolean) => unknown;
  onSettled: (ours: TOurs | undefined) => Promise<unknown> | unknown;
  /**
   * Who is signed in (see `authIdentity`). When it differs between `onMutate` and the answer,
   * the cache has been cleared for another user meanwhile: this mutation's result or rollback
   * is not written into it.
   */
  identity?: () => string;
}

/** The callbacks a user may pass; they receive their own `onMutate` result, never ours. */
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
  /** What this library's `onMutate` remembered (for rollback). */
  ours: TOurs;
  /** What your own `onMutate` returned. */
  user: TContext;
  /** Who was signed in when the mutation started (see `authIdentity`). */
  identity?: string;
}

/**
 * Builds TanStack mutation options in which the user's callbacks run in addition to ours, never
 * instead. Order, for each callback: ours first, then the user's. So a user's `onMutate` sees
 * the optimistic cache, `onError` sees it rolled back, and `onSettled` runs once the
 * invalidation's refetch has landed. Every mutation runs under the mutation key
 * `pocketbaseKeys.collection(collection)`, and a 4xx is never retried. A mutation whose
 * signed-in user changes while its `onMutate` steps run is not sent: it fails with an error
 * saying so, and touches no cache of the next user.
 *
 * @param queryClient - The QueryClient the mutation runs on.
 * @param collection - Collection name or id.
 * @param steps - This library's mutation function and callbacks.
 * @param user - The user's TanStack options (callbacks and anything else, e.g. `retry`, `meta`).
 * @returns Options for `useMutation`.
 * @example
 * ```ts
 * useMutation(() => composeMutationOptions(queryClient, "posts", steps, { onSuccess: toast }));
 * ```
 */
export function composeMutationOptions<TData, TVariables, TOurs, TContext, TUser extends object>(
  queryClient: QueryClient,
  collection: string,
  steps: MutationSteps<TData, TVariables, TOurs>,
  user: TUser & UserMutationCallbacks<TData, TVariables, TContext>,
) {
  const { onMutate, onSuccess, onError, onSettled, ...rest } = user;
  type Context = ComposedContext<TOurs, TContext>;
  const sameUser = (result: Context | undefined) => !steps.identity || result?.identity === steps.identity();
  return {
    retry: retryPolicy(queryClient, "mutations"),
    ...rest,
    mutationKey: pocketbaseKeys.collection(collection),
    mutationFn: (variables: TVariables) => steps.mutationFn(variables),
    onMutate: async (variables: TVariables, context: MutationFunctionContext): Promise<Context> => {
      const identity = steps.identity?.();
      const ours = await steps.onMutate(variables);
      let mine: TContext;
      try {
        mine = (await onMutate?.(variables, context)) as TContext;
      } catch (error) {
        // TanStack passes no context to onError when onMutate throws: undo ours here.
        await steps.onError(error as ClientResponseError, variables, ours, true);
        throw error;
      }
      if (steps.identity && steps.identity() !== identity) {
        // The user changed while the mutation was being prepared (our cancelQueries, or the
        // user's own onMutate, awaited): sending it now would act as the next user.
        // A ClientResponseError (status 0, as the SDK gives when no answer came) because that is
        // the error type the mutation hooks promise.
        const message = `solid-query-pocketbase: the signed-in user changed before this mutation on "${collection}" was sent, so it was not sent. Its variables are kept: send it again if the new user means to.`;
        const error = new ClientResponseError({ status: 0, response: { status: 0, message, data: {} } });
        await steps.onError(error, variables, ours, false);
        throw error;
      }
      return { ours, user: mine, identity };
    },
    onSuccess: async (data: TData, variables: TVariables, result: Context, context: MutationFunctionContext) => {
      await steps.onSuccess(data, variables, result.ours, sameUser(result));
      await onSuccess?.(data, variables, result.user, context);
    },
    onError: async (
      error: ClientResponseError,
      variables: TVariables,
      result: Context | undefined,
      context: MutationFunctionContext,
    ) => {
      await steps.onError(error, variables, result?.ours, sameUser(result));
      await onError?.(error, variables, result?.user, context);
    },
    onSettled: async (
      data: TData | undefined,
      error: ClientResponseError | null,
      variables: TVariables,
      result: Context | undefined,
      context: MutationFunctionContext,
    ) => {
      // Awaited: the mutation stays pending until the refetch has landed, so `isPending` never
      // shows a finished mutation next to pre-mutation server data.
      await steps.onSettled(result?.ours);
      await onSettled?.(data, error, variables, result?.user, context);
    },
  };
}
