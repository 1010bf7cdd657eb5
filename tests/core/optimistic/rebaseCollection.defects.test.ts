// Defects the unit and property tests found in the first version of the optimistic layer, each
// pinned at the smallest scale that shows it.
import { QueryClient } from "@tanstack/solid-query";
import { describe, expect, it, vi } from "vitest";
import type { RecordChange } from "../../../src/core/cache/applyRecordChange";
import { sharePatchedData } from "../../../src/core/cache/sharePatchedData";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import type { PendingWrite } from "../../../src/core/optimistic/pendingWrites";
import { rebaseCollection } from "../../../src/core/optimistic/rebaseCollection";
import { recentChanges } from "../../../src/core/optimistic/recentChanges";
import { serverChanges } from "../../../src/core/optimistic/serverChanges";
import { watchServerSnapshots } from "../../../src/core/optimistic/watchServerSnapshots";
import { pendingMutation } from "../../helpers/mutations";
import { at, page, post, type Post } from "../../helpers/records";

function client() {
  const queryClient = new QueryClient();
  queryClient.setQueryDefaults(pocketbaseKeys.all(), { structuralSharing: sharePatchedData });
  return queryClient;
}
const pending = (queryClient: QueryClient, write: PendingWrite) => pendingMutation(queryClient, write);

describe("rebaseCollection: defects found by the property test and the unit tests", () => {
  it("replays a pending update over the freshest copy, not over an older detail", () => {
    const queryClient = client();
    const list = pocketbaseKeys.fullList<Post>("posts");
    queryClient.setQueryData(list, [post("a", { title: "renamed by bob", updated: at(2) })]); // refetched
    queryClient.setQueryData(pocketbaseKeys.detail<Post>("posts", "a"), post("a", { title: "old", updated: at(1) })); // inactive, not refetched
    pending(queryClient, { type: "update", id: "a", fields: { views: 5, updated: at(3) } });
    rebaseCollection(queryClient, "posts");
    expect(queryClient.getQueryData(list)?.[0]).toMatchObject({ title: "renamed by bob", views: 5 });
  });

  it("shows a pending update of a pending create in the create's detail", () => {
    const queryClient = client();
    queryClient.setQueryData(pocketbaseKeys.fullList<Post>("posts"), [post("a")]);
    pending(queryClient, { type: "create", record: post("b"), detail: {} });
    pending(queryClient, { type: "update", id: "b", fields: { title: "edited", updated: at(3) } });
    rebaseCollection(queryClient, "posts");
    expect(queryClient.getQueryData(pocketbaseKeys.fullList<Post>("posts"))?.[1]).toMatchObject({ title: "edited" });
    expect(queryClient.getQueryData(pocketbaseKeys.detail<Post>("posts", "b"))).toMatchObject({ title: "edited" });
  });

  it("replays the changes a fetch missed onto that fetch's answer only", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(1_000);
    const queryClient = client();
    watchServerSnapshots(queryClient); // as the realtime listener installs it
    const firstPage = pocketbaseKeys.list<Post>("posts", { sort: "title", page: 1, perPage: 2 });
    queryClient.setQueryData(firstPage, page([post("a"), post("b")], 1, 2, 5));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const fetching = queryClient.fetchQuery({ queryKey: pocketbaseKeys.detail<Post>("posts", "a"), queryFn: () => released.then(() => post("a")) });
    vi.setSystemTime(2_000);
    // Another user deletes "e", which the first page counts but does not show.
    const change: RecordChange = { type: "delete", id: "e", record: post("e") };
    recentChanges.add(queryClient, "posts", change);
    serverChanges.apply(queryClient, "posts", { changes: [{ change }] });
    expect(queryClient.getQueryData(firstPage)?.totalItems).toBe(4);
    release();
    await fetching; // the detail's answer replays the delete onto every query of the collection
    expect(queryClient.getQueryData(firstPage)?.totalItems).toBe(4);
    vi.useRealTimers();
  });

  it("does not count a deleted record out of a page whose answer already left it out", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(1_000);
    const queryClient = client();
    watchServerSnapshots(queryClient);
    const firstPage = pocketbaseKeys.list<Post>("posts", { sort: "title", page: 1, perPage: 2 });
    queryClient.setQueryData(firstPage, page([post("a"), post("b")], 1, 2, 5));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The request leaves before the delete; the server answers it after the delete.
    const fetching = queryClient.fetchQuery({ queryKey: firstPage, queryFn: () => released.then(() => page([post("a"), post("b")], 1, 2, 4)) });
    vi.setSystemTime(2_000);
    const change: RecordChange = { type: "delete", id: "e", record: post("e") };
    recentChanges.add(queryClient, "posts", change);
    serverChanges.apply(queryClient, "posts", { changes: [{ change }] });
    release();
    await fetching;
    expect(queryClient.getQueryData(firstPage)?.totalItems).toBe(4);
    vi.useRealTimers();
  });

  it("counts a created record that a page only counts once, when its answer and its realtime echo both arrive", () => {
    const queryClient = client();
    const firstPage = pocketbaseKeys.list<Post>("posts", { sort: "title", page: 1, perPage: 2 });
    queryClient.setQueryData(firstPage, page([post("a"), post("b")], 1, 2, 2));
    const created = post("z", { updated: at(4) }); // sorts after the page
    serverChanges.apply(queryClient, "posts", { changes: [{ change: { type: "create", record: created }, options: { force: true } }] });
    expect(queryClient.getQueryData(firstPage)?.totalItems).toBe(3);
    serverChanges.apply(queryClient, "posts", { changes: [{ change: { type: "create", record: created } }] });
    expect(queryClient.getQueryData(firstPage)?.totalItems).toBe(3);
  });
});
