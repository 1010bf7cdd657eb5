import { blobName } from "./blobName";

/**
 * Write data with every `File`/`Blob` replaced by its name (`blobName`), for the record shown
 * while a write is pending: the cache holds plain data (what a record's file field holds is a
 * name), and `useFileUrl` shows the pending file itself from a local object URL, found by that
 * name. Arrays keep their other items, so `photos+: [file]` appends a name as the server will
 * append the stored one. Always a new object.
 *
 * Tested by tests/core/mutations/withFileNames.test.ts.
 * @internal
 */
export function withFileNames<T extends Record<string, unknown>>(data: T): T {
  const named = (value: unknown) => blobName(value) ?? value;
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, Array.isArray(value) ? value.map(named) : named(value)])) as T;
}
