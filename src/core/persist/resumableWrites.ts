import type { MutationFunctionContext, MutationKey, QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";
import { writeKind } from "../keys/writeKind";
import { composeMutationOptions } from "../mutations/composeMutationOptions";
import { createRecordMutation } from "../mutations/createRecordMutation";
import { deleteRecordMutation } from "../mutations/deleteRecordMutation";
import { updateRecordMutation } from "../mutations/updateRecordMutation";
import { writeRetry } from "../mutations/writeRetry";
import { rebaseCollection } from "../optimistic/rebaseCollection";
import { serverChanges } from "../optimistic/serverChanges";
import { watchServerSnapshots } from "../optimistic/watchServerSnapshots";
import { restoredBatches } from "./restoredBatches";

/** The scope of this library's writes: TanStack sends the writes of one scope one at a time, in order. */
const WRITES_SCOPE = "solid-query-pocketbase writes";

/**
 * The mutation defaults under `["pocketbase"]` that let TanStack send a write restored after a
 * reload. A restored mutation has its key, variables and context but no functions (they cannot
 * be stored); TanStack takes them from the defaults of its key. Each write is routed by its key
 * (collection and kind) to the same steps a hook uses, so a restored write is sent, checked
 * (`mayHaveArrived`) and put into the cache exactly as it would have been before the reload. Its
 * request carries no `expand`/`fields` (the hook's options are not stored); the collection's
 * lists are refetched once it lands, as after every write.
 *
 * The scope applies to the hooks' writes too: with persistence, this library's writes reach the
 * server one at a time, in the order they were made, whether sent at once, after going back
 * online or after a reload.
 *
 * A restored batch goes to the steps `resumableBatches` registered (`restoredBatches`).
 *
 * Tested by tests/persistence.test.tsx (writes made offline, restored after a reload, sent in
 * order once online; a create, a delete and a modifier update that were in flight),
 * tests/persistence.batch.test.tsx.
 * @internal
 */
export function resumableWrites(pb: Client, queryClient: QueryClient) {
  // A restored write shows on a refetched list only if the list is rebased on its server state.
  serverChanges.rebaseWith(queryClient, rebaseCollection);
  watchServerSnapshots(queryClient);
  const routes = new Map<string, ReturnType<typeof route>>();
  const route = (collection: string, kind: "create" | "update" | "delete") => {
    const steps =
      kind === "create"
        ? createRecordMutation(pb, queryClient, collection, {})
        : kind === "update"
          ? updateRecordMutation(pb, queryClient, collection, {})
          : deleteRecordMutation(pb, queryClient, collection, {});
    return composeMutationOptions<unknown, unknown, never, unknown, object>(queryClient, collection, steps as never, {});
  };
  const routeOf = (key: MutationKey | undefined) => {
    const kind = writeKind(key);
    if (!kind || kind === "batch") return ((kind && restoredBatches.get(queryClient)) || stepless) as unknown as ReturnType<typeof route>;
    const collection = key![1] as string;
    const id = `${collection}\n${kind}`;
    let found = routes.get(id);
    if (!found) routes.set(id, (found = route(collection, kind)));
    return found;
  };
  type Result = Parameters<ReturnType<typeof route>["onSuccess"]>[2];
  // A restored write with nothing to send it (a batch, when the app does not call
  // resumableBatches): it fails, unsent, and says why; the lists' refetch on reconnect then
  // shows the server's state.
  const stepless = {
    mutationFn: () => Promise.reject(new Error("solid-query-pocketbase: to send a restored batch, call resumableBatches(pb, queryClient).")),
    onSuccess() {},
    onError() {},
    onSettled() {},
  };
  return {
    scope: { id: WRITES_SCOPE },
    retry: writeRetry(queryClient),
    mutationFn: (variables: unknown, context: MutationFunctionContext) => routeOf(context.mutationKey).mutationFn(variables),
    onSuccess: (data: unknown, variables: unknown, result: Result, context: MutationFunctionContext) =>
      routeOf(context.mutationKey).onSuccess(data, variables, result, context),
    onError: (error: Error, variables: unknown, result: Result | undefined, context: MutationFunctionContext) =>
      routeOf(context.mutationKey).onError(error as never, variables, result, context),
    onSettled: (data: unknown, error: Error | null, variables: unknown, result: Result | undefined, context: MutationFunctionContext) =>
      routeOf(context.mutationKey).onSettled(data, error as never, variables, result, context),
  };
}
