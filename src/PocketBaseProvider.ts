import { QueryClientContext } from "@tanstack/solid-query";
import { createComponent, createEffect, onCleanup, useContext, type JSX } from "solid-js";
import { isServer } from "solid-js/web";
import { clearPocketBaseCache } from "./core/optimistic/clearPocketBaseCache";
import { fieldTypesRegistry } from "./core/filter/fieldTypesRegistry";
import { protectedFields } from "./core/filter/protectedFields";
import type { FieldDeclaration, FieldTypes } from "./core/filter/types";
import { keepSessionFresh } from "./core/auth/keepSessionFresh";
import { realtimeSharing } from "./core/realtime/realtimeSharing";
import { onIdentityChange } from "./core/auth/onIdentityChange";
import { PocketBaseContext } from "./PocketBaseContext";
import type { RegisteredPocketBase } from "./typedCollections";

/**
 * Props of {@link PocketBaseProvider}.
 *
 * @example
 * ```tsx
 * const props: PocketBaseProviderProps = { client: pb, children: <App /> };
 * ```
 */
export interface PocketBaseProviderProps {
  /**
   * The PocketBase SDK client every hook below uses. Once a client type is registered
   * ({@link Register}), a client of that type: `new PocketBase(url) as TypedPocketBase`.
   */
  client: RegisteredPocketBase;
  /**
   * The declared field types of your collections (name → field → PocketBase type, e.g.
   * `{ posts: { tags: "select", meta: "json" } }`; a superuser can read them from
   * `pb.collections.getFullList()`). Optional: with them, lists filtered on multi-value fields
   * are patched in place instead of refetched ({@link fieldTypesRegistry} says why). A field may
   * be declared as its schema object, `{ type: "file", protected: true }`: `useFileUrl` then
   * gives that field's files a URL with the signed-in user's file token.
   */
  fieldTypes?: Readonly<Record<string, Readonly<Record<string, FieldDeclaration>>>>;
  /**
   * Keep the session honest (default `true`): with a stored token, check it once against the
   * server on start (`authRefresh`), refresh it before it expires while the app is open, and
   * sign out when the server refuses it (401 or 403: the user was deleted, the password
   * changed). Network errors keep the session. `false` leaves the token to you.
   */
  authRefresh?: boolean;
  /**
   * Share one realtime connection among the browser's tabs (default `true`). Browsers allow six
   * HTTP/1.1 connections per host and every realtime stream holds one, so an app opened in
   * several tabs would otherwise run out of connections (the seventh tab loads nothing). Tabs
   * share when they use the same server and the SDK's default `LocalAuthStore` (so the same
   * user), and the browser offers Web Locks and `BroadcastChannel` (secure contexts:
   * `https://` or `localhost`); one tab then holds the connection for all, and another takes
   * over when it closes. `useRealtimeStatus().role` says which this tab is. `false` gives each
   * tab a connection of its own. Read when the client's first realtime hook mounts.
   */
  shareRealtime?: boolean;
  /** The app. */
  children?: JSX.Element;
}

/**
 * Makes a PocketBase client available to every hook of this library below it. Place it inside
 * TanStack's `QueryClientProvider`. When the signed-in user changes (login, logout, switch; not
 * a token refresh), it clears every cached PocketBase query of that QueryClient: active ones
 * are reset and refetch under the new user, the others are removed. With a stored token it
 * checks it against the server on start and refreshes it before it expires (`authRefresh`).
 *
 * @param props - `client`, optional `fieldTypes`, `authRefresh` and `shareRealtime`, and `children`.
 * @returns The children, with the client in context.
 * @example
 * ```tsx
 * const pb = new PocketBase("http://127.0.0.1:8090");
 * const queryClient = new QueryClient();
 *
 * render(() => (
 *   <QueryClientProvider client={queryClient}>
 *     <PocketBaseProvider client={pb}>
 *       <App />
 *     </PocketBaseProvider>
 *   </QueryClientProvider>
 * ), document.getElementById("root")!);
 * ```
 */
export function PocketBaseProvider(props: PocketBaseProviderProps): JSX.Element {
  // On a change of signed-in user every cached record of the previous user goes, so that no data
  // one user may read is shown to the next. The realtime hub re-subscribes on its own.
  const queryClient = useContext(QueryClientContext);
  if (props.shareRealtime === false) realtimeSharing.turnOff(props.client);
  if (queryClient && props.fieldTypes) declare(queryClient(), props.fieldTypes);
  if (!isServer && queryClient) {
    createEffect(() => {
      if (props.fieldTypes) declare(queryClient(), props.fieldTypes);
    });
    createEffect(() => {
      const client = queryClient();
      onCleanup(onIdentityChange(props.client, () => void clearPocketBaseCache(client)));
    });
    createEffect(() => {
      if (props.authRefresh !== false) onCleanup(keepSessionFresh(props.client));
    });
  }
  // Written with createComponent rather than JSX so the package ships one plain JS build
  // that needs no Solid compiler step (see tsup.config.ts).
  return createComponent(PocketBaseContext.Provider, {
    get value() {
      return props.client;
    },
    get children() {
      return props.children;
    },
  });
}

/** The field types for filters, and the protected file fields for `useFileUrl`. */
function declare(cache: object, collections: Readonly<Record<string, Readonly<Record<string, FieldDeclaration>>>>): void {
  const types: Record<string, FieldTypes> = {};
  for (const [name, fields] of Object.entries(collections)) {
    types[name] = Object.fromEntries(Object.entries(fields).map(([field, declared]) => [field, typeof declared === "string" ? declared : declared.type]));
  }
  fieldTypesRegistry.set(cache, types);
  protectedFields.set(cache, collections);
}
