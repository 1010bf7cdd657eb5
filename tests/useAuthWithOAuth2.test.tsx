// @vitest-environment jsdom
// OAuth2 against the real PocketBase and a real (local) OpenID Connect server, through the SDK.
// jsdom has no windows to open, so `window.open` hands out a `SignInWindow`: the test plays the
// user in it, loading the provider's page, choosing "continue as" or "deny", and following the
// redirect to PocketBase exactly as a browser does. The real popup in a real browser is
// e2e/checks.mjs's business.
import PocketBase, { BaseAuthStore, type ClientResponseError } from "pocketbase";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startOidcServer, type LocalOidcServer } from "../scripts/oidc-server.mjs";
import { useAuth } from "../src/useAuth";
import { useAuthWithOAuth2 } from "../src/useAuthWithOAuth2";
import { holdNext, recordRequests } from "./helpers/msw";
import { ownServer } from "./helpers/ownServer";
import { newClient, superuserClient, uniqueScope, waitFor } from "./helpers/pocketbase";
import { broadcast } from "./helpers/realtime";
import { renderWithClient } from "./helpers/render";

/** A popup as the test drives it: it records where the page sent it and whether it was closed. */
class SignInWindow {
  closed = false;
  /** The provider's sign-in page the sign-in sent this window to. */
  readonly arrived: Promise<URL>;
  readonly location: { href: string };

  constructor() {
    let arrive!: (url: URL) => void;
    this.arrived = new Promise<URL>((resolve) => (arrive = resolve));
    this.location = {
      get href() {
        return "about:blank";
      },
      set href(url: string) {
        arrive(new URL(url));
      },
    };
  }

  close() {
    this.closed = true;
  }

  /**
   * The user on the provider's page: continues as `email` (or denies), and the window follows the
   * provider's redirect to PocketBase. Returns PocketBase's answer to that redirect.
   */
  async choose(choice: { email: string } | "deny"): Promise<Response> {
    const page = await this.arrived;
    const shown = await fetch(page);
    expect(shown.status).toBe(200);
    await shown.text();
    const form = new URLSearchParams(page.searchParams);
    if (choice === "deny") form.set("deny", "1");
    else form.set("email", choice.email);
    const decided = await fetch(new URL("/authorize", page), { method: "POST", body: form, redirect: "manual" });
    expect(decided.status).toBe(302);
    return fetch(decided.headers.get("location")!, { redirect: "manual" });
  }
}

const identities = [
  { email: `${uniqueScope("oauth-ada")}@example.com`, name: "Ada Quill" },
  { email: `${uniqueScope("oauth-new")}@example.com`, name: "Noor Vance" },
];
let oidc: LocalOidcServer;
let windows: SignInWindow[] = [];

beforeAll(async () => {
  oidc = await startOidcServer({ identities });
});
afterAll(() => oidc.close());

/** `window.open` hands out SignInWindows (or, `blocked`, refuses as a popup blocker does). */
function browserWindows({ blocked = false } = {}) {
  windows = [];
  return vi.spyOn(window, "open").mockImplementation(() => {
    if (blocked) return null;
    const opened = new SignInWindow();
    windows.push(opened);
    return opened as unknown as Window;
  });
}
afterEach(() => vi.restoreAllMocks());

/** A fresh auth collection signing in with the local OIDC server; Ada already has an account. */
async function oauth2Collection(superuser?: PocketBase) {
  superuser ??= await superuserClient();
  const name = uniqueScope("oauth").replace(/-/g, "_");
  await superuser.collections.create({
    name,
    type: "auth",
    createRule: "",
    fields: [{ name: "name", type: "text" }],
    passwordAuth: { enabled: true, identityFields: ["email"] },
    oauth2: { enabled: true, providers: [oidc.provider] },
  });
  const ada = await superuser
    .collection(name)
    .create({ email: identities[0]!.email, name: "Ada Quill", password: "ada-secret-12", passwordConfirm: "ada-secret-12", verified: true });
  return { name, ada, drop: () => superuser.collections.delete(name) };
}

const cached = (queryClient: { getMutationCache(): { getAll(): { state: unknown }[] } }) =>
  JSON.stringify(queryClient.getMutationCache().getAll().map((mutation) => mutation.state));

