import { describe, expect, it } from "vitest";
import { tokenizeFilter } from "../../../src/core/filter/tokenizeFilter";

// Where a case says "400", PocketBase 0.40.4 (fexpr v0.6.0) answered 400 to that filter.
const kinds = (source: string) => tokenizeFilter(source)?.map((token) => token.type);
const literals = (source: string) =>
  tokenizeFilter(source)?.flatMap((token) => ("literal" in token ? [token.literal] : []));

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
