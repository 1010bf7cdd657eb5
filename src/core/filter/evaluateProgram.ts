import { evaluateCondition } from "./evaluateCondition";
import { type FieldKind, fieldKinds } from "./fieldKinds";
import { resolveOperand } from "./resolveOperand";
import type { CompiledNode, CompiledSide, FieldTypes, FilterProgram, Operand } from "./types";

type Field = { value: unknown; kinds: FieldKind[]; isField: boolean; rows: number };
type Fields = Map<string, Field>;

const MAX_ROW_COMBINATIONS = 1024;
const MAX_EXACT_ASSIGNMENTS = 32;

/**
 * Runs a compiled filter on one record: `true` or `false` as PocketBase decides, `undefined`
 * when the record leaves it open.
 *
 * A field may be of several kinds ({@link fieldKinds}), and the answer is given only when all of
 * them lead to it. First each condition is evaluated under every kind of its fields and the
 * conditions are combined in three-valued logic (a condition whose kinds disagree is unknown,
 * which `false &&` or `true ||` can still settle): sound, and one pass when field types are
 * given. If that leaves the answer open, every combination of kinds is evaluated in full, when
 * there are few: that settles a field mentioned twice in compensating ways.
 *
 * With `:each` joins ({@link resolveOperand}) the WHERE clause sees one row per combination of
 * the joined values, and the record matches when any row does. So two conditions on `tags:each`
 * see the same value (`tags:each ?= "a" && tags:each ?= "b"` never matches, as on the server).
 *
 * Tested by tests/core/filter/compileFilter.test.ts, tests/core/filter/compileFilter.semantics.test.ts (verdicts only where every field kind agrees, json_each rows, the row and combination bounds).
 * @internal
 */
export function evaluateProgram(
  program: FilterProgram,
  record: Readonly<Record<string, unknown>>,
  fieldTypes?: FieldTypes,
): boolean | undefined {
  const fields: Fields = new Map();
  for (const { name, walks, each } of program.fields) {
    const isField = Object.hasOwn(record, name) || fieldTypes?.[name] !== undefined;
    const value = isField ? record[name] : undefined;
    const known = isField && !hidesEmail(name, record, fieldTypes);
    const kinds = known ? fieldKinds(value, fieldTypes?.[name], walks) : (["unknown"] as FieldKind[]);
    // A string is one joined row, an array a row per item, whichever kind joins it.
    const joined = each ? kinds.find((kind) => kind === "single" || kind === "multiple") : undefined;
    const rows = joined ? resolveOperand({ name, modifier: "each" }, joined, value).rows!.length : 1;
    fields.set(name, { value, kinds, isField, rows });
  }
  const quick = anyRow(program.tree, fields);
  if (quick !== undefined) return quick;

  const assignments = [...fields.values()].reduce((n, field) => n * field.kinds.length, 1);
  if (assignments === 1 || assignments > MAX_EXACT_ASSIGNMENTS) return undefined;
  let verdict: boolean | undefined;
  for (const kinds of product([...fields.values()].map((field) => field.kinds))) {
    const fixed: Fields = new Map([...fields].map(([name, field], i) => [name, { ...field, kinds: [kinds[i]!] }]));
    const result = anyRow(program.tree, fixed);
    if (result === undefined || (verdict !== undefined && result !== verdict)) return undefined;
    verdict = result;
  }
  return verdict;
}

// PocketBase adds `AND emailVisibility = TRUE` to a condition on an auth collection's `email`
// for everyone but superusers; who is asking is not known here.
function hidesEmail(name: string, record: Readonly<Record<string, unknown>>, fieldTypes?: FieldTypes): boolean {
  if (name !== "email" || record.emailVisibility === true) return false;
  return fieldTypes === undefined || "emailVisibility" in fieldTypes;
}

function anyRow(tree: CompiledNode, fields: Fields): boolean | undefined {
  const joined = [...fields].filter(([, field]) => field.rows > 1);
  if (joined.reduce((n, [, field]) => n * field.rows, 1) > MAX_ROW_COMBINATIONS) return undefined;
  let unknown = false;
  for (const indexes of product(joined.map(([, field]) => Array.from({ length: field.rows }, (_, i) => i)))) {
    const rows = new Map(joined.map(([name], i) => [name, indexes[i]!]));
    const result = evaluate(tree, fields, rows);
    if (result === true) return true;
    if (result === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

function evaluate(node: CompiledNode, fields: Fields, rows: Map<string, number>): boolean | undefined {
  if (node.type === "condition") return evaluateUnderKinds(node, fields, rows);
  let unknown = false;
  for (const item of node.items) {
    const result = evaluate(item, fields, rows);
    if (result === undefined) unknown = true;
    else if (result === (node.type === "or")) return result; // true ends an OR, false an AND
  }
  return unknown ? undefined : node.type === "and";
}

function evaluateUnderKinds(
  node: CompiledNode & { type: "condition" },
  fields: Fields,
  rows: Map<string, number>,
): boolean | undefined {
  let verdict: boolean | undefined;
  for (const kinds of product(node.fields.map((name) => fields.get(name)!.kinds))) {
    const side = (s: CompiledSide): Operand => {
      if (s.type === "literal") return s.operand;
      const field = fields.get(s.ref.name)!;
      if (s.fallback && !field.isField) return s.fallback;
      return resolveOperand(s.ref, kinds[node.fields.indexOf(s.ref.name)]!, field.value, rows.get(s.ref.name));
    };
    const result = evaluateCondition(side(node.left), node.sign, side(node.right));
    if (result === undefined || (verdict !== undefined && result !== verdict)) return undefined;
    verdict = result;
  }
  return verdict;
}

function* product<T>(lists: T[][]): Generator<T[]> {
  if (lists.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = lists as [T[], ...T[][]];
  for (const head of first) for (const tail of product(rest)) yield [head, ...tail];
}
