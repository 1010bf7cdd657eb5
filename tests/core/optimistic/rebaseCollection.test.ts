import { MutationObserver, QueryClient, QueryObserver } from "@tanstack/solid-query";
import { ClientResponseError, type RecordModel } from "pocketbase";
import { describe, expect, it } from "vitest";
import { applyRecordChange, type RecordChange } from "../../../src/core/cache/applyRecordChange";
import { sharePatchedData } from "../../../src/core/cache/sharePatchedData";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { composeMutationOptions, type MutationSteps } from "../../../src/core/mutations/composeMutationOptions";
import { pendingWrites, type PendingWrite } from "../../../src/core/optimistic/pendingWrites";
import { rebaseCollection } from "../../../src/core/optimistic/rebaseCollection";
import { serverChanges } from "../../../src/core/optimistic/serverChanges";
import { serverSnapshots } from "../../../src/core/optimistic/serverSnapshots";
import { pendingMutation } from "../../helpers/mutations";
import { at, ids, page, post, type Post } from "../../helpers/records";

const full = pocketbaseKeys.fullList<Post>("posts", { sort: "title" });

function client(): QueryClient {
  const queryClient = new QueryClient();
  // As on the library's own queries: a view reaches the cache as the very object written.
  queryClient.setQueryDefaults(pocketbaseKeys.all(), { structuralSharing: sharePatchedData });
  return queryClient;
}


const pending = (queryClient: QueryClient, write: PendingWrite) => pendingMutation(queryClient, write);

const httpError = (status: number) =>
  new ClientResponseError({ status, response: { status, message: `status ${status}`, data: {} } });

/**
 * A mutation run through composeMutationOptions and TanStack's MutationObserver, its request
 * held until the test answers it; its onSuccess puts the answer into the server's state as the
 * library's builders do.
 */
function send(queryClient: QueryClient, write: PendingWrite) {
  let answer!: (record: RecordModel | true) => void;
  let refuse!: (error: unknown) => void;
  const request = new Promise<RecordModel | true>((resolve, reject) => ((answer = resolve), (refuse = reject)));
  const steps: MutationSteps<RecordModel | true, object, { write: PendingWrite }> = {
    kind: write.type,
    mutationFn: () => request,
    onMutate: () => ({ write }),
    onSuccess: (data) => {
      const change: RecordChange =
        data === true ? { type: "delete", id: (write as { id: string }).id } : { type: write.type as "create" | "update", record: data };
      rebaseCollection(queryClient, "posts", { changes: [{ change, options: { force: true } }] });
    },
  };
  const observer = new MutationObserver(queryClient, composeMutationOptions(queryClient, "posts", steps, {}));
  const done = observer.mutate({}).catch(() => undefined);
  return {
    succeed: async (record?: RecordModel) => {
      answer(record ?? true);
      await done;
    },
    fail: async (status = 400) => {
      refuse(httpError(status));
      await done;
    },
  };
}

/** A realtime event as the listener applies it. */
const event = (queryClient: QueryClient, change: RecordChange) => serverChanges.apply(queryClient, "posts", { changes: [{ change }] });

