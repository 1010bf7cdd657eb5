import { useMutationState, useQueryClient } from "@tanstack/solid-query";
import { createMemo, createSignal, onCleanup, type Accessor } from "solid-js";
import { authIdentity } from "./core/auth/authIdentity";
import { pocketbaseKeys } from "./core/keys/pocketbaseKeys";
import { writeKind } from "./core/keys/writeKind";
import { pendingChangeOf, type PendingChange } from "./core/mutations/pendingChangeOf";
import type { HookOverrides } from "./HookOverrides";
import { usePocketBase } from "./usePocketBase";

/**
 * The signed-in user's writes that are not on the server: waiting (offline, or behind an earlier
 * write), being sent, or failed. Oldest first, from every mutation hook of this library and from
 * writes restored after a reload (which no hook shows), so an app can say "3 changes waiting",
 * list them, warn before a sign-out that would drop them, and resolve a failed one with its
 * variables (an update with modifiers whose outcome is unknown says
 * `error.response.outcome === "unknown"`).
 *
 * A failed write stays listed until TanStack drops it (its `gcTime`, 5 minutes by default, once
 * no hook shows it) or the app removes it (`queryClient.getMutationCache().remove`).
 *
 * @param overrides - Clients to use instead of the ones in context.
 * @returns An accessor of the {@link PendingChange}s.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @example
 * ```tsx
 * const changes = usePendingChanges();
 * const waiting = () => changes().filter((change) => change.status !== "failed").length;
 * <Show when={waiting()}>{(count) => <span>{count()} changes waiting</span>}</Show>
 * ```
 */
export function usePendingChanges(overrides?: HookOverrides): Accessor<PendingChange[]> {
  const pb = usePocketBase(overrides?.pocketbase);
  const queryClient = useQueryClient(overrides?.queryClient);
  const [identity, setIdentity] = createSignal(authIdentity(pb.authStore.record));
  onCleanup(pb.authStore.onChange((_token, record) => setIdentity(authIdentity(record))));
  const writes = useMutationState(
    () => ({
      filters: {
        mutationKey: pocketbaseKeys.all(),
        predicate: (mutation) => Boolean(writeKind(mutation.options.mutationKey)) && ["pending", "error"].includes(mutation.state.status),
      },
      select: (mutation) => ({ change: pendingChangeOf(mutation), madeBy: (mutation.state.context as { identity?: string } | undefined)?.identity }),
    }),
    () => queryClient,
  );
  // Another user's writes are not this user's to see (nor are they sent as this user).
  return createMemo(() => writes().flatMap(({ change, madeBy }) => (madeBy === undefined || madeBy === identity() ? [change] : [])));
}
