import { createMemo, Show } from "solid-js";
import { usePocketBase } from "../../src/index";
import { createStaffSession } from "./auth";
import { Header } from "./components/Header";
import { LoginForm } from "./components/LoginForm";
import { PatientBoard } from "./components/PatientBoard";

export function App() {
  const pb = usePocketBase();
  const staff = createStaffSession(pb);
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
