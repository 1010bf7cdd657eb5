import type Client from "pocketbase";
import { useContext } from "solid-js";
import { PocketBaseContext } from "./PocketBaseContext";
import type { RegisteredPocketBase } from "./typedCollections";

/**
 * Returns the PocketBase client given to the nearest {@link PocketBaseProvider}.
 *
 * @param override - A client to use instead of the one in context.
 * @returns The PocketBase SDK client, typed as the registered client ({@link Register}) if one is
 *   registered.
 * @throws Error when called outside a `PocketBaseProvider` with no override; the message says
 *   how to wrap the app.
 * @example
 * ```tsx
 * function LogoutButton() {
 *   const pb = usePocketBase();
 *   return <button onClick={() => pb.authStore.clear()}>Log out</button>;
 * }
 * ```
 */
export function usePocketBase(override?: Client): RegisteredPocketBase;
export function usePocketBase(override?: Client): Client {
  const client = override ?? useContext(PocketBaseContext);
  if (!client) {
    throw new Error(
      "solid-query-pocketbase: no PocketBase client found. Wrap your app in " +
        "<PocketBaseProvider client={pb}> (inside TanStack's <QueryClientProvider>), " +
        "or pass { pocketbase } as the hook's last argument.",
    );
  }
  return client;
}