describe("useAuthWithOAuth2", () => {
  it("opens the window inside mutate(), signs in through the provider, closes the window, keeps no code", async () => {
    const open = browserWindows();
    const collection = await oauth2Collection();
    const pb = newClient();
    const { result, queryClient, cleanup } = renderWithClient(() => ({ auth: useAuth(), signIn: useAuthWithOAuth2(collection.name) }), pb);

    result.signIn.mutate({ provider: "oidc" });
    // Synchronously, in the click's own task: what Safari and Firefox require.
    expect(open).toHaveBeenCalledTimes(1);
    expect(result.signIn.variables).toEqual({ provider: "oidc" });

    const popup = windows[0]!;
    const page = await popup.arrived;
    expect(page.origin + page.pathname).toBe(oidc.provider.authURL);
    expect(page.searchParams.get("redirect_uri")).toBe(pb.buildURL("/api/oauth2-redirect"));
    expect(page.searchParams.get("code_challenge")).toBeTruthy();

    const landed = await popup.choose({ email: identities[0]!.email });
    // PocketBase handed the code to the page and sends the window to its "you may close this" page.
    expect(landed.headers.get("location")).toMatch(/oauth2-redirect-success/);
    await waitFor(() => result.signIn.isSuccess, { message: "the sign-in" });
    expect(result.auth.record?.id).toBe(collection.ada.id);
    expect(result.signIn.data?.meta?.email).toBe(identities[0]!.email);
    expect(popup.closed).toBe(true);

    const codes = oidc.codes();
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) {
      expect(cached(queryClient)).not.toContain(code);
      expect(JSON.stringify({ ...localStorage })).not.toContain(code);
    }
    cleanup();
    await collection.drop();
  });

  it("a first sign-in creates the account with createData", async () => {
    browserWindows();
    const collection = await oauth2Collection();
    const { result, cleanup } = renderWithClient(() => ({ auth: useAuth(), signIn: useAuthWithOAuth2(collection.name) }), newClient());
    result.signIn.mutate({ provider: "oidc", createData: { name: "Noor V." } });
    await windows[0]!.choose({ email: identities[1]!.email });
    await waitFor(() => result.signIn.isSuccess, { message: "the sign-up" });
    expect(result.auth.record?.email).toBe(identities[1]!.email);
    expect(result.auth.record?.name).toBe("Noor V.");
    expect(result.signIn.data?.meta?.isNew).toBe(true);
    cleanup();
    await collection.drop();
  });

  it("a blocked window: an error that says so, nothing sent, not retried", async () => {
    browserWindows({ blocked: true });
    const collection = await oauth2Collection();
    const requests = recordRequests();
    const { result, cleanup } = renderWithClient(() => useAuthWithOAuth2(collection.name), newClient());
    result.mutate({ provider: "oidc" });
    await waitFor(() => result.isError, { message: "the refusal" });
    requests.stop();
    expect(result.error?.status).toBe(0);
    expect(result.error?.message).toMatch(/blocked the OAuth2 sign-in window/);
    expect(result.error?.message).toMatch(/directly in the click handler/);
    expect(result.failureCount).toBe(1);
    expect(requests.count()).toBe(0);
    cleanup();
    await collection.drop();
  });

  it("a provider the collection does not offer: an error naming the ones it does; the window is closed", async () => {
    browserWindows();
    const collection = await oauth2Collection();
    const { result, cleanup } = renderWithClient(() => useAuthWithOAuth2(collection.name), newClient());
    result.mutate({ provider: "github" });
    await waitFor(() => result.isError, { message: "the refusal" });
    expect(result.error?.message).toBe(`"github" is not an OAuth2 provider of "${collection.name}": it offers "oidc" (useAuthMethods lists them).`);
    expect(windows[0]!.closed).toBe(true);
    cleanup();
    await collection.drop();
  });

  it("the user denies on the provider's page: the provider's reason on `error`, the window closed, nobody signed in", async () => {
    browserWindows();
    const collection = await oauth2Collection();
    const pb = newClient();
    const { result, cleanup } = renderWithClient(() => useAuthWithOAuth2(collection.name), pb);
    result.mutate({ provider: "oidc" });
    await windows[0]!.choose("deny");
    await waitFor(() => result.isError, { message: "the refusal" });
    expect(result.error?.message).toMatch(/access_denied/);
    expect(windows[0]!.closed).toBe(true);
    expect(pb.authStore.isValid).toBe(false);
    cleanup();
    await collection.drop();
  });

  it("reset() cancels: the window is closed, the mutation ends as aborted, and finishing in the window later signs nobody in", async () => {
    browserWindows();
    const collection = await oauth2Collection();
    const pb = newClient();
    const errors: ClientResponseError[] = [];
    const { result, cleanup } = renderWithClient(() => useAuthWithOAuth2(collection.name, () => ({ onError: (error) => void errors.push(error) })), pb);
    result.mutate({ provider: "oidc" });
    const popup = windows[0]!;
    await popup.arrived;
    result.reset();
    expect(popup.closed).toBe(true);
    await waitFor(() => errors.length === 1, { message: "the cancelled mutation's end" });
    expect(errors[0]!.isAbort).toBe(true);
    expect(result.isIdle).toBe(true);

    const landed = await popup.choose({ email: identities[0]!.email });
    expect(landed.headers.get("location")).toMatch(/oauth2-redirect-failure/); // no page waits for this sign-in any more
    expect(pb.authStore.isValid).toBe(false);
    cleanup();
    await collection.drop();
  });

  it("cancelled while its connection subscribes: nothing stays subscribed, the window is closed", async () => {
    browserWindows();
    const collection = await oauth2Collection();
    const errors: ClientResponseError[] = [];
    const { result, cleanup } = renderWithClient(() => useAuthWithOAuth2(collection.name, () => ({ onError: (error) => void errors.push(error) })), newClient());
    const subscribing = holdNext("POST", "/api/realtime");
    result.mutate({ provider: "oidc" });
    await subscribing.started;
    result.reset();
    subscribing.release();
    await waitFor(() => errors.length === 1 && errors[0]!.isAbort, { message: "the cancelled mutation's end" });
    // The held subscription went through after the cancel: no connection may keep the topic.
    await waitFor(async () => (await broadcast("@oauth2", {})) === 0, { message: "no @oauth2 subscriber left" });
    expect(windows[0]!.closed).toBe(true);
    cleanup();
    await collection.drop();
  });

  it("a second click starts over in a new window and cancels the first sign-in; unmounting cancels too", async () => {
    browserWindows();
    const collection = await oauth2Collection();
    const errors: ClientResponseError[] = [];
    const { result, cleanup } = renderWithClient(
      () => ({ auth: useAuth(), signIn: useAuthWithOAuth2(collection.name, () => ({ onError: (error) => void errors.push(error) })) }),
      newClient(),
    );
    result.signIn.mutate({ provider: "oidc" });
    result.signIn.mutate({ provider: "oidc" });
    expect(windows).toHaveLength(2);
    expect(windows[0]!.closed).toBe(true);
    await waitFor(() => errors.length === 1 && errors[0]!.isAbort, { message: "the first sign-in cancelled" });
    await windows[1]!.choose({ email: identities[0]!.email });
    await waitFor(() => result.signIn.isSuccess, { message: "the second sign-in" });
    expect(result.auth.record?.id).toBe(collection.ada.id);

    result.signIn.mutate({ provider: "oidc" });
    await windows[2]!.arrived;
    cleanup();
    expect(windows[2]!.closed).toBe(true);
    await waitFor(() => errors.length === 2 && errors[1]!.isAbort, { message: "the unmounted sign-in cancelled" });
    await collection.drop();
  });

  describe("on a server of its own", () => {
    const owned = ownServer();

    it("the connection that waits for the answer breaks: an error that says so, the window closed", async () => {
      browserWindows();
      const own = owned.server();
      const collection = await oauth2Collection(await owned.superuser());
      const { result, cleanup } = renderWithClient(() => useAuthWithOAuth2(collection.name), new PocketBase(own.url, new BaseAuthStore()));
      result.mutate({ provider: "oidc" });
      await windows[0]!.arrived; // subscribed: the provider's page is open
      await own.stop();
      try {
        await waitFor(() => result.isError, { message: "the broken connection reported", timeout: 10_000 });
        expect(result.error?.message).toMatch(/connection that waits for the OAuth2 answer \("oidc"\) broke/);
        expect(windows[0]!.closed).toBe(true);
      } finally {
        await own.start();
      }
      cleanup();
    }, 30_000);
  });
});
