import type Client from "pocketbase";
import { createContext } from "solid-js";

/**
 * Carries the PocketBase client from `PocketBaseProvider` to the hooks; apps use the provider and
 * `usePocketBase` instead.
 * @internal
 */
export const PocketBaseContext = createContext<Client>();
