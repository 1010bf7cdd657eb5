import { useMutation, useQueryClient, type UseMutationResult } from "@tanstack/solid-query";
import type { ClientResponseError, RecordModel } from "pocketbase";
import type { Accessor } from "solid-js";
import { hideSecrets } from "./core/auth/hideSecrets";
import { passwordVariables } from "./core/mutations/passwordVariables";
import { composeMutationOptions, type ComposedContext } from "./core/mutations/composeMutationOptions";
import { createRecordMutation, type CreateContext, type CreateVariables } from "./core/mutations/createRecordMutation";
import type { HookOverrides } from "./HookOverrides";
import type { CollectionArgument, CreateDataOf, RecordOf } from "./typedCollections";
import type { UseRecordMutationOptions } from "./types";
import { usePocketBase } from "./usePocketBase";

/**
 * Creates a record, optimistically. `mutate(data)` writes the new record into every cached
 * list of the collection that it certainly belongs to (at its sorted position) and into its
 * detail entry before the server answers; the server's record then replaces it. On failure the
 * row is removed again and `variables` keep the user's input for a retry.
 *
 * Unless `data.id` is given, the record gets a PocketBase-compatible id on the client (15
 * characters of `[a-z0-9]`), so the optimistic row, the server's answer and any realtime echo
 * are one row.
 *
 * `mutate` takes {@link CreateDataOf}: the record's fields (those the registered `records` type
 * requires are required; see {@link Register}), files as `File`/`Blob`, modifiers.
 *
 * @typeParam T - The record type, or the collection name whose record type {@link Register} gives.
 * @typeParam TContext - What your own `onMutate` returns.
 * @param collection - Collection name or id.
 * @param options - Accessor of `expand`, `fields`, `optimistic`, `onUploadProgress` and TanStack mutation options.
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's mutation result; `error` is the SDK's `ClientResponseError`, with
 *   PocketBase's field errors at `error.response.data`.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @example
 * ```tsx
 * const create = useCreateRecord("posts");
 * <form onSubmit={(e) => { e.preventDefault(); create.mutate({ title: title() }); }}>
 *   <input value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
 *   <Show when={create.error?.response.data.title}>{(f) => <small>{f().message}</small>}</Show>
 * </form>
 * ```
 */
export function useCreateRecord<const T, TContext = unknown>(
  collection: CollectionArgument<T>,
  options?: Accessor<UseRecordMutationOptions<RecordOf<T>, CreateDataOf<T>, TContext>>,
  overrides?: HookOverrides,
): UseMutationResult<RecordOf<T>, ClientResponseError, CreateDataOf<T>, ComposedContext<CreateContext, TContext>>;
// The implementation signature; the overload above is the public one.
export function useCreateRecord<T = RecordModel, TContext = unknown>(
  collection: string,
  options?: Accessor<UseRecordMutationOptions<T, CreateVariables, TContext>>,
  overrides?: HookOverrides,
): UseMutationResult<T, ClientResponseError, CreateVariables, ComposedContext<CreateContext, TContext>> {
  const pb = usePocketBase(overrides?.pocketbase);
  const queryClient = useQueryClient(overrides?.queryClient);
  const result = useMutation(() => {
    const { expand, fields, optimistic, onUploadProgress, ...user } = options?.() ?? {};
    const steps = createRecordMutation<T>(pb, queryClient, collection, { expand, fields, optimistic, onUploadProgress });
    return composeMutationOptions(queryClient, collection, steps, user);
  }, () => queryClient);
  // An auth record's password fields never enter what TanStack keeps.
  return hideSecrets(result, (variables) => passwordVariables.hide(variables, "variables"));
}
