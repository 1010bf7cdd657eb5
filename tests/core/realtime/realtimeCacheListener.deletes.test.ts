import { QueryClient } from "@tanstack/solid-query";
import { describe, expect, it } from "vitest";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { invalidationBatcher } from "../../../src/core/realtime/invalidationBatcher";
import { realtimeCacheListener } from "../../../src/core/realtime/realtimeCacheListener";
import { at, ids, page, post, type Post } from "../../helpers/records";

const C = "posts";

// The listener hands the reducer the record a delete event carries (its last state).
describe("realtimeCacheListener: delete events", () => {
  it("counts a record deleted beyond a cached first page out of its totals, with nothing to refetch", async () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.list<Post>(C, { sort: "title", perPage: 2 });
    client.setQueryData(key, page([post("a"), post("b")], 1, 2, 3));
    const { listener, release } = realtimeCacheListener(client, { collection: C });
    listener.onMessage({ action: "delete", record: post("c") });
    expect(client.getQueryData(key)).toMatchObject({ totalItems: 2, totalPages: 1 });
    await invalidationBatcher(client).flush();
    expect(client.getQueryCache().find({ queryKey: key, exact: true })?.state.isInvalidated).toBe(false);
    release();
  });

  it("ignores an update of the record that arrives after its delete with the same `updated`", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.fullList<Post>(C, { sort: "title" });
    client.setQueryData(key, [post("a"), post("b", { updated: at(1) })]);
    const { listener, release } = realtimeCacheListener(client, { collection: C });
    const last = post("b", { title: "b2", updated: at(2) });
    listener.onMessage({ action: "delete", record: last });
    listener.onMessage({ action: "update", record: post("b", { title: "b1", updated: at(2) }) });
    expect(ids(client.getQueryData(key))).toEqual(["a"]);
    release();
  });
});
