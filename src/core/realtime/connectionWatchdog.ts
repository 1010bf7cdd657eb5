/**
 * Checks a connection periodically and calls `onStuck` once it has been down for `watchdogMs`
 * with no attempt of the caller's own under way.
 *
 * The realtime hub cannot trust the SDK to come back: a drop while it submits its topics after
 * PB_CONNECT leaves it disconnected for good, with no retry scheduled and no `onDisconnect`.
 * @internal
 */
export function connectionWatchdog(watch: {
  isConnected(): boolean;
  /** An attempt of the caller's own is under way: the connection is down but not stuck. */
  busy(): boolean;
  periodMs: number;
  watchdogMs: number;
  /** Called on every check that finds the connection down. */
  onDown(): void;
  /** Called after `watchdogMs` down and not busy, then again after every further `watchdogMs`. */
  onStuck(): void;
}): () => void {
  let downSince: number | undefined;
  const timer = setInterval(() => {
    if (watch.isConnected()) return void (downSince = undefined);
    const now = Date.now();
    downSince ??= now;
    watch.onDown();
    if (!watch.busy() && now - downSince >= watch.watchdogMs) {
      downSince = now;
      watch.onStuck();
    }
  }, watch.periodMs);
  return () => clearInterval(timer);
}
