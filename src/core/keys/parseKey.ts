import type { QueryKey } from "@tanstack/solid-query";
import type { NormalizedParams } from "../types";
import { pocketbaseKeys } from "./pocketbaseKeys";

/**
 * What a query key of this library stands for, as {@link parseKey} reads it.
 *
 * @example
 * ```ts
 * const parsed: ParsedKey | undefined = parseKey(query.queryKey);
 * if (parsed?.kind === "detail") console.log(parsed.collection, parsed.id);
 * ```
 */
export type ParsedKey =
  | {
      /** One page of `getList`, the result of `getFullList`, or an infinite list. */
      kind: "page" | "full" | "infinite";
      /** The collection name or id the key was made with. */
      collection: string;
      /** The normalised request parameters. */
      params: NormalizedParams;
    }
  | {
      /** One record. */
      kind: "detail";
      /** The collection name or id the key was made with. */
      collection: string;
      /** The record id. */
      id: string;
      /** The normalised request parameters. */
      params: NormalizedParams;
    };

// The keys' first element, read on first use: a top-level call would keep the key factory in
// every bundle of the package, whether it parses keys or not.
let ROOT: unknown;

/**
 * Reads a query key written by {@link pocketbaseKeys} back into its parts; `undefined` for any
 * other key (a user's own queries share the QueryClient and are left alone).
 *
 * @param queryKey - Any TanStack query key.
 * @returns The parsed key, or `undefined`.
 * @example
 * ```ts
 * parseKey(pocketbaseKeys.detail("posts", "abc"));
 * // => { kind: "detail", collection: "posts", id: "abc", params: {} }
 * ```
 */
export function parseKey(queryKey: QueryKey): ParsedKey | undefined {
  const [root, collection, space, a, b] = queryKey;
  ROOT ??= pocketbaseKeys.all()[0];
  if (root !== ROOT || typeof collection !== "string") return undefined;
  if (space === "list" && isParams(a)) {
    return { kind: a.page === undefined ? "full" : "page", collection, params: a };
  }
  if (space === "infinite" && isParams(a)) return { kind: "infinite", collection, params: a };
  if (space === "detail" && typeof a === "string" && isParams(b)) {
    return { kind: "detail", collection, id: a, params: b };
  }
  return undefined;
}

function isParams(value: unknown): value is NormalizedParams {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
