import type { MutationKey } from "@tanstack/solid-query";
import { pocketbaseKeys } from "./pocketbaseKeys";

const KINDS = ["create", "update", "delete", "batch"] as const;

/**
 * Which write a mutation key names (`pocketbaseKeys.mutation`, or `batchKey` for a batch), or
 * `undefined` for any other key: the app's own mutations, which this library's persistence
 * leaves to TanStack's defaults.
 * @internal
 */
export function writeKind(key: MutationKey | undefined): (typeof KINDS)[number] | undefined {
  if (key?.length !== 3 || key[0] !== pocketbaseKeys.all()[0] || typeof key[1] !== "string") return undefined;
  return KINDS.find((kind) => kind === key[2]);
}
