import { createAsyncStoragePersister } from "@tanstack/query-async-storage-persister";
import { onlineManager, QueryClient } from "@tanstack/solid-query";
import { SolidQueryDevtools } from "@tanstack/solid-query-devtools";
import { PersistQueryClientProvider } from "@tanstack/solid-query-persist-client";
import PocketBase from "pocketbase";
import { render } from "solid-js/web";
// The library's source, not a build: edits show up here at once.
import { PocketBaseProvider, pocketbasePersistOptions, resumableBatches } from "../../src/index";
import { App } from "./App";
import { workingOffline } from "./components/OfflineSwitch";
import "./styles.css";

const pb = new PocketBase(import.meta.env.VITE_PB_URL ?? "http://127.0.0.1:8090");
// A day: lists not on screen stay in the cache, and so in storage, for a day.
const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: 24 * 60 * 60 * 1000 } } });

// The board's cache and its waiting changes are kept in localStorage: a reload, offline too,
// shows the board as it was left, and the changes made offline are sent once the app is back
// online. The offline switch is kept too, so that a reload stays offline.
if (workingOffline()) onlineManager.setOnline(false);
const persistOptions = pocketbasePersistOptions(pb, queryClient, {
  persister: createAsyncStoragePersister({ storage: window.localStorage, key: "clinic-cache" }),
});
// A ward discharged offline (one batch) is stored and sent after a reload too.
resumableBatches(pb, queryClient);

// For the browser tests (e2e/), in development only: they read the cache to prove that no record
// of the previous user is left in it after a change of user.
if (import.meta.env.DEV) Object.assign(window, { __clinic: { pb, queryClient } });

render(
  () => (
    <PersistQueryClientProvider client={queryClient} persistOptions={persistOptions}>
      {/* On a change of signed-in user the provider clears every cached PocketBase query; it also
          checks a stored login against the server on start and keeps its token fresh. The photo
          is a protected file: useFileUrl gives it a URL with the staff member's file token. */}
      <PocketBaseProvider client={pb} fieldTypes={{ patients: { photo: { type: "file", protected: true } } }}>
        <App />
      </PocketBaseProvider>
      {/* TanStack's devtools, in development: every key of this library starts with "pocketbase". */}
      {import.meta.env.DEV && <SolidQueryDevtools buttonPosition="bottom-left" />}
    </PersistQueryClientProvider>
  ),
  document.getElementById("root")!,
);
