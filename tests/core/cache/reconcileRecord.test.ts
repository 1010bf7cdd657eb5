import { describe, expect, it } from "vitest";
import { reconcileRecord } from "../../../src/core/cache/reconcileRecord";
import { at, post } from "../../helpers/records";

describe("reconcileRecord: staleness", () => {
  it("ignores a version older than the cached one by `updated`", () => {
    const cached = post("a", { title: "fresh", updated: at(5) });
    expect(reconcileRecord(cached, post("a", { title: "old", updated: at(3) }), false)).toEqual({ outcome: "stale" });
  });

  it("applies an older version with force (the server's answer to an optimistic write)", () => {
    const cached = post("a", { title: "optimistic", updated: at(5) });
    const result = reconcileRecord(cached, post("a", { title: "server", updated: at(3) }), true);
    expect(result).toMatchObject({ outcome: "changed", record: { title: "server", updated: at(3) } });
  });

  it("applies a version with the same `updated`, and one where either side has none", () => {
    const cached = post("a", { updated: at(5) });
    expect(reconcileRecord(cached, post("a", { title: "x", updated: at(5) }), false).outcome).toBe("changed");
    const { updated: _u, ...noUpdated } = post("a", { title: "y" });
    expect(reconcileRecord(cached, noUpdated, false).outcome).toBe("changed");
    expect(reconcileRecord(noUpdated, post("a", { title: "z", updated: at(0) }), false).outcome).toBe("changed");
  });

  it("compares PocketBase and ISO dates as the same instants", () => {
    const cached = post("a", { updated: "2024-01-01 00:05:00.000Z" });
    expect(reconcileRecord(cached, post("a", { title: "x", updated: "2024-01-01T00:03:00.000Z" }), false).outcome).toBe("stale");
    expect(reconcileRecord(cached, post("a", { title: "x", updated: "2024-01-01T00:06:00Z" }), false).outcome).toBe("changed");
    const iso = post("a", { updated: "2024-01-01T00:05:00.000Z" });
    expect(reconcileRecord(iso, post("a", { title: "x", updated: "2024-01-01 00:04:59.999Z" }), false).outcome).toBe("stale");
  });

  it("does not call a version stale by a date it cannot read", () => {
    const cached = post("a", { updated: at(5) });
    expect(reconcileRecord(cached, post("a", { title: "x", updated: "yesterday" }), false).outcome).toBe("changed");
  });
});

describe("reconcileRecord: merge", () => {
  it("calls an identical version unchanged, whatever its key order", () => {
    const cached = post("a", { title: "t", views: 2 });
    const reordered = Object.fromEntries(Object.entries(cached).reverse());
    expect(reconcileRecord(cached, reordered, false)).toEqual({ outcome: "unchanged" });
  });

  it("keeps the cached values of fields the incoming record lacks, without mutating the cached one", () => {
    const cached = post("a", { title: "t", views: 2 });
    const before = structuredClone(cached);
    const result = reconcileRecord(cached, { id: "a", views: 3, updated: at(1) }, false);
    expect(result).toEqual({ outcome: "changed", record: { ...cached, views: 3, updated: at(1) }, expandOutdated: false });
    expect(cached).toEqual(before);
  });

  it("keeps a cached expand the incoming record lacks; takes the incoming one when it has one", () => {
    const cached = post("a", { author: "u1", expand: { author: { id: "u1", name: "Ann" } } });
    const kept = reconcileRecord(cached, post("a", { author: "u1", views: 5, updated: at(1) }), false);
    expect(kept).toMatchObject({ outcome: "changed", record: { views: 5, expand: cached.expand }, expandOutdated: false });
    const explicit = reconcileRecord(cached, { ...post("a", { author: "u1", updated: at(2) }), expand: undefined }, false);
    expect(explicit).toMatchObject({ outcome: "changed", record: { expand: cached.expand } });
    const expand = { author: { id: "u2", name: "Bob" } };
    const replaced = reconcileRecord(cached, post("a", { author: "u2", expand, updated: at(1) }), false);
    expect(replaced).toMatchObject({ outcome: "changed", record: { expand }, expandOutdated: false });
  });

  it("calls a kept expand outdated only when the relation field it expands changed", () => {
    const cached = post("a", { author: "u1", expand: { author: { id: "u1" } } });
    expect(reconcileRecord(cached, post("a", { author: "u2", updated: at(1) }), false)).toMatchObject({ expandOutdated: true });
    expect(reconcileRecord(cached, post("a", { author: "u1", title: "x", updated: at(1) }), false)).toMatchObject({
      expandOutdated: false,
    });
  });

  it("drops the expansion of a relation that changed and keeps the others", () => {
    const ann = { id: "u1", name: "Ann" };
    const cached = post("a", { author: "u1", editor: "e1", expand: { author: ann, editor: { id: "e1" } } });
    const result = reconcileRecord(cached, post("a", { author: "u2", editor: "e1", updated: at(1) }), false);
    expect(result).toEqual({
      outcome: "changed",
      record: { ...cached, author: "u2", updated: at(1), expand: { editor: { id: "e1" } } },
      expandOutdated: true,
    });
    const cleared = reconcileRecord(post("a", { author: "u1", expand: { author: ann } }), post("a", { author: "", updated: at(1) }), false);
    expect(cleared).toMatchObject({ record: { author: "", expand: {} }, expandOutdated: true });
    expect(cached.expand).toEqual({ author: ann, editor: { id: "e1" } });
  });

  it("reads a nested expansion by its first field, and a back-relation as never outdated", () => {
    const nested = post("a", { author: "u1", expand: { "author.org": { id: "o1" } } });
    expect(reconcileRecord(nested, post("a", { author: "u2", updated: at(1) }), false)).toMatchObject({ expandOutdated: true });
    const back = post("a", { expand: { comments_via_post: [{ id: "c1" }] } });
    expect(reconcileRecord(back, post("a", { title: "x", updated: at(1) }), false)).toMatchObject({ expandOutdated: false });
  });
});
