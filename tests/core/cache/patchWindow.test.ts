import { describe, expect, it } from "vitest";
import { patchWindow, type RecordWindow } from "../../../src/core/cache/patchWindow";
import { compileSort } from "../../../src/core/filter/compileSort";
import { ids, post } from "../../helpers/records";

const byTitle = compileSort("title")!;
const unsorted = compileSort(undefined)!;
// Records titled after their id unless given a title.
const row = (id: string, title = id) => post(id, { title });
const complete = (...items: ReturnType<typeof row>[]): RecordWindow => ({ items, offset: 0, atEnd: true, capacity: Infinity });
const slice = (items: ReturnType<typeof row>[], offset: number, atEnd: boolean, capacity = 3): RecordWindow => ({
  items,
  offset,
  atEnd,
  capacity,
});
const created = (record: ReturnType<typeof row>) => ({ type: "place" as const, record, from: -1, created: true });

describe("patchWindow: placing", () => {
  it("inserts a new record at its sorted position", () => {
    const patch = patchWindow(complete(row("a"), row("c")), created(row("b")), byTitle);
    expect(ids(patch?.items)).toEqual(["a", "b", "c"]);
    expect(patch).toMatchObject({ delta: 1, guessed: false });
  });

  it("moves a record whose sort value changed, and counts no new record", () => {
    const window = complete(row("a"), row("c"), row("e"));
    const patch = patchWindow(window, { type: "place", record: row("a", "d"), from: 0, created: false }, byTitle);
    expect(ids(patch?.items)).toEqual(["c", "a", "e"]);
    expect(patch).toMatchObject({ delta: 0, guessed: false });
    expect(ids(window.items)).toEqual(["a", "c", "e"]); // the cached window is not mutated
  });

  it("keeps the place of a record whose sort values did not change, even among equals", () => {
    const window = complete(row("x", "same"), row("y", "same"));
    const record = post("x", { title: "same", views: 9 });
    const patch = patchWindow(window, { type: "place", record, from: 0, created: false }, byTitle);
    expect(patch?.items).toEqual([record, window.items[1]]);
    expect(patch?.guessed).toBe(false);
  });

  it("pushes the last record of a full window out to the next page", () => {
    const patch = patchWindow(slice([row("b"), row("d"), row("f")], 0, false), created(row("a")), byTitle);
    expect(ids(patch?.items)).toEqual(["a", "b", "d"]);
    expect(patch?.delta).toBe(1);
  });

  it("inside a later page: places a record that lands past its first slot", () => {
    const patch = patchWindow(slice([row("g"), row("i")], 2, false, 2), created(row("h")), byTitle);
    expect(ids(patch?.items)).toEqual(["g", "h"]);
  });

  it("cannot decide a record that lands before a later page, or on its first slot", () => {
    const window = slice([row("g"), row("i")], 2, false, 2);
    expect(patchWindow(window, created(row("a")), byTitle)).toBeUndefined();
    expect(patchWindow(window, created(row("f", "g")), byTitle)).toBeUndefined();
  });

  it("leaves the items of a window a new record lands after, counting it", () => {
    const window = slice([row("b"), row("d"), row("f")], 0, false);
    const patch = patchWindow(window, created(row("z")), byTitle);
    expect(patch).toEqual({ items: window.items, delta: 1, guessed: false });
    expect(patch?.items).toBe(window.items); // same items: a skipTotal page needs no write at all
  });

  it("cannot decide a record that moves out past the window's end, or ties with its last record", () => {
    const window = slice([row("a"), row("c"), row("e")], 0, false);
    expect(patchWindow(window, { type: "place", record: row("a", "z"), from: 0, created: false }, byTitle)).toBeUndefined();
    expect(patchWindow(window, created(row("n", "e")), byTitle)).toBeUndefined();
  });

  it("places a new record after its equals, as a guess", () => {
    const patch = patchWindow(complete(row("a", "same"), row("b", "same"), row("c", "z")), created(row("n", "same")), byTitle);
    expect(ids(patch?.items)).toEqual(["a", "b", "n", "c"]);
    expect(patch).toMatchObject({ delta: 1, guessed: true });
  });

  it("without a sort, puts a created record last (table order) and cannot place any other", () => {
    const window = complete(row("b"), row("a"));
    const patch = patchWindow(window, created(row("0")), unsorted);
    expect(ids(patch?.items)).toEqual(["b", "a", "0"]);
    expect(patch?.guessed).toBe(false);
    expect(patchWindow(window, { type: "place", record: row("0"), from: -1, created: false }, unsorted)).toBeUndefined();
  });

  it("places a record it has not seen in a complete list, but not in a partial one", () => {
    const update = { type: "place" as const, record: row("b"), from: -1, created: false };
    expect(ids(patchWindow(complete(row("a"), row("c")), update, byTitle)?.items)).toEqual(["a", "b", "c"]);
    expect(patchWindow(slice([row("a"), row("c")], 0, false), update, byTitle)).toBeUndefined();
  });

  it("cannot decide a sort value it cannot reproduce, in the record or in the window", () => {
    const noTitle = { ...row("b"), title: undefined } as unknown as ReturnType<typeof row>;
    expect(patchWindow(complete(row("a"), row("c")), created(noTitle), byTitle)).toBeUndefined();
    expect(patchWindow(complete(row("a"), noTitle), created(row("c")), byTitle)).toBeUndefined();
  });

  it("cannot place anything without a comparator", () => {
    expect(patchWindow(complete(row("a")), created(row("b")), undefined)).toBeUndefined();
  });
});

describe("patchWindow: removing", () => {
  it("removes a record from a window that reaches the end", () => {
    expect(patchWindow(complete(row("a"), row("b")), { type: "remove", from: 0 }, undefined)).toEqual({
      items: [row("b")],
      delta: -1,
      guessed: false,
    });
  });

  it("removes a record from a window short of the end, and calls the hole a guess", () => {
    const patch = patchWindow(slice([row("a"), row("b"), row("c")], 0, false), { type: "remove", from: 1 }, byTitle);
    expect(ids(patch?.items)).toEqual(["a", "c"]);
    expect(patch).toMatchObject({ delta: -1, guessed: true });
  });
});
