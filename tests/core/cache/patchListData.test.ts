import { describe, expect, it, vi } from "vitest";
import { patchListData } from "../../../src/core/cache/patchListData";
import type { NormalizedParams } from "../../../src/core/types";
import { at, ids, page, post, type Post } from "../../helpers/records";

// knownElsewhere/settledElsewhere scan the whole collection's cache: each test says whether
// it may be asked.
function options(answers: { known?: boolean; settled?: boolean; partial?: boolean; force?: boolean } = {}) {
  return {
    force: answers.force ?? false,
    partial: answers.partial ?? false,
    knownElsewhere: vi.fn(() => answers.known ?? false),
    settledElsewhere: vi.fn(() => answers.settled ?? false),
  };
}
const rows = (...names: string[]) => names.map((name) => post(name, { title: name, status: "published" }));
const create = (record: Post) => ({ type: "create" as const, record });
const update = (record: Post) => ({ type: "update" as const, record });
const remove = (id: string) => ({ type: "delete" as const, id });
// A delete as a realtime event carries it: with the record's last state.
const removeWith = (record: Post) => ({ type: "delete" as const, id: record.id, record });
const undecidable: NormalizedParams = { filter: 'author.name = "ann"', sort: "@random" };
const byTitle: NormalizedParams = { sort: "title" };

describe("patchListData: the data", () => {
  it.each([
    ["full", "rows without an id", [{ title: "a" }]],
    ["full", "a row that is not an object", [post("a"), "b"]],
    ["page", "a malformed page", { items: "nope" }],
  ] as const)("calls %s data with %s undecided, untouched", (kind, _what, data) => {
    expect(patchListData(kind, data, byTitle, create(post("n")), options())).toEqual({ data, undecided: true });
  });
});

describe("patchListData: a delete", () => {
  it("removes a held row whatever the list's filter or sort", () => {
    const data = rows("a", "b");
    const result = patchListData("full", data, undecidable, remove("a"), options());
    expect(ids(result.data as Post[])).toEqual(["b"]);
    expect(result.undecided).toBe(false);
  });

  it("removes a row from a page short of its end, and asks for a refetch to fill the hole", () => {
    const result = patchListData("page", page(rows("a", "b"), 1, 2, 5), byTitle, remove("a"), options());
    expect(result).toMatchObject({ data: { items: [{ id: "b" }], totalItems: 4 }, undecided: true });
  });

  it("changes nothing in a complete list that lacks the id, without scanning the cache", () => {
    const data = rows("a");
    const opts = options({ known: true });
    expect(patchListData("full", data, byTitle, remove("z"), opts)).toEqual({ data, undecided: false });
    expect(opts.knownElsewhere).not.toHaveBeenCalled();
  });

  it("in a partial list that lacks the id, is undecided only when another entry knows the record", () => {
    const data = page(rows("a", "b"), 1, 2, 5);
    expect(patchListData("page", data, byTitle, remove("z"), options({ known: false }))).toEqual({ data, undecided: false });
    expect(patchListData("page", data, byTitle, remove("z"), options({ known: true }))).toEqual({ data, undecided: true });
  });
});

