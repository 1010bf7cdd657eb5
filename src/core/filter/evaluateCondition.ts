import { goFloatString } from "./goFloatString";
import { likePattern } from "./likePattern";
import { sqliteCompare } from "./sqliteCompare";
import { sqliteLike } from "./sqliteLike";
import { sqliteText } from "./sqliteText";
import { type FilterSign, type Operand, type Truth, UNKNOWN } from "./types";

type Op = "=" | "!=" | "~" | "!~" | "<" | "<=" | ">" | ">=";

const EMPTY: Operand = { value: "", affinity: "none", fallback: "auto" }; // the SQL literal ''
const MAX_PATTERN_BYTES = 50000; // SQLITE_MAX_LIKE_PATTERN_LENGTH: longer patterns are an error

/**
 * Evaluates one condition as the SQL PocketBase builds for it (`buildResolversExpr`) would:
 *
 * - `=` / `!=` fold NULL and `''` together: against a known non-empty literal the comparison is
 *   direct (`a = 'x'`, `a IS NOT 'x'`); against `''` or `null` it is `(a = '' OR a IS NULL)` or
 *   its negation; between two columns `COALESCE(a, '') = COALESCE(b, '')`, which loses both
 *   affinities (a number field never equals a text field). A `json` field disables all of that:
 *   `a IS b` / `a IS NOT b`.
 * - `~` / `!~` are `LIKE … ESCAPE '\'`: a literal becomes {@link likePattern}'s pattern, anything
 *   else `'%' || b || '%'`; NULL on either side is false for both operators.
 * - `<`, `<=`, `>`, `>=` compare directly; NULL is false.
 * - Without `?`, an `:each` on a multiple field must hold for the joined value and, through a
 *   `NOT EXISTS` subquery, for every value of the field; with `?` only the joined value counts.
 *   On other operands `?=` is plain `=`.
 *
 * Tested by tests/core/filter/compileFilter.test.ts, tests/core/filter/compileFilter.semantics.test.ts (every operator's SQL, NULL and '' folding, LIKE, :each over every value, against the server's answers).
 * @internal
 */
export function evaluateCondition(left: Operand, sign: FilterSign, right: Operand): boolean | undefined {
  const anyOf = sign.startsWith("?");
  const op = (anyOf ? sign.slice(1) : sign) as Op;
  let result = build(left, op, right);
  if (!anyOf && left.multiMatch && right.multiMatch) return undefined; // many-vs-many: not reproduced
  if (!anyOf && left.multiMatch) result = and(result, everyRow(left, op, right, false));
  else if (!anyOf && right.multiMatch) result = and(result, everyRow(right, op, left, true));
  return result === null ? false : result; // WHERE drops NULL rows, and only AND/OR sit above
}

// NOT EXISTS (SELECT … WHERE NOT (value op other)): PocketBase rebuilds the condition with the
// other operand stripped to its SQL and parameters (so a json field loses `IS` there).
function everyRow(each: Operand, op: Op, other: Operand, inverse: boolean): Truth {
  const plainOther: Operand = { value: other.value, affinity: other.affinity, fallback: "auto" };
  if (other.param !== undefined) plainOther.param = other.param;
  if (other.literal !== undefined) plainOther.literal = other.literal;
  let unknown = false;
  for (const value of each.rows ?? []) {
    const row: Operand = { value, affinity: "none", fallback: each.fallback };
    const holds = inverse ? build(plainOther, op, row) : build(row, op, plainOther);
    if (holds === false) return false; // NOT(false) is true: such a row exists
    if (holds === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}

function build(left: Operand, op: Op, right: Operand): Truth {
  switch (op) {
    case "=":
      return equal(true, left, right);
    case "!=":
      return equal(false, left, right);
    case "~":
      return like(left, right);
    case "!~":
      return not(like(left, right));
    default: {
      const order = sqliteCompare(left, right);
      if (order === undefined || order === null) return order;
      return op === "<" ? order < 0 : op === "<=" ? order <= 0 : op === ">" ? order > 0 : order >= 0;
    }
  }
}

// PocketBase's resolveEqualExpr.
function equal(positive: boolean, left: Operand, right: Operand): Truth {
  const same = (a: Operand, b: Operand) => (positive ? eq(a, b) : not(isSame(a, b)));
  if (left.fallback === "disabled" || right.fallback === "disabled") {
    return positive ? isSame(left, right) : not(isSame(left, right));
  }
  const leftEmpty = isEmpty(left);
  const rightEmpty = isEmpty(right);
  if (leftEmpty && rightEmpty) return positive; // '' = '' / '' IS NOT ''
  if (knownNonEmpty(left) || knownNonEmpty(right)) {
    return same(leftEmpty ? EMPTY : left, rightEmpty ? EMPTY : right);
  }
  const column = leftEmpty ? right : rightEmpty ? left : undefined;
  if (column) {
    const isNull = column.value === UNKNOWN ? undefined : column.value === null;
    // (a = '' OR a IS NULL) / (a IS NOT '' AND a IS NOT NULL)
    return positive ? or(eq(column, EMPTY), isNull) : and(not(isSame(column, EMPTY)), not(isNull));
  }
  return same(coalesce(left), coalesce(right));
}

function isEmpty(operand: Operand): boolean {
  return operand.literal === "NULL" || (operand.fallback === "auto" && operand.param === "");
}

function knownNonEmpty(operand: Operand): boolean {
  if (operand.literal === "1" || operand.literal === "0") return true;
  return operand.param !== undefined && operand.param !== "";
}

// COALESCE(a, '') is an expression: it has no affinity.
function coalesce(operand: Operand): Operand {
  return { value: operand.value === null ? "" : operand.value, affinity: "none", fallback: "auto" };
}

function eq(a: Operand, b: Operand): Truth {
  const order = sqliteCompare(a, b);
  return order === undefined || order === null ? order : order === 0;
}

// `IS`: like `=`, but NULL IS NULL is true and NULL IS x is false.
function isSame(a: Operand, b: Operand): Truth {
  if (a.value === UNKNOWN || b.value === UNKNOWN) return undefined;
  if (a.value === null || b.value === null) return a.value === b.value;
  const order = sqliteCompare(a, b);
  return order === undefined ? undefined : order === 0;
}

function like(subject: Operand, pattern: Operand): Truth {
  let glob: string | null | typeof UNKNOWN;
  if (pattern.param !== undefined) {
    glob = likePattern(typeof pattern.param === "number" ? goFloatString(pattern.param) : pattern.param);
  } else {
    const text = sqliteText(pattern.value);
    glob = typeof text === "string" ? `%${text}%` : text; // NULL || … is NULL
  }
  const text = sqliteText(subject.value);
  if (text === UNKNOWN || glob === UNKNOWN) return undefined;
  if (text === null || glob === null) return null;
  // SQLite reads LIKE's operands as C strings: a NUL would end them early.
  if (text.includes("\u0000") || glob.includes("\u0000")) return undefined;
  // At most 3 UTF-8 bytes per UTF-16 unit: only long patterns need counting.
  const tooLong = glob.length * 3 > MAX_PATTERN_BYTES && new TextEncoder().encode(glob).length > MAX_PATTERN_BYTES;
  if (tooLong) return undefined;
  return sqliteLike(text, glob);
}

function not(value: Truth): Truth {
  return typeof value === "boolean" ? !value : value;
}

function and(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  if (a === undefined || b === undefined) return undefined;
  return a === null || b === null ? null : true;
}

function or(a: Truth, b: Truth): Truth {
  if (a === true || b === true) return true;
  if (a === undefined || b === undefined) return undefined;
  return a === null || b === null ? null : false;
}
