// A small OpenID Connect provider on loopback, for the playground, its browser checks and the
// tests. There is no internet where they run, so PocketBase's generic "oidc" provider signs
// people in against this instead of Google or GitHub: the OAuth2 authorization-code flow with
// PKCE, as PocketBase speaks it, and nothing more.
//
// It is not an identity provider: its sign-in page lets anyone continue as any of the identities
// it was started with (or deny), and it keeps codes and tokens in memory.
//
//   GET  /authorize  the sign-in page (checks client_id, redirect_uri, response_type)
//   POST /authorize  "continue as" or "deny": 302 to redirect_uri with ?code&state or ?error&state
//   POST /token      code (+ PKCE verifier, client secret) -> { access_token, token_type, expires_in }
//   GET  /userinfo   Bearer token -> { sub, email, email_verified, name }

import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:http";

const CODE_TTL_MS = 60_000;
const TOKEN_TTL_S = 3600;

/**
 * Starts the provider.
 *
 * @param {{
 *   identities: { email: string, name: string }[],
 *   host?: string,
 *   port?: number,
 *   clientId?: string,
 *   clientSecret?: string,
 *   displayName?: string,
 * }} options - `port` 0 (the default) takes a free one.
 * @returns {Promise<{
 *   url: string,
 *   provider: { name: "oidc", displayName: string, clientId: string, clientSecret: string, authURL: string, tokenURL: string, userInfoURL: string, pkce: true },
 *   codes: () => string[],
 *   close: () => Promise<void>,
 * }>} `provider` is the entry for an auth collection's `oauth2.providers`; `codes()` lists every
 *   code handed out so far (tests look for them where they must not be).
 */