describe("patchListData: a delete that carries the record, in a list that lacks it", () => {
  const published = (id: string, title = id) => post(id, { title, status: "published" });

  it("counts a matching record out of a first page's totals, with no refetch and no scan", () => {
    const data = page(rows("a", "b"), 1, 2, 5);
    const opts = options({ known: true });
    const result = patchListData("page", data, byTitle, removeWith(published("q")), opts);
    expect(result).toEqual({ data: { ...data, totalItems: 4, totalPages: 2 }, undecided: false });
    expect((result.data as typeof data).items).toBe(data.items);
    expect(opts.knownElsewhere).not.toHaveBeenCalled();
    // A first page is the head of the ordering: it needs no sort to know the record came after it.
    const unsorted = patchListData("page", data, { sort: "author.name" }, removeWith(published("q")), options());
    expect(unsorted).toEqual({ data: { ...data, totalItems: 4, totalPages: 2 }, undecided: false });
  });

  it("on a later page, counts out a record sorted after the window and refetches for one sorted before it", () => {
    const data = page(rows("c", "d"), 2, 2, 6);
    const after = patchListData("page", data, byTitle, removeWith(published("z")), options({ known: true }));
    expect(after).toEqual({ data: { ...data, totalItems: 5, totalPages: 3 }, undecided: false });
    // Every row after it moves up one place: the window's first row leaves for page 1.
    expect(patchListData("page", data, byTitle, removeWith(published("a")), options())).toEqual({ data, undecided: true });
  });

  it("keeps today's answer where the sort cannot place it: a tie with the window's edge, a last page, no sort", () => {
    const data = page(rows("c", "d"), 2, 2, 6);
    const tie = removeWith(published("q", "d"));
    expect(patchListData("page", data, byTitle, tie, options({ known: false }))).toEqual({ data, undecided: false });
    expect(patchListData("page", data, byTitle, tie, options({ known: true }))).toEqual({ data, undecided: true });
    const last = page(rows("c", "d"), 2, 2, 4);
    expect(patchListData("page", last, byTitle, removeWith(published("z")), options({ known: true }))).toEqual({ data: last, undecided: true });
    expect(patchListData("page", data, {}, removeWith(published("z")), options({ known: true }))).toEqual({ data, undecided: true });
    // Rows without a sort value (here `fields` drops `views`) cannot be compared with the record.
    const projected = page([{ id: "c", title: "c" }, { id: "d", title: "d" }] as Post[], 2, 2, 6);
    const params = { sort: "views,title", fields: "id,title" };
    expect(patchListData("page", projected, params, removeWith(published("z")), options({ known: true }))).toEqual({ data: projected, undecided: true });
  });

  it("changes nothing for a record the filter says was never in the list, even when another entry knows it", () => {
    const data = page(rows("a", "b"), 1, 2, 5);
    const params = { filter: 'status = "published"', sort: "title" };
    const draft = post("q", { title: "q", status: "draft" });
    expect(patchListData("page", data, params, removeWith(draft), options({ known: true }))).toEqual({ data, undecided: false });
  });

  it("keeps today's answer when the filter cannot decide, or the record is partial", () => {
    const data = page(rows("a", "b"), 1, 2, 5);
    const record = removeWith(published("q"));
    expect(patchListData("page", data, undecidable, record, options({ known: true }))).toEqual({ data, undecided: true });
    expect(patchListData("page", data, undecidable, record, options({ known: false }))).toEqual({ data, undecided: false });
    expect(patchListData("page", data, byTitle, record, options({ known: true, partial: true }))).toEqual({ data, undecided: true });
  });

  it("counts it out of an infinite list that is not complete, on every loaded page", () => {
    const data = { pages: [page(rows("a", "b"), 1, 2, 5), page(rows("c", "d"), 2, 2, 5)], pageParams: [1, 2] };
    const result = patchListData("infinite", data, byTitle, removeWith(published("q")), options());
    expect(result.undecided).toBe(false);
    const pages = (result.data as typeof data).pages;
    expect(pages.map((p) => [ids(p.items), p.totalItems, p.totalPages])).toEqual([
      [["a", "b"], 4, 2],
      [["c", "d"], 4, 2],
    ]);
  });

  it("changes nothing in a complete list, and writes nothing for a page without totals", () => {
    const full = rows("a");
    expect(patchListData("full", full, byTitle, removeWith(published("q")), options({ known: true }))).toEqual({ data: full, undecided: false });
    const whole = page(rows("a", "b"), 1, 2, 2);
    expect(patchListData("page", whole, byTitle, removeWith(published("q")), options({ known: true }))).toEqual({ data: whole, undecided: false });
    const skipped = page(rows("a", "b"), 1, 2, -1);
    const result = patchListData("page", skipped, byTitle, removeWith(published("q")), options({ known: true }));
    expect(result).toEqual({ data: skipped, undecided: false });
    expect(result.data).toBe(skipped);
  });
});

describe("patchListData: a create or update of a held row", () => {
  it("ignores a stale or identical version, even in a list it cannot decide, without scanning the cache", () => {
    const data = [post("a", { updated: at(5) })];
    const opts = options({ known: true, settled: true });
    const stale = update(post("a", { title: "old", updated: at(3) }));
    expect(patchListData("full", data, undecidable, stale, opts)).toEqual({ data, undecided: false });
    expect(patchListData("full", data, undecidable, update(post("a", { updated: at(5) })), opts)).toEqual({ data, undecided: false });
    expect(opts.settledElsewhere).not.toHaveBeenCalled();
    expect(opts.knownElsewhere).not.toHaveBeenCalled();
  });

  it("applies a stale version with force", () => {
    const data = [post("a", { updated: at(5) })];
    const result = patchListData("full", data, byTitle, update(post("a", { title: "old", updated: at(3) })), options({ force: true }));
    expect(result.data).toEqual([post("a", { title: "old", updated: at(3) })]);
  });

  it("merges a partial record into the row it holds", () => {
    const data = [post("a", { title: "a", views: 1 })];
    const partial = { id: "a", views: 2, updated: at(1) } as Post;
    const result = patchListData("full", data, byTitle, update(partial), options({ partial: true }));
    expect(result).toEqual({ data: [post("a", { title: "a", views: 2, updated: at(1) })], undecided: false });
  });

  it("leaves a row alone when its projection by fields would not change", () => {
    const data = [{ id: "a", title: "a" }] as Post[];
    const result = patchListData("full", data, { sort: "title", fields: "title" }, update(post("a", { views: 9, updated: at(1) })), options());
    expect(result).toEqual({ data, undecided: false });
    expect(result.data).toBe(data); // the same reference: no write, no re-render
  });
});

