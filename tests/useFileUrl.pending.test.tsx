// Files being uploaded, against the real server: a create or update carrying a File shows it at
// once (the record holds its name, useFileUrl a local object URL of the file itself), the
// server's stored file replaces it when the answer comes, multi-file modifiers apply as they will
// on the server, and every object URL made is revoked. Node's own File, FormData and fetch (no
// jsdom): jsdom's File is not a Blob to Node's fetch, which would send it empty.
import { resolveObjectURL } from "node:buffer";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useBatch } from "../src/useBatch";
import { useCreateRecord } from "../src/useCreateRecord";
import { useFileUrl } from "../src/useFileUrl";
import { useFullCollection } from "../src/useFullCollection";
import { useUpdateRecord } from "../src/useUpdateRecord";
import { holdNext } from "./helpers/msw";
import { freshCollection, newClient, superuserClient, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

type Album = { id: string; collectionId: string; collectionName: string; title: string; photos: string[]; cover: string };

/** Counts the object URLs made and revoked (the real functions still run). */
function countObjectUrls() {
  const made: string[] = [];
  const revoked: string[] = [];
  const create = URL.createObjectURL.bind(URL);
  const revoke = URL.revokeObjectURL.bind(URL);
  vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
    const href = create(blob);
    made.push(href);
    return href;
  });
  vi.spyOn(URL, "revokeObjectURL").mockImplementation((href) => {
    revoked.push(href);
    revoke(href);
  });
  return { made, revoked, leaked: () => made.filter((href) => !revoked.includes(href)) };
}

