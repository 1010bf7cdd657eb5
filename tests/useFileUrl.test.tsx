// @vitest-environment jsdom
// useFileUrl against the real server: a public file's URL, a protected file opened with the
// signed-in user's file token and refused without it, the token renewed after its lifetime (10 s
// in the test schema), and no URL, with the reason, when nobody is signed in.
import { describe, expect, it } from "vitest";
import { useFileUrl } from "../src/useFileUrl";
import { freshCollection, newClient, superuserClient, userClient, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

type Doc = { id: string; collectionId: string; collectionName: string; attachment: string; secret: string };

async function documentWithFiles() {
  const collection = await freshCollection("vault");
  const admin = await superuserClient();
  const body = new FormData();
  body.append("title", "scan");
  body.append("attachment", new Blob(["public bytes"], { type: "text/plain" }), "public.txt");
  body.append("secret", new Blob(["secret bytes"], { type: "text/plain" }), "secret.txt");
  return admin.collection(collection).create<Doc>(body);
}

const status = async (url: string | undefined) => (url ? (await fetch(url)).status : 0);
const tokenOf = (url: string | undefined) => (url ? new URL(url).searchParams.get("token") : null);

describe("useFileUrl", () => {
  it("gives an unprotected file's URL without a token", async () => {
    const doc = await documentWithFiles();
    const { result, cleanup } = renderWithClient(() => useFileUrl(doc, doc.attachment), await userClient("alice"));
    expect(tokenOf(result())).toBeNull();
    expect(result()).toContain(`/api/files/${doc.collectionId}/${doc.id}/${doc.attachment}`);
    cleanup();
  });

  it("opens a protected file with the user's file token, which the server requires, and renews it after its lifetime", async () => {
    const doc = await documentWithFiles();
    const alice = await userClient("alice");
    const { result, cleanup } = renderWithClient(() => useFileUrl(() => doc, () => doc.secret, () => ({ protected: true })), alice);
    const first = await waitFor(() => result(), { message: "the URL with a token" });
    expect(await status(first)).toBe(200);
    const bare = new URL(first);
    bare.searchParams.delete("token");
    expect(await status(bare.href)).not.toBe(200);
    // The token lives 10 s: a page left open gets a new one before it expires.
    const renewed = await waitFor(() => (tokenOf(result()) !== tokenOf(first) ? result() : undefined), { timeout: 15_000, message: "a renewed token" });
    expect(await status(renewed)).toBe(200);
    cleanup();
  });

  it("reads a field's protection from the provider's fieldTypes; the option overrides it", async () => {
    const doc = await documentWithFiles();
    const fieldTypes = { [doc.collectionName]: { secret: { type: "file", protected: true }, attachment: "file" } };
    const alice = await userClient("alice");
    const { result, cleanup } = renderWithClient(
      () => ({
        secret: useFileUrl(doc, doc.secret),
        attachment: useFileUrl(doc, doc.attachment),
        forced: useFileUrl(doc, doc.secret, () => ({ protected: false })),
      }),
      alice,
      undefined,
      fieldTypes,
    );
    const secret = await waitFor(() => result.secret(), { message: "the protected URL" });
    expect(tokenOf(secret)).not.toBeNull();
    expect(await status(secret)).toBe(200);
    expect(tokenOf(result.attachment())).toBeNull();
    expect(tokenOf(result.forced())).toBeNull();
    cleanup();
  });

  it("gives no URL for a protected file when nobody is signed in, and says why", async () => {
    const doc = await documentWithFiles();
    const { result, cleanup } = renderWithClient(() => useFileUrl(doc, doc.secret, () => ({ protected: true })), newClient());
    expect(result()).toBeUndefined();
    expect(result.reason()).toMatch(/signed-in user/);
    cleanup();
  });

  it("drops the token on a change of user: the next user's URL carries a token of their own", async () => {
    const doc = await documentWithFiles();
    const pb = newClient();
    const [alice, bob] = await Promise.all([userClient("alice"), userClient("bob")]);
    pb.authStore.save(alice.authStore.token, alice.authStore.record);
    const { result, cleanup } = renderWithClient(() => useFileUrl(doc, doc.secret, () => ({ protected: true })), pb);
    const asAlice = await waitFor(() => result(), { message: "Alice's URL" });
    pb.authStore.save(bob.authStore.token, bob.authStore.record);
    const asBob = await waitFor(() => (tokenOf(result()) !== tokenOf(asAlice) ? result() : undefined), { message: "Bob's URL" });
    const payload = JSON.parse(atob(tokenOf(asBob)!.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/")));
    expect(payload.id).toBe(bob.authStore.record!.id);
    cleanup();
  });
});