describe("patchListData: a create or update of a record the list lacks", () => {
  it("never makes a row of a partial record", () => {
    const data = rows("a");
    const opts = options({ settled: false });
    expect(patchListData("full", data, byTitle, create(post("b")), { ...opts, partial: true })).toEqual({ data, undecided: true });
    expect(opts.settledElsewhere).not.toHaveBeenCalled();
  });

  it("in a partial list, changes nothing when another entry already holds that version", () => {
    const data = page(rows("a", "b"), 1, 2, 5);
    const record = update(post("q", { title: "0" }));
    expect(patchListData("page", data, byTitle, record, options({ settled: true }))).toEqual({ data, undecided: false });
    expect(patchListData("page", data, byTitle, record, options({ settled: false }))).toEqual({ data, undecided: true });
  });

  it("in a complete list, places the record without asking the rest of the cache", () => {
    const opts = options({ settled: true });
    const result = patchListData("full", rows("a", "c"), byTitle, create(post("b", { title: "b" })), opts);
    expect(ids(result.data as Post[])).toEqual(["a", "b", "c"]);
    expect(opts.settledElsewhere).not.toHaveBeenCalled();
  });

  it("inserts a record without the expansion the list asks for, and asks for a refetch", () => {
    const params = { sort: "title", expand: "author" };
    const bare = patchListData("full", rows("a"), params, create(post("b", { title: "b" })), options());
    expect(bare).toMatchObject({ undecided: true });
    expect(ids(bare.data as Post[])).toEqual(["a", "b"]);
    const expanded = post("b", { title: "b", expand: { author: { id: "u1" } } });
    expect(patchListData("full", rows("a"), params, create(expanded), options())).toMatchObject({ undecided: false });
  });
});

describe("patchListData: what a list can decide", () => {
  it.each([
    ["a sort it cannot reproduce", { sort: "author.name" }],
    ["fields it cannot reproduce", { sort: "title", fields: "id,title:excerpt(5)" }],
    ["a filter it cannot decide", { filter: 'author.name = "ann"', sort: "title" }],
  ])("leaves a list with %s undecided", (_what, params) => {
    const data = rows("a");
    expect(patchListData("full", data, params, create(post("b")), options())).toEqual({ data, undecided: true });
  });

  it("leaves a list whose fields drop a sort field undecided, even for a row it holds", () => {
    const data = [{ id: "a", title: "a" }, { id: "b", title: "b" }] as Post[];
    const params = { sort: "views", fields: "id,title" };
    expect(patchListData("full", data, params, create(post("c")), options())).toEqual({ data, undecided: true });
    const moved = update(post("a", { title: "x", views: 99, updated: at(1) }));
    expect(patchListData("full", data, params, moved, options())).toEqual({ data, undecided: true });
  });

  it("decides membership on the whole record, even when fields drop the filtered field", () => {
    const data = [{ id: "a", title: "a" }, { id: "b", title: "b" }] as Post[];
    const params = { filter: 'status = "published"', sort: "title", fields: "title" };
    const result = patchListData("full", data, params, update(post("a", { title: "x", status: "draft", updated: at(1) })), options());
    expect(result).toEqual({ data: [{ id: "b", title: "b" }], undecided: false });
  });

  it("ignores a record that does not match unless it may have been in a partial list", () => {
    const params = { filter: 'status = "published"', sort: "title" };
    const draft = post("d", { title: "d", status: "draft" });
    const partial = page(rows("a", "b"), 1, 2, 5);
    expect(patchListData("page", partial, params, create(draft), options())).toEqual({ data: partial, undecided: false });
    expect(patchListData("full", rows("a"), params, update(draft), options()).undecided).toBe(false);
    expect(patchListData("page", partial, params, update(draft), options())).toEqual({ data: partial, undecided: true });
  });
});

describe("patchListData: writing back", () => {
  it("writes nothing for a create after a skipTotal page (nothing to count)", () => {
    const data = page(rows("b", "d", "f"), 1, 3, -1);
    const result = patchListData("page", data, byTitle, create(post("z", { title: "z" })), options());
    expect(result).toEqual({ data, undecided: false });
    expect(result.data).toBe(data);
  });

  it("writes new totals for a create after a page that counts", () => {
    const data = page(rows("b", "d", "f"), 1, 3, 6);
    const result = patchListData("page", data, byTitle, create(post("z", { title: "z" })), options());
    expect(result).toMatchObject({ data: { totalItems: 7, totalPages: 3 }, undecided: false });
    expect((result.data as typeof data).items).toBe(data.items);
  });
});
