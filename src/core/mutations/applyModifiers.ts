/** A record with an update applied, and the fields the update wrote. */
export interface AppliedModifiers {
  /** A new object: the current record with the update merged in. */
  record: Record<string, unknown>;
  /**
   * The fields the update wrote (`count` for `count+`), in order, without duplicates. A key
   * that could not be interpreted is copied as-is and listed as-is.
   */
  written: string[];
}

type Operation = "append" | "prepend" | "subtract";

const MODIFIER = /^(\+)?(\w+)([+-])?$/;

/**
 * Merges partial update data into a record, applying PocketBase's field modifiers the way the
 * server will, for an optimistic update:
 *
 * - `count+: n` / `count-: n` add to / subtract from a number; a missing, `null` or `""`
 *   current value counts as 0 (PocketBase casts it to 0); `n` is cast like PocketBase does
 *   (numeric strings, booleans; anything else counts as 0). Numbers may go below zero.
 * - `tags+: v | v[]` appends, `+tags: v | v[]` prepends, `tags-: v | v[]` removes every
 *   occurrence, on a multi-value field (select, relation, file). Like PocketBase
 *   (`list.ToUniqueStringSlice`), values are strings, empty ones are dropped and duplicates
 *   collapse to their first occurrence: appending a present value changes nothing, prepending
 *   one moves it to the front.
 * - Plain keys are written first, then modifiers: PocketBase applies shorter keys first
 *   (`Record.ReplaceModifiers`). Modifiers of the same field run in key order (the server's
 *   order between them is Go map order, i.e. random).
 *
 * The field type is not known on the client, so a modifier is read from the values: a number
 * field is one whose current value is a number (or missing with a number operand), a
 * multi-value field one whose current value is an array (or missing with a string operand).
 * Anything else (a modifier on a single-value or text field, file uploads, non-string items)
 * is copied as-is; the server's answer replaces it. FormData is not supported.
 *
 * @param current - The record as cached, or `undefined` (e.g. for a create).
 * @param data - The update data, possibly with modifier keys.
 * @returns The new record and the fields written.
 * @example
 * ```ts
 * applyModifiers({ id: "a", views: 1, tags: ["x"] }, { "views+": 2, "tags+": ["x", "y"] });
 * // => { record: { id: "a", views: 3, tags: ["x", "y"] }, written: ["views", "tags"] }
 * ```
 */
export function applyModifiers(
  current: Record<string, unknown> | undefined,
  data: Record<string, unknown>,
): AppliedModifiers {
  const record: Record<string, unknown> = { ...current };
  const written = new Set<string>();
  // Array.prototype.sort is stable: equal lengths keep their key order.
  const keys = Object.keys(data).sort((a, b) => a.length - b.length);
  for (const key of keys) {
    const value = data[key];
    const match = MODIFIER.exec(key);
    const [, prefix, name, suffix] = match ?? [];
    if (!match || !name || (!prefix && !suffix) || (prefix && suffix)) {
      record[key] = value;
      written.add(key);
      continue;
    }
    const operation: Operation = prefix ? "prepend" : suffix === "+" ? "append" : "subtract";
    const next = modify(record[name], operation, value);
    if (next === undefined) {
      record[key] = value;
      written.add(key);
    } else {
      record[name] = next;
      written.add(name);
    }
  }
  return { record, written: [...written] };
}

function modify(base: unknown, operation: Operation, operand: unknown): unknown {
  const empty = base === undefined || base === null || base === "";
  const numeric = typeof base === "number" || (empty && typeof operand === "number");
  if (numeric && operation !== "prepend") {
    const start = typeof base === "number" ? base : 0;
    return operation === "append" ? start + toNumber(operand) : start - toNumber(operand);
  }
  if (!Array.isArray(base) && !(base === undefined || base === null)) return undefined;
  const existing = uniqueStrings(base ?? []);
  const values = toStrings(operand);
  if (!existing || !values) return undefined;
  if (operation === "append") return uniqueStrings([...existing, ...values]);
  if (operation === "prepend") return uniqueStrings([...values, ...existing]);
  return existing.filter((item) => !values.includes(item));
}

// Like spf13/cast.ToFloat64, which PocketBase's number modifiers use: failures become 0.
function toNumber(value: unknown): number {
  if (typeof value === "number") return Number.isFinite(value) ? value : 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : 0;
  }
  return 0;
}

// Like list.ToUniqueStringSlice: a string that looks like a JSON array is parsed as one.
function toStrings(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") {
    if (value.includes("[")) {
      try {
        const parsed: unknown = JSON.parse(value);
        if (Array.isArray(parsed)) return uniqueStrings(parsed);
      } catch {
        // not JSON: a single value, as PocketBase treats it
      }
    }
    return uniqueStrings([value]);
  }
  return Array.isArray(value) ? uniqueStrings(value) : undefined;
}

// Non-empty, first occurrence wins (list.NonzeroUniques); undefined if an item is not a string.
function uniqueStrings(items: readonly unknown[]): string[] | undefined {
  if (!items.every((item) => typeof item === "string")) return undefined;
  return [...new Set(items as string[])].filter((item) => item !== "");
}
