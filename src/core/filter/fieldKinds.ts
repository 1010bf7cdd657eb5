/**
 * How PocketBase's SQL treats a field (its record field resolver and each field's column type):
 * - `plain`: a TEXT column (text, editor, email, url, password, date, autodate).
 * - `single`: the TEXT column of a select, relation or file field holding one value; `:each` walks
 *   `json_array(value)`, `:length` is 0 or 1.
 * - `multiple`: a JSON column (NUMERIC affinity) holding an array of strings.
 * - `number`, `bool`: NUMERIC affinity columns.
 * - `json`: read through `json_extract(…, '$')`, without affinity or NULL fallback.
 * - `unknown`: nothing can be said (a missing value, an object, a geoPoint).
 * @internal
 */
export type FieldKind = "plain" | "single" | "multiple" | "number" | "bool" | "json" | "unknown";

const PLAIN_TYPES = new Set(["text", "editor", "email", "url", "password", "date", "autodate"]);
const MULTI_VALUER_TYPES = new Set(["select", "relation", "file"]);

/**
 * The kinds of field a record's JSON value may come from: one when the type is declared, else
 * every candidate (a string may be a text column or a `json` field holding a string), and the
 * filter is decided only where all of them agree. `walksValues` (`:each` or `:length` on the
 * field) is the only case where a text column and a single select, relation or file differ.
 *
 * Tested by tests/core/filter/compileFilter.test.ts, tests/core/filter/compileFilter.semantics.test.ts (the verdicts with and without declared types, and abstaining on values a declared type cannot hold).
 * @internal
 */
export function fieldKinds(value: unknown, declared: string | undefined, walksValues: boolean): FieldKind[] {
  if (value === undefined) return ["unknown"];
  if (declared !== undefined) return [declaredKind(value, declared)];
  if (typeof value === "string") return walksValues ? ["plain", "single", "json"] : ["plain", "json"];
  if (typeof value === "number") return Number.isFinite(value) ? ["number", "json"] : ["unknown"];
  if (typeof value === "boolean") return ["bool", "json"];
  if (value === null) return ["json"];
  if (Array.isArray(value)) return value.every((item) => typeof item === "string") ? ["multiple", "json"] : ["json"];
  return ["unknown"]; // an object: json or geoPoint, whose SQL differs
}

function declaredKind(value: unknown, type: string): FieldKind {
  if (type === "json") return "json";
  if (PLAIN_TYPES.has(type)) return typeof value === "string" ? "plain" : "unknown";
  if (MULTI_VALUER_TYPES.has(type)) {
    if (typeof value === "string") return "single";
    return Array.isArray(value) && value.every((item) => typeof item === "string") ? "multiple" : "unknown";
  }
  if (type === "number") return typeof value === "number" && Number.isFinite(value) ? "number" : "unknown";
  if (type === "bool") return typeof value === "boolean" ? "bool" : "unknown";
  return "unknown";
}
