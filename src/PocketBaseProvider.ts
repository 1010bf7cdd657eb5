import type Client from "pocketbase";
import { createComponent, type JSX } from "solid-js";
import { PocketBaseContext } from "./PocketBaseContext";

/** Props of {@link PocketBaseProvider}. */
export interface PocketBaseProviderProps {
  /** The PocketBase SDK client every hook below uses. */
  client: Client;
  /** The app. */
  children?: JSX.Element;
}

/**
 * Makes a PocketBase client available to every hook of this library below it. Place it inside
 * TanStack's `QueryClientProvider`.
 *
 * @param props - `client` and `children`.
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
