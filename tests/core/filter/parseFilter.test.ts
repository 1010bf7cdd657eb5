import { describe, expect, it } from "vitest";
import { parseFilter } from "../../../src/core/filter/parseFilter";
import type { FilterNode } from "../../../src/core/filter/types";

// Where a case says "400", PocketBase 0.40.4 (fexpr v0.6.0) answered 400 to that filter.

// A compact rendering of a parsed tree: conditions as written, groups in brackets.
function show(node: FilterNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "condition") {
    const side = (o: typeof node.left) => (o.type === "identifier" ? o.name : JSON.stringify(o.value));
    return `${side(node.left)}${node.sign}${side(node.right)}`;
  }
  return `${node.type}[${node.items.map(show).join(" ")}]`;
}

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
