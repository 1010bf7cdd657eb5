/**
 * The id generated for a create, per variables object (a create's fields, or a batch
 * operation's): the same object retried (TanStack's retry, or the user's `mutate(variables)`)
 * keeps its id, so a create whose answer was lost cannot become two records; the server refuses
 * the second. Set by `createRecordMutation` in the same task as `mutate()`, dropped when the
 * create succeeds; read by `useFileUrl` to find the files of a pending create.
 *
 * Tested by tests/sentAgain.test.tsx, tests/useFileUrl.pending.test.tsx, tests/useBatch.test.tsx.
 * @internal
 */
export const createdIds = new WeakMap<object, string>();
