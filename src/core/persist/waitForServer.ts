import type Client from "pocketbase";

/**
 * Resolves once the server answers its health check, asked again with a growing pause (1 s,
 * doubling, at most 30 s). For an app that counts an unreachable server as offline: nothing else
 * would say when the server is back, since the browser, online all along, sends no `online`
 * event. Any answer counts (even an error status): the server is reachable.
 *
 * Tested by tests/persistence.unreachable.test.tsx (a write kept while the server is down, sent
 * once it answers again).
 * @internal
 */
export async function waitForServer(pb: Client, firstPause = 1000): Promise<void> {
  for (let pause = firstPause; ; pause = Math.min(pause * 2, 30_000)) {
    await new Promise((resolve) => setTimeout(resolve, pause));
    try {
      await pb.health.check({ requestKey: null });
      return;
    } catch (error) {
      if ((error as { status?: number }).status !== 0) return;
    }
  }
}
