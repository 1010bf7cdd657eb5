import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ownWrites } from "../../../src/core/cache/ownWrites";
import { at, post } from "../../helpers/records";

const ALICE = "users/alice";
const BOB = "users/bob";
const alice = () => ALICE;

const event = (action: "create" | "update" | "delete", fields: Record<string, unknown> = {}) => ({
  action,
  record: post("a", { updated: at(1), ...fields }),
});

// Each test gets its own cache object: the books are kept per QueryClient.
const newCache = () => ({});

describe("ownWrites", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("while a write is in flight, an event of its record and action is own; other records, collections and actions are not", () => {
    const cache = newCache();
    ownWrites.begin(cache, ALICE, "posts", "a", "update");
    expect(ownWrites.isOwn(cache, alice, "posts", event("update", { updated: at(7) }))).toBe(true);
    expect(ownWrites.isOwn(cache, alice, "posts", event("delete"))).toBe(false);
    expect(ownWrites.isOwn(cache, alice, "posts", { action: "update", record: post("b") })).toBe(false);
    expect(ownWrites.isOwn(cache, alice, "notes", event("update"))).toBe(false);
    expect(ownWrites.isOwn(newCache(), alice, "posts", event("update"))).toBe(false); // another QueryClient
  });

  it("after an update's answer, only the event carrying the answer's `updated` is own", () => {
    const cache = newCache();
    ownWrites.answered(ownWrites.begin(cache, ALICE, "posts", "a", "update"), { updated: at(1) });
    expect(ownWrites.isOwn(cache, alice, "posts", event("update", { updated: at(2) }))).toBe(false); // someone's later change
    expect(ownWrites.isOwn(cache, alice, "posts", event("update", { updated: at(1) }))).toBe(true);
  });

  it("when the answer or the event lacks `updated` (a `fields` projection), an update event of the record is own", () => {
    const cache = newCache();
    ownWrites.answered(ownWrites.begin(cache, ALICE, "posts", "a", "update"), undefined);
    expect(ownWrites.isOwn(cache, alice, "posts", event("update", { updated: at(2) }))).toBe(true);
    const other = newCache();
    ownWrites.answered(ownWrites.begin(other, ALICE, "posts", "a", "update"), { updated: at(1) });
    const projected = { action: "update", record: { id: "a", title: "x" } }; // `fields: "id,title"`
    expect(ownWrites.isOwn(other, alice, "posts", projected)).toBe(true);
  });

  it("after a create's or a delete's answer, its action is own whatever the version (it happens once per id)", () => {
    const cache = newCache();
    ownWrites.answered(ownWrites.begin(cache, ALICE, "posts", "a", "create"), { updated: at(1) });
    ownWrites.answered(ownWrites.begin(cache, ALICE, "posts", "a", "delete"), true); // a delete answers `true`
    expect(ownWrites.isOwn(cache, alice, "posts", event("create", { updated: at(1) }))).toBe(true);
    expect(ownWrites.isOwn(cache, alice, "posts", event("delete", { updated: at(5) }))).toBe(true);
    expect(ownWrites.isOwn(cache, alice, "posts", event("update", { updated: at(1) }))).toBe(false);
  });

  it("a refused write is forgotten at once", () => {
    const cache = newCache();
    ownWrites.failed(ownWrites.begin(cache, ALICE, "posts", "a", "update"));
    expect(ownWrites.size(cache)).toBe(0);
    expect(ownWrites.isOwn(cache, alice, "posts", event("update"))).toBe(false);
  });

  it("an answered write waits 10 s for its echo, then 1 s for the other copies once one has arrived", () => {
    const cache = newCache();
    const late = ownWrites.begin(cache, ALICE, "posts", "a", "update");
    ownWrites.answered(late, { updated: at(1) });
    vi.advanceTimersByTime(9_999);
    expect(ownWrites.size(cache)).toBe(1);
    vi.advanceTimersByTime(1);
    expect(ownWrites.size(cache)).toBe(0); // no echo came: nothing left behind

    const echoed = ownWrites.begin(cache, ALICE, "posts", "a", "update");
    ownWrites.answered(echoed, { updated: at(2) });
    vi.advanceTimersByTime(5_000);
    expect(ownWrites.isOwn(cache, alice, "posts", event("update", { updated: at(2) }))).toBe(true);
    vi.advanceTimersByTime(999);
    expect(ownWrites.isOwn(cache, alice, "posts", event("update", { updated: at(2) }))).toBe(true); // a second subscription's copy
    vi.advanceTimersByTime(1_000);
    expect(ownWrites.size(cache)).toBe(0);
  });

  it("an echo that came before the answer leaves the write 1 s after the answer, and a pending write never expires", () => {
    const cache = newCache();
    const write = ownWrites.begin(cache, ALICE, "posts", "a", "create");
    expect(ownWrites.isOwn(cache, alice, "posts", event("create"))).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(ownWrites.size(cache)).toBe(1); // still in flight
    ownWrites.answered(write, { updated: at(1) });
    vi.advanceTimersByTime(1_000);
    expect(ownWrites.size(cache)).toBe(0);
  });

  it("overlapping writes of one record each keep their own entry", () => {
    const cache = newCache();
    const first = ownWrites.begin(cache, ALICE, "posts", "a", "update");
    const second = ownWrites.begin(cache, ALICE, "posts", "a", "update");
    ownWrites.answered(first, { updated: at(1) });
    ownWrites.failed(second);
    expect(ownWrites.size(cache)).toBe(1);
    expect(ownWrites.isOwn(cache, alice, "posts", event("update", { updated: at(1) }))).toBe(true);
  });

  it("no carry-over between users: another signed-in user's events are never own, and their writes start a new book", () => {
    const cache = newCache();
    const alicesWrite = ownWrites.begin(cache, ALICE, "posts", "a", "update");
    expect(ownWrites.isOwn(cache, () => BOB, "posts", event("update"))).toBe(false);
    expect(ownWrites.size(cache)).toBe(0); // the switch cleared it
    expect(ownWrites.isOwn(cache, alice, "posts", event("update"))).toBe(false);

    ownWrites.begin(cache, ALICE, "posts", "b", "update");
    ownWrites.begin(cache, BOB, "posts", "c", "update");
    expect(ownWrites.isOwn(cache, () => BOB, "posts", { action: "update", record: post("b") })).toBe(false);
    expect(ownWrites.isOwn(cache, () => BOB, "posts", { action: "update", record: post("c") })).toBe(true);
    ownWrites.answered(alicesWrite, { updated: at(1) }); // Alice's late answer touches nothing of Bob's
    vi.advanceTimersByTime(10_000);
    expect(ownWrites.size(cache)).toBe(1);
  });

  it("ignores malformed events", () => {
    const cache = newCache();
    ownWrites.begin(cache, ALICE, "posts", "a", "update");
    expect(ownWrites.isOwn(cache, alice, "posts", {})).toBe(false);
    expect(ownWrites.isOwn(cache, alice, "posts", { action: "update", record: {} })).toBe(false);
  });
});
