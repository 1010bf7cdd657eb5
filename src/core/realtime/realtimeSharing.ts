import type Client from "pocketbase";

const off = new WeakSet<Client>();

/**
 * The clients whose tabs must not share a realtime connection (`PocketBaseProvider`'s
 * `shareRealtime={false}`). A registry of its own, so that the provider does not import the hub:
 * an app without realtime hooks keeps none of it.
 *
 * Tested by tests/core/realtime/realtimeTabGroup.test.ts (turned off: no group).
 * @internal
 */
export const realtimeSharing = {
  /** This client's hub will keep a connection of its own. */
  turnOff(pb: Client): void {
    off.add(pb);
  },
  isOff(pb: Client): boolean {
    return off.has(pb);
  },
};
