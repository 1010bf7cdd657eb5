/** What {@link applyModifiers} returns. @internal */
export interface AppliedModifiers {
  /** A new object: the current record with the update merged in. */
  record: Record<string, unknown>;
  /** The fields written (`count` for `count+`), in order, once each; an uninterpreted key as-is. */
  written: string[];
}

type Operation = "append" | "prepend" | "subtract";

const MODIFIER = /^(\+)?(\w+)([+-])?$/;

/**
 * Merges update data into a record the way PocketBase will store it, for an optimistic update
 * (`current` is `undefined` for a create). Modifiers work as on the server:
 *
 * - `count+` / `count-` add / subtract; a missing, `null` or `""` value counts as 0, the operand
 *   is cast as PocketBase casts it (see `toNumber`), and the result may go below zero.
 * - `tags+` appends, `+tags` prepends, `tags-` removes every occurrence (select, relation, file).
 *   As in `list.ToUniqueStringSlice`, values are strings, empty ones are dropped and the first
 *   occurrence wins: appending a present value changes nothing, prepending one moves it first.
 * - Shorter keys first (`Record.ReplaceModifiers`), so plain keys before modifiers; modifiers of
 *   one field in key order (the server's order is Go map order, i.e. random).
 *
 * Without the schema, the field type is read from the values: a number field holds a number (or
 * nothing, with a number operand), a multi-value field an array (or nothing). Anything else (a
 * modifier on a text or single-value field, files, non-string items) is copied as-is for the
 * server's answer to replace. FormData is not supported.
 * @internal
 */
export function applyModifiers(
  current: Record<string, unknown> | undefined,
  data: Record<string, unknown>,
): AppliedModifiers {
  const record: Record<string, unknown> = { ...current };
  const written = new Set<string>();
  // Stable sort: keys of equal length keep their order.
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
