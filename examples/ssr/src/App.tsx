import { A, Route, Router, useParams, type RouteSectionProps } from "@solidjs/router";
import { QueryClientProvider, type QueryClient } from "@tanstack/solid-query";
import type PocketBase from "pocketbase";
import { createSignal, For, onMount, Show, Suspense } from "solid-js";
import { isServer } from "solid-js/web";
import {
  listQueryOptions,
  PocketBaseProvider,
  recordQueryOptions,
  useAuth,
  useAuthWithPassword,
  useCollection,
  useRealtimeCollection,
  useRecord,
  useSignOut,
} from "../../../src/index";

type Patient = { id: string; name: string; bed: number; notes: string };

// The same parameters for the route's preload and the page's hook: one cache entry, one request.
const LIST = { sort: "name", perPage: 200 } as const;
const DETAIL = { fields: "id,name,bed,notes" } as const;

/**
 * The app, the same on the server and in the browser: only the clients (and, on the server, the
 * request's URL) differ. Each route preloads its data with the library's query option builders,
 * so the request starts when the route is chosen (on the server, or on hover in the browser),
 * not when its component first renders.
 */
export function App(props: { pb: PocketBase; queryClient: QueryClient; url?: string }) {
  // Preload on the server and on later navigations; not for the browser's first route, whose
  // data came with the page (solid-query hydrates it: a preload then would fetch it again).
  const preloads = (intent: string) => (isServer || intent !== "initial") && props.pb.authStore.isValid;
  return (
    <QueryClientProvider client={props.queryClient}>
      <PocketBaseProvider client={props.pb}>
        <Router url={props.url} root={Layout}>
          <Route
            path="/"
            component={PatientsPage}
            preload={({ intent }) => preloads(intent) && void props.queryClient.prefetchQuery(listQueryOptions<Patient>(props.pb, "patients", LIST))}
          />
          <Route
            path="/patients/:id"
            component={PatientPage}
            preload={({ params, intent }) =>
              preloads(intent) && void props.queryClient.ensureQueryData(recordQueryOptions<Patient>(props.pb, "patients", params.id!, DETAIL))
            }
          />
        </Router>
      </PocketBaseProvider>
    </QueryClientProvider>
  );
}

function Layout(props: RouteSectionProps) {
  const auth = useAuth<{ name: string }>();
  // For the browser checks: set once the page has hydrated and its effects run.
  const [hydrated, setHydrated] = createSignal(false);
  onMount(() => setHydrated(true));
  return (
    <main data-hydrated={hydrated() ? "yes" : "no"}>
      <h1>Clinic, rendered on the server</h1>
      <Show when={auth.isValid} fallback={<SignIn />}>
        <p>
          Signed in as <strong data-testid="user">{auth.record?.name}</strong> <SignOut />
        </p>
        <Suspense fallback={<p>Loading…</p>}>{props.children}</Suspense>
      </Show>
    </main>
  );
}

function PatientsPage() {
  const patients = useCollection<Patient>("patients", () => LIST);
  // Live after hydration: realtime subscribes in the browser only.
  useRealtimeCollection("patients");
  return (
    <ul data-testid="patients">
      <For each={patients.data?.items}>
        {(patient) => (
          <li data-testid="patient">
            <A href={`/patients/${patient.id}`}>{patient.name}</A> (bed {patient.bed || "—"})
          </li>
        )}
      </For>
    </ul>
  );
}

function PatientPage() {
  const params = useParams();
  const patient = useRecord<Patient>("patients", () => params.id, () => DETAIL);
  return (
    <article data-testid="patient-detail">
      <h2>{patient.data?.name}</h2>
      <p>Bed {patient.data?.bed || "—"}</p>
      <p>{patient.data?.notes}</p>
      <A href="/">All patients</A>
    </article>
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