const textOf = async (href: string | undefined) => (href?.startsWith("blob:") ? resolveObjectURL(href)?.text() : (await fetch(href!)).text());

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a file being uploaded", () => {
  it("shows a created record's file at once from an object URL, then the server's file, with nothing left unrevoked", async () => {
    const collection = await freshCollection("albums");
    const urls = countObjectUrls();
    const { result, cleanup } = renderWithClient(() => {
      const list = useFullCollection<Album>(collection, () => ({ sort: "title" }));
      const create = useCreateRecord<Album>(collection);
      const first = () => list.data?.[0];
      return { list, create, url: useFileUrl(first, () => first()?.photos[0]) };
    }, newClient());
    await waitFor(() => result.list.isSuccess, { message: "the empty list" });
    const held = holdNext("POST", `/api/collections/${collection}/records`);
    const photo = new File(["first photo"], "beach.txt", { type: "text/plain" });
    result.create.mutate({ title: "holiday", photos: [photo] });

    const preview = await waitFor(() => result.url(), { message: "the preview" });
    expect(preview).toMatch(/^blob:/);
    expect(result.list.data?.[0]?.photos).toEqual(["beach.txt"]);
    expect(await textOf(preview)).toBe("first photo");
    await held.started;

    held.release();
    const stored = await waitFor(() => (result.url()?.startsWith("http") ? result.url() : undefined), { message: "the server's file" });
    expect(result.list.data?.[0]?.photos[0]).toMatch(/^beach_\w{10}\.txt$/);
    expect(await textOf(stored)).toBe("first photo");
    expect(urls.made).toEqual([preview]);
    expect(urls.leaked()).toEqual([]);
    cleanup();
  });

  it("applies photos+, +photos and photos- at once as the server will, each new file shown from its own bytes", async () => {
    const collection = await freshCollection("albums");
    const admin = await superuserClient();
    const album = await admin.collection(collection).create<Album>({
      title: "trip",
      photos: [new File(["a"], "a.txt", { type: "text/plain" }), new File(["b"], "b.txt", { type: "text/plain" })],
    });
    const [a, b] = album.photos;
    const urls = countObjectUrls();
    const { result, cleanup } = renderWithClient(() => {
      const list = useFullCollection<Album>(collection);
      const update = useUpdateRecord<Album>(collection);
      const photos = () => list.data?.[0]?.photos ?? [];
      const record = () => list.data?.[0];
      return { list, update, first: useFileUrl(record, () => photos()[0]), last: useFileUrl(record, () => photos().at(-1)) };
    }, newClient());
    await waitFor(() => result.list.isSuccess, { message: "the album" });
    const held = holdNext("PATCH", `/api/collections/${collection}/records/:id`);
    const appended = new File(["appended bytes"], "cove.txt", { type: "text/plain" });
    const prepended = new File(["prepended bytes"], "dawn.txt", { type: "text/plain" });
    result.update.mutate({ id: album.id, data: { "photos-": a, "photos+": appended, "+photos": prepended } });

    await waitFor(() => result.list.data?.[0]?.photos.length === 3, { message: "the optimistic photos" });
    expect(result.list.data?.[0]?.photos).toEqual(["dawn.txt", b, "cove.txt"]);
    expect(await textOf(result.first())).toBe("prepended bytes");
    expect(await textOf(result.last())).toBe("appended bytes");
    // A refetch rebases the pending update onto a new server copy: the previews stay as they are.
    const previews = [result.first(), result.last()];
    await admin.collection(collection).update(album.id, { title: "trip, renamed" });
    await result.list.refetch();
    await waitFor(() => result.list.data?.[0]?.title === "trip, renamed", { message: "the refetched album" });
    expect([result.first(), result.last()]).toEqual(previews);
    expect(urls.made).toHaveLength(2);
    await held.started;

    held.release();
    await waitFor(() => result.update.isSuccess, { message: "the answer" });
    const photos = result.list.data?.[0]?.photos ?? [];
    expect(photos).toHaveLength(3);
    expect(photos[0]).toMatch(/^dawn_\w{10}\.txt$/);
    expect(photos[1]).toBe(b);
    expect(photos[2]).toMatch(/^cove_\w{10}\.txt$/);
    expect((await admin.collection(collection).getOne<Album>(album.id)).photos).toEqual(photos);
    expect(await textOf(result.first())).toBe("prepended bytes");
    expect(urls.leaked()).toEqual([]);
    cleanup();
  });

  it("shows each record its own file when two pending writes carry files of the same name", async () => {
    const collection = await freshCollection("albums");
    const admin = await superuserClient();
    const [one, two] = [await admin.collection(collection).create<Album>({ title: "one" }), await admin.collection(collection).create<Album>({ title: "two" })];
    const { result, cleanup } = renderWithClient(() => {
      const list = useFullCollection<Album>(collection, () => ({ sort: "title" }));
      const update = useUpdateRecord<Album>(collection);
      const row = (i: number) => () => list.data?.[i];
      return { list, update, one: useFileUrl(row(0), () => row(0)()?.cover), two: useFileUrl(row(1), () => row(1)()?.cover) };
    }, newClient());
    await waitFor(() => result.list.isSuccess, { message: "the albums" });
    const held = [holdNext("PATCH", `/api/collections/${collection}/records/:id`), holdNext("PATCH", `/api/collections/${collection}/records/:id`)];
    result.update.mutate({ id: one!.id, data: { cover: new File(["one's cover"], "cover.png") } });
    result.update.mutate({ id: two!.id, data: { cover: new File(["two's cover"], "cover.png") } });
    await waitFor(() => result.one() && result.two(), { message: "both previews" });
    expect(await textOf(result.one())).toBe("one's cover");
    expect(await textOf(result.two())).toBe("two's cover");
    for (const hold of held) hold.release({ status: 400 });
    await waitFor(() => !result.one() && !result.two(), { message: "both rolled back" });
    cleanup();
  });

  it("shows a file a pending batch carries, from its operation for that record", async () => {
    const collection = await freshCollection("albums");
    const urls = countObjectUrls();
    const { result, cleanup } = renderWithClient(() => {
      const list = useFullCollection<Album>(collection, () => ({ sort: "title" }));
      const batch = useBatch();
      const row = (i: number) => () => list.data?.[i];
      return { list, batch, one: useFileUrl(row(0), () => row(0)()?.cover), two: useFileUrl(row(1), () => row(1)()?.cover) };
    }, newClient());
    await waitFor(() => result.list.isSuccess, { message: "the empty list" });
    const held = holdNext("POST", "/api/batch");
    result.batch.mutate([
      { collection, create: { title: "one", cover: new File(["one's cover"], "cover.png") } },
      { collection, create: { title: "two", cover: new File(["two's cover"], "cover.png") } },
    ]);
    await held.started;
    expect(await textOf(result.one())).toBe("one's cover");
    expect(await textOf(result.two())).toBe("two's cover");
    held.release({ status: 400 });
    await waitFor(() => result.batch.isError && result.list.data?.length === 0, { message: "rolled back" });
    expect(urls.leaked()).toEqual([]);
    cleanup();
  });

  it("revokes the preview when the component goes while the upload is pending", async () => {
    const collection = await freshCollection("albums");
    const urls = countObjectUrls();
    const { result, cleanup } = renderWithClient(() => {
      const list = useFullCollection<Album>(collection);
      const create = useCreateRecord<Album>(collection);
      return { list, create, url: useFileUrl(() => list.data?.[0], () => list.data?.[0]?.cover) };
    }, newClient());
    await waitFor(() => result.list.isSuccess, { message: "the empty list" });
    const held = holdNext("POST", `/api/collections/${collection}/records`);
    result.create.mutate({ title: "x", cover: new File(["png"], "cover.png", { type: "image/png" }) });
    const preview = await waitFor(() => result.url(), { message: "the preview" });
    cleanup();
    expect(urls.revoked).toEqual([preview]);
    held.release({ status: 400 });
  });
});
