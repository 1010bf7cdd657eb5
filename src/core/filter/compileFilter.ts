import { evaluateProgram } from "./evaluateProgram";
import { parseFilter } from "./parseFilter";
import type {
  CompiledNode,
  CompiledSide,
  FieldRef,
  FilterNode,
  FilterOperand,
  FilterPredicate,
  FilterProgram,
  Operand,
} from "./types";

type Usage = FilterProgram["fields"][number];

// Record keys that are no fields: PocketBase answers 400 when a filter names them.
const NOT_FIELDS = new Set(["collectionId", "collectionName", "expand"]);
const MODIFIERS = new Set(["lower", "length", "each"]);
// PocketBase reads `null`, `true`, `false` (any case) as SQL when no field has that name.
const LITERALS: Record<string, Operand> = {
  null: { value: null, affinity: "none", fallback: "auto", literal: "NULL" },
  true: { value: { num: 1, storage: "int" }, affinity: "none", fallback: "auto", literal: "1" },
  false: { value: { num: 0, storage: "int" }, affinity: "none", fallback: "auto", literal: "0" },
};
const LONE_SURROGATE = /\p{Surrogate}/u; // such a filter cannot even be URL-encoded
const CACHE_LIMIT = 256;
const compiled = new Map<string, FilterPredicate | undefined>();

/**
 * Compiles a PocketBase filter into a predicate that decides, record by record, what the server
 * decides for `getList({ filter })`, or returns `undefined` when the filter cannot be decided on
 * the client. Memoised by filter string.
 *
 * Decidable: `=` `!=` `>` `>=` `<` `<=` `~` `!~` and their `?` forms, `&&`, `||`, parentheses,
 * `//` comments, quoted text, numbers, `true` `false` `null`, plain field names and the
 * `:lower`, `:length` and `:each` modifiers; `pb.filter()` returns such a string. The predicate
 * reproduces the SQL PocketBase builds, with SQLite's semantics; dates are text compared as
 * written (PocketBase does not normalise `"2024-01-01"` or a `T` separator).
 *
 * Undecidable (`undefined`): relation paths (`author.name`), back-relations (`x_via_y`),
 * `@request.*`, `@collection.*`, macros such as `@now`, functions such as `geoDistance()`, the
 * `:isset` and `:changed` modifiers, invalid filters (the server answers 400) and inputs
 * PocketBase reads oddly, such as a group right after an operand.
 *
 * The predicate returns `undefined` for a record when the answer depends on what the record does
 * not show: a field it lacks (hidden or projected away), `email` on an auth collection unless
 * `emailVisibility` is true (PocketBase filters other emails out for non-superusers), or the
 * field's declared type where the SQL of the types its JSON value may come from disagrees (a
 * `json` field compares without affinity and with `IS`; a text field turns `5` into `'5.0'`).
 * Pass {@link FieldTypes} to settle the type.
 *
 * @param filter - A PocketBase filter expression.
 * @returns The predicate, or `undefined` when the filter is not decidable on the client.
 * @example
 * ```ts
 * const isDraft = compileFilter('status = "draft" && views > 10')!;
 * isDraft({ id: "a", status: "draft", views: 12 }); // => true
 * compileFilter("author.name = 'x'"); // => undefined
 * ```
 */
export function compileFilter(filter: string): FilterPredicate | undefined {
  if (compiled.has(filter)) return compiled.get(filter);
  const tree = LONE_SURROGATE.test(filter) ? undefined : parseFilter(filter);
  const usage = new Map<string, Usage>();
  const root = tree && compileNode(tree, usage);
  const program: FilterProgram | undefined = root && { tree: root, fields: [...usage.values()] };
  const predicate: FilterPredicate | undefined =
    program && ((record, fieldTypes) => evaluateProgram(program, record, fieldTypes));
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  compiled.set(filter, predicate);
  return predicate;
}

function compileNode(node: FilterNode, usage: Map<string, Usage>): CompiledNode | undefined {
  if (node.type !== "condition") {
    const items = node.items.map((item) => compileNode(item, usage));
    return items.every((item) => item !== undefined) ? { type: node.type, items } : undefined;
  }
  const left = compileSide(node.left, usage);
  const right = compileSide(node.right, usage);
  if (!left || !right) return undefined;
  const each = (side: CompiledSide) => side.type === "field" && side.ref.modifier === "each";
  if (each(left) && each(right)) return undefined; // PocketBase's many-vs-many match
  const fields = [...new Set([left, right].flatMap((side) => (side.type === "field" ? [side.ref.name] : [])))];
  return { type: "condition", left, sign: node.sign, right, fields };
}

function compileSide(operand: FilterOperand, usage: Map<string, Usage>): CompiledSide | undefined {
  if (operand.type !== "identifier") {
    // Literals are bound as parameters: text as it is, numbers as a Go float64 (a SQLite REAL).
    const value = operand.type === "text" ? operand.value : ({ num: operand.value, storage: "real" } as const);
    return { type: "literal", operand: { value, affinity: "none", fallback: "auto", param: operand.value } };
  }
  const { name: identifier } = operand;
  const fallback = LITERALS[identifier.toLowerCase()];
  // Not a plain field: `@…` macros, `#…`, dotted relation or JSON paths.
  if (!/^\w+(:\w+)?$/.test(identifier)) return undefined;
  const [name, modifier] = identifier.split(":") as [string, string | undefined];
  if (NOT_FIELDS.has(name) || (modifier !== undefined && !MODIFIERS.has(modifier))) return undefined;
  const ref: FieldRef = modifier ? { name, modifier: modifier as "lower" | "length" | "each" } : { name };
  const used = usage.get(name) ?? { name, walks: false, each: false };
  used.walks ||= modifier === "each" || modifier === "length";
  used.each ||= modifier === "each";
  usage.set(name, used);
  return fallback ? { type: "field", ref, fallback } : { type: "field", ref };
}
