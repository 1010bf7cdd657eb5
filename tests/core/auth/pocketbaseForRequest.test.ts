// pocketbaseForRequest against the real server: the request's cookie decides who renders, the
// server checks the token, and two requests at once never see each other's user or records.
import { BaseAuthStore } from "pocketbase";
import { describe, expect, it } from "vitest";
import { pocketbaseForRequest } from "../../../src/core/auth/pocketbaseForRequest";
import { delayNext } from "../../helpers/msw";
import { freshCollection, pbUrl, seed, userClient } from "../../helpers/pocketbase";

/** The Cookie header a browser signed in as `user` sends. */
async function cookieOf(user: "alice" | "bob") {
  const client = await userClient(user);
  return client.authStore.exportToCookie({ httpOnly: false }).split(";")[0]!;
}

/** Who a Set-Cookie value signs in, read back as the next request would. */
function signedInBy(setCookie: string) {
  const store = new BaseAuthStore();
  store.loadFromCookie(setCookie.split(";")[0]!);
  return store.record?.email ?? null;
}

const clears = (setCookie: string) => /Expires=Thu, 01 Jan 1970/.test(setCookie);

describe("pocketbaseForRequest", () => {
  it("makes a request without a cookie a guest's, and its Set-Cookie clears any", async () => {
    const { pb, setCookie } = await pocketbaseForRequest(pbUrl(), undefined);
    expect(pb.authStore.record).toBeNull();
    expect(clears(setCookie())).toBe(true);
  });

  it("signs the request in as its cookie says, checked and refreshed by the server", async () => {
    const { pb, setCookie } = await pocketbaseForRequest(pbUrl(), `theme=dark; ${await cookieOf("alice")}`);
    expect(pb.authStore.record?.email).toBe("alice@example.com");
    expect(signedInBy(setCookie())).toBe("alice@example.com");
    expect(setCookie()).not.toMatch(/HttpOnly/);
  });

  it("makes a request whose token the server refuses a guest's, and clears the cookie", async () => {
    const cookie = await cookieOf("alice");
    const forged = cookie.replace(/(%22token%22%3A%22[^%]+)/, (token) => `${token.slice(0, -4)}AAAA`);
    expect(forged).not.toBe(cookie);
    const { pb, setCookie } = await pocketbaseForRequest(pbUrl(), forged);
    expect(pb.authStore.record).toBeNull();
    expect(clears(setCookie())).toBe(true);
  });

  it("makes a request with an expired token a guest's without asking the server", async () => {
    const payload = Buffer.from(JSON.stringify({ id: "x", type: "auth", collectionId: "_pb_users_auth_", exp: 1 })).toString("base64url");
    const record = { id: "x", collectionName: "users", email: "old@example.com" };
    const cookie = `pb_auth=${encodeURIComponent(JSON.stringify({ token: `e30.${payload}.sig`, record }))}`;
    const { pb, setCookie } = await pocketbaseForRequest("http://127.0.0.1:9", cookie); // nothing listens there
    expect(pb.authStore.record).toBeNull();
    expect(clears(setCookie())).toBe(true);
  });

  it("gives two requests at once their own users and records, one of them answered late", async () => {
    const collection = await freshCollection("notes");
    const [alice, bob] = await Promise.all([userClient("alice"), userClient("bob")]);
    await seed(collection, [
      { text: "alice's", owner: alice.authStore.record!.id },
      { text: "bob's", owner: bob.authStore.record!.id },
    ]);
    const [aliceCookie, bobCookie] = await Promise.all([cookieOf("alice"), cookieOf("bob")]);
    // Alice's list is answered after Bob's request has started and finished.
    const slow = delayNext("GET", `/api/collections/${collection}/records`, 300);
    const render = async (cookie: string) => {
      const { pb } = await pocketbaseForRequest(pbUrl(), cookie);
      const notes = await pb.collection(collection).getFullList<{ text: string }>({ requestKey: null });
      return { user: pb.authStore.record?.email, notes: notes.map((n) => n.text) };
    };
    const first = render(aliceCookie);
    await slow.started;
    const second = await render(bobCookie);
    expect(second).toEqual({ user: "bob@example.com", notes: ["bob's"] });
    expect(await first).toEqual({ user: "alice@example.com", notes: ["alice's"] });
  });
});
