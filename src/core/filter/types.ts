// Shared shapes of the filter grammar: the parsed tree, and the SQL values and operands the
// evaluator reproduces PocketBase's SQL with.

/** A comparison operator of PocketBase's filter grammar (fexpr `SignOp`). */
export type FilterSign =
  | "="
  | "!="
  | "~"
  | "!~"
  | "<"
  | "<="
  | ">"
  | ">="
  | "?="
  | "?!="
  | "?~"
  | "?!~"
  | "?<"
  | "?<="
  | "?>"
  | "?>=";

/** One side of a condition, as written. */
export type FilterOperand =
  | { type: "text"; value: string }
  | { type: "number"; value: number }
  | { type: "identifier"; name: string };

/** One `left sign right` comparison. */
export interface FilterCondition {
  type: "condition";
  left: FilterOperand;
  sign: FilterSign;
  right: FilterOperand;
}

/** A parsed filter: conditions joined by `&&` and `||` (AND binds tighter, as in SQL). */
export type FilterNode = FilterCondition | { type: "and" | "or"; items: FilterNode[] };

/**
 * PocketBase field types by field name (`collection.fields.map((f) => [f.name, f.type])`), an
 * optional hint for a filter predicate. Without it a record's JSON value leaves the field's
 * type open (a string may be a text field or a `json` field holding a string) and cases whose
 * SQL differs between the candidates are undecidable.
 *
 * @example
 * ```ts
 * const types: FieldTypes = { title: "text", views: "number", tags: "select" };
 * ```
 */
export type FieldTypes = Readonly<Record<string, string>>;

/**
 * Whether a record matches a compiled filter: `true` or `false` as PocketBase decides it, or
 * `undefined` when the record's values leave the answer open (see {@link FieldTypes}).
 *
 * @example
 * ```ts
 * const predicate: FilterPredicate = compileFilter('status = "draft"')!;
 * predicate({ id: "a", status: "draft" }); // => true
 * ```
 */
export type FilterPredicate = (
  record: Readonly<Record<string, unknown>>,
  fieldTypes?: FieldTypes,
) => boolean | undefined;

/** A number as SQLite holds it; `storage` decides how it turns into text. */
export interface SqlNumber {
  num: number;
  storage: "int" | "real" | "unknown";
}

/** A JSON array or object as text whose exact spelling is unknown; only its first character is. */
export interface OpaqueText {
  opaque: "[" | "{";
}

/** A SQLite value: NULL, text, a number, or text of unknown spelling. */
export type SqlValue = null | string | SqlNumber | OpaqueText;

/** A value the evaluator cannot reproduce. */
export const UNKNOWN = Symbol("unknown");

/** What a value may be: known, or {@link UNKNOWN}. */
export type MaybeSql = SqlValue | typeof UNKNOWN;

/** SQLite's comparison affinity of an operand (datatype3 §4.2): columns have one, expressions not. */
export type Affinity = "text" | "numeric" | "none";

/**
 * One resolved side of a condition, mirroring PocketBase's `search.ResolverResult`.
 */
export interface Operand {
  value: MaybeSql;
  affinity: Affinity;
  /** `NullFallbackDisabled` (json fields): `=` becomes `IS` and no `''`/NULL folding. */
  fallback: "auto" | "disabled";
  /** The bound parameter of a text or number literal (PocketBase's `Params`). */
  param?: string | number;
  /** The SQL PocketBase writes for `null`, `true` and `false` when no field has that name. */
  literal?: "NULL" | "1" | "0";
  /** All json_each rows of an `:each` (this operand's `value` is one of them). */
  rows?: readonly MaybeSql[];
  /** A multiple field's `:each`: non-`?` operators also require every row to match. */
  multiMatch?: boolean;
}

/** A field reference of a filter: a plain name and at most one supported modifier. */
export interface FieldRef {
  name: string;
  modifier?: "lower" | "length" | "each";
}

/** A condition's side after compilation: a literal, or a field read from each record. */
export type CompiledSide =
  | { type: "literal"; operand: Operand }
  /** `fallback`: the SQL literal PocketBase uses for `null`/`true`/`false` when no such field exists. */
  | { type: "field"; ref: FieldRef; fallback?: Operand };

/** A compiled filter tree; a condition lists the fields it reads. */
export type CompiledNode =
  | { type: "condition"; left: CompiledSide; sign: FilterSign; right: CompiledSide; fields: string[] }
  | { type: "and" | "or"; items: CompiledNode[] };

/** A compiled filter: its tree, and how it uses each field it reads. */
export interface FilterProgram {
  tree: CompiledNode;
  /** `walks`: read with `:each` or `:length`; `each`: read with `:each` (a json_each join). */
  fields: { name: string; walks: boolean; each: boolean }[];
}

/** SQL three-valued logic plus `undefined` for "cannot tell". */
export type Truth = boolean | null | undefined;
