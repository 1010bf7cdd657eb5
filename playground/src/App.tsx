import { createMemo, Show } from "solid-js";
import { useAuth } from "../../src/index";
import type { Staff } from "./types";
import { Header } from "./components/Header";
import { LoginForm } from "./components/LoginForm";
import { PatientBoard } from "./components/PatientBoard";

export function App() {
  const auth = useAuth<Staff>();
  // The board is for staff members: any other signed-in record (a superuser) sees the login.
  const staff = () => (auth.isValid && auth.record?.collectionName === "staff" ? auth.record : null);
  // Keyed by the user's id, not the record: a token refresh (a new record object of the same
  // user) keeps the board, a different user gets a fresh one (selection, filters, event log).
  const staffId = createMemo(() => staff()?.id);
  return (
    <>
      <Header staff={staff()} />
      <main class="main">
        <Show when={staffId()} keyed fallback={<LoginForm />}>
          <PatientBoard me={staff()!} />
        </Show>
      </main>
    </>
  );
}
