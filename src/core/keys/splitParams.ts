import type { PageQueryParams } from "../types";

const PARAM_NAMES = ["filter", "sort", "expand", "fields", "page", "perPage", "skipTotal"] as const;

/**
 * Splits a hook's options into PocketBase query parameters and the rest (TanStack options such
 * as `enabled`, `staleTime`, `select`): only the parameters belong in the query key.
 * @internal
 */
export function splitParams<TOptions extends PageQueryParams>(
  options: TOptions | undefined,
): [PageQueryParams, Omit<TOptions, (typeof PARAM_NAMES)[number]>] {
  const params: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(options ?? {})) {
    if ((PARAM_NAMES as readonly string[]).includes(name)) params[name] = value;
    else rest[name] = value;
  }
  return [params as PageQueryParams, rest as Omit<TOptions, (typeof PARAM_NAMES)[number]>];
}
