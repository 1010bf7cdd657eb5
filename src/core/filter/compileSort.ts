import { compareCodePoints } from "./compareCodePoints";

/**
 * A record comparator that orders records the way PocketBase's SQLite does for one sort
 * expression, plus what a caller needs to know before trusting it.
 */
export interface SortComparator {
  /**
   * Compares two records: negative when `a` comes first, positive when `b` does, 0 when every
   * sort value is equal (their order is then the server's to pick, see {@link compileSort}).
   */
  (a: Record<string, unknown>, b: Record<string, unknown>): number;
  /** The sorted field names, in order (empty for "no sort"). */
  readonly fields: readonly string[];
  /**
   * Whether every sort value of `record` has a stored SQLite form the client knows. The
   * comparator counts other values as equal to anything, so its answer for such a record is
   * meaningless.
   */
  accepts(record: Record<string, unknown>): boolean;
}

type SqlValue = { rank: 0 } | { rank: 1; num: number } | { rank: 2; text: string };
type Term = { field: string; sign: 1 | -1 };

// PocketBase field names are `^\w+$`; anything else in a sort is a relation path, a macro
// (`@random`, `@rowid`, `@request.*`), a modifier (`title:lower`) or a function, whose SQL we do
// not reproduce.
const PLAIN_FIELD = /^\w+$/;
// A lone surrogate cannot be stored (Go writes U+FFFD), so its order is not the one we compute.
const LONE_SURROGATE = /\p{Surrogate}/u;
// Characters that Go's encoding/json and JSON.stringify escape differently (control characters,
// U+2028/U+2029) or cannot store: only arrays of strings without them have a JSON text we can
// reproduce. (`<`, `>` and `&` are stored unescaped: checked against the server.)
const JSON_UNSAFE = /[\u0000-\u001f\u2028\u2029]|\p{Surrogate}/u;

const compiled = new Map<string, SortComparator | undefined>();
const CACHE_LIMIT = 256;

/**
 * Compiles a PocketBase `sort` expression into a comparator that reproduces the server's order,
 * or returns `undefined` when that order cannot be decided on the client: relation paths,
 * `@random`, `@rowid`, macros, modifiers such as `:lower`, functions and any other syntax.
 * Memoised by sort string.
 *
 * The order is SQLite's, as verified against PocketBase 0.40.4: NULL < numbers < text; booleans
 * are 0/1; text compares by BINARY collation (code points, not UTF-16 units: U+E000 < U+FFFD <
 * 😀); dates are text (`2006-01-02 15:04:05.000Z`, `""` when empty, so empty dates sort first);
 * multi-value fields (select, relation, file) compare as their stored JSON text (`["a","b"]` <
 * `["a"]` < `[]`). PocketBase sorts `json` fields through `json_extract`, which yields the same
 * classes for scalars.
 *
 * PocketBase adds no tiebreak (no implicit `id` or rowid): SQLite returns equal records in scan
 * order, rowid ascending without an index but descending when it walks an index on the sort
 * column backwards. So positions among equals are undecidable, and the comparator returns 0 for
 * them. An empty sort has no fields (every record equal): PocketBase sends no ORDER BY and
 * SQLite returns rows in insertion order.
 *
 * @param sort - A PocketBase sort expression such as `-created,title`, or `undefined`.
 * @returns The comparator, or `undefined` when the order is not decidable on the client.
 * @example
 * ```ts
 * const compare = compileSort("-views,title");
 * records.sort(compare); // same order as getFullList({ sort: "-views,title" })
 * compileSort("author.name"); // => undefined
 * ```
 */
export function compileSort(sort: string | undefined): SortComparator | undefined {
  const source = sort?.trim() ?? "";
  if (compiled.has(source)) return compiled.get(source);
  const terms = parseTerms(source);
  const comparator = terms && makeComparator(terms);
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  compiled.set(source, comparator);
  return comparator;
}

// As PocketBase's ParseSortFromString: comma split, trim, a leading "-" means DESC and a leading
// "+" is dropped.
function parseTerms(source: string): Term[] | undefined {
  if (source === "") return [];
  const terms: Term[] = [];
  for (const raw of source.split(",")) {
    const item = raw.trim();
    const sign = item.startsWith("-") ? -1 : 1;
    const field = item.startsWith("-") || item.startsWith("+") ? item.slice(1) : item;
    if (!PLAIN_FIELD.test(field)) return undefined;
    terms.push({ field, sign });
  }
  return terms;
}

function makeComparator(terms: Term[]): SortComparator {
  const compare = (a: Record<string, unknown>, b: Record<string, unknown>): number => {
    for (const { field, sign } of terms) {
      const x = toSqlValue(a[field]);
      const y = toSqlValue(b[field]);
      if (x === undefined || y === undefined) continue;
      const order = compareSqlValues(x, y);
      if (order !== 0) return order * sign;
    }
    return 0;
  };
  return Object.assign(compare, {
    fields: terms.map((term) => term.field),
    accepts: (record: Record<string, unknown>) => terms.every(({ field }) => toSqlValue(record[field]) !== undefined),
  });
}

// How a JSON value from a record is stored and compared by SQLite; undefined when unknown
// (a missing field, an object whose key order we cannot know, text we cannot reproduce).
function toSqlValue(value: unknown): SqlValue | undefined {
  if (value === null) return { rank: 0 };
  if (typeof value === "boolean") return { rank: 1, num: value ? 1 : 0 };
  if (typeof value === "number") return Number.isFinite(value) ? { rank: 1, num: value } : undefined;
  if (typeof value === "string") return LONE_SURROGATE.test(value) ? undefined : { rank: 2, text: value };
  if (Array.isArray(value) && value.every((item) => typeof item === "string" && !JSON_UNSAFE.test(item))) {
    return { rank: 2, text: JSON.stringify(value) };
  }
  return undefined;
}

function compareSqlValues(x: SqlValue, y: SqlValue): number {
  if (x.rank !== y.rank) return x.rank - y.rank;
  if (x.rank === 1 && y.rank === 1) return x.num === y.num ? 0 : x.num < y.num ? -1 : 1;
  if (x.rank === 2 && y.rank === 2) return compareCodePoints(x.text, y.text);
  return 0;
}
