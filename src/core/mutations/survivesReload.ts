import type { MutationKey } from "@tanstack/solid-query";
import { secretVariables } from "../auth/secretVariables";
import { writeKind } from "../keys/writeKind";

/**
 * Whether a pending write of this library can be stored by a persister and sent after a reload.
 * Persisters store JSON: a `File`, a `Blob` or `FormData` would come back as `{}`, and an auth
 * record's password is never in what TanStack keeps (`passwordVariables`), so a restored sign-up
 * would be sent without it. Such a write keeps working while the page lives; it is not stored,
 * and `usePendingChanges` says so (`survivesReload: false`), rather than coming back broken.
 *
 * Tested by tests/persistence.files.test.tsx (a create with a file: sent while the page lives,
 * not stored, reported).
 * @internal
 */
export function survivesReload(mutation: { options: { mutationKey?: MutationKey }; state: { variables?: unknown } }): boolean {
  const kind = writeKind(mutation.options.mutationKey);
  const variables = mutation.state.variables;
  const fields = kind === "update" ? (variables as { data?: unknown } | undefined)?.data : variables;
  if (typeof fields !== "object" || fields === null) return true;
  if (isBinary(fields) || secretVariables.keeps(fields)) return false;
  return !Object.values(fields).some((value) => isBinary(value) || (Array.isArray(value) && value.some(isBinary)));
}

function isBinary(value: unknown): boolean {
  return (typeof Blob !== "undefined" && value instanceof Blob) || (typeof FormData !== "undefined" && value instanceof FormData);
}
