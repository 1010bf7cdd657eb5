import type { Mutation } from "@tanstack/solid-query";
import type { ClientResponseError } from "pocketbase";
import { survivesReload } from "./survivesReload";

/**
 * A write of this library that has not reached the server yet, or that failed: what
 * {@link usePendingChanges} lists, so an app can show "3 changes waiting" and what they are.
 *
 * @example
 * ```ts
 * const change: PendingChange = {
 *   collection: "patients", kind: "update", id: "k2x9c0m1p3q4r5s",
 *   variables: { id: "k2x9c0m1p3q4r5s", data: { "visits+": 1 } },
 *   status: "waiting", error: null, submittedAt: 1764579600000, survivesReload: true,
 * };
 * ```
 */
export interface PendingChange {
  /** The collection it writes. */
  collection: string;
  /**
   * Which write. A batch (`useBatch`) is one change: its `collection` is `"@batch"`, its `id` is
   * empty, and its `variables` are its operations.
   */
  kind: "create" | "update" | "delete" | "batch";
  /** The record it writes (a create's client-made id included). */
  id: string;
  /** The variables it was made with (never a password). */
  variables: unknown;
  /**
   * `waiting`: not sent yet (offline, or behind an earlier write: writes go in the order they
   * were made); `sending`: its request is out; `failed`: it ended with `error` and is no longer
   * shown (its variables are kept here, to send again).
   */
  status: "waiting" | "sending" | "failed";
  /** Why it failed, when it did: an outcome-unknown update says `error.response.outcome === "unknown"`. */
  error: ClientResponseError | null;
  /** When it was made (`Date.now()`). */
  submittedAt: number;
  /**
   * Whether it is stored by the app's persister, so it is sent after a reload. False for a
   * write with a `File`, `Blob` or `FormData`, or an auth record's password: a reload loses it.
   */
  survivesReload: boolean;
}

/**
 * The {@link PendingChange} of a pending or failed write of this library.
 *
 * Tested by tests/usePendingChanges.test.tsx (what is waiting offline, what is being sent, what
 * failed, and in which order).
 * @internal
 */
export function pendingChangeOf(mutation: Mutation<unknown, Error, unknown, unknown>): PendingChange {
  const [, collection, kind] = mutation.options.mutationKey as [string, string, PendingChange["kind"]];
  const { variables, context, status, isPaused, error, submittedAt } = mutation.state;
  const id =
    kind === "delete"
      ? String(variables)
      : kind === "update"
        ? (variables as { id: string }).id
        : ((variables as { id?: string }).id ?? (context as { ours?: { id?: string } } | undefined)?.ours?.id ?? "");
  return {
    collection,
    kind,
    id,
    variables,
    status: status === "error" ? "failed" : isPaused ? "waiting" : "sending",
    error: (error as ClientResponseError | null) ?? null,
    submittedAt,
    survivesReload: survivesReload(mutation),
  };
}
