import type Client from "pocketbase";
import { directHub } from "./directHub";
import type { RealtimeHub, RealtimeHubOptions } from "./realtimeHubTypes";
import { realtimeTabGroup } from "./realtimeTabGroup";
import { sharedHub } from "./sharedHub";

const DEFAULTS: Required<RealtimeHubOptions> = {
  retryDelays: [250, 500, 1000, 2000, 4000, 8000],
  watchdogMs: 8000,
  flushWindowMs: 50,
};

const hubs = new WeakMap<Client, RealtimeHub>();

/**
 * The realtime hub of a PocketBase client (one per client): every hook's subscriptions go
 * through it. In a browser whose tabs share the client's server and signed-in user (see
 * `realtimeTabGroup`) it is a `sharedHub`: one tab holds the connection for all of them, since
 * browsers allow six HTTP/1.1 connections per host and each event stream holds one. Otherwise it
 * is a `directHub` on this tab's own connection. Both hand each listener its messages and its
 * `onLive` notices alike.
 *
 * @param pb - The PocketBase client.
 * @param options - Tuning, used when the hub is first created.
 * @returns The client's hub.
 * @example
 * ```ts
 * const stop = realtimeHub(pb).subscribe({ topic: "posts/*" }, { onMessage: (e) => console.log(e) });
 * ```
 */
export function realtimeHub(pb: Client, options?: RealtimeHubOptions): RealtimeHub {
  let hub = hubs.get(pb);
  if (!hub) {
    const tuned = { ...DEFAULTS, ...options };
    const group = realtimeTabGroup(pb);
    hubs.set(pb, (hub = group ? sharedHub(pb, tuned, group) : directHub(pb, tuned)));
  }
  return hub;
}
