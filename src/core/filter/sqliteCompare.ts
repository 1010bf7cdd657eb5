import { sqliteText } from "./sqliteText";
import { type Affinity, type MaybeSql, type SqlValue, UNKNOWN } from "./types";
import { compareCodePoints } from "./compareCodePoints";

// The text SQLite's NUMERIC affinity turns into a number (sqlite3AtoF without extraneous text):
// optional whitespace and sign, digits with an optional fraction, an optional exponent (checked
// against the server: " 5", "5.0" and "1e1" equal 5 or 10 in a number column, "5_0" stays text).
const NUMERIC_TEXT = /^[\t\n\v\f\r ]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[\t\n\v\f\r ]*$/;

/**
 * Compares two SQL operands as SQLite does for `=`, `<`, `IS`…: first its affinity rules for
 * comparisons (if one side is a NUMERIC column, numeric-looking text on the other side becomes a
 * number; else if one side is a TEXT column and the other has no affinity, a number on the other
 * side becomes text, so the parameter 5.0 becomes `'5.0'`), then the storage class order NULL <
 * numbers < text, numbers by value and text by BINARY collation (code points).
 *
 * @returns The sign of the comparison, `null` when either side is NULL, `undefined` when a
 *   conversion or text cannot be reproduced exactly.
 * @internal
 */
export function sqliteCompare(
  a: { value: MaybeSql; affinity: Affinity },
  b: { value: MaybeSql; affinity: Affinity },
): -1 | 0 | 1 | null | undefined {
  let x = a.value;
  let y = b.value;
  if (a.affinity === "numeric" && b.affinity !== "numeric") y = numeric(y);
  else if (b.affinity === "numeric" && a.affinity !== "numeric") x = numeric(x);
  else if (a.affinity === "text" && b.affinity === "none") y = sqliteText(y);
  else if (b.affinity === "text" && a.affinity === "none") x = sqliteText(x);
  if (x === UNKNOWN || y === UNKNOWN) return undefined;
  if (x === null || y === null) return null;
  return compareValues(x, y);
}

function compareValues(x: SqlValue & {}, y: SqlValue & {}): -1 | 0 | 1 | undefined {
  const xText = typeof x === "string" || "opaque" in x;
  const yText = typeof y === "string" || "opaque" in y;
  if (xText !== yText) return xText ? 1 : -1;
  if (!xText) {
    const [m, n] = [(x as { num: number }).num, (y as { num: number }).num];
    return m === n ? 0 : m < n ? -1 : 1;
  }
  if (typeof x === "string" && typeof y === "string") return compareCodePoints(x, y);
  // JSON of unknown spelling: only its first character ('[' or '{') is known.
  if (typeof x !== "string" && typeof y !== "string") return undefined;
  const sign = typeof x === "string" ? 1 : -1;
  const text = (typeof x === "string" ? x : y) as string;
  const opaque = ((typeof x === "string" ? y : x) as { opaque: string }).opaque;
  if (text === "") return (-sign) as -1 | 1;
  const first = compareCodePoints(Array.from(text)[0]!, opaque);
  return first === 0 ? undefined : ((first * sign) as -1 | 1);
}

// More than 15 significant digits or a large exponent is left undecided: only below that are
// SQLite's parser and Number() sure to round alike.
function numeric(value: MaybeSql): MaybeSql {
  if (typeof value !== "string" || !NUMERIC_TEXT.test(value)) return value;
  const [mantissa = "", exponent = "0"] = value.trim().toLowerCase().split("e");
  const significand = mantissa.replace(/[+\-.]/g, "").replace(/^0+/, "");
  const core = significand.replace(/0+$/, "");
  const scale = Number(exponent) - (mantissa.split(".")[1]?.length ?? 0) + (significand.length - core.length);
  if (core.length > 15 || (core !== "" && Math.abs(scale) > 22)) return UNKNOWN;
  const num = Number(value.trim());
  return { num: num === 0 ? 0 : num, storage: Number.isInteger(num) ? "int" : "real" };
}
