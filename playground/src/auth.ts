import type PocketBase from "pocketbase";
import { ClientResponseError } from "pocketbase";
import { createSignal, onCleanup, type Accessor } from "solid-js";
import type { Staff } from "./types";

/** The logged-in staff member, or null. Follows `pb.authStore` (login, logout, refresh). */
export function createStaffSession(pb: PocketBase): Accessor<Staff | null> {
  const current = () =>
    pb.authStore.isValid && pb.authStore.record?.collectionName === "staff" ? (pb.authStore.record as Staff) : null;
  const [staff, setStaff] = createSignal(current());
  onCleanup(pb.authStore.onChange(() => setStaff(current())));
  return staff;
}

/**
 * The SDK keeps the last login in localStorage. Check it once against the server: a token from
 * a data dir that was since reset (or a deleted account) is dropped instead of showing an empty
 * board. Network errors keep it; the queries will show them.
 */
export function revalidateSession(pb: PocketBase): void {
  if (!pb.authStore.isValid) return;
  pb.collection("staff")
    .authRefresh({ requestKey: null })
    .catch((error: unknown) => {
      if (error instanceof ClientResponseError && error.status >= 400 && error.status < 500) pb.authStore.clear();
    });
}
