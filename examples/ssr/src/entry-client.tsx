import { QueryClient } from "@tanstack/solid-query";
import PocketBase, { BaseAuthStore } from "pocketbase";
import { hydrate } from "solid-js/web";
import { keepAuthCookie } from "../../../src/index";
import { App } from "./App";

// The cookie is the one source of the sign-in: the server rendered the page for its user.
const pb = new PocketBase(import.meta.env.VITE_PB_URL, new BaseAuthStore());
keepAuthCookie(pb, { cookie: { secure: false } });
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } });
// For the browser checks (e2e/), in development only.
if (import.meta.env.DEV) Object.assign(window, { __ssr: { pb, queryClient } });

hydrate(() => <App pb={pb} queryClient={queryClient} />, document.getElementById("app")!);
