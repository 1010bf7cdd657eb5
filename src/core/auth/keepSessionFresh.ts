import type Client from "pocketbase";
import { ClientResponseError, getTokenPayload } from "pocketbase";
import { sendAuthRefresh } from "./sendAuthRefresh";

// How long before its expiry a token is refreshed: a minute, or half of what is left of a
// shorter one, so a tab that wakes from sleep still finds time to refresh it.
const AHEAD_MS = 60_000;
// setTimeout's longest delay; a later refresh is looked at again then.
const LONGEST_TIMEOUT = 2_147_483_647; // 2 ** 31 - 1, written out so that bundles which never use it drop it

/**
 * Keeps the client's session honest while the app runs: the stored token is checked once against
 * the server (`authRefresh`), then refreshed before it expires, and a refusal (401 or 403: the
 * user was deleted, the password changed, the token was revoked) signs the client out, so the
 * app never runs on a token the server no longer accepts. A network error or a 5xx keeps the
 * session: the server did not refuse it. Each new token (a sign-in, a refresh) is scheduled
 * anew; a guest is left alone.
 *
 * Tested by tests/PocketBaseProvider.authRefresh.test.tsx.
 * @returns The function that stops it.
 * @internal
 */
export function keepSessionFresh(pb: Client): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const refresh = () => {
    const token = pb.authStore.token;
    // A sign-out (or another sign-in) made while this request was out must not be undone by its answer.
    const current = () => !stopped && pb.authStore.token === token;
    sendAuthRefresh(pb)?.then(
      (answer) => {
        if (current()) pb.authStore.save(answer.token, answer.record);
      },
      (error: unknown) => {
        const refused = error instanceof ClientResponseError && (error.status === 401 || error.status === 403);
        if (refused && current()) pb.authStore.clear();
      },
    );
  };

  const schedule = () => {
    clearTimeout(timer);
    const exp = Number(getTokenPayload(pb.authStore.token).exp) * 1000;
    if (!exp) return;
    const left = exp - Date.now();
    const delay = Math.max(0, left - Math.min(AHEAD_MS, left / 2));
    timer = setTimeout(delay > LONGEST_TIMEOUT ? schedule : refresh, Math.min(delay, LONGEST_TIMEOUT));
  };

  const stop = pb.authStore.onChange(schedule);
  refresh();
  schedule();
  return () => {
    stopped = true;
    stop();
    clearTimeout(timer);
  };
}
