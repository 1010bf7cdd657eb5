import type PocketBase from "pocketbase";
import type { BaseAuthStore } from "pocketbase";
import { sendAuthRefresh } from "./sendAuthRefresh";

/**
 * Options of {@link pocketbaseForRequest}.
 *
 * @example
 * ```ts
 * const options: PocketBaseForRequestOptions = { cookieName: "pb_auth", cookie: { secure: false } };
 * ```
 */
export interface PocketBaseForRequestOptions {
  /** The cookie that carries the sign-in (default `"pb_auth"`, the SDK's). */
  cookieName?: string;
  /**
   * Attributes of the cookie written back (the SDK's `exportToCookie` options). Default: the
   * SDK's (`Secure`, `SameSite=Strict`, `Path=/`, expiring with the token), except `HttpOnly`,
   * off so that `keepAuthCookie` in the browser can keep it in step with the auth store.
   */
  cookie?: Parameters<BaseAuthStore["exportToCookie"]>[0];
}

/** What {@link pocketbaseForRequest} gives a server request. */
export interface PocketBaseForRequest {
  /** A client of its own for this request, signed in as the request's cookie says (or a guest). */
  pb: PocketBase;
  /**
   * The `Set-Cookie` value to send back: the refreshed sign-in, or an expired cookie that
   * clears it when the request's cookie held none that the server accepts.
   */
  setCookie(): string;
}

/**
 * A PocketBase client for one server request (server rendering), signed in as the request's
 * cookie says and checked against the server. Each request gets its own client with an
 * in-memory auth store: a client shared between requests would render one user's records into
 * another user's page. Create a QueryClient per request beside it.
 *
 * The token is checked and refreshed with `authRefresh`: a token the server refuses (401 or 403:
 * a bad signature, a deleted user, a changed password) or that has expired makes the request a
 * guest's, and `setCookie()` then clears the cookie. When the server cannot be reached, the
 * token is kept unchecked (the render will fail to load data anyway).
 *
 * @param url - The PocketBase URL, as the server reaches it.
 * @param cookieHeader - The request's `Cookie` header (may be empty or absent).
 * @param options - The cookie's name and the attributes of the cookie written back.
 * @returns The request's client and the `Set-Cookie` value for the response.
 * @throws Nothing: any refusal of the token is a guest.
 * @example
 * ```ts
 * // In a server handler (SolidStart middleware, a Vite SSR entry, ...):
 * const { pb, setCookie } = await pocketbaseForRequest("http://127.0.0.1:8090", request.headers.get("cookie"));
 * const queryClient = new QueryClient();
 * const html = await renderToStringAsync(() => <App pb={pb} queryClient={queryClient} />);
 * return new Response(html, { headers: { "content-type": "text/html", "set-cookie": setCookie() } });
 * ```
 */
export async function pocketbaseForRequest(
  url: string,
  cookieHeader: string | null | undefined,
  options: PocketBaseForRequestOptions = {},
): Promise<PocketBaseForRequest> {
  const name = options.cookieName ?? "pb_auth";
  // Loaded here, not at the top: a static value import of the SDK's default export costs every
  // other entry of the package its interop code; only a server renders through this.
  const { default: Client, BaseAuthStore: MemoryStore } = await import("pocketbase");
  const pb = new Client(url, new MemoryStore());
  pb.authStore.loadFromCookie(cookieHeader ?? "", name);
  const refresh = pb.authStore.isValid ? sendAuthRefresh(pb) : undefined;
  if (!refresh) pb.authStore.clear();
  else {
    try {
      const answer = await refresh;
      pb.authStore.save(answer.token, answer.record);
    } catch (error) {
      if ((error as { status?: unknown }).status !== 0) pb.authStore.clear();
    }
  }
  return { pb, setCookie: () => pb.authStore.exportToCookie({ httpOnly: false, ...options.cookie }, name) };
}
