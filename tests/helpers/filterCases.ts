// One table of filter cases, pinned twice: tests/core/filter/compileFilter.semantics.test.ts asserts that
// PocketBase answers `matches` for each filter, and tests/core/filter/compileFilter.test.ts that
// compileFilter decides the same for the same records without a server.

import type { FieldTypes } from "../../src/core/filter/types";

/** Fields of the collection the cases run against (besides `k`, each record's key). */
export const caseFields = [
  { type: "text", name: "k" },
  { type: "text", name: "t" },
  { type: "text", name: "u" },
  { type: "number", name: "n" },
  { type: "bool", name: "b" },
  { type: "select", name: "s", maxSelect: 1, values: ["a", "b", "A", "5", "[1]"] },
  { type: "select", name: "m", maxSelect: 5, values: ["a", "b", "A", "red", "c"] },
  { type: "json", name: "j" },
  { type: "date", name: "d" },
];

/** The declared types, as a caller would pass them to a predicate. */
export const caseTypes: FieldTypes = {
  ...{ k: "text", t: "text", u: "text", n: "number", b: "bool" },
  ...{ s: "select", m: "select", j: "json", d: "date" },
};

const defaults = { t: "", u: "", n: 0, b: false, s: "", m: [] as string[], j: null as unknown, d: "" };

/** The records, keyed by `k`, with every field as PocketBase returns it. */
export const caseRecords: Record<string, typeof defaults & { k: string }> = Object.fromEntries(
  Object.entries({
    r1: { t: "5", u: "5", n: 5, b: true, s: "a", m: ["a", "b"], j: "x", d: "2024-01-01 10:00:00.000Z" },
    r2: { t: "5.0", n: 0, j: "" },
    r3: { u: "1.5", n: -1.5, s: "b", m: ["red"], d: "2024-01-01 00:00:00.000Z" },
    r4: { t: "abc", u: "é", n: 0.1, b: true, s: "A", m: ["A"], j: ["a", "b"], d: "2023-12-31 23:59:59.999Z" },
    r5: { t: "ÉCOLE", u: "5.0", n: 10, s: "5", m: ["b", "a"], j: true, d: "2024-06-15 12:30:45.123Z" },
    r6: { t: "école", u: "1", n: 1e20, s: "[1]", m: ["c", "red"], j: 2.5 },
    r7: { t: "50%", u: "x", n: 2.5, b: true, s: "b", m: ["c"], j: { a: 1 } },
    r8: { t: "5_0", u: "5_0", n: 1e-7, j: "five" },
    r9: { t: "a__b", u: "A", n: 1 },
    r10: { t: "ax_b", u: "a", n: -0.5, m: ["a"] },
    r11: { t: "a\\b", n: 123456789012345 },
    r12: { t: "x\ny", u: "x\ny" },
    r13: { t: "10", u: "9", n: 9 },
    r14: { t: `it's "q"`, u: "it's" },
  }).map(([k, values]) => [k, { ...defaults, ...values, k }]),
);

/**
 * A filter and the keys of the records PocketBase returns for it, in key order. `undecided`
 * lists records the predicate leaves open even with the field types: a single select whose value
 * looks like a JSON array (`[1]`: json_each would walk it) and LIKE on a json array or object
 * (its stored spelling is not in the record).
 */
export interface FilterCase {
  filter: string;
  matches: string[];
  undecided?: string[];
}

const all = Object.keys(caseRecords);
const allBut = (...keys: string[]) => all.filter((key) => !keys.includes(key));

