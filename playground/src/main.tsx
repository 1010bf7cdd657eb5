import { QueryClient, QueryClientProvider } from "@tanstack/solid-query";
import PocketBase from "pocketbase";
import { render } from "solid-js/web";
// The library's source, not a build: edits show up here at once.
import { PocketBaseProvider } from "../../src/index";
import { App } from "./App";
import "./styles.css";

const pb = new PocketBase(import.meta.env.VITE_PB_URL ?? "http://127.0.0.1:8090");
const queryClient = new QueryClient();

// For the browser tests (e2e/), in development only: they read the cache to prove that no record
// of the previous user is left in it after a change of user.
if (import.meta.env.DEV) Object.assign(window, { __clinic: { pb, queryClient } });

render(
  () => (
    <QueryClientProvider client={queryClient}>
      {/* On a change of signed-in user the provider clears every cached PocketBase query; it also
          checks a stored login against the server on start and keeps its token fresh. */}
      <PocketBaseProvider client={pb}>
        <App />
      </PocketBaseProvider>
    </QueryClientProvider>
  ),
  document.getElementById("root")!,
);
