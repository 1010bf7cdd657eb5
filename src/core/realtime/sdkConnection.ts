import type Client from "pocketbase";

/**
 * Two things the realtime hub needs from the SDK's connection that its public API lacks.
 *
 * @example
 * ```ts
 * if (!(await sdkConnection.closed(pb))) sdkConnection.drop(pb);
 * ```
 */
export const sdkConnection = {
  /**
   * Resolves `true` once the SDK has no connection, `false` when something else of the app
   * (its own `pb.realtime` subscriptions) still holds it open after a short wait.
   */
  async closed(pb: Client): Promise<boolean> {
    for (let waited = 0; pb.realtime.isConnected && waited < 1000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return !pb.realtime.isConnected;
  },

  /**
   * Drops the connection but keeps every subscription, so the next subscribe() connects again
   * and resubmits them all (with the current auth). The SDK has no public way to do this; its
   * TypeScript-private `disconnect(true)` does exactly that. Without it (a future SDK), nothing
   * happens and PocketBase's 403 is reported by the hub instead.
   */
  drop(pb: Client): void {
    const realtime = pb.realtime as unknown as { disconnect?: (fromReconnect?: boolean) => void };
    if (typeof realtime.disconnect === "function") realtime.disconnect(true);
  },
};
