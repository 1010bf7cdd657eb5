import type Client from "pocketbase";
import type { BaseAuthStore } from "pocketbase";

/**
 * In the browser of a server-rendered app: loads the sign-in from the cookie the server wrote
 * (`pocketbaseForRequest`), then keeps that cookie in step with the client's auth store, so the
 * next server render sees the same user: a sign-in, a refresh and a sign-out are written to
 * `document.cookie` as they happen.
 *
 * @param pb - The browser's PocketBase client.
 * @param options - The cookie's name (default `"pb_auth"`) and attributes (the SDK's
 *   `exportToCookie` options; `HttpOnly` is off: a page cannot write an HttpOnly cookie).
 * @returns The function that stops keeping the cookie.
 * @throws Nothing; outside a browser it does nothing.
 * @example
 * ```ts
 * const pb = new PocketBase("http://127.0.0.1:8090");
 * keepAuthCookie(pb); // before the app renders: the first render is already signed in
 * ```
 */
export function keepAuthCookie(
  pb: Client,
  options: { cookieName?: string; cookie?: Parameters<BaseAuthStore["exportToCookie"]>[0] } = {},
): () => void {
  if (typeof document === "undefined") return () => {};
  const name = options.cookieName ?? "pb_auth";
  pb.authStore.loadFromCookie(document.cookie, name);
  return pb.authStore.onChange(() => {
    document.cookie = pb.authStore.exportToCookie({ ...options.cookie, httpOnly: false }, name);
  });
}
