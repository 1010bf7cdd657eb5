import type { MutationFunctionContext, QueryClient } from "@tanstack/solid-query";
import { ClientResponseError } from "pocketbase";
import { pocketbaseKeys } from "../keys/pocketbaseKeys";
import { retryPolicy } from "../queries/retryPolicy";

/**
 * What one kind of mutation of this library does around its request; each step gets our own
 * `onMutate` result. `write` is false when the signed-in user changed meanwhile: settle, but
 * touch no cache, which now belongs to the next user.
 * @internal
 */
export interface MutationSteps<TData, TVariables, TOurs> {
  /** Which record operation: it ends the mutation key, so realtime can find a record's writes. */
  kind: "create" | "update" | "delete";
  mutationFn: (variables: TVariables) => Promise<TData>;
  onMutate: (variables: TVariables) => Promise<TOurs> | TOurs;
  onSuccess: (data: TData, variables: TVariables, ours: TOurs, write: boolean) => unknown;
  onError: (error: ClientResponseError, variables: TVariables, ours: TOurs | undefined, write: boolean) => unknown;
  onSettled: (ours: TOurs | undefined) => Promise<unknown> | unknown;
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
  /** What this library's `onMutate` remembered (for rollback). */
  ours: TOurs;
  /** What your own `onMutate` returned. */
  user: TContext;
  /** Who was signed in when the mutation started (see `authIdentity`). */
  identity?: string;
}

/**
 * TanStack mutation options in which the user's callbacks run after this library's steps, never
 * instead of them: a user's `onMutate` sees the optimistic cache, `onError` sees it rolled back,
 * `onSettled` runs once the refetch has landed, and each gets the user's own `onMutate` result.
 * A mutation whose signed-in user changes during `onMutate` is not sent. The mutation key is
 * `pocketbaseKeys.collection(collection)`, so `settleCollection` can count a collection's
 * mutations in flight; a 4xx is never retried ({@link retryPolicy}).
 * @internal
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
    mutationKey: pocketbaseKeys.mutation(collection, steps.kind),
    mutationFn: (variables: TVariables) => steps.mutationFn(variables),
    onMutate: async (variables: TVariables, context: MutationFunctionContext): Promise<Context> => {
      const identity = steps.identity?.();
      const ours = await steps.onMutate(variables);
      let mine: TContext;
      try {
        mine = (await onMutate?.(variables, context)) as TContext;
      } catch (error) {
        // TanStack gives onError no onMutate result when onMutate throws: undo ours here.
        await steps.onError(error as ClientResponseError, variables, ours, true);
        throw error;
      }
      if (steps.identity && steps.identity() !== identity) {
        // The user changed while we awaited cancelQueries or the user's onMutate: sending now
        // would act as the next user. Status 0, as the SDK gives when no answer came, because
        // ClientResponseError is the error type the hooks promise.
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
      // Awaited: `isPending` ends only once the refetch has landed, never next to stale data.
      await steps.onSettled(result?.ours);
      await onSettled?.(data, error, variables, result?.user, context);
    },
  };
}
