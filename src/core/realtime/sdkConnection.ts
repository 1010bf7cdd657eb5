import type Client from "pocketbase";

/**
 * Waits for the SDK's connection to close, or drops it keeping every subscription: a new user
 * needs a fresh connection (PocketBase answers 403 on an existing one), and the SDK's public API
 * offers neither.
 * @internal
 */
export const sdkConnection = {
  /** `true` once the SDK has no connection; `false` if something else still holds it after 1 s. */
  async closed(pb: Client): Promise<boolean> {
    for (let waited = 0; pb.realtime.isConnected && waited < 1000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return !pb.realtime.isConnected;
  },

  /**
   * The next subscribe() connects again, resubmitting every topic with the current auth. Uses
   * the SDK's private `disconnect(true)`; without it (a future SDK) the hub reports the 403.
   */
  drop(pb: Client): void {
    const realtime = pb.realtime as unknown as { disconnect?: (fromReconnect?: boolean) => void };
    if (typeof realtime.disconnect === "function") realtime.disconnect(true);
  },
};
