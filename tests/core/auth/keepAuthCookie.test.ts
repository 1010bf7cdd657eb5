// @vitest-environment jsdom
// keepAuthCookie in a browser: the first render is signed in from the server's cookie, and every
// change of the auth store is written back, so the next server render sees the same user.
import PocketBase, { BaseAuthStore } from "pocketbase";
import { afterEach, describe, expect, it } from "vitest";
import { keepAuthCookie } from "../../../src/core/auth/keepAuthCookie";
import { pocketbaseForRequest } from "../../../src/core/auth/pocketbaseForRequest";
import { pbUrl, userClient } from "../../helpers/pocketbase";

// jsdom serves the page over http, where a browser refuses Secure cookies.
const cookie = { secure: false };

afterEach(() => {
  document.cookie = "pb_auth=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/";
});

const cookieUser = () => {
  const store = new BaseAuthStore();
  store.loadFromCookie(document.cookie);
  return store.record?.email ?? null;
};

describe("keepAuthCookie", () => {
  it("signs the browser's client in from the server's cookie, then writes a sign-out and a sign-in back", async () => {
    const alice = await userClient("alice");
    const server = await pocketbaseForRequest(pbUrl(), alice.authStore.exportToCookie({ httpOnly: false }).split(";")[0]);
    document.cookie = server.setCookie().replace(/; Secure/, "");
    const pb = new PocketBase(pbUrl(), new BaseAuthStore());
    const stop = keepAuthCookie(pb, { cookie });
    expect(pb.authStore.record?.email).toBe("alice@example.com");

    pb.authStore.clear();
    expect(cookieUser()).toBeNull();
    const bob = await userClient("bob");
    pb.authStore.save(bob.authStore.token, bob.authStore.record);
    expect(cookieUser()).toBe("bob@example.com");

    stop();
    pb.authStore.clear();
    expect(cookieUser()).toBe("bob@example.com"); // no longer kept
  });
});
