import type { FieldKind } from "./fieldKinds";
import { sqliteText } from "./sqliteText";
import { type FieldRef, type MaybeSql, type Operand, type SqlValue, UNKNOWN } from "./types";

// As in compileSort: only arrays of strings free of these have a stored JSON text we can reproduce.
const JSON_UNSAFE = /[\u0000-\u001f\u2028\u2029]|\p{Surrogate}/u;
const LONE_SURROGATE = /\p{Surrogate}/u;
// Text json_valid() could accept as an array (JSON whitespace, then "["): json_each and
// json_array_length would walk it instead of treating it as one value.
const ARRAY_LIKE = /^[\t\n\r ]*\[/;
// Beyond this a double is no int64, and SQLite keeps it as a REAL.
// (2 ** 63 written out: bundlers keep an expression at the top level, and this one costs every
// bundle of the package, filters or not.)
const INT64_LIMIT = 9_223_372_036_854_775_808;

/**
 * The operand PocketBase's SQL sees for a field reference, given one record value and one assumed
 * kind of field (as the record field resolver's `finalizeActivePropsProcessing` builds it).
 *
 * `:each` on a select, relation or file field is a LEFT JOIN of `json_each` over its values: one
 * row per value, or a single NULL row for an empty array. `row` picks the joined row; a multiple
 * field also carries all rows, for the "every value" subquery of non-`?` operators. `:length` is
 * `json_array_length`. On other kinds PocketBase ignores both modifiers and reads the column
 * (`title:length = 3` compares the title itself). `:lower` is SQLite's ASCII-only `LOWER()`, an
 * expression without affinity.
 *
 * Tested by tests/core/filter/compileFilter.test.ts, tests/core/filter/compileFilter.semantics.test.ts (each field kind's column, :each, :length and :lower, against the server's answers).
 * @internal
 */
export function resolveOperand(field: FieldRef, kind: FieldKind, value: unknown, row = 0): Operand {
  const column = columnOf(kind, value);
  const { modifier } = field;
  if (modifier === "lower") return { ...column, value: lower(column.value), affinity: "none" };
  if (modifier === "length" && (kind === "single" || kind === "multiple")) {
    const count = kind === "multiple" ? (value as unknown[]).length : lengthOfSingle(value as string);
    const length: MaybeSql = count === undefined ? UNKNOWN : { num: count, storage: "int" };
    return { value: length, affinity: "none", fallback: "auto" };
  }
  if (modifier === "each" && (kind === "single" || kind === "multiple")) {
    const rows = eachRows(kind, value);
    // Only a multiple field gets PocketBase's multi-match subquery (`IsMultiple()`).
    const joined = row < rows.length ? rows[row]! : UNKNOWN;
    return { value: joined, affinity: "none", fallback: "auto", rows, multiMatch: kind === "multiple" };
  }
  return column;
}

function eachRows(kind: FieldKind, value: unknown): readonly MaybeSql[] {
  if (kind === "multiple") {
    const items = value as string[];
    if (items.some((item) => LONE_SURROGATE.test(item))) return [UNKNOWN];
    return items.length > 0 ? items : [null];
  }
  if (kind === "single") {
    const text = value as string;
    return [ARRAY_LIKE.test(text) || LONE_SURROGATE.test(text) ? UNKNOWN : text];
  }
  return [UNKNOWN];
}

function columnOf(kind: FieldKind, value: unknown): Operand {
  switch (kind) {
    case "plain":
    case "single":
      return { value: text(value as string), affinity: "text", fallback: "auto" };
    case "multiple": {
      const items = value as string[];
      const stored = items.some((item) => JSON_UNSAFE.test(item)) ? UNKNOWN : JSON.stringify(items);
      return { value: stored, affinity: "numeric", fallback: "auto" };
    }
    case "number": {
      const num = value as number;
      // NUMERIC affinity stores an integral double as an INTEGER when it fits in an int64
      // (checked: 2^52 and 1e15 print as integers, 1e20 as "1.0e+20").
      const storage = Number.isInteger(num) && Math.abs(num) < INT64_LIMIT ? "int" : "real";
      return { value: { num: num === 0 ? 0 : num, storage }, affinity: "numeric", fallback: "auto" };
    }
    case "bool":
      return { value: { num: value ? 1 : 0, storage: "int" }, affinity: "numeric", fallback: "auto" };
    case "json":
      return { value: jsonValue(value), affinity: "none", fallback: "disabled" };
    case "unknown":
      return { value: UNKNOWN, affinity: "none", fallback: "auto" };
  }
}

// What json_extract(column, '$') yields for a json field's value.
function jsonValue(value: unknown): MaybeSql {
  if (value === null) return null;
  if (typeof value === "string") return text(value);
  if (typeof value === "boolean") return { num: value ? 1 : 0, storage: "int" };
  if (typeof value === "number") {
    // The raw JSON may say `5` (INTEGER) or `5.0` (REAL): the parsed record cannot tell.
    return { num: value === 0 ? 0 : value, storage: Number.isInteger(value) ? "unknown" : "real" };
  }
  if (Array.isArray(value)) return { opaque: "[" };
  return typeof value === "object" ? { opaque: "{" } : UNKNOWN;
}

// Go stores a lone surrogate as U+FFFD: such text never comes from the server.
function text(value: string): MaybeSql {
  return LONE_SURROGATE.test(value) ? UNKNOWN : value;
}

function lengthOfSingle(value: string): number | undefined {
  if (ARRAY_LIKE.test(value)) return undefined;
  return value === "" ? 0 : 1;
}

function lower(value: MaybeSql): MaybeSql {
  if (value === null || value === UNKNOWN) return value;
  if (typeof value === "object" && "opaque" in value) return value;
  const source: SqlValue = value;
  const asText = sqliteText(source);
  if (asText === UNKNOWN || asText === null) return asText;
  return asText.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}
