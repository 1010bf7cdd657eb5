import { describe, expect, it } from "vitest";
import { compileFilter } from "../../src/core/filter/compileFilter";
import { parseFilter } from "../../src/core/filter/parseFilter";
import { tokenizeFilter } from "../../src/core/filter/tokenizeFilter";
import type { FilterNode } from "../../src/core/filter/types";

// Where a case says "400", PocketBase 0.40.4 (fexpr v0.6.0) answered 400 to that filter.
const kinds = (source: string) => tokenizeFilter(source)?.map((token) => token.type);
const literals = (source: string) =>
  tokenizeFilter(source)?.flatMap((token) => ("literal" in token ? [token.literal] : []));

// A compact rendering of a parsed tree: conditions as written, groups in brackets.
function show(node: FilterNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "condition") {
    const side = (o: typeof node.left) => (o.type === "identifier" ? o.name : JSON.stringify(o.value));
    return `${side(node.left)}${node.sign}${side(node.right)}`;
  }
  return `${node.type}[${node.items.map(show).join(" ")}]`;
}

describe("tokenizeFilter", () => {
  it("scans identifiers, signs, joins, numbers, text, comments and groups like fexpr", () => {
    expect(kinds('a.b:each ?!= -1.5 || (c = "x") // note')).toEqual([
      ...["identifier", "whitespace", "sign", "whitespace", "number", "whitespace"],
      ...["join", "whitespace", "group", "whitespace", "comment"],
    ]);
    expect(literals('a.b:each ?!= -1.5 || (c = "x")')).toEqual(["a.b:each", "?!=", "-1.5", "||", 'c = "x"']);
  });

  it("decodes \\n \\t \\r \\\\ \\' \\\" in text and keeps any other backslash", () => {
    expect(literals(String.raw`"a\nb\tc\rd\\e\"f\'g\qh\u0041"`)).toEqual(["a\nb\tc\rd\\e\"f'g\\qh\\u0041"]);
    expect(literals(String.raw`'it\'s "q"'`)).toEqual([`it's "q"`]);
  });

  it("keeps quoted text inside a group verbatim, so a `)` in quotes does not close it", () => {
    expect(literals(String.raw`(a = ")\"")`)).toEqual([String.raw`a = ")\""`]);
  });

  it("reads numbers as fexpr does: a leading minus, one dot, no exponent", () => {
    expect(literals("-.5 007 -0")).toEqual(["-.5", "007", "-0"]);
    for (const bad of ["1.", "-", "--1", "1.2.3"]) expect(tokenizeFilter(bad), bad).toBeUndefined();
    expect(literals("1e2")).toEqual(["1", "e2"]); // a number, then an identifier: a parse error
  });

  it("refuses what PocketBase refuses (400) and a NUL, which fexpr takes for the end of input", () => {
    const invalid = ["a = 1\r", "é = 1", "a = 'x", 'a = "x\\"', "a / b", "a &&& b", "a =! b", "_ = 1", "@ = 1"];
    for (const source of [...invalid, "a. = 1", "a: = 1", "(a = 1", "a = 1)", "a = 1\u0000 || junk"]) {
      expect(tokenizeFilter(source), JSON.stringify(source)).toBeUndefined();
    }
  });
});

describe("parseFilter", () => {
  it("binds && tighter than ||, as PocketBase's flat AND/OR SQL does", () => {
    expect(show(parseFilter("a = 1 || b = 2 && c = 3 || d = 4"))).toBe("or[a=1 and[b=2 c=3] d=4]");
    expect(show(parseFilter("(a = 1 || b = 2) && c = 3"))).toBe("and[or[a=1 b=2] c=3]");
    expect(show(parseFilter("a = 1 && ((b = 2))"))).toBe("and[a=1 b=2]");
  });

  it("skips comments, including one that ends the filter or sits inside a group", () => {
    expect(show(parseFilter("a = 1 // one\n|| b = 2 //"))).toBe("or[a=1 b=2]");
    expect(show(parseFilter("(a = 1 // x\n)"))).toBe("a=1");
    // fexpr finds the group's end inside the comment: the rest is a stray ")" (400).
    expect(parseFilter("(a = 1 // )\n)")).toBeUndefined();
  });

  it("takes literals on either side", () => {
    expect(show(parseFilter(`"x" ~ title && 1 < 2`))).toBe('and["x"~title 1<2]');
  });

  it("returns undefined for empty, incomplete and malformed filters (400)", () => {
    const malformed = ["a = 1 b = 2", "a = = 1", "(a = 1) = 2"];
    for (const source of ["", "  ", "// only", "a", "a =", "a = 1 &&", "&& a = 1", "()", ...malformed]) {
      expect(parseFilter(source), source).toBeUndefined();
    }
  });

  it("returns undefined where fexpr accepts a filter but reads it unlike it looks", () => {
    // fexpr drops `a` here and matches on b = 1 alone; and joins (…)(…) with an implicit &&.
    for (const source of ["a (b = 1)", "a = (b = 1)", "(a = 1)(b = 2)", "(a = 1) (b = 2)"]) {
      expect(parseFilter(source), source).toBeUndefined();
    }
  });

  it("returns undefined for function calls", () => {
    expect(parseFilter("geoDistance(lon, lat, 1, 2) < 10")).toBeUndefined();
    expect(parseFilter("strftime('%Y', created) = '2024'")).toBeUndefined();
  });

  it("keeps PocketBase's limits: 200 conditions and 3500 bytes", () => {
    const conditions = (n: number) => Array.from({ length: n }, (_, i) => `a = ${i}`).join(" || ");
    expect(parseFilter(conditions(200))).toBeDefined();
    expect(parseFilter(conditions(201))).toBeUndefined();
    expect(parseFilter(`a = "${"x".repeat(3490)}"`)).toBeDefined();
    expect(parseFilter(`a = "${"é".repeat(1748)}"`)).toBeUndefined(); // 1754 characters, but 3502 bytes
  });
});

describe("compileFilter: what stays undecidable", () => {
  it.each([
    "author.name = 'x'",
    "comments_via_post.id != ''",
    "@request.auth.id != ''",
    "@collection.posts.title = title",
    "created > @now",
    "@todayStart <= created",
    "@random = 1",
    "title:isset = true",
    "title:changed = true",
    "title:foo = 1",
    "title:lower:each = 'a'",
    "collectionName = 'posts'",
    "collectionId = ''",
    "expand = null",
    "#x = 1",
    "tags:each = tags:each",
    "geoDistance(a, b, c, d) < 1",
    "title = '\uD800'",
    "title = 1 &&",
  ])("%s", (filter) => {
    expect(compileFilter(filter)).toBeUndefined();
  });

  it("memoises by filter string", () => {
    expect(compileFilter("views > 1")).toBe(compileFilter("views > 1"));
    expect(compileFilter("views > 1")).not.toBe(compileFilter("views > 2"));
  });
});
