import type { QueryClient } from "@tanstack/solid-query";
import type Client from "pocketbase";

/**
 * The optional last argument of every hook: clients to use instead of the ones in context,
 * as solid-query's own hooks take a `queryClient`.
 *
 * @example
 * ```ts
 * const posts = useCollection("posts", undefined, { pocketbase: adminPb, queryClient: adminClient });
 * ```
 */
export interface HookOverrides {
  /** A PocketBase client to use instead of the one from `PocketBaseProvider`. */
  pocketbase?: Client;
  /** A QueryClient to use instead of the one from `QueryClientProvider`. */
  queryClient?: QueryClient;
}
