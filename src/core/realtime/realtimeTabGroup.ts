import type Client from "pocketbase";
import { LocalAuthStore } from "pocketbase";
import { realtimeSharing } from "./realtimeSharing";

/**
 * The name under which this client's tab shares one realtime connection with the browser's
 * other tabs, or `undefined` when it keeps its own.
 *
 * Tabs share when they talk to the same PocketBase through the same persisted auth store: the
 * SDK's `LocalAuthStore` under the same key, which `localStorage` keeps in step across tabs, so
 * they are always signed in as the same user (a tab that switched first drops what the others
 * still send under the previous user: see `sharedHub`). A tab with an auth store of its own
 * (memory, cookies, an async store) could be another user: it keeps its own connection. So does
 * any tab without Web Locks or `BroadcastChannel` (server rendering, jsdom, old browsers), and
 * a client whose provider says `shareRealtime={false}`.
 *
 * Tested by tests/core/realtime/realtimeTabGroup.test.ts and e2e/checks.mjs (Chromium).
 * @internal
 */
export function realtimeTabGroup(pb: Client): string | undefined {
  if (realtimeSharing.isOff(pb)) return undefined;
  if (typeof navigator === "undefined" || !navigator.locks || typeof BroadcastChannel === "undefined") return undefined;
  if (!(pb.authStore instanceof LocalAuthStore)) return undefined;
  const storageKey = (pb.authStore as unknown as { storageKey?: unknown }).storageKey;
  if (typeof storageKey !== "string") return undefined;
  const server = typeof location === "undefined" ? pb.baseURL : new URL(pb.baseURL, location.href).href;
  return `solid-query-pocketbase realtime ${server} ${storageKey}`;
}