describe("rebaseCollection: the view is the server's state with the pending writes on top", () => {
  it("replays the pending writes in submission order", () => {
    const queryClient = client();
    queryClient.setQueryData(full, [post("a"), post("c"), post("d")]);
    pending(queryClient, { type: "create", record: post("b"), detail: {} });
    pending(queryClient, { type: "update", id: "b", fields: { title: "e" } }); // on the pending create
    pending(queryClient, { type: "delete", id: "c" });
    rebaseCollection(queryClient, "posts");
    expect(queryClient.getQueryData(full)).toEqual([post("a"), post("d"), post("b", { title: "e" })]);
  });

  it("places a pending create where the reducer can decide it belongs: full lists and first pages it matches, nowhere else", () => {
    const queryClient = client();
    const open = { filter: 'status = "open"', sort: "title" };
    const openList = pocketbaseKeys.fullList<Post>("posts", open);
    const firstPage = pocketbaseKeys.list<Post>("posts", { ...open, page: 1, perPage: 2 });
    const secondPage = pocketbaseKeys.list<Post>("posts", { ...open, page: 2, perPage: 2 });
    const drafts = pocketbaseKeys.fullList<Post>("posts", { filter: 'status = "draft"', sort: "title" });
    const [a, c, d, e] = ["a", "c", "d", "e"].map((id) => post(id, { status: "open" }));
    queryClient.setQueryData(openList, [a!, c!, d!, e!]);
    queryClient.setQueryData(firstPage, page([a!, c!], 1, 2, 4));
    queryClient.setQueryData(secondPage, page([d!, e!], 2, 2, 4));
    queryClient.setQueryData(drafts, [post("x", { status: "draft" })]);
    const created = post("b", { status: "open" });
    pending(queryClient, { type: "create", record: created, detail: {} });
    rebaseCollection(queryClient, "posts");

    expect(queryClient.getQueryData(openList)).toEqual([a, created, c, d, e]);
    expect(queryClient.getQueryData(firstPage)).toEqual(page([a!, created], 1, 2, 5));
    // Shifting a later page by a record before it is the server's to decide (a refetch).
    expect(queryClient.getQueryData(secondPage)).toEqual(page([d!, e!], 2, 2, 4));
    expect(queryClient.getQueryData(drafts)).toEqual([post("x", { status: "draft" })]);
  });

  it("shows an update's fields over the freshest whole copy of the record, without the expansion of a relation it changes", () => {
    const queryClient = client();
    const list = pocketbaseKeys.fullList<Post>("posts", { expand: "author,editor" });
    const detail = pocketbaseKeys.detail<Post>("posts", "a", { expand: "author,editor" });
    const expand = { author: { id: "u1" }, editor: { id: "u9" } };
    queryClient.setQueryData(list, [post("a", { title: "old", author: "u1", editor: "u9", updated: at(1), expand })]);
    queryClient.setQueryData(detail, post("a", { title: "new", author: "u1", editor: "u9", updated: at(2), expand }));
    pending(queryClient, { type: "update", id: "a", fields: { views: 5, author: "u2", updated: at(3) } });
    rebaseCollection(queryClient, "posts");

    const shown = post("a", { title: "new", views: 5, author: "u2", editor: "u9", updated: at(3), expand: { editor: { id: "u9" } } });
    expect(queryClient.getQueryData(list)).toEqual([shown]);
    expect(queryClient.getQueryData(detail)).toEqual(shown);
  });

  it("takes a pending delete out of every list, and keeps the server's record in its detail for a refusal", () => {
    const queryClient = client();
    const detail = pocketbaseKeys.detail<Post>("posts", "b");
    const firstPage = pocketbaseKeys.list<Post>("posts", { sort: "title" });
    queryClient.setQueryData(full, [post("a"), post("b"), post("c")]);
    queryClient.setQueryData(firstPage, page([post("a"), post("b"), post("c")], 1, 30, 3));
    queryClient.setQueryData(detail, post("b"));
    pending(queryClient, { type: "delete", id: "b" });
    rebaseCollection(queryClient, "posts");
    expect(ids(queryClient.getQueryData(full))).toEqual(["a", "c"]);
    expect(queryClient.getQueryData(firstPage)).toEqual(page([post("a"), post("c")], 1, 30, 2));
    expect(queryClient.getQueryData(detail)).toEqual(post("b"));
  });
});

