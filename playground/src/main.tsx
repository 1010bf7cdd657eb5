import { QueryClient, QueryClientProvider } from "@tanstack/solid-query";
import PocketBase from "pocketbase";
import { render } from "solid-js/web";
// The library's source, not a build (STYLE.md 14): edits show up here at once.
import { PocketBaseProvider } from "../../src/index";
import { App } from "./App";
import { revalidateSession } from "./auth";
import "./styles.css";

const pb = new PocketBase(import.meta.env.VITE_PB_URL ?? "http://127.0.0.1:8090");
const queryClient = new QueryClient();
revalidateSession(pb);

render(
  () => (
    <QueryClientProvider client={queryClient}>
      <PocketBaseProvider client={pb}>
        <App />
      </PocketBaseProvider>
    </QueryClientProvider>
  ),
  document.getElementById("root")!,
);
