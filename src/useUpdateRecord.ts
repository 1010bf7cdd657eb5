import { useMutation, useQueryClient, type UseMutationResult } from "@tanstack/solid-query";
import type { ClientResponseError, RecordModel } from "pocketbase";
import type { Accessor } from "solid-js";
import { hideSecrets } from "./core/auth/hideSecrets";
import { passwordVariables } from "./core/mutations/passwordVariables";
import { composeMutationOptions, type ComposedContext } from "./core/mutations/composeMutationOptions";
import { updateRecordMutation, type UpdateContext, type UpdateVariables } from "./core/mutations/updateRecordMutation";
import type { HookOverrides } from "./HookOverrides";
import type { CollectionArgument, RecordOf, UpdateVariablesOf } from "./typedCollections";
import type { UseRecordMutationOptions } from "./types";
import { usePocketBase } from "./usePocketBase";

/**
 * Updates a record, optimistically. `mutate({ id, data })` merges `data` into every cached copy
 * of the record (details and lists, moving it where the sort says) before the server answers,
 * applying PocketBase's modifiers as the server will: `"views+": 1`, `"views-": 1`,
 * `"tags+": "red"`, `"+tags": "red"`, `"tags-": "red"`. On failure only the fields this
 * mutation wrote go back, and only where a later mutation has not changed them since.
 *
 * `mutate` takes {@link UpdateVariablesOf}: `{ id, data }`, `data` holding the record's fields,
 * files as `File`/`Blob`, and the modifiers of its number and multi-value fields.
 *
 * @typeParam T - The record type, or the collection name whose record type {@link Register} gives.
 * @typeParam TContext - What your own `onMutate` returns.
 * @param collection - Collection name or id.
 * @param options - Accessor of `expand`, `fields`, `optimistic`, `onUploadProgress` and TanStack mutation options.
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's mutation result; `error` is the SDK's `ClientResponseError`.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @example
 * ```tsx
 * const update = useUpdateRecord("posts");
 * <button onClick={() => update.mutate({ id: post.id, data: { "likes+": 1 } })}>♥ {post.likes}</button>
 * ```
 */
export function useUpdateRecord<const T, TContext = unknown>(
  collection: CollectionArgument<T>,
  options?: Accessor<UseRecordMutationOptions<RecordOf<T>, UpdateVariablesOf<T>, TContext>>,
  overrides?: HookOverrides,
): UseMutationResult<
  RecordOf<T>,
  ClientResponseError,
  UpdateVariablesOf<T>,
  ComposedContext<UpdateContext | undefined, TContext>
>;
// The implementation signature; the overload above is the public one.
export function useUpdateRecord<T = RecordModel, TContext = unknown>(
  collection: string,
  options?: Accessor<UseRecordMutationOptions<T, UpdateVariables, TContext>>,
  overrides?: HookOverrides,
): UseMutationResult<T, ClientResponseError, UpdateVariables, ComposedContext<UpdateContext | undefined, TContext>> {
  const pb = usePocketBase(overrides?.pocketbase);
  const queryClient = useQueryClient(overrides?.queryClient);
  const result = useMutation(() => {
    const { expand, fields, optimistic, onUploadProgress, ...user } = options?.() ?? {};
    const steps = updateRecordMutation<T>(pb, queryClient, collection, { expand, fields, optimistic, onUploadProgress });
    return composeMutationOptions(queryClient, collection, steps, user);
  }, () => queryClient);
  // An auth record's password fields never enter what TanStack keeps.
  return hideSecrets(result, (variables) => passwordVariables.hide(variables, "data"));
}