export const filterCases: FilterCase[] = [
  { filter: 't = ""', matches: ["r3"] },
  { filter: "t = null", matches: ["r3"] }, // (t = '' OR t IS NULL)
  { filter: "t != null", matches: allBut("r3") },
  { filter: "null = t", matches: ["r3"] },
  { filter: "j = null", matches: ["r3", "r9", "r10", "r11", "r12", "r13", "r14"] }, // json: j IS NULL, "" is not null
  { filter: 'j = ""', matches: ["r2"] },
  { filter: "j != null", matches: ["r1", "r2", "r4", "r5", "r6", "r7", "r8"] },
  { filter: "t = 5", matches: ["r2"] }, // 5 is a REAL bound to a text column: '5.0'
  { filter: "t = 0.1", matches: [] },
  { filter: "t > 9", matches: ["r4", "r5", "r6", "r9", "r10", "r11", "r12", "r14"] }, // t > '9.0' as text
  { filter: "t = true", matches: [] },
  { filter: "u = true", matches: ["r6"] }, // true is the SQL 1, and a text column makes it '1'
  { filter: "n = true", matches: ["r9"] },
  { filter: "u != true", matches: allBut("r6") },
  { filter: "j = false", matches: [] },
  { filter: '"1" = u', matches: ["r6"] },
  { filter: "u < 2", matches: ["r2", "r3", "r6", "r11"] }, // 2 becomes '2.0'
  { filter: "u > 1.5", matches: allBut("r2", "r3", "r6", "r11") },
  { filter: "u:length = 1", matches: [] }, // :length is ignored on text: u = '1.0'
  { filter: 'u:each ?= "1"', matches: ["r6"] },
  { filter: 'n = "5"', matches: ["r1"] }, // a number column makes '5' a number
  { filter: 'n = " 5"', matches: ["r1"] },
  { filter: 'n = "1e1"', matches: ["r5"] },
  { filter: 'n = "5_0"', matches: [] },
  { filter: 'n < "5_0"', matches: all },
  { filter: "n > u", matches: ["r5", "r6"] },
  { filter: "n = u", matches: [] }, // COALESCE(n, '') = COALESCE(u, ''): no affinity left
  { filter: "t = u", matches: ["r1", "r8", "r12"] },
  { filter: "t != u", matches: allBut("r1", "r8", "r12") },
  { filter: "u ~ t", matches: ["r1", "r3", "r8", "r12"] },
  { filter: '"5" = n', matches: ["r1"] },
  { filter: 'n ~ "e"', matches: ["r6", "r8"] },
  { filter: "n ~ 1.50", matches: ["r3"] },
  { filter: 'n ~ "5"', matches: ["r1", "r3", "r7", "r10", "r11"] },
  { filter: 'n:lower = "0.1"', matches: ["r4"] },
  { filter: "n:length = 1", matches: ["r9"] },
  { filter: "b = true", matches: ["r1", "r4", "r7"] },
  { filter: "b = 1", matches: ["r1", "r4", "r7"] },
  { filter: 'b = "1"', matches: ["r1", "r4", "r7"] },
  { filter: 'b = "true"', matches: [] },
  { filter: "b != false", matches: ["r1", "r4", "r7"] },
  { filter: "b ~ 1", matches: ["r1", "r4", "r7"] },
  { filter: 'd > "2024-01-01"', matches: ["r1", "r3", "r5"] },
  { filter: 'd = "2024-01-01"', matches: [] }, // dates are text; no normalisation
  { filter: 'd >= "2024-01-01T00:00:00Z"', matches: ["r5"] },
  { filter: 'd < "2024-01-01 10:00:00Z"', matches: allBut("r5") },
  { filter: 'd = ""', matches: allBut("r1", "r3", "r4", "r5") },
  { filter: 't ~ "abc"', matches: ["r4"] },
  { filter: 't ~ "ABC"', matches: ["r4"] },
  { filter: 't ~ "école"', matches: ["r6"] },
  { filter: 't ~ "École"', matches: ["r5"] }, // ASCII-only case folding: É ≠ é
  { filter: 't:lower = "école"', matches: ["r6"] },
  { filter: 't ~ "5_0"', matches: ["r8"] },
  { filter: 't ~ "5%0"', matches: ["r2", "r8"] },
  { filter: 't ~ "50%"', matches: ["r7"] },
  { filter: 't ~ "a__b"', matches: ["r9", "r10"] }, // PocketBase escapes only the second _
  { filter: String.raw`t ~ "a\\b"`, matches: ["r11"] },
  { filter: String.raw`t ~ "%b\\"`, matches: [] },
  { filter: String.raw`t ~ "x\ny"`, matches: ["r12"] },
  { filter: 't !~ "5"', matches: allBut("r1", "r2", "r7", "r8") },
  { filter: String.raw`t = 'it\'s "q"'`, matches: ["r14"] },
  { filter: String.raw`t = "it's \"q\""`, matches: ["r14"] },
  { filter: "'abc' ~ 'b'", matches: all },
  { filter: '"x" ~ u', matches: ["r2", "r7", "r11"] },
  { filter: "t ~ 0", matches: ["r2", "r7", "r8", "r13"] },
  { filter: 'm = "a"', matches: [] }, // compares the stored JSON text ["a","b"]
  { filter: 'm ?= "a"', matches: [] }, // without :each, ?= is =
  { filter: 'm ~ "a"', matches: ["r1", "r4", "r5", "r10"] },
  { filter: "m = '[\"a\"]'", matches: ["r10"] },
  { filter: 'm:each = "a"', matches: ["r10"] },
  { filter: 'm:each ?= "a"', matches: ["r1", "r5", "r10"] },
  { filter: 'm:each != "a"', matches: allBut("r1", "r5", "r10") },
  { filter: 'm:each ?!= "a"', matches: allBut("r10") },
  { filter: 'm:each = ""', matches: ["r2", "r8", "r9", "r11", "r12", "r13", "r14"] }, // [] joins a NULL row
  { filter: "m:each = null", matches: ["r2", "r8", "r9", "r11", "r12", "r13", "r14"] },
  { filter: 'm:each ~ "a"', matches: ["r4", "r10"] },
  { filter: 'm:each ?~ "A"', matches: ["r1", "r4", "r5", "r10"] },
  { filter: 'm:each < "b"', matches: ["r4", "r10"] },
  { filter: 'm:each ?= "a" && m:each ?= "b"', matches: [] }, // both read the same joined row
  { filter: 'm:each = "a" || m:each = "b"', matches: ["r10"] },
  { filter: 'm:each ?= "a" || n > 9', matches: ["r1", "r5", "r6", "r10", "r11"] },
  { filter: "m:each ?= u", matches: ["r2", "r10", "r11"] },
  { filter: "m:each != u", matches: allBut("r2", "r10", "r11") },
  { filter: "u ?!= m:each", matches: allBut("r2", "r10", "r11") },
  { filter: "m:length = 0", matches: ["r2", "r8", "r9", "r11", "r12", "r13", "r14"] },
  { filter: "m:length > 1", matches: ["r1", "r5", "r6"] },
  { filter: 'm:length = "1"', matches: [] },
  { filter: "m:length = n", matches: ["r2", "r12", "r14"] },
  { filter: "m:lower ~ '\"a\"'", matches: ["r1", "r4", "r5", "r10"] },
  { filter: "s:length = 0", matches: ["r2", "r8", "r9", "r10", "r11", "r12", "r13", "r14"], undecided: ["r6"] },
  { filter: "s:length = 1", matches: ["r1", "r3", "r4", "r5", "r6", "r7"], undecided: ["r6"] },
  { filter: 's:each = "a"', matches: ["r1"], undecided: ["r6"] },
  { filter: 's:each ?= "b" && m:each ?= "red"', matches: ["r3"], undecided: ["r6"] },
  { filter: "t:length > 1", matches: allBut("r3") },
  { filter: 't:each = "abc"', matches: ["r4"] },
  { filter: 'j:each = "a"', matches: [] },
  { filter: "j:length = 2", matches: [] },
  { filter: 'j = "x"', matches: ["r1"] },
  { filter: 'j ~ "a"', matches: ["r4", "r7"], undecided: ["r4", "r7"] },
  { filter: "j = true", matches: ["r5"] },
  { filter: "j = 1", matches: ["r5"] },
  { filter: "j > 2", matches: ["r1", "r2", "r4", "r6", "r7", "r8"] },
  { filter: "j = 2.5", matches: ["r6"] },
  { filter: 'k ?= "r1"', matches: ["r1"] },
  { filter: 'k ?~ "r1"', matches: ["r1", "r10", "r11", "r12", "r13", "r14"] },
  { filter: "n > 1 || n < 3 && n > 5", matches: ["r1", "r5", "r6", "r7", "r11", "r13"] },
  { filter: "(n > 1 || n < 3) && n > 5", matches: ["r5", "r6", "r11", "r13"] },
  { filter: "n = 1 || n = 2 && n = 3 || n = 4 // comment", matches: ["r9"] },
  { filter: "true = TRUE", matches: all },
  { filter: "null = NULL", matches: all },
  { filter: "1 < 2", matches: all },
];
