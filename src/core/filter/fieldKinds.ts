/**
 * How PocketBase's SQL treats a field (core/record_field_resolver_runner.go and each field's
 * `ColumnType`):
 *
 * - `plain`: a TEXT column (text, editor, email, url, password, date, autodate);
 *   `:each` and `:length` are ignored on it.
 * - `single`: a TEXT column of a select, relation or file field holding one value;
 *   `:each` walks `json_array(value)`, `:length` is 0 or 1.
 * - `multiple`: a JSON column (NUMERIC affinity) holding an array of strings.
 * - `number`, `bool`: NUMERIC affinity columns.
 * - `json`: read through `json_extract(…, '$')`: no affinity, `=` becomes `IS`, and the
 *   modifiers `:each`/`:length` are ignored.
 * - `unknown`: nothing can be said (a missing value, an object, a geoPoint).
 */
export type FieldKind = "plain" | "single" | "multiple" | "number" | "bool" | "json" | "unknown";

const PLAIN_TYPES = new Set(["text", "editor", "email", "url", "password", "date", "autodate"]);
const MULTI_VALUER_TYPES = new Set(["select", "relation", "file"]);

/**
 * The kinds of field a record's JSON value may come from. Declared types narrow it to one;
 * without them a string may be a text column or a `json` field holding a string, a number a
 * number field or json, and so on, and the filter is decided only where all of them agree.
 *
 * @param value - The record's value (`undefined` when the record has no such key).
 * @param declared - The field's PocketBase type, when known.
 * @param walksValues - Whether the filter uses `:each` or `:length` on the field: only then do
 *   a plain text column and a single select, relation or file behave differently.
 * @returns The candidate kinds (never empty).
 * @example
 * ```ts
 * fieldKinds("draft", undefined, false); // => ["plain", "json"]
 * fieldKinds("draft", "select", true); // => ["single"]
 * ```
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
