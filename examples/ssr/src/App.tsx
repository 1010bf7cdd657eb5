import { QueryClientProvider, type QueryClient } from "@tanstack/solid-query";
import type PocketBase from "pocketbase";
import { createSignal, For, onMount, Show, Suspense } from "solid-js";
import { PocketBaseProvider, useAuth, useAuthWithPassword, useCollection, useRealtimeCollection, useSignOut } from "../../../src/index";

type Patient = { id: string; name: string; bed: number };

/** The page, the same on the server and in the browser: only the clients differ. */
export function App(props: { pb: PocketBase; queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={props.queryClient}>
      <PocketBaseProvider client={props.pb}>
        <main>
          <h1>Clinic, rendered on the server</h1>
          <Page />
        </main>
      </PocketBaseProvider>
    </QueryClientProvider>
  );
}

function Page() {
  const auth = useAuth<{ name: string }>();
  // For the browser checks: set once the page has hydrated and its effects run.
  const [hydrated, setHydrated] = createSignal(false);
  onMount(() => setHydrated(true));
  return (
    <div data-hydrated={hydrated() ? "yes" : "no"}>
      <Show when={auth.isValid} fallback={<SignIn />}>
        <p>
          Signed in as <strong data-testid="user">{auth.record?.name}</strong> <SignOut />
        </p>
        <Suspense fallback={<p>Loading patients…</p>}>
          <Patients />
        </Suspense>
      </Show>
    </div>
  );
}

function Patients() {
  const patients = useCollection<Patient>("patients", () => ({ sort: "name", perPage: 200 }));
  // Live after hydration: realtime subscribes in the browser only.
  useRealtimeCollection("patients");
  return (
    <ul data-testid="patients">
      <For each={patients.data?.items}>
        {(patient) => (
          <li data-testid="patient">
            {patient.name} (bed {patient.bed || "—"})
          </li>
        )}
      </For>
    </ul>
  );
}

function SignIn() {
  const signIn = useAuthWithPassword("staff");
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  return (
    <form
      data-testid="signed-out"
      onSubmit={(event) => {
        event.preventDefault();
        // Signed in, the page is rendered again on the server, for this user.
        signIn.mutate({ identity: email(), password: password() }, { onSuccess: () => location.reload() });
      }}
    >
      <p>Signed out.</p>
      <input type="email" placeholder="email" value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
      <input type="password" placeholder="password" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
      <button type="submit">Sign in</button>
    </form>
  );
}

function SignOut() {
  const signOut = useSignOut(() => ({ onSuccess: () => location.reload() }));
  return (
    <button type="button" onClick={() => signOut.mutate()}>
      Sign out
    </button>
  );
}
