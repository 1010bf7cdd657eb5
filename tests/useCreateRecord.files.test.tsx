// A failed upload loses nothing, against the real server: the optimistic row goes, every cached
// query is back to what it showed, the error carries the server's message for the field, and the
// variables still hold the File, so a retry needs no new pick. Node's own File and fetch (no
// jsdom: jsdom's File is not a Blob to Node's fetch).
import { describe, expect, it } from "vitest";
import { useCreateRecord } from "../src/useCreateRecord";
import { useFileUrl } from "../src/useFileUrl";
import { useFullCollection } from "../src/useFullCollection";
import { useUpdateRecord } from "../src/useUpdateRecord";
import { holdNext } from "./helpers/msw";
import { freshCollection, newClient, superuserClient, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

type Album = { id: string; collectionId: string; collectionName: string; title: string; photos: string[]; cover: string };

function albumPage(collection: string) {
  return renderWithClient(() => {
    const list = useFullCollection<Album>(collection, () => ({ sort: "title" }));
    const create = useCreateRecord<Album>(collection);
    const update = useUpdateRecord<Album>(collection);
    const last = () => list.data?.at(-1);
    return { list, create, update, cover: useFileUrl(last, () => last()?.cover) };
  }, newClient());
}

describe("a failed upload", () => {
  it("too large for the field: rolled back, the server's field message, the File kept for a retry", async () => {
    const collection = await freshCollection("albums");
    await (await superuserClient()).collection(collection).create({ title: "a" });
    const { result, cleanup } = albumPage(collection);
    await waitFor(() => result.list.isSuccess, { message: "the list" });
    const before = JSON.parse(JSON.stringify(result.list.data));
    const held = holdNext("POST", `/api/collections/${collection}/records`);
    const cover = new File([new Uint8Array(1_500_000)], "huge.png", { type: "image/png" });
    result.create.mutate({ title: "b", cover });
    await waitFor(() => result.cover()?.startsWith("blob:"), { message: "the preview" });
    held.release(); // to the real server

    await waitFor(() => result.create.isError, { message: "the refusal" });
    expect(result.create.error?.status).toBe(400);
    expect(result.create.error?.response.data.cover.code).toBe("validation_file_size_limit");
    expect(result.create.error?.response.data.cover.message).toMatch(/maximum allowed file size is 1048576 bytes/);
    expect(result.list.data).toEqual(before);
    expect(result.create.variables?.cover).toBe(cover);
    expect(result.cover()).toBeUndefined(); // the last row is "a" again, with no cover
    cleanup();
  });

  it("of the wrong type in an update: the record shows its server state again, the File kept", async () => {
    const collection = await freshCollection("albums");
    const album = await (await superuserClient()).collection(collection).create<Album>({ title: "a" });
    const { result, cleanup } = albumPage(collection);
    await waitFor(() => result.list.isSuccess, { message: "the list" });
    const before = JSON.parse(JSON.stringify(result.list.data));
    const held = holdNext("PATCH", `/api/collections/${collection}/records/:id`);
    const cover = new File(["not an image"], "notes.png", { type: "image/png" });
    result.update.mutate({ id: album.id, data: { cover } });
    await waitFor(() => result.list.data?.[0]?.cover === "notes.png", { message: "the optimistic cover" });
    held.release();

    await waitFor(() => result.update.isError, { message: "the refusal" });
    expect(result.update.error?.response.data.cover.code).toBe("validation_invalid_mime_type");
    expect(result.list.data).toEqual(before);
    expect(result.update.variables?.data.cover).toBe(cover);
    cleanup();
  });

  it("larger than the server takes in a request (413): rolled back, the File kept", async () => {
    const collection = await freshCollection("documents");
    const { result, cleanup } = renderWithClient(() => {
      const list = useFullCollection(collection);
      return { list, create: useCreateRecord(collection) };
    }, newClient());
    await waitFor(() => result.list.isSuccess, { message: "the list" });
    const held = holdNext("POST", `/api/collections/${collection}/records`);
    const attachment = new File([new Uint8Array(40_000_000)], "scan.pdf", { type: "application/pdf" });
    result.create.mutate({ title: "scan", attachment });
    await waitFor(() => result.list.data?.length === 1, { message: "the optimistic row" });
    held.release();

    await waitFor(() => result.create.isError, { message: "the refusal", timeout: 15_000 });
    expect(result.create.error?.status).toBe(413);
    expect(result.list.data).toEqual([]);
    expect(result.create.variables?.attachment).toBe(attachment);
    cleanup();
  });
});
