// @vitest-environment jsdom
// What cannot be persisted is said: a write carrying a File cannot be stored as JSON. It keeps
// working while the page lives and reaches the real server; it is never stored (it would come back
// as `{}`), and usePendingChanges reports that a reload would lose it.
import { onlineManager } from "@tanstack/solid-query";
import { describe, expect, it } from "vitest";
import { useCreateRecord } from "../src/useCreateRecord";
import { useFullCollection } from "../src/useFullCollection";
import { usePendingChanges } from "../src/usePendingChanges";
import { memoryStorage, openPage } from "./helpers/persistence";
import { freshCollection, newClient, superuserClient, waitFor } from "./helpers/pocketbase";

type Doc = { id: string; title: string; attachment: string };

describe("a waiting write with a file", () => {
  it("is reported as lost on a reload, is never stored, and leaves no row after one", async () => {
    const collection = await freshCollection("documents");
    const storage = memoryStorage();
    const page = openPage(
      () => ({
        list: useFullCollection<Doc>(collection, () => ({ sort: "title" })),
        create: useCreateRecord<Doc>(collection),
        changes: usePendingChanges(),
      }),
      { pb: newClient(), storage },
    );
    await waitFor(() => page.result.list.isSuccess, { message: "the list" });
    onlineManager.setOnline(false);
    page.result.create.mutate({ title: "scan", attachment: new File(["%PDF-1.4"], "scan.pdf", { type: "application/pdf" }) });
    page.result.create.mutate({ title: "note" });
    await waitFor(() => page.result.changes().length === 2, { message: "both waiting" });
    expect(page.result.changes().map((c) => [c.variables && (c.variables as Doc).title, c.survivesReload])).toEqual([
      ["scan", false],
      ["note", true],
    ]);
    expect(page.result.list.data?.map((d) => [d.title, d.attachment])).toEqual([
      ["note", undefined],
      ["scan", "scan.pdf"],
    ]);
    await waitFor(() => storage.stored()?.clientState.mutations.length === 1, { message: "the plain write stored" });
    expect(storage.dump()).not.toContain('"scan"');
    page.close();

    // A reload before the connection is back: the write with the file is gone, and so is its row.
    const reloaded = openPage(
      () => ({ list: useFullCollection<Doc>(collection, () => ({ sort: "title" })), changes: usePendingChanges() }),
      { pb: newClient(), storage },
    );
    await waitFor(() => reloaded.result.list.data?.map((d) => d.title).join() === "note", { message: "the restored board" });
    expect(reloaded.result.changes().map((c) => (c.variables as Doc).title)).toEqual(["note"]);
    reloaded.close();
  });

  it("is sent while the page lives", async () => {
    const collection = await freshCollection("documents");
    const storage = memoryStorage();
    const page = openPage(
      () => ({ create: useCreateRecord<Doc>(collection), changes: usePendingChanges() }),
      { pb: newClient(), storage },
    );
    onlineManager.setOnline(false);
    page.result.create.mutate({ title: "scan", attachment: new File(["%PDF-1.4"], "scan.pdf", { type: "application/pdf" }) });
    page.result.create.mutate({ title: "note" });
    await waitFor(() => page.result.changes().length === 2, { message: "both waiting" });

    onlineManager.setOnline(true);
    await waitFor(() => page.result.changes().length === 0, { message: "both sent" });
    const stored = await (await superuserClient()).collection(collection).getFullList<Doc>({ sort: "title" });
    expect(stored.map((d) => d.title).sort()).toEqual(["note", "scan"]);
    stored.sort((a, b) => a.title.localeCompare(b.title));
    // (jsdom's File reaches Node's fetch as a nameless blob: the name is not this test's concern.)
    expect(stored[1]!.attachment).not.toBe("");
    page.close();
  });
});
