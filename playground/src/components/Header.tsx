import { Show } from "solid-js";
import { usePocketBase, useSignOut } from "../../../src/index";
import type { Staff } from "../types";
import { ConnectionBadge } from "./ConnectionBadge";
import { OfflineSwitch } from "./OfflineSwitch";

export function Header(props: { staff: Staff | null }) {
  const pb = usePocketBase();
  // Nothing else to do on logout: PocketBaseProvider sees the change of user and clears the
  // PocketBase cache, and the realtime hub drops the old user's subscriptions.
  const signOut = useSignOut();
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
      {/* Signed out too: a sign-in waits while offline, as every request of TanStack Query does. */}
      <OfflineSwitch />
      <Show when={props.staff}>
        {(staff) => (
          <div class="user">
            <ConnectionBadge />
            <div class="user-name">
              <strong data-testid="current-user">{staff().name}</strong>
              <span class="muted">{staff().email}</span>
            </div>
            <button type="button" class="button secondary" data-testid="logout" onClick={() => signOut.mutate()}>
              Log out
            </button>
          </div>
        )}
      </Show>
    </header>
  );
}