describe("rebaseCollection: server changes never erase a pending write", () => {
  it("keeps a pending create in a list refetched while it is in flight, and ends on the server's state", async () => {
    const queryClient = client();
    const onServer = [post("a"), post("c")];
    const observer = new QueryObserver(queryClient, { queryKey: full, queryFn: async () => [...onServer] });
    const unsubscribe = observer.subscribe(() => undefined);
    await observer.refetch();
    const create = send(queryClient, { type: "create", record: post("b"), detail: {} });
    expect(ids(queryClient.getQueryData(full))).toEqual(["a", "b", "c"]);

    await observer.refetch(); // window focus, an interval, an invalidation by the app...
    expect(ids(queryClient.getQueryData(full))).toEqual(["a", "b", "c"]);

    const stored = post("b", { created: at(5), updated: at(5) });
    onServer.splice(1, 0, stored);
    await create.succeed(stored);
    expect(queryClient.getQueryData(full)).toEqual(onServer);
    expect(serverSnapshots.any(queryClient, "posts")).toBe(false);
    unsubscribe();
  });

  it("shows a pending create in a list fetched for the first time while it is in flight", async () => {
    const queryClient = client();
    queryClient.setQueryData(full, [post("a")]);
    void send(queryClient, { type: "create", record: post("b"), detail: {} });
    const mounted = pocketbaseKeys.fullList<Post>("posts", { sort: "-title" });
    await queryClient.fetchQuery({ queryKey: mounted, queryFn: async () => [post("c"), post("a")] });
    expect(ids(queryClient.getQueryData(mounted))).toEqual(["c", "b", "a"]);
  });

  it("keeps my pending update of one field when another user's update of another field arrives", async () => {
    const queryClient = client();
    const detail = pocketbaseKeys.detail<Post>("posts", "a");
    queryClient.setQueryData(full, [post("a", { title: "a", views: 1 }), post("b")]);
    queryClient.setQueryData(detail, post("a", { title: "a", views: 1 }));
    const update = send(queryClient, { type: "update", id: "a", fields: { views: 2, updated: at(1) } });

    // The event carries the whole record, with the server's `views`.
    event(queryClient, { type: "update", record: post("a", { title: "renamed", views: 1, updated: at(2) }) });
    expect(queryClient.getQueryData(detail)).toMatchObject({ title: "renamed", views: 2 });
    expect(queryClient.getQueryData(full)?.find((row) => row.id === "a")).toMatchObject({ title: "renamed", views: 2 });

    const answer = post("a", { title: "renamed", views: 2, updated: at(3) });
    await update.succeed(answer);
    expect(queryClient.getQueryData(detail)).toEqual(answer);
    expect(queryClient.getQueryData(full)).toEqual([post("b"), answer]);
  });
});

describe("rebaseCollection: another user deletes what I update", () => {
  it("drops my update from a detail still on screen, which is refetched into the 404", () => {
    const queryClient = client();
    const detail = pocketbaseKeys.detail<Post>("posts", "a");
    queryClient.setQueryData(full, [post("a"), post("b")]);
    queryClient.setQueryData(detail, post("a"));
    const observer = new QueryObserver(queryClient, { queryKey: detail, queryFn: async () => post("a"), enabled: false });
    const stop = observer.subscribe(() => {});
    pending(queryClient, { type: "update", id: "a", fields: { title: "z", updated: at(1) } });
    rebaseCollection(queryClient, "posts");
    expect(queryClient.getQueryData<Post>(detail)?.title).toBe("z");

    const { undecided } = rebaseCollection(queryClient, "posts", { changes: [{ change: { type: "delete", id: "a", record: post("a") } }] });
    expect(ids(queryClient.getQueryData(full))).toEqual(["b"]);
    // The server's record, as the detail holds it until its refetch answers 404: not my update,
    // which has nothing left to show on (a later rebase would drop it, and the 404 with it).
    expect(queryClient.getQueryData<Post>(detail)).toEqual(post("a"));
    expect(undecided).toContainEqual(detail);
    stop();
  });
});

