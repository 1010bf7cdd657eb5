// @vitest-environment jsdom
// onUploadProgress through the hooks, against the real server: a create and an update report the
// bytes of their upload, with the variables they belong to, up to the whole body; without the
// option the request is the SDK's own fetch. jsdom, for its XMLHttpRequest.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { UploadProgress } from "../src/core/mutations/progressFetch";
import { useCreateRecord } from "../src/useCreateRecord";
import { useUpdateRecord } from "../src/useUpdateRecord";
import { freshCollection, newClient } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

type Album = { id: string; title: string; photos: string[] };

afterEach(() => {
  vi.restoreAllMocks();
});

describe("onUploadProgress", () => {
  it("reports a create's and an update's upload with their variables, to the whole body", async () => {
    const collection = await freshCollection("albums");
    const events: [UploadProgress, unknown][] = [];
    const onUploadProgress = (progress: UploadProgress, variables: unknown) => events.push([progress, variables]);
    const { result, cleanup } = renderWithClient(
      () => ({
        create: useCreateRecord<Album>(collection, () => ({ onUploadProgress })),
        update: useUpdateRecord<Album>(collection, () => ({ onUploadProgress })),
      }),
      newClient(),
    );
    const created = { title: "trip", photos: [new File([new Uint8Array(2_000_000)], "first.bin")] };
    const album = await result.create.mutateAsync(created);
    expect(album.photos).toHaveLength(1);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every(([, variables]) => variables === created)).toBe(true);
    const [last] = events.at(-1)!;
    expect(last.loaded).toBe(last.total);
    expect(last.total).toBeGreaterThan(2_000_000);

    events.length = 0;
    const updated = { id: album.id, data: { "photos+": new File([new Uint8Array(1_000_000)], "second.bin") } };
    expect((await result.update.mutateAsync(updated)).photos).toHaveLength(2);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every(([, variables]) => variables === updated)).toBe(true);
    expect(events.at(-1)![0].loaded).toBeGreaterThan(1_000_000);
    cleanup();
  });

  it("changes nothing when not given: the SDK's own fetch sends the request", async () => {
    const collection = await freshCollection("albums");
    const open = vi.spyOn(XMLHttpRequest.prototype, "open");
    const { result, cleanup } = renderWithClient(() => useCreateRecord<Album>(collection), newClient());
    expect((await result.mutateAsync({ title: "plain" })).title).toBe("plain");
    expect(open).not.toHaveBeenCalled();
    cleanup();
  });
});
