/**
 * The ids of a batch's creates (and of its upserts without an id), per operations array, by
 * operation index: generated on the client in `onMutate`, kept while the same array is sent
 * again (a retry, a double click: the server then refuses the ids as taken, so nothing is made
 * twice), dropped when the batch succeeds. Per array and index, not per fields object: one
 * object used for several operations still makes several records. Read by `useFileUrl` to find
 * the files of a pending batch's creates.
 *
 * Tested by tests/useBatch.test.tsx, tests/useFileUrl.pending.test.tsx.
 * @internal
 */
export const batchIds = new WeakMap<object, (string | undefined)[]>();
