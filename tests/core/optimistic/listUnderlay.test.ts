import { describe, expect, it } from "vitest";
import { listUnderlay } from "../../../src/core/optimistic/listUnderlay";
import { post, type Post } from "../../helpers/records";

const ids = (rows: readonly Record<string, unknown>[]) => rows.map((row) => row.id);
const row = (id: string, title: string, views = 0): Post => post(id, { title, views });

describe("listUnderlay", () => {
  // The server's list by title; equal titles in rowid order.
  const a = row("a", "apple");
  const b1 = row("b1", "banana");
  const b2 = row("b2", "banana");
  const c = row("c", "cherry");
  const server = [a, b1, b2, c];

  it("puts back what the view moved, removed or added, and nothing else", () => {
    const moved = { ...b2, title: "zucchini" }; // a pending update moves b2 to the end
    const created = row("n", "date"); // a pending create
    const view = [a, b1, c, created, moved];
    const underlay = listUnderlay.of("title", server, view)!;
    expect([...underlay.rows.keys()].sort()).toEqual(["b2", "n"]);
    expect(listUnderlay.restore(view, underlay)).toEqual(server);
  });

  it("puts a row back after the equal row the server had before it, not by a guess", () => {
    const view = [a, b1, c]; // a pending delete of b2, which ties b1
    const underlay = listUnderlay.of("title", server, view)!;
    expect(underlay.anchors).toEqual(new Set(["b1"]));
    // Another user's banana lands after b1 in the view: b2 must still come right after b1.
    const other = row("b3", "banana");
    expect(ids(listUnderlay.restore([a, b1, other, c], underlay))).toEqual(["a", "b1", "b2", "b3", "c"]);
  });

  it("keeps a row whose sort values did not change where the view has it", () => {
    const renamed = { ...b1, views: 9 }; // a pending update of a field the sort does not read
    const underlay = listUnderlay.of("title", server, [a, renamed, b2, c])!;
    expect(underlay.rows.get("b1")?.inPlace).toBe(true);
    expect(listUnderlay.restore([a, renamed, b2, c], underlay)).toEqual(server);
  });

  it("puts a row back by rowid in a list without a sort, and takes new rows last there", () => {
    const view = [a, b2, c]; // b1 deleted, pending
    const underlay = listUnderlay.of(undefined, server, view)!;
    expect(ids(listUnderlay.restore(view, underlay))).toEqual(["a", "b1", "b2", "c"]);
    // Another user's new record goes last, by its rowid: no guess, no refetch.
    const created = row("d", "apple");
    expect(listUnderlay.around(underlay, "d", created, view)).toBe("exact");
    expect(ids(listUnderlay.restore([...view, created], underlay))).toEqual(["a", "b1", "b2", "c", "d"]);
  });

  it("keeps a row in place only after a row that stays where the server has it", () => {
    // b3 follows b2 in both, but b2 goes back elsewhere (after b1): b3 must go back after it.
    const b3 = row("b3", "banana");
    const onServer = [a, b1, b2, b3];
    const view = [a, { ...b2, views: 1 }, { ...b3, views: 1 }, b1];
    expect(listUnderlay.restore(view, listUnderlay.of("title", onServer, view)!)).toEqual(onServer);
  });

  it("has no underlay where a row's place cannot be put back", () => {
    // A sort the client cannot reproduce.
    expect(listUnderlay.of("@random", server, [a, b1, c])).toBeUndefined();
    // Sort values the comparator cannot read.
    const odd = { ...b2, title: { not: "text" } } as unknown as Post;
    expect(listUnderlay.of("title", [a, b1, odd, c], [a, b1, c])).toBeUndefined();
  });

  describe("around (a record no pending write touches)", () => {
    const view = [a, b1, c];
    const underlay = listUnderlay.of("title", server, view)!; // b2 deleted, after b1

    it("sends a change of the row another goes after through the server's copy", () => {
      expect(listUnderlay.around(underlay, "b1", { ...b1, title: "aardvark" }, view)).toBe("whole");
      expect(listUnderlay.around(underlay, "b1", undefined, view)).toBe("whole");
    });

    it("sends a change of a record with a row in the underlay through the server's copy, pending write or not", () => {
      // The view placed b1 and b2 apart from the server (two guesses among equals): both have rows.
      const swapped = [a, { ...b2, views: 1 }, { ...b1, views: 1 }, c];
      const apart = listUnderlay.of("title", server, swapped)!;
      expect(listUnderlay.around(apart, "b2", { ...b2, title: "blueberry" }, swapped)).toBe("whole");
    });

    it("calls a record taking the sort values of a row put back a guess, unless it keeps its own", () => {
      expect(listUnderlay.around(underlay, "x", row("x", "banana"), view)).toBe("guess");
      expect(listUnderlay.around(underlay, "x", row("x", "blueberry"), view)).toBe("exact");
      expect(listUnderlay.around(underlay, "c", undefined, view)).toBe("exact");
      const bananas = [a, b1, row("b3", "banana"), c];
      const withB3 = listUnderlay.of("title", [...server.slice(0, 3), bananas[2]!, c], bananas)!;
      expect(listUnderlay.around(withB3, "b3", { ...bananas[2]!, views: 4 }, bananas)).toBe("exact");
    });

    it("sends a record tying a row placed last by a guess through the server's copy", () => {
      const guessed = listUnderlay.replace(underlay, "c", c, row("c", "banana"), [a, b1, { ...c, title: "banana", views: 1 }], true);
      expect(listUnderlay.around(guessed, "x", row("x", "banana"), view)).toBe("whole");
      expect(ids(listUnderlay.restore([a, b1, row("x", "kiwi")], guessed))).toEqual(["a", "b1", "b2", "c", "x"]);
    });
  });

  it("takes a touched record's new server row where the sort puts it, or where it was", () => {
    const view = [a, b1, c];
    const underlay = listUnderlay.of("title", server, view)!; // b2 deleted, pending
    // The server renames b2 to "blueberry": its new place is certain, between b1 and c.
    const moved = row("b2", "blueberry");
    expect(listUnderlay.takes(underlay, "b2", moved, true, view)).toBe("exact");
    const after = listUnderlay.replace(underlay, "b2", b2, moved, view, false);
    expect(ids(listUnderlay.restore(view, after))).toEqual(["a", "b1", "b2", "c"]);
    expect(listUnderlay.restore(view, after)[2]).toBe(moved);
    // A change that keeps its sort values keeps its place, even among equals.
    const counted = { ...b2, views: 5 };
    expect(listUnderlay.takes(underlay, "b2", counted, true, view)).toBe("exact");
    expect(listUnderlay.restore(view, listUnderlay.replace(underlay, "b2", b2, counted, view, false))).toEqual([a, b1, counted, c]);
    // Leaving the list, or an undecidable filter: nothing to place.
    expect(listUnderlay.takes(underlay, "b2", moved, false, view)).toBe("exact");
    expect(listUnderlay.takes(underlay, "b2", moved, undefined, view)).toBe("exact");
  });
});
