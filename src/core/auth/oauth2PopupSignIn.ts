import type Client from "pocketbase";
import { ClientResponseError, RealtimeService, type RecordAuthResponse, type RecordModel, type RecordOptions } from "pocketbase";

/** PocketBase's realtime topic that carries an OAuth2 redirect's code to the page that asked. */
const OAUTH2_TOPIC = "@oauth2";

/** What an OAuth2 sign-in through a popup needs (see `useAuthWithOAuth2`). */
export interface OAuth2PopupSignIn {
  /** The provider's name in the collection's OAuth2 options, e.g. `"google"`. */
  provider: string;
  /** Scopes to ask for instead of the provider's defaults. */
  scopes?: string[];
  /** Fields for the record PocketBase creates when this account signs in for the first time. */
  createData?: Record<string, unknown>;
  /** Request options of the final sign-in request (`expand`, `fields`, ...). */
  options?: RecordOptions;
  /** The window opened in the user's click (`openOAuth2Popup`); `null` when it was refused. */
  popup: Window | null;
  /** Aborted when the app gives up on this sign-in (reset, a newer sign-in, unmount). */
  signal: AbortSignal;
}

/**
 * Signs in with OAuth2 through a window opened beforehand, the way PocketBase's own
 * `authWithOAuth2` does: the server's `/api/oauth2-redirect` hands the provider's code to this page
 * over a realtime connection of its own (the `@oauth2` topic, with the connection's id as the
 * OAuth2 `state`), and `authWithOAuth2Code` trades it for the session.
 *
 * Unlike the SDK's, it opens no window itself (the hook opened one in the click), it can be
 * cancelled, and it closes the window on every outcome. It does not read `popup.closed` as
 * "the user gave up": a provider page with a Cross-Origin-Opener-Policy cuts the window from its
 * opener, and `closed` then reads `true` while the user is still signing in. An app offers a
 * way out instead (`reset()` cancels, a second click starts over).
 *
 * @returns The session, already saved in `pb.authStore` by the SDK.
 * @throws ClientResponseError (status 0) when the window was refused, the provider is not one of
 *   the collection's, the provider sent an error back, the realtime connection broke (a new
 *   connection would have another id, which the provider's redirect does not know), or the
 *   sign-in was cancelled (`isAbort`); the server's own error when it refuses the code.
 *
 * Tested by tests/useAuthWithOAuth2.test.tsx and e2e/checks.mjs (Chromium).
 * @internal
 */
export function oauth2PopupSignIn<R extends RecordModel = RecordModel>(
  pb: Client,
  collection: string,
  { provider, scopes, createData, options, popup, signal }: OAuth2PopupSignIn,
): Promise<RecordAuthResponse<R>> {
  if (!popup) {
    return Promise.reject(
      localError(
        typeof window === "undefined"
          ? `OAuth2 sign-in ("${provider}") runs in a browser window: call mutate() in the browser, in a click handler.`
          : `The browser blocked the OAuth2 sign-in window ("${provider}"). Call mutate() directly in the click handler, ` +
              "before any await (browsers allow a new window only there), or let the user allow popups for this site.",
      ),
    );
  }
  // A connection of its own, as the SDK's authWithOAuth2 does: the app's subscriptions never see
  // the sign-in's topic, and its connection id is this sign-in's `state`.
  const realtime = new RealtimeService(pb);
  const sent = { requestKey: null, signal };

  return new Promise<RecordAuthResponse<R>>((resolve, reject) => {
    let ended = false;
    const end = (error: unknown, session?: RecordAuthResponse<R>) => {
      if (ended) return;
      ended = true;
      signal.removeEventListener("abort", cancel);
      realtime.onDisconnect = undefined;
      popup.close();
      void realtime.unsubscribe().catch(() => undefined);
      if (session) resolve(session);
      else reject(error instanceof ClientResponseError ? error : new ClientResponseError(error));
    };
    const cancel = () => end(localError(`The OAuth2 sign-in ("${provider}") was cancelled before it finished.`, true));
    if (signal.aborted) return cancel();
    signal.addEventListener("abort", cancel);
    realtime.onDisconnect = (active) => {
      if (active.length > 0) end(localError(`The connection that waits for the OAuth2 answer ("${provider}") broke. Sign in again.`));
    };

    (async () => {
      const methods = await pb.collection(collection).listAuthMethods(sent);
      const found = methods.oauth2.providers.find((p) => p.name === provider);
      if (!found) {
        const names = methods.oauth2.providers.map((p) => `"${p.name}"`).join(", ");
        throw localError(
          `"${provider}" is not an OAuth2 provider of "${collection}": ` +
            (names ? `it offers ${names} (useAuthMethods lists them).` : "it has none enabled (see its OAuth2 options)."),
        );
      }
      const redirectURL = pb.buildURL("/api/oauth2-redirect");
      // PocketBase sends the answer to the connection whose id is the redirect's `state`, so an
      // answer on this connection is this sign-in's.
      await realtime.subscribe(OAUTH2_TOPIC, (answer: { code?: string; error?: string }) => {
        if (ended) return;
        if (answer.error || !answer.code) {
          return end(localError(`The OAuth2 provider "${provider}" sent no code back: ${answer.error || "no reason given"}.`));
        }
        popup.close(); // its work is done; the session comes from the code
        pb.collection(collection)
          .authWithOAuth2Code<R>(found.name, answer.code, found.codeVerifier, redirectURL, createData, { ...options, ...sent })
          .then((session) => end(undefined, session), end);
      });
      if (ended) return; // cancelled while subscribing: end() has let go of the connection
      // The provider's URL ends in `redirect_uri=`; setting `state` re-encodes the whole query.
      const url = new URL(found.authURL + redirectURL);
      url.searchParams.set("state", realtime.clientId);
      if (scopes?.length) url.searchParams.set("scope", scopes.join(" "));
      popup.location.href = url.href;
    })().catch(end);
  });
}

/** An error of this page, not of the server: the SDK's type, as every other error of the hooks. */
function localError(message: string, isAbort = false): ClientResponseError {
  return new ClientResponseError({ status: 0, isAbort, response: { status: 0, message, data: {} } });
}
