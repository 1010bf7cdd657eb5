import { QueryClient } from "@tanstack/solid-query";
import { describe, expect, it } from "vitest";
import { tombstones } from "../../../src/core/cache/tombstones";
import { at, post } from "../../helpers/records";

const C = "posts";

describe("tombstones", () => {
  it("buries a version of a deleted record that is not newer than its delete, in PocketBase or ISO dates", () => {
    const cache = new QueryClient();
    tombstones.bury(cache, C, post("a", { updated: at(5) }));
    expect(tombstones.buries(cache, C, post("a", { updated: at(4) }))).toBe(true);
    expect(tombstones.buries(cache, C, post("a", { updated: "2024-01-01T00:05:00.000Z" }))).toBe(true);
    expect(tombstones.buries(cache, C, post("a", { updated: at(6) }))).toBe(false);
    expect(tombstones.buries(cache, "comments", post("a", { updated: at(4) }))).toBe(false);
    expect(tombstones.buries(cache, C, post("b", { updated: at(4) }))).toBe(false);
  });

  it("keeps the latest delete of an id, and no tombstone for an `updated` it cannot read", () => {
    const cache = new QueryClient();
    tombstones.bury(cache, C, post("a", { updated: at(5) }));
    tombstones.bury(cache, C, post("a", { updated: at(3) })); // an older delete event, late
    expect(tombstones.buries(cache, C, post("a", { updated: at(4) }))).toBe(true);
    tombstones.bury(cache, C, post("b", { updated: "" }));
    expect(tombstones.buries(cache, C, post("b", { updated: at(0) }))).toBe(false);
    const { updated: _u, ...undated } = post("a");
    expect(tombstones.buries(cache, C, undated)).toBe(false);
  });

  it("keeps the newest 1,000 per cache", () => {
    const cache = new QueryClient();
    for (let n = 0; n < 1_000; n++) tombstones.bury(cache, C, post(`r${n}`, { updated: at(1) }));
    expect(tombstones.buries(cache, C, post("r0", { updated: at(1) }))).toBe(true);
    tombstones.bury(cache, C, post("r1000", { updated: at(1) }));
    expect(tombstones.buries(cache, C, post("r0", { updated: at(1) }))).toBe(false);
    expect(tombstones.buries(cache, C, post("r1", { updated: at(1) }))).toBe(true);
    expect(tombstones.buries(cache, C, post("r1000", { updated: at(1) }))).toBe(true);
  });

  it("keeps them per QueryCache, shared by the copies of a cache that delegate to it, until cleared", () => {
    const cache = new QueryClient();
    const copy = { getQueryCache: () => cache.getQueryCache() };
    tombstones.bury(copy, C, post("a", { updated: at(5) }));
    expect(tombstones.buries(cache, C, post("a", { updated: at(5) }))).toBe(true);
    expect(tombstones.buries(new QueryClient(), C, post("a", { updated: at(5) }))).toBe(false);
    tombstones.clear(cache);
    expect(tombstones.buries(cache, C, post("a", { updated: at(5) }))).toBe(false);
  });

  it("remembers a delete of an undated record as applied, but holds no version against it", () => {
    const cache = new QueryClient();
    tombstones.bury(cache, C, post("undated", { updated: "" }));
    expect(tombstones.knows(cache, C, "undated")).toBe(true);
    expect(tombstones.buries(cache, C, post("undated", { updated: at(1) }))).toBe(false);
    expect(tombstones.knows(cache, C, "other")).toBe(false);
  });

  it("counts one creation once: its second news is known", () => {
    const cache = new QueryClient();
    expect(tombstones.born(cache, C, post("a", { updated: at(1) }))).toBe(false);
    expect(tombstones.born(cache, C, post("a", { updated: at(1) }))).toBe(true);
    expect(tombstones.born(cache, C, post("a", { updated: at(2) }))).toBe(false); // re-created later
  });
});
