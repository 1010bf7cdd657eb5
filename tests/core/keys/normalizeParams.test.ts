import { describe, expect, it } from "vitest";
import { normalizeParams } from "../../../src/core/keys/normalizeParams";

describe("normalizeParams", () => {
  it("trims the filter, drops it when empty, and otherwise keeps its text as written", () => {
    expect(normalizeParams({ filter: "  a = 1 && b ~ ' x '  " }, false)).toEqual({ filter: "a = 1 && b ~ ' x '" });
    expect(normalizeParams({ filter: "a  =  1" }, false)).toEqual({ filter: "a  =  1" });
    expect(normalizeParams({ filter: "   " }, false)).toEqual({});
    expect(normalizeParams({ filter: "" }, false)).toEqual({});
  });

  it("tidies sort, expand and fields as comma lists, and drops them when nothing is left", () => {
    const params = { sort: " -created , title ", expand: "author,, comments_via_post", fields: "id , title" };
    expect(normalizeParams(params, false)).toEqual({
      sort: "-created,title",
      expand: "author,comments_via_post",
      fields: "id,title",
    });
    expect(normalizeParams({ sort: " , ", expand: "", fields: " " }, false)).toEqual({});
  });

  it("fills in PocketBase's paging defaults for paged keys, so {} and { page: 1, perPage: 30 } are one key", () => {
    expect(normalizeParams(undefined, true)).toEqual({ page: 1, perPage: 30 });
    expect(normalizeParams({}, true)).toEqual(normalizeParams({ page: 1, perPage: 30 }, true));
    expect(normalizeParams({ page: 3, perPage: 10 }, true)).toEqual({ page: 3, perPage: 10 });
  });

  it("keeps skipTotal only when it is true, and only in paged keys", () => {
    expect(normalizeParams({ skipTotal: true }, true)).toEqual({ page: 1, perPage: 30, skipTotal: true });
    expect(normalizeParams({ skipTotal: false }, true)).toEqual({ page: 1, perPage: 30 });
    expect(normalizeParams({ skipTotal: true, page: 2, perPage: 5 }, false)).toEqual({});
  });

  it("keeps only what changes the server's answer", () => {
    const options = { sort: "title", batch: 200, staleTime: 1000, requestKey: "mine" } as Parameters<typeof normalizeParams>[0];
    expect(normalizeParams(options, false)).toEqual({ sort: "title" });
  });

  it("returns a fresh object", () => {
    const params = { sort: "title" };
    const out = normalizeParams(params, false);
    expect(out).not.toBe(params);
    out.sort = "changed";
    expect(params.sort).toBe("title");
  });

  it("rejects a page or perPage that is not a positive integer, saying pages are 1-based", () => {
    for (const page of [0, -1, 1.5, Number.NaN]) {
      const message = `page must be a positive integer, got ${page}. Pages are 1-based.`;
      expect(() => normalizeParams({ page }, true)).toThrow(new TypeError(message));
    }
    for (const perPage of [0, 2.5, Number.POSITIVE_INFINITY]) {
      expect(() => normalizeParams({ perPage }, true)).toThrow(TypeError);
    }
    // Unpaged keys ignore paging, so they do not check it.
    expect(normalizeParams({ page: 0 }, false)).toEqual({});
  });
});
