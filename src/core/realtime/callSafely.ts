/**
 * Runs one realtime listener: a listener that throws is reported and must not keep the others
 * (other hooks, other tabs' relays) from their message.
 *
 * Tested by tests/core/realtime/callSafely.test.ts (a listener that throws).
 * @internal
 */
export function callSafely(run: () => void): void {
  try {
    run();
  } catch (error) {
    console.error("solid-query-pocketbase: a realtime listener threw", error);
  }
}
