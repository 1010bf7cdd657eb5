import { createSignal, For, Show } from "solid-js";
import { useAuthWithPassword } from "../../../src/index";
import { OtherSignIns } from "./OtherSignIns";

/** Seeded by playground/pb_migrations/1720000001_clinic_seed.js. */
const SEEDED_LOGINS = [
  { email: "alice@clinic.test", name: "Dr. Alice Hart" },
  { email: "bob@clinic.test", name: "Nurse Bob Lee" },
];
const SEEDED_PASSWORD = "clinic-demo-1";

export function LoginForm() {
  const [email, setEmail] = createSignal(SEEDED_LOGINS[0]!.email);
  const [password, setPassword] = createSignal(SEEDED_PASSWORD);
  const login = useAuthWithPassword("staff");

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    login.mutate({ identity: email(), password: password() });
  };

  return (
    <>
      <form class="card login" onSubmit={submit}>
        <h2>Staff login</h2>
        <label class="field">
          <span>Email</span>
          <input type="email" autocomplete="username" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Password</span>
          <input
            type="password"
            autocomplete="current-password"
            required
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <Show when={login.error}>{(error) => <p class="alert">{error().message}</p>}</Show>
        <button type="submit" class="button" disabled={login.isPending}>
          {login.isPending ? "Logging in…" : "Log in"}
        </button>
        <div class="hint">
          <p>
            Seeded logins, password <code>{SEEDED_PASSWORD}</code>:
          </p>
          <div class="hint-logins">
            <For each={SEEDED_LOGINS}>
              {(seeded) => (
                <button
                  type="button"
                  class="chip"
                  classList={{ active: email() === seeded.email }}
                  onClick={() => {
                    setEmail(seeded.email);
                    setPassword(SEEDED_PASSWORD);
                  }}
                >
                  {seeded.name}
                  <small>{seeded.email}</small>
                </button>
              )}
            </For>
          </div>
        </div>
      </form>
      <OtherSignIns email={email()} />
    </>
  );
}
