import { useQueryClient } from "@tanstack/solid-query";
import { Show } from "solid-js";
import { pocketbaseKeys, usePocketBase } from "../../../src/index";
import type { Staff } from "../types";

export function Header(props: { staff: Staff | null }) {
  const pb = usePocketBase();
  const queryClient = useQueryClient();
  const logout = () => {
    pb.authStore.clear();
    // The next user must not see this user's cached records.
    queryClient.removeQueries({ queryKey: pocketbaseKeys.all() });
  };
  return (
    <header class="header">
      <div class="brand">
        <span class="logo" aria-hidden="true" />
        <div>
          <h1>Clinic board</h1>
          <p class="muted">
            solid-query-pocketbase playground · <code>{pb.baseURL}</code>
          </p>
        </div>
      </div>
      <Show when={props.staff}>
        {(staff) => (
          <div class="user">
            <div class="user-name">
              <strong>{staff().name}</strong>
              <span class="muted">{staff().email}</span>
            </div>
            <button type="button" class="button secondary" onClick={logout}>
              Log out
            </button>
          </div>
        )}
      </Show>
    </header>
  );
}
