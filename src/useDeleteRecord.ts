import { useMutation, useQueryClient, type UseMutationResult } from "@tanstack/solid-query";
import type { ClientResponseError } from "pocketbase";
import type { Accessor } from "solid-js";
import { composeMutationOptions, type ComposedContext } from "./core/mutations/composeMutationOptions";
import { deleteRecordMutation, type DeleteContext } from "./core/mutations/deleteRecordMutation";
import type { HookOverrides } from "./HookOverrides";
import type { CollectionName } from "./typedCollections";
import type { UseRecordMutationOptions } from "./types";
import { usePocketBase } from "./usePocketBase";

/**
 * Deletes a record, optimistically. `mutate(id)` removes it from every cached list and detail
 * before the server answers; if the server refuses, it goes back at the index it had in each
 * list, and the error says why.
 *
 * @typeParam TContext - What your own `onMutate` returns.
 * @param collection - Collection name or id; a name {@link Register} knows, once registered.
 * @param options - Accessor of `optimistic` and TanStack mutation options.
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's mutation result; `data` is `true` once deleted.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @example
 * ```tsx
 * const remove = useDeleteRecord("posts", () => ({ onError: (e) => alert(e.message) }));
 * <button onClick={() => remove.mutate(post.id)}>Delete</button>
 * ```
 */
export function useDeleteRecord<TContext = unknown>(
  collection: CollectionName,
  options?: Accessor<Omit<UseRecordMutationOptions<boolean, string, TContext>, "expand" | "fields" | "onUploadProgress">>,
  overrides?: HookOverrides,
): UseMutationResult<boolean, ClientResponseError, string, ComposedContext<DeleteContext | undefined, TContext>> {
  const pb = usePocketBase(overrides?.pocketbase);
  const queryClient = useQueryClient(overrides?.queryClient);
  return useMutation(() => {
    const { optimistic, ...user } = options?.() ?? {};
    const steps = deleteRecordMutation(pb, queryClient, collection, { optimistic });
    return composeMutationOptions(queryClient, collection, steps, user);
  }, () => queryClient);
}
