/**
 * The name a `File` or `Blob` shows under in a pending record until the server answers with the
 * stored name: a file's own name, or `"blob"` (what `FormData` sends for a nameless Blob).
 * `undefined` for anything else. `useFileUrl` finds the pending file again by this name.
 *
 * Tested by tests/core/mutations/withFileNames.test.ts.
 * @internal
 */
export function blobName(value: unknown): string | undefined {
  if (!(value instanceof Blob)) return undefined; // a global in browsers and Node alike
  return (value as File).name || "blob";
}
