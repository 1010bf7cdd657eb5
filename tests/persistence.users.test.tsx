// @vitest-environment jsdom
// One person's data stays theirs: what a persisted page stores belongs to the signed-in user. After
// a sign-out or a switch of user, storage holds nothing of the previous one (no record, no write,
// no token), a reload as someone else shows none of it, and a waiting write is never sent as
// another user. Against the real server, with an owner-only collection.
import { onlineManager } from "@tanstack/solid-query";
import type PocketBase from "pocketbase";
import { describe, expect, it } from "vitest";
import { useCreateRecord } from "../src/useCreateRecord";
import { useFullCollection } from "../src/useFullCollection";
import { usePendingChanges } from "../src/usePendingChanges";
import { recordRequests } from "./helpers/msw";
import type { PocketBasePersistSettings } from "../src/pocketbasePersistOptions";
import { memoryStorage, openPage, STORAGE_KEY, type MemoryStorage } from "./helpers/persistence";
import { freshCollection, seed, superuserClient, userClient, waitFor } from "./helpers/pocketbase";

type Note = { id: string; text: string; owner: string };

function notesPage(pb: PocketBase, collection: string, storage: MemoryStorage, settings?: Partial<PocketBasePersistSettings>) {
  return openPage(
    () => ({
      list: useFullCollection<Note>(collection, () => ({ sort: "text" })),
      create: useCreateRecord<Note>(collection),
      changes: usePendingChanges(),
    }),
    { pb, storage, settings },
  );
}

/** Alice's page with her stored note and a note she wrote offline, both stored. */
async function aliceOffline(storage: MemoryStorage, settings?: Partial<PocketBasePersistSettings>) {
  const collection = await freshCollection("notes");
  const alice = await userClient("alice");
  const aliceId = alice.authStore.record!.id;
  await seed(collection, [{ text: "alice-secret", owner: aliceId }]);
  const page = notesPage(alice, collection, storage, settings);
  await waitFor(() => page.result.list.data?.length === 1, { message: "her note" });
  onlineManager.setOnline(false);
  page.result.create.mutate({ text: "alice-draft", owner: aliceId });
  await waitFor(() => storage.stored()?.clientState.mutations.length === 1 && storage.dump().includes("alice-secret"), {
    message: "her note and her draft stored",
  });
  // What must not stay stored once she is gone.
  const traces = ["alice-secret", "alice-draft", aliceId, alice.authStore.token];
  return { collection, alice, page, traces };
}

const holdsAnyOf = (storage: MemoryStorage, traces: string[]) => traces.filter((trace) => storage.dump().includes(trace));
const notesOnServer = async (collection: string) =>
  (await (await superuserClient()).collection(collection).getFullList<Note>({ sort: "text" })).map((n) => n.text).join();

describe("the persisted cache belongs to the signed-in user", () => {
  it("after a sign-out storage holds nothing of the user, and her waiting write is not sent as a guest", async () => {
    const storage = memoryStorage();
    const { collection, alice, page, traces } = await aliceOffline(storage);
    alice.authStore.clear();
    await waitFor(() => holdsAnyOf(storage, traces).length === 0, { message: "nothing of alice stored" });
    // The next write of the store (an app query changes): still nothing of hers, her draft included.
    page.queryClient.setQueryData(["app", "after-sign-out"], "marker");
    await waitFor(() => storage.dump().includes("after-sign-out"), { message: "the store written again" });
    expect(holdsAnyOf(storage, traces)).toEqual([]);

    const requests = recordRequests();
    onlineManager.setOnline(true);
    // Her draft ends unsent (it was hers), and the guest's lists get stored again: still nothing of hers.
    const [draft] = page.queryClient.getMutationCache().getAll();
    await waitFor(() => draft?.state.status === "error", { message: "her draft refused" });
    expect((draft!.state.error as { response?: { outcome?: string } }).response?.outcome).toBe("not sent");
    expect(requests.count({ method: "POST", path: `/api/collections/${collection}/records` })).toBe(0);
    await waitFor(() => storage.stored()?.buster.startsWith("guest\n") && storage.stored()!.clientState.queries.length > 0, {
      message: "the guest's cache stored",
    });
    expect(holdsAnyOf(storage, traces)).toEqual([]);
    expect(page.result.changes()).toEqual([]); // not the guest's to see
    expect(await notesOnServer(collection)).toBe("alice-secret");
    requests.stop();
    page.close();
  });

  it("the stored cache goes at once on sign-out, though the persister's next write is far off", async () => {
    const storage = memoryStorage();
    // A persister that writes at once until told to lag, and then holds every write back (as a
    // throttled persister holds its next one): what is stored must not wait for it.
    let lagging = false;
    const persister = {
      persistClient: (client: unknown) => void (lagging || storage.setItem(STORAGE_KEY, JSON.stringify(client))),
      restoreClient: () => storage.stored() as never,
      removeClient: () => storage.removeItem(STORAGE_KEY),
    };
    const { alice, page, traces } = await aliceOffline(storage, { persister });
    lagging = true;
    alice.authStore.clear();
    await waitFor(() => holdsAnyOf(storage, traces).length === 0, { message: "nothing of alice stored" });
    page.close();
  });

  it("after a switch to another user storage holds nothing of the previous one, and her write is not sent as him", async () => {
    const storage = memoryStorage();
    const { collection, alice, page, traces } = await aliceOffline(storage);
    const bob = await userClient("bob");
    alice.authStore.save(bob.authStore.token, bob.authStore.record);
    await waitFor(() => holdsAnyOf(storage, traces).length === 0, { message: "nothing of alice stored" });
    onlineManager.setOnline(true);
    await waitFor(() => page.result.list.isSuccess && page.result.list.data?.length === 0, { message: "bob's (empty) list" });
    await waitFor(() => page.queryClient.getMutationCache().getAll()[0]?.state.status === "error", { message: "her draft refused" });
    const bobId = bob.authStore.record!.id;
    await waitFor(() => storage.stored()?.buster.includes(`/${bobId}\n`) && storage.stored()!.clientState.queries.length > 0, {
      message: "bob's cache stored",
    });
    expect(holdsAnyOf(storage, traces)).toEqual([]);
    expect(page.result.changes()).toEqual([]);
    expect(await notesOnServer(collection)).toBe("alice-secret");
    page.close();
  });

  it("a reload as another user shows nothing of the previous one, and never sends her write", async () => {
    const storage = memoryStorage();
    const { collection, page, traces } = await aliceOffline(storage);
    page.close();
    const bob = await userClient("bob");
    const requests = recordRequests();
    const reloaded = notesPage(bob, collection, storage);
    await waitFor(() => reloaded.isRestored(), { message: "the restore" });
    expect(reloaded.result.list.data).toBeUndefined(); // offline, and nothing of alice's shown
    expect(reloaded.result.changes()).toEqual([]);
    expect(holdsAnyOf(storage, traces)).toEqual([]);
    onlineManager.setOnline(true);
    await waitFor(() => reloaded.result.list.data?.length === 0, { message: "bob's (empty) list" });
    expect(requests.count({ method: "POST", path: `/api/collections/${collection}/records` })).toBe(0);
    expect(await notesOnServer(collection)).toBe("alice-secret");
    requests.stop();
    reloaded.close();
  });
});
