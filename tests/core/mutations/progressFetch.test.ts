// @vitest-environment jsdom
// progressFetch under the real SDK against the real server: the upload's progress reported to
// its end, the file stored whole, and what the SDK reads of a fetch kept (the auth header, a
// refusal's status and field errors, a request with no answer). jsdom, for its
// XMLHttpRequest (Node has none).
import { ClientResponseError } from "pocketbase";
import { describe, expect, it } from "vitest";
import { progressFetch, type UploadProgress } from "../../../src/core/mutations/progressFetch";
import { http, HttpResponse } from "msw";
import { networkErrorNext, server } from "../../helpers/msw";
import { freshCollection, newClient, pbUrl, userClient } from "../../helpers/pocketbase";

type Album = { id: string; collectionId: string; photos: string[] };

describe("progressFetch", () => {
  it("reports an upload's bytes up to its whole size, and the server stores the whole file", async () => {
    const collection = await freshCollection("albums");
    const pb = newClient();
    const events: UploadProgress[] = [];
    const bytes = new Uint8Array(1_500_000).map((_, i) => i % 251);
    const album = await pb
      .collection(collection)
      .create<Album>({ photos: [new File([bytes], "big.bin")] }, { fetch: progressFetch((p) => events.push(p), undefined) });
    expect(events.length).toBeGreaterThan(0);
    const last = events.at(-1)!;
    expect(last.total).toBeGreaterThan(bytes.length); // the whole multipart body
    expect(last.loaded).toBe(last.total);
    expect(events.every((e, i) => i === 0 || e.loaded >= events[i - 1]!.loaded)).toBe(true);
    const stored = await fetch(pb.files.getURL(album, album.photos[0]!));
    // Compared as buffers: a deep equality of a million numbers takes seconds.
    expect(Buffer.from(await stored.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  });

  it("sends the auth header: a signed-in user's own record is updated", async () => {
    const alice = await userClient("alice");
    const name = `Alice ${Date.now()}`;
    const updated = await alice.collection("users").update(alice.authStore.record!.id, { name }, { fetch: progressFetch(() => {}, undefined) });
    expect(updated.name).toBe(name);
  });

  it("gives the SDK a refusal's status and field errors", async () => {
    const collection = await freshCollection("albums");
    const error = await newClient()
      .collection(collection)
      .create({ cover: new File(["not an image"], "notes.png") }, { fetch: progressFetch(() => {}, undefined) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientResponseError);
    expect((error as ClientResponseError).status).toBe(400);
    expect((error as ClientResponseError).response.data.cover.code).toBe("validation_invalid_mime_type");
  });

  it("fails as status 0, not an abort, when no answer comes", async () => {
    const collection = await freshCollection("albums");
    networkErrorNext("POST", `/api/collections/${collection}/records`);
    const lost = (await newClient()
      .collection(collection)
      .create({ title: "x" }, { fetch: progressFetch(() => {}, undefined) })
      .catch((e: unknown) => e)) as ClientResponseError;
    expect(lost).toBeInstanceOf(ClientResponseError);
    expect(lost.status).toBe(0);
    expect(lost.isAbort).toBe(false);
  });

  it("answers a null-body status (a hook's 204) instead of never settling", async () => {
    const collection = await freshCollection("albums");
    server.use(http.post(`${pbUrl()}/api/collections/${collection}/records`, () => new HttpResponse(null, { status: 204 }), { once: true }));
    const answer = await newClient().collection(collection).create({ title: "x" }, { fetch: progressFetch(() => {}, undefined) });
    expect(answer).toEqual({});
  });
});