export async function startOidcServer({
  identities,
  host = "127.0.0.1",
  port = 0,
  clientId = "clinic-playground",
  clientSecret = "clinic-playground-secret",
  displayName = "Clinic SSO",
}) {
  /** code -> { identity, redirectUri, challenge, expires } */
  const codes = new Map();
  /** access token -> { identity, expires } */
  const tokens = new Map();
  const handedOut = [];

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      if (!response.headersSent) send(response, 500, { error: "server_error", error_description: String(error?.message ?? error) });
    });
  });

  async function handle(request, response) {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/authorize" && request.method === "GET") return authorizePage(url.searchParams, response);
    if (url.pathname === "/authorize" && request.method === "POST") return authorize(new URLSearchParams(await body(request)), response);
    if (url.pathname === "/token" && request.method === "POST") return token(request, new URLSearchParams(await body(request)), response);
    if (url.pathname === "/userinfo" && request.method === "GET") return userinfo(request, response);
    send(response, 404, { error: "not_found" });
  }

  /** The sign-in page: one button per identity, and "deny". */
  function authorizePage(params, response) {
    const problem = checkAuthorize(params);
    if (problem) return page(response, 400, `<p>${escape(problem)}</p>`);
    const hidden = [...params].map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`).join("");
    const choices = identities
      .map((i) => `<button name="email" value="${escape(i.email)}">Continue as ${escape(i.name)} <small>${escape(i.email)}</small></button>`)
      .join("");
    page(
      response,
      200,
      `<h1>${escape(displayName)}</h1><p>A local sign-in page for the playground: pick who you are.</p>` +
        `<form method="post" action="/authorize">${hidden}${choices}<button name="deny" value="1" class="deny">Deny</button></form>`,
    );
  }

  function authorize(params, response) {
    const problem = checkAuthorize(params);
    if (problem) return page(response, 400, `<p>${escape(problem)}</p>`);
    const back = new URL(params.get("redirect_uri"));
    const state = params.get("state");
    if (state) back.searchParams.set("state", state);
    const identity = identities.find((i) => i.email === params.get("email"));
    if (params.get("deny") || !identity) {
      back.searchParams.set("error", "access_denied");
    } else {
      const code = randomBytes(24).toString("base64url");
      handedOut.push(code);
      codes.set(code, {
        identity,
        redirectUri: params.get("redirect_uri"),
        challenge: params.get("code_challenge"),
        expires: Date.now() + CODE_TTL_MS,
      });
      back.searchParams.set("code", code);
    }
    response.writeHead(302, { Location: back.href, "Cache-Control": "no-store" });
    response.end();
  }

  function checkAuthorize(params) {
    if (params.get("client_id") !== clientId) return `Unknown client_id "${params.get("client_id")}".`;
    if (params.get("response_type") !== "code") return `response_type must be "code", not "${params.get("response_type")}".`;
    try {
      new URL(params.get("redirect_uri") ?? "");
    } catch {
      return "redirect_uri is missing or not a URL.";
    }
    return null;
  }

  function token(request, params, response) {
    // golang.org/x/oauth2 (PocketBase) tries HTTP Basic first, then the form fields.
    const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? "");
    const [id, secret] = basic
      ? Buffer.from(basic[1], "base64").toString().split(":").map(decodeURIComponent)
      : [params.get("client_id"), params.get("client_secret")];
    if (id !== clientId || secret !== clientSecret) return send(response, 401, { error: "invalid_client" });
    if (params.get("grant_type") !== "authorization_code") return send(response, 400, { error: "unsupported_grant_type" });
    const entry = codes.get(params.get("code") ?? "");
    codes.delete(params.get("code") ?? ""); // a code is good once
    if (!entry || entry.expires < Date.now()) return send(response, 400, { error: "invalid_grant", error_description: "unknown, used or expired code" });
    if (entry.redirectUri !== params.get("redirect_uri")) return send(response, 400, { error: "invalid_grant", error_description: "redirect_uri differs" });
    if (entry.challenge) {
      const verifier = params.get("code_verifier") ?? "";
      if (createHash("sha256").update(verifier).digest("base64url") !== entry.challenge) {
        return send(response, 400, { error: "invalid_grant", error_description: "PKCE verifier does not match" });
      }
    }
    const accessToken = randomBytes(24).toString("base64url");
    tokens.set(accessToken, { identity: entry.identity, expires: Date.now() + TOKEN_TTL_S * 1000 });
    send(response, 200, { access_token: accessToken, token_type: "Bearer", expires_in: TOKEN_TTL_S });
  }

  function userinfo(request, response) {
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const entry = bearer && tokens.get(bearer);
    if (!entry || entry.expires < Date.now()) return send(response, 401, { error: "invalid_token" });
    const { email, name } = entry.identity;
    send(response, 200, { sub: `local-${email}`, email, email_verified: true, name });
  }

  await new Promise((listening, fail) => {
    server.once("error", fail);
    server.listen(port, host, listening);
  });
  const url = `http://${host}:${server.address().port}`;
  return {
    url,
    provider: {
      name: "oidc",
      displayName,
      clientId,
      clientSecret,
      authURL: `${url}/authorize`,
      tokenURL: `${url}/token`,
      userInfoURL: `${url}/userinfo`,
      pkce: true,
    },
    codes: () => [...handedOut],
    close: () =>
      new Promise((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

function body(request) {
  return new Promise((done, fail) => {
    let text = "";
    request.setEncoding("utf8");
    request.on("data", (chunk) => (text += chunk));
    request.on("end", () => done(text));
    request.on("error", fail);
  });
}

function send(response, status, json) {
  response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  response.end(JSON.stringify(json));
}

function page(response, status, html) {
  response.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  response.end(
    `<!doctype html><meta charset="utf-8"><title>Sign in</title>` +
      `<style>body{font:15px system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem}` +
      `button{display:block;width:100%;margin:.5rem 0;padding:.7rem;font:inherit;text-align:left;cursor:pointer}` +
      `small{color:#666;margin-left:.4rem}.deny{text-align:center}</style>${html}`,
  );
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