describe("rebaseCollection: a settled write leaves the view", () => {
  it("puts the server's answer where the optimistic record stood", async () => {
    const queryClient = client();
    const firstPage = pocketbaseKeys.list<Post>("posts", { sort: "title", page: 1, perPage: 3 });
    queryClient.setQueryData(full, [post("a"), post("c")]);
    queryClient.setQueryData(firstPage, page([post("a"), post("c")], 1, 3, 2));
    const create = send(queryClient, { type: "create", record: post("b", { created: at(1), updated: at(1) }), detail: {} });
    const stored = post("b", { created: at(0), updated: at(0), slug: "b-1" });
    await create.succeed(stored);
    expect(queryClient.getQueryData(full)).toEqual([post("a"), stored, post("c")]);
    expect(queryClient.getQueryData(firstPage)).toEqual(page([post("a"), stored, post("c")], 1, 3, 3));
  });

  it("gives back exactly the server's state when writes fail, undoing only each one's own change", async () => {
    const queryClient = client();
    const onServer = [post("a", { views: 1 }), post("b")];
    queryClient.setQueryData(full, onServer);
    const rename = send(queryClient, { type: "update", id: "a", fields: { title: "z", updated: at(1) } });
    const count = send(queryClient, { type: "update", id: "a", fields: { views: 2, updated: at(1) } });
    expect(queryClient.getQueryData(full)).toEqual([post("b"), post("a", { title: "z", views: 2, updated: at(1) })]);

    await rename.fail();
    expect(queryClient.getQueryData(full)).toEqual([post("a", { views: 2, updated: at(1) }), post("b")]);
    await count.fail();
    expect(queryClient.getQueryData(full)).toBe(onServer);
    expect(serverSnapshots.any(queryClient, "posts")).toBe(false);
  });

  it("brings a refused delete back at its sorted place in the server's state, even when the rows around it moved", async () => {
    const queryClient = client();
    queryClient.setQueryData(full, [post("a"), post("b"), post("c"), post("d")]);
    const remove = send(queryClient, { type: "delete", id: "b" });
    expect(ids(queryClient.getQueryData(full))).toEqual(["a", "c", "d"]);
    // Meanwhile another user renames "a", which moves it to the end.
    event(queryClient, { type: "update", record: post("a", { title: "e", updated: at(1) }) });
    expect(ids(queryClient.getQueryData(full))).toEqual(["c", "d", "a"]);

    await remove.fail(403);
    expect(ids(queryClient.getQueryData(full))).toEqual(["b", "c", "d", "a"]);
  });

  it("brings a refused delete back among records with its sort values where the server had it, and has a guessed place refetched", async () => {
    const queryClient = client();
    // By title, "b1" and "b2" are equal: the server's order between them is its rowid's.
    const b = (id: string, minute = 0) => post(id, { title: "banana", updated: at(minute) });
    queryClient.setQueryData(full, [post("a", { title: "apple" }), b("b1"), b("b2"), post("c")]);
    const remove = send(queryClient, { type: "delete", id: "b2" });
    const dropped = send(queryClient, { type: "delete", id: "a" });
    expect(ids(queryClient.getQueryData(full))).toEqual(["b1", "c"]);
    // Another user's change of "c" to a banana lands among them: b2's place stays certain.
    event(queryClient, { type: "update", record: b("c", 1) });
    // Another user's new banana: where the server puts it among b1 and b2 is its guess, so the
    // list is refetched to confirm (the view shows no row it would tie with).
    const { undecided } = rebaseCollection(queryClient, "posts", { changes: [{ change: { type: "create", record: post("x", { title: "apple", updated: at(2) }) } }] });
    expect(undecided).toEqual([full]);
    await remove.fail(403);
    await dropped.fail(403);
    expect(ids(queryClient.getQueryData(full))).toEqual(["a", "x", "b1", "b2", "c"]);
  });

  it("replays no mutation that is settling or was pending when the signed-in user changed", () => {
    for (const mark of ["settle", "orphan"] as const) {
      const queryClient = client();
      queryClient.setQueryData(full, [post("a")]);
      const mutation = pending(queryClient, { type: "create", record: post("b"), detail: {} });
      rebaseCollection(queryClient, "posts");
      expect(ids(queryClient.getQueryData(full)), mark).toEqual(["a", "b"]);
      if (mark === "settle") pendingWrites.settle(mutation);
      else pendingWrites.orphanAll(queryClient);
      rebaseCollection(queryClient, "posts");
      expect(ids(queryClient.getQueryData(full)), mark).toEqual(["a"]);
    }
  });
});

