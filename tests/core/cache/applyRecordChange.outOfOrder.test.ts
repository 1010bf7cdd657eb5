import { QueryClient, QueryObserver } from "@tanstack/solid-query";
import { describe, expect, it } from "vitest";
import { applyRecordChange } from "../../../src/core/cache/applyRecordChange";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { at, ids, page, post, type Post } from "../../helpers/records";

const C = "posts";

// PocketBase sends each event from its own goroutine: an update (or the create) of a record can
// reach the client after the record's delete, with the same `updated` millisecond.
function seeded() {
  const client = new QueryClient();
  const full = pocketbaseKeys.fullList<Post>(C, { sort: "title" });
  const first = pocketbaseKeys.list<Post>(C, { sort: "title", perPage: 5 });
  const rows = [post("a", { title: "a" }), post("b", { title: "b", updated: at(2) })];
  client.setQueryData(full, rows);
  client.setQueryData(first, page(rows, 1, 5, 2));
  return { client, full, first, rows };
}

describe("applyRecordChange: an event that arrives after the record's delete", () => {
  it("ignores an update that is not newer than the delete", () => {
    const { client, full, first, rows } = seeded();
    const last = post("b", { title: "b2", updated: at(3) });
    applyRecordChange(client, C, { type: "delete", id: "b", record: last });
    const sameMillisecond = post("b", { title: "b1", updated: at(3) });
    expect(applyRecordChange(client, C, { type: "update", record: sameMillisecond })).toEqual({ patched: [], undecided: [] });
    expect(applyRecordChange(client, C, { type: "update", record: last }, { force: true })).toEqual({ patched: [], undecided: [] });
    expect(ids(client.getQueryData(full))).toEqual(["a"]);
    expect(client.getQueryData(first)).toEqual(page([rows[0]], 1, 5, 1));
  });

  it("ignores the record's create that arrives after its delete", () => {
    const client = new QueryClient();
    const full = pocketbaseKeys.fullList<Post>(C, { sort: "title" });
    client.setQueryData(full, [post("a")]);
    const created = post("n", { updated: at(4) });
    applyRecordChange(client, C, { type: "delete", id: "n", record: created });
    applyRecordChange(client, C, { type: "create", record: created });
    expect(ids(client.getQueryData(full))).toEqual(["a"]);
  });

  it("keeps an observed detail that awaits its 404 from showing the record again", () => {
    const { client } = seeded();
    const detail = pocketbaseKeys.detail<Post>(C, "b");
    client.setQueryData(detail, post("b", { title: "b", updated: at(2) }));
    const stop = new QueryObserver(client, { queryKey: detail, enabled: false }).subscribe(() => {});
    const deleted = applyRecordChange(client, C, { type: "delete", id: "b", record: post("b", { updated: at(3) }) });
    expect(deleted.undecided).toContainEqual(detail); // refetched into the 404, keeping its data meanwhile
    applyRecordChange(client, C, { type: "update", record: post("b", { title: "late", updated: at(3) }) });
    expect(client.getQueryData(detail)?.title).toBe("b");
    stop();
  });

  it("accepts the record re-created later with the same id", () => {
    const { client, full } = seeded();
    applyRecordChange(client, C, { type: "delete", id: "b", record: post("b", { title: "b", updated: at(2) }) });
    applyRecordChange(client, C, { type: "create", record: post("b", { title: "again", updated: at(9) }) });
    expect(client.getQueryData(full)?.map((row) => row.title)).toEqual(["a", "again"]);
  });

  it("keeps no tombstone for a pending delete replayed on the view (it may still fail)", () => {
    const { client, full } = seeded();
    applyRecordChange(client, C, { type: "delete", id: "b" }, { pending: true });
    applyRecordChange(client, C, { type: "create", record: post("b", { title: "b", updated: at(2) }) });
    expect(ids(client.getQueryData(full))).toEqual(["a", "b"]);
  });

  it("keeps tombstones per cache", () => {
    const one = seeded();
    const two = seeded();
    applyRecordChange(one.client, C, { type: "delete", id: "b", record: post("b", { updated: at(3) }) });
    applyRecordChange(two.client, C, { type: "delete", id: "b" }, { pending: true });
    applyRecordChange(two.client, C, { type: "create", record: post("b", { title: "b", updated: at(3) }) });
    expect(ids(two.client.getQueryData(two.full))).toEqual(["a", "b"]);
  });
});

describe("a confirmed delete without its record (the answer to this client's delete)", () => {
  it("is buried by its cached copy, so the realtime echo that follows counts nothing twice", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.list<Post>(C, { sort: "title", perPage: 2 });
    client.setQueryData(key, page([post("a", { title: "a", updated: at(1) }), post("b", { title: "b", updated: at(1) })], 1, 2, 3));
    applyRecordChange(client, C, { type: "delete", id: "b" });
    expect(client.getQueryData(key)).toMatchObject({ totalItems: 2 });
    // The echo carries the record; the page no longer holds it and must not count it out again.
    applyRecordChange(client, C, { type: "delete", id: "b", record: post("b", { title: "b", updated: at(1) }) });
    expect(client.getQueryData(key)).toMatchObject({ totalItems: 2 });
  });
});
