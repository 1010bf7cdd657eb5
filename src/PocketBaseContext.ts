import type Client from "pocketbase";
import { createContext } from "solid-js";

/**
 * The context that carries the PocketBase client from {@link PocketBaseProvider} to the hooks.
 * Internal: use `PocketBaseProvider` and `usePocketBase`.
 */
export const PocketBaseContext = createContext<Client>();
