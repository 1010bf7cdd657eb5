import { secretVariables } from "../auth/secretVariables";

/**
 * Whether a pending write of this library can be stored by a persister and sent after a reload.
 * Persisters store JSON: a `File`, a `Blob` or `FormData` would come back as `{}`, and an auth
 * record's password is never in what TanStack keeps (`passwordVariables`), so a restored sign-up
 * would be sent without it. Such a write keeps working while the page lives; it is not stored,
 * and `usePendingChanges` says so (`survivesReload: false`), rather than coming back broken.
 *
 * Tested by tests/persistence.files.test.tsx (a create with a file: sent while the page lives,
 * not stored, reported), tests/persistence.batch.test.tsx (a batch with a file).
 * @internal
 */
export function survivesReload(mutation: { state: { variables?: unknown } }): boolean {
  return !unstorable(mutation.state.variables);
}

/**
 * A file, form data or kept secret anywhere in a write's variables: a create's fields, an
 * update's `data`, a batch's operations and theirs (variables are plain data, so this ends).
 */
function unstorable(value: unknown): boolean {
  if (value instanceof Blob || value instanceof FormData) return true; // globals in browsers and Node alike
  if (typeof value !== "object" || value === null) return false;
  return secretVariables.keeps(value) || Object.values(value).some(unstorable);
}
