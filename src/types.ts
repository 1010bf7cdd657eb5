import type { InfiniteData, InfiniteQueryOptions, MutateOptions, MutationOptions, QueryOptions, UseMutationResult } from "@tanstack/solid-query";
import type { AuthMethodsList, ClientResponseError, ListResult } from "pocketbase";
import type { RealtimeStrategy, RecordEvent } from "./core/realtime/realtimeCacheListener";
import type { UploadProgress } from "./core/mutations/progressFetch";
import type { RecordEventInfo } from "./core/realtime/recordEventListener";
import type { ListQueryParams, PageQueryParams, RecordQueryParams } from "./core/types";

/** TanStack query options a read hook passes through: everything but key and function. @internal */
type PassThrough<TOptions> = Omit<TOptions, "queryKey" | "queryFn">;

/**
 * Options of {@link useCollection}: PocketBase's list parameters plus TanStack query options
 * (`enabled`, `staleTime`, `select`, `placeholderData`, ...).
 *
 * @example
 * ```ts
 * const options: UseCollectionOptions<Post> = { filter: 'status = "open"', page: 2, staleTime: 5_000 };
 * ```
 */
export type UseCollectionOptions<T, TData = ListResult<T>> = PageQueryParams &
  PassThrough<QueryOptions<ListResult<T>, ClientResponseError, TData>>;

/**
 * Options of {@link useFullCollection}: filter, sort, expand, fields, `batch` (size of the
 * underlying page requests) plus TanStack query options.
 *
 * @example
 * ```ts
 * const options: UseFullCollectionOptions<Post> = { sort: "title", batch: 500 };
 * ```
 */
export type UseFullCollectionOptions<T, TData = T[]> = ListQueryParams & {
  /** Records per underlying `getList` request; the SDK's default is 1000. */
  batch?: number;
} &
  PassThrough<QueryOptions<T[], ClientResponseError, TData>>;

/**
 * Options of {@link useInfiniteCollection}: filter, sort, expand, fields, `perPage` and
 * `skipTotal`, plus TanStack infinite-query options (`maxPages`, `select`, ...).
 *
 * @example
 * ```ts
 * const options: UseInfiniteCollectionOptions<Post> = { sort: "-created", perPage: 20 };
 * ```
 */
export type UseInfiniteCollectionOptions<T, TData = InfiniteData<ListResult<T>, number>> = Omit<
  PageQueryParams,
  "page"
> &
  Omit<
    PassThrough<InfiniteQueryOptions<ListResult<T>, ClientResponseError, TData, readonly unknown[], number>>,
    "initialPageParam" | "getNextPageParam"
  >;

/**
 * Options of {@link useRecord}: `expand` and `fields` plus TanStack query options.
 *
 * @example
 * ```ts
 * const options: UseRecordOptions<Post> = { expand: "author" };
 * ```
 */
export type UseRecordOptions<T, TData = T> = RecordQueryParams &
  PassThrough<QueryOptions<T, ClientResponseError, TData>>;

/**
 * Options of {@link useAuthMethods}: TanStack query options (`staleTime`, `enabled`, `select`, ...).
 *
 * @example
 * ```ts
 * const options: UseAuthMethodsOptions = { staleTime: 60_000 };
 * ```
 */
export type UseAuthMethodsOptions<TData = AuthMethodsList> = PassThrough<QueryOptions<AuthMethodsList, ClientResponseError, TData>>;

/**
 * Options shared by the mutation hooks: `expand`/`fields` shape the server's answer (pass what
 * your lists show), `optimistic` (default `true`) turns the optimistic cache write on or off,
 * `onUploadProgress` reports an upload's progress, and any TanStack mutation option may be given. Your `onMutate`, `onSuccess`, `onError` and
 * `onSettled` run after this library's own, never instead of them; `onMutate`'s return value
 * reaches your other callbacks as usual.
 *
 * @example
 * ```ts
 * const options: UseRecordMutationOptions<Post, UpdateVariables> = {
 *   expand: "author",
 *   onError: (error) => toast(error.message),
 * };
 * ```
 */
export type UseRecordMutationOptions<TData, TVariables, TContext = unknown> = RecordQueryParams & {
  /** Write the expected result into the cache before the server answers. Default `true`. */
  optimistic?: boolean;
  /**
   * Called as the request's body is sent (create and update), with the bytes sent so far and
   * the variables being sent: a progress bar for a file upload. The request then goes through
   * `XMLHttpRequest`, since `fetch` reports no upload progress; without the option nothing
   * changes.
   */
  onUploadProgress?: (progress: UploadProgress, variables: TVariables) => void;
} & Omit<MutationOptions<TData, ClientResponseError, TVariables, TContext>, "mutationFn" | "mutationKey">;

/**
 * Options of {@link useRealtimeCollection} and {@link useRealtimeRecord}.
 *
 * @example
 * ```ts
 * const options: UseRealtimeOptions<Post> = { expand: "author", onEvent: (e) => log(e.action) };
 * ```
 */
export interface UseRealtimeOptions<T> {
  /** `patch` (default): apply events in place where certain; `invalidate`: refetch lists. */
  strategy?: RealtimeStrategy;
  /** Relations to expand on event records: pass what your lists expand. */
  expand?: string;
  /** Fields of event records: pass what your lists select. */
  fields?: string;
  /**
   * Called for each event, after the cache has been updated: other users' changes and the echo
   * of your own mutations alike. The second argument says which: `own` is `true` for the echo
   * of a create, update or delete made through this library's mutation hooks on this
   * QueryClient (see {@link RecordEventInfo.own} for the fine print).
   */
  onEvent?: (event: RecordEvent<T>, info: RecordEventInfo) => void;
  /** Set to `false` to unsubscribe. Default `true`. */
  enabled?: boolean;
}

/**
 * What the hooks whose variables hold a secret (a password, a code, a mailed token) return:
 * solid-query's mutation result, whose `mutate` and `mutateAsync` take the variables with their
 * secrets (`TVariables`) while TanStack keeps, and your callbacks see, only the rest (`TKept`).
 *
 * @typeParam TData - The SDK's answer.
 * @typeParam TVariables - What `mutate()` takes.
 * @typeParam TKept - The variables without their secrets.
 * @typeParam TContext - What your own `onMutate` returns.
 * @example
 * ```ts
 * const signIn: SecretMutationResult<RecordAuthResponse, AuthWithPasswordVariables, AuthWithPasswordKept> =
 *   useAuthWithPassword("users");
 * ```
 */
export type SecretMutationResult<TData, TVariables, TKept, TContext = unknown> = Omit<
  UseMutationResult<TData, ClientResponseError, TKept, TContext>,
  "mutate" | "mutateAsync"
> & {
  /** Sends the sign-in; see TanStack's `mutate`. */
  mutate: (variables: TVariables, options?: MutateOptions<TData, ClientResponseError, TKept, TContext>) => void;
  /** Sends the sign-in and resolves with its answer; see TanStack's `mutateAsync`. */
  mutateAsync: (variables: TVariables, options?: MutateOptions<TData, ClientResponseError, TKept, TContext>) => Promise<TData>;
};