describe("rebaseCollection: what the server's state is", () => {
  it("with nothing pending and no view, or before any mutation ran, puts server changes straight into the cache, as applyRecordChange does", () => {
    const seeded = () => {
      const queryClient = client();
      queryClient.setQueryData(full, [post("a"), post("c")]);
      queryClient.setQueryData(pocketbaseKeys.list<Post>("posts", { filter: "author.name = 'x'" }), page([post("a")], 1, 30, 1));
      return queryClient;
    };
    const cached = (queryClient: QueryClient) => queryClient.getQueriesData({ queryKey: pocketbaseKeys.all() });
    const change: RecordChange = { type: "create", record: post("b") };
    const applied = seeded();
    const expected = applyRecordChange(applied, "posts", change);
    expect(expected.undecided).toHaveLength(1); // the relation filter
    const rebased = seeded();
    const entered = seeded(); // no mutation has run on it: no rebase at all
    for (const [queryClient, result] of [
      [rebased, rebaseCollection(rebased, "posts", { changes: [{ change }] })],
      [entered, serverChanges.apply(entered, "posts", { changes: [{ change }] })],
    ] as const) {
      expect(result).toEqual(expected);
      expect(cached(queryClient)).toEqual(cached(applied));
      expect(serverSnapshots.any(queryClient, "posts")).toBe(false);
    }
  });

  it("recomputes a view left in the cache at the next server change, even with nothing pending any more", () => {
    const queryClient = client();
    queryClient.setQueryData(full, [post("a")]);
    const mutation = pending(queryClient, { type: "update", id: "a", fields: { views: 9, updated: at(1) } });
    rebaseCollection(queryClient, "posts");
    queryClient.getMutationCache().remove(mutation); // gone without its own rebase
    rebaseCollection(queryClient, "posts", { changes: [{ change: { type: "create", record: post("b") } }] });
    expect(queryClient.getQueryData(full)).toEqual([post("a"), post("b")]);
  });

  it("takes data that replaced a view (a reset, the app's own write) as the server's", () => {
    const queryClient = client();
    queryClient.setQueryData(full, [post("a"), post("c")]);
    pending(queryClient, { type: "create", record: post("b"), detail: {} });
    rebaseCollection(queryClient, "posts");

    void queryClient.resetQueries({ queryKey: full });
    rebaseCollection(queryClient, "posts");
    expect(queryClient.getQueryData(full)).toBeUndefined(); // nothing of the old server data comes back

    queryClient.setQueryData(full, [post("c"), post("d")]);
    rebaseCollection(queryClient, "posts");
    expect(ids(queryClient.getQueryData(full))).toEqual(["b", "c", "d"]);
  });

  it("takes a fetched answer equal to the view as the server's: a record another user deleted first stays gone when my delete fails", async () => {
    const queryClient = client();
    queryClient.setQueryData(full, [post("a"), post("b"), post("c")]);
    const remove = send(queryClient, { type: "delete", id: "b" });
    // The refetch answers what the view already shows (the same rows, kept as the same object).
    await queryClient.fetchQuery({ queryKey: full, queryFn: async () => [post("a"), post("c")] });
    await remove.fail(404);
    expect(ids(queryClient.getQueryData(full))).toEqual(["a", "c"]);
  });

  it("forgets the server data behind a query removed from the cache", () => {
    const queryClient = client();
    queryClient.setQueryData(full, [post("a")]);
    const mutation = pending(queryClient, { type: "update", id: "a", fields: { views: 9, updated: at(1) } });
    rebaseCollection(queryClient, "posts");
    expect(serverSnapshots.any(queryClient, "posts")).toBe(true);
    queryClient.removeQueries({ queryKey: full });
    queryClient.getMutationCache().remove(mutation);
    rebaseCollection(queryClient, "posts");
    expect(serverSnapshots.any(queryClient, "posts")).toBe(false); // back on the fast path
  });

  it("with `only`, writes back that query alone", () => {
    const queryClient = client();
    const other = pocketbaseKeys.fullList<Post>("posts", { sort: "-title" });
    queryClient.setQueryData(full, [post("a")]);
    queryClient.setQueryData(other, [post("a")]);
    pending(queryClient, { type: "create", record: post("b"), detail: {} });
    const only = queryClient.getQueryCache().find({ queryKey: full, exact: true })!;
    rebaseCollection(queryClient, "posts", { only });
    expect(ids(queryClient.getQueryData(full))).toEqual(["a", "b"]);
    expect(ids(queryClient.getQueryData(other))).toEqual(["a"]);
  });
});

describe("rebaseCollection: the detail of a pending create", () => {
  it("is made for the create, with the detail's params, and removed again when the create fails", async () => {
    const queryClient = client();
    queryClient.setQueryData(full, [post("a")]);
    const detail = pocketbaseKeys.detail<Post>("posts", "b", { fields: "id,title" });
    const create = send(queryClient, { type: "create", record: post("b"), detail: { fields: "id,title" } });
    expect(queryClient.getQueryData(detail)).toEqual({ id: "b", title: "b" });
    await create.fail();
    expect(queryClient.getQueryCache().find({ queryKey: detail, exact: true })).toBeUndefined();
    expect(ids(queryClient.getQueryData(full))).toEqual(["a"]);
  });

  it("is reset, not removed, when a component shows it: it then fetches the server's answer", async () => {
    const queryClient = client();
    const detail = pocketbaseKeys.detail<Post>("posts", "b");
    const create = send(queryClient, { type: "create", record: post("b"), detail: {} });
    const observer = new QueryObserver(queryClient, {
      queryKey: detail,
      queryFn: async () => {
        throw httpError(404);
      },
      retry: false,
      staleTime: Infinity,
    });
    const unsubscribe = observer.subscribe(() => undefined);
    expect(observer.getCurrentResult().data).toEqual(post("b"));
    await create.fail();
    expect(observer.getCurrentResult()).toMatchObject({ data: undefined, error: { status: 404 } });
    unsubscribe();
  });
});
