// ownedPersister on a persister kept in memory (the shape TanStack's persisters have): what a
// restore gives back, for whom, and from which tab. The real persisters and a real server are
// exercised by tests/persistence*.test.tsx and, for tabs, in Chromium by e2e/offlineChecks.mjs.
import type { DehydratedState } from "@tanstack/solid-query";
import { describe, expect, it } from "vitest";
import { ownedPersister } from "../../../src/core/persist/ownedPersister";
import type { PersistedClient } from "../../../src/core/persist/persistTypes";

function memory() {
  let stored: PersistedClient | undefined;
  return {
    persistClient: (client: PersistedClient) => void (stored = JSON.parse(JSON.stringify(client))),
    restoreClient: () => stored,
    removeClient: () => void (stored = undefined),
    peek: () => stored,
  };
}

/** Tabs as the test says: `open` lists the other tabs still open. */
function tabs(me: string, open: string[] = []) {
  return { id: () => me, isOpenElsewhere: async (id: string) => id !== me && open.includes(id) };
}

const write = (kind: string, state: Record<string, unknown>) => ({
  mutationKey: ["pocketbase", "posts", kind],
  state: { status: "pending", isPaused: false, failureCount: 0, failureReason: null, submittedAt: 1, error: null, data: undefined, ...state },
});

const client = (mutations: unknown[]): PersistedClient => ({
  timestamp: 1,
  buster: "v1",
  clientState: { queries: [{ queryKey: ["pocketbase", "posts", "list", {}], queryHash: "h", state: { data: [] } }], mutations } as unknown as DehydratedState,
});

describe("ownedPersister", () => {
  it("gives back the user's writes ready to resume: paused, a create's id in its variables, marked when they may have arrived", async () => {
    const store = memory();
    const persister = ownedPersister(store, () => "users/alice", tabs("tab-1"));
    await persister.persistClient(
      client([
        write("create", { isPaused: true, variables: { title: "new" }, context: { ours: { id: "abc" }, identity: "users/alice" } }),
        write("update", { isPaused: true, variables: { id: "p1", data: { "views+": 1 } }, context: { identity: "users/alice" } }),
        write("update", { variables: { id: "p2", data: { "views+": 1 } }, context: { identity: "users/alice", sending: true } }),
        write("delete", { isPaused: true, variables: "p3", context: { identity: "users/alice" } }),
      ]),
    );
    const restored = await persister.restoreClient();
    expect(restored?.buster).toBe("v1");
    const states = restored!.clientState.mutations.map((m) => m.state as { isPaused: boolean; variables: unknown; context: { sentBeforeReload?: boolean; sending?: boolean } });
    expect(states.map((s) => s.isPaused)).toEqual([true, true, true, true]);
    // A create or a delete is checked whatever the store said; an update only once it was being sent.
    expect(states.map((s) => s.context.sentBeforeReload)).toEqual([true, false, true, true]);
    expect(states.every((s) => s.context.sending === undefined)).toBe(true);
    expect(states[0]!.variables).toEqual({ title: "new", id: "abc" });
  });

  it("deletes a stored cache of anyone else instead of restoring it", async () => {
    const store = memory();
    let owner = "users/alice";
    const persister = ownedPersister(store, () => owner, tabs("tab-1"));
    await persister.persistClient(client([]));
    owner = "users/bob";
    expect(await persister.restoreClient()).toBeUndefined();
    expect(store.peek()).toBeUndefined();
  });

  it("leaves the writes stored by another tab that is still open to that tab, and restores its queries", async () => {
    const store = memory();
    await ownedPersister(store, () => "guest", tabs("tab-1")).persistClient(
      client([write("update", { isPaused: true, variables: { id: "p1", data: { "views+": 1 } }, context: { identity: "guest" } })]),
    );
    const whileOpen = await ownedPersister(store, () => "guest", tabs("tab-2", ["tab-1"])).restoreClient();
    expect(whileOpen?.clientState.mutations).toEqual([]);
    expect(whileOpen?.clientState.queries).toHaveLength(1);
    const afterItClosed = await ownedPersister(store, () => "guest", tabs("tab-2")).restoreClient();
    expect(afterItClosed?.clientState.mutations).toHaveLength(1);
  });

  it("forgets the previous user at once: an empty cache stored, then none", async () => {
    const store = memory();
    const persister = ownedPersister(store, () => "guest", tabs("tab-1"));
    await persister.persistClient(client([write("delete", { variables: "p1", context: { identity: "users/alice" } })]));
    await persister.forgetPrevious();
    expect(store.peek()).toBeUndefined();
  });
});
