import { Show } from "solid-js";
import { usePocketBase } from "../../src/index";
import { createStaffSession } from "./auth";
import { Header } from "./components/Header";
import { LoginForm } from "./components/LoginForm";
import { PatientBoard } from "./components/PatientBoard";

export function App() {
  const pb = usePocketBase();
  const staff = createStaffSession(pb);
  return (
    <>
      <Header staff={staff()} />
      <main class="main">
        <Show when={staff()} keyed fallback={<LoginForm />}>
          {/* keyed: a different user gets a fresh board (selection, filters). */}
          <PatientBoard />
        </Show>
      </main>
    </>
  );
}
