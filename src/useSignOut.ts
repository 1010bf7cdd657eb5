import { useMutation, useQueryClient, type MutationOptions, type UseMutationResult } from "@tanstack/solid-query";
import type { Accessor } from "solid-js";
import type { HookOverrides } from "./HookOverrides";
import { usePocketBase } from "./usePocketBase";

/**
 * Signs out: clears the client's auth store, as a solid-query mutation (so a button can show
 * `isPending` and callbacks run as for any mutation). `PocketBaseProvider` then drops every
 * cached record of the user who signed out, `useAuth()` shows a guest, and with the SDK's
 * default `LocalAuthStore` the other tabs of the browser sign out too. It works offline: it sends
 * nothing.
 *
 * @param options - Accessor of TanStack mutation options (`onSuccess` to navigate away, ...).
 * @param overrides - Clients to use instead of the ones in context.
 * @returns solid-query's mutation result; `mutate()` signs out.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @example
 * ```tsx
 * const signOut = useSignOut(() => ({ onSuccess: () => navigate("/login") }));
 * <button onClick={() => signOut.mutate()}>Sign out</button>
 * ```
 */
export function useSignOut<TContext = unknown>(
  options?: Accessor<Omit<MutationOptions<void, Error, void, TContext>, "mutationFn">>,
  overrides?: HookOverrides,
): UseMutationResult<void, Error, void, TContext> {
  const pb = usePocketBase(overrides?.pocketbase);
  const queryClient = useQueryClient(overrides?.queryClient);
  return useMutation<void, Error, void, TContext>(
    // `always`: signing out needs no network, and must work offline (TanStack would pause it).
    () => ({ networkMode: "always", ...options?.(), mutationFn: async () => pb.authStore.clear() }),
    () => queryClient,
  );
}
