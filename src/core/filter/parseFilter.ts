import { type FilterToken, tokenizeFilter } from "./tokenizeFilter";
import type { FilterCondition, FilterNode, FilterOperand, FilterSign } from "./types";

// PocketBase's limits: longer filters or more conditions are a 400.
const MAX_BYTES = 3500;
const MAX_CONDITIONS = 200;

type Joined = { join: "&&" | "||"; node: FilterNode };

/**
 * Parses a PocketBase filter into a tree of conditions, accepting exactly what PocketBase's
 * parser (fexpr v0.6.0 `Parse`, then `search.FilterData.BuildExpr`) accepts. `&&` binds tighter
 * than `||`: PocketBase writes the joins into SQL in order, without parentheses of its own, and
 * SQL's AND precedes OR.
 *
 * `undefined`, never a guess, for invalid filters and also for: function calls (none is
 * reproduced); groups fexpr accepts but reads oddly, right after an operand or operator
 * (`a (b = 1)` silently drops `a`) or after another group without a join (`(a = 1)(b = 1)`);
 * more than 3500 bytes or 200 conditions, which PocketBase refuses.
 * @internal
 */
export function parseFilter(source: string): FilterNode | undefined {
  if (new TextEncoder().encode(source).length > MAX_BYTES) return undefined;
  const budget = { conditions: MAX_CONDITIONS };
  return parseGroup(source, budget);
}

function parseGroup(source: string, budget: { conditions: number }): FilterNode | undefined {
  const tokens = tokenizeFilter(source);
  if (!tokens) return undefined;
  const items: Joined[] = [];
  let step: "left" | "sign" | "right" | "join" = "left";
  let join: Joined["join"] = "&&";
  let left: FilterOperand | undefined;
  let sign: FilterSign | undefined;

  for (const token of tokens) {
    if (token.type === "whitespace" || token.type === "comment") continue;
    if (token.type === "group") {
      if (step !== "left") return undefined;
      const node = parseGroup(token.literal, budget);
      if (!node) return undefined;
      items.push({ join, node });
      step = "join";
      continue;
    }
    switch (step) {
      case "left":
        left = toOperand(token);
        if (!left) return undefined;
        step = "sign";
        break;
      case "sign":
        if (token.type !== "sign") return undefined;
        sign = token.literal as FilterSign;
        step = "right";
        break;
      case "right": {
        const right = toOperand(token);
        if (!right || --budget.conditions < 0) return undefined;
        const condition: FilterCondition = { type: "condition", left: left!, sign: sign!, right };
        items.push({ join, node: condition });
        step = "join";
        break;
      }
      case "join":
        if (token.type !== "join") return undefined;
        join = token.literal as Joined["join"];
        step = "left";
        break;
    }
  }
  if (step !== "join") return undefined; // empty or incomplete
  return precedence(items);
}

function toOperand(token: FilterToken): FilterOperand | undefined {
  switch (token.type) {
    case "identifier":
      return { type: "identifier", name: token.literal };
    case "text":
      return { type: "text", value: token.literal };
    case "number": {
      // Go's strconv.ParseFloat and Number() both round correctly; out of range PocketBase's
      // cast.ToFloat64 silently yields 0, which is not worth reproducing.
      const value = Number(token.literal);
      return Number.isFinite(value) ? { type: "number", value } : undefined;
    }
    default:
      return undefined; // a function call, or a token that is no operand (a 400)
  }
}

function precedence(items: Joined[]): FilterNode {
  const ors: FilterNode[][] = [];
  for (const [index, { join, node }] of items.entries()) {
    if (index === 0 || join === "||") ors.push([node]);
    else ors.at(-1)!.push(node);
  }
  const ands = ors.map((group): FilterNode => (group.length === 1 ? group[0]! : { type: "and", items: group }));
  return ands.length === 1 ? ands[0]! : { type: "or", items: ands };
}
