import type { QueryClient } from "@tanstack/solid-query";

/** What sends a restored batch: the TanStack options `batchMutationOptions` builds. */
export interface BatchSteps {
  mutationFn: (variables: never) => Promise<unknown>;
  onSuccess: (...args: never[]) => unknown;
  onError: (...args: never[]) => unknown;
  onSettled: (...args: never[]) => unknown;
}

/**
 * The steps that send a batch restored after a reload, per QueryClient, set by
 * `resumableBatches`. The persistence glue routes a restored batch here; it does not import the
 * batch's steps itself, so an app that persists writes but makes no batches bundles none of them.
 *
 * Tested by tests/persistence.batch.test.tsx.
 * @internal
 */
export const restoredBatches = new WeakMap<QueryClient, BatchSteps>();
