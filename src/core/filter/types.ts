// Shapes of the filter grammar: the parsed tree, and the SQL values and operands the evaluator
// reproduces PocketBase's SQL with. All internal except FieldTypes and FilterPredicate.
// Tested by tests/core/filter/compileFilter.test.ts (the predicate's true/false/undefined contract, with and without FieldTypes).

/** A comparison operator of PocketBase's filter grammar (fexpr's `SignOp`). @internal */
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

/** One side of a condition, as written. @internal */
export type FilterOperand =
  | { type: "text"; value: string }
  | { type: "number"; value: number }
  | { type: "identifier"; name: string };

/** One `left sign right` comparison. @internal */
export interface FilterCondition {
  type: "condition";
  left: FilterOperand;
  sign: FilterSign;
  right: FilterOperand;
}

/** A parsed filter: conditions joined by `&&` and `||` (AND binds tighter, as in SQL). @internal */
export type FilterNode = FilterCondition | { type: "and" | "or"; items: FilterNode[] };

/**
 * PocketBase field types by field name (`collection.fields.map((f) => [f.name, f.type])`), an
 * optional hint for a filter predicate. Without it a record's JSON value leaves the field's type
 * open (a string may be a text field or a `json` field holding a string), and where the SQL of
 * the candidates differs the predicate answers `undefined`.
 *
 * @example
 * ```ts
 * const types: FieldTypes = { title: "text", views: "number", tags: "select" };
 * ```
 */
export type FieldTypes = Readonly<Record<string, string>>;

/**
 * How `PocketBaseProvider`'s `fieldTypes` declares one field: its PocketBase type, or the
 * field's object as the collection's schema gives it (`{ type, protected }`). `protected` marks
 * a file field whose files are served only with a file token, which `useFileUrl` then fetches.
 *
 * @example
 * ```ts
 * const declared: Record<string, FieldDeclaration> = { tags: "select", photo: { type: "file", protected: true } };
 * ```
 */
export type FieldDeclaration =
  | string
  | {
      /** The field's PocketBase type (`"file"`, `"select"`, …). */
      readonly type: string;
      /** A file field whose files are served only with a file token. */
      readonly protected?: boolean;
    };

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

/** A number as SQLite holds it; `storage` decides how it turns into text. @internal */
export interface SqlNumber {
  num: number;
  storage: "int" | "real" | "unknown";
}

/** A JSON array or object as text of unknown spelling: only its first character is known. @internal */
export interface OpaqueText {
  opaque: "[" | "{";
}

/** A SQLite value: NULL, text, a number, or text of unknown spelling. @internal */
export type SqlValue = null | string | SqlNumber | OpaqueText;

/** A value the evaluator cannot reproduce. @internal */
export const UNKNOWN = Symbol("unknown");

/** A SQLite value, or {@link UNKNOWN}. @internal */
export type MaybeSql = SqlValue | typeof UNKNOWN;

/** SQLite's comparison affinity of an operand: columns have one, expressions none. @internal */
export type Affinity = "text" | "numeric" | "none";

/** One resolved side of a condition, as PocketBase's `search.ResolverResult`. @internal */
export interface Operand {
  value: MaybeSql;
  affinity: Affinity;
  /** `disabled` for json fields (PocketBase's `NullFallbackDisabled`, see evaluateCondition). */
  fallback: "auto" | "disabled";
  /** The bound parameter of a text or number literal (PocketBase's `Params`). */
  param?: string | number;
  /** The SQL of a `null`, `true` or `false` that names no field. */
  literal?: "NULL" | "1" | "0";
  /** All json_each rows of an `:each` (this operand's `value` is one of them). */
  rows?: readonly MaybeSql[];
  /** A multiple field's `:each`: non-`?` operators also require every row to match. */
  multiMatch?: boolean;
}

/** A field reference of a filter: a plain name and at most one supported modifier. @internal */
export interface FieldRef {
  name: string;
  modifier?: "lower" | "length" | "each";
}

/** A condition's side after compilation: a literal, or a field read from each record. @internal */
export type CompiledSide =
  | { type: "literal"; operand: Operand }
  | { type: "field"; ref: FieldRef; fallback?: Operand };

/** A compiled filter tree; a condition lists the fields it reads. @internal */
export type CompiledNode =
  | { type: "condition"; left: CompiledSide; sign: FilterSign; right: CompiledSide; fields: string[] }
  | { type: "and" | "or"; items: CompiledNode[] };

/** A compiled filter: its tree, and how it uses each field it reads. @internal */
export interface FilterProgram {
  tree: CompiledNode;
  /** `walks`: read with `:each` or `:length`; `each`: read with `:each` (a json_each join). */
  fields: { name: string; walks: boolean; each: boolean }[];
}

/** SQL three-valued logic plus `undefined` for "cannot tell". @internal */
export type Truth = boolean | null | undefined;
