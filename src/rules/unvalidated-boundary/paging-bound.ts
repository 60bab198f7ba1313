import { ts } from "../../engine/ts";
import { climb, findRefs, nameText, type FunctionLike } from "./ast";

// A server action's `number` parameter (issue 12, review R28): a bare `z.number()` checks only
// what the declared type already says. What matters for a page size is its bounds: a caller
// that asks `.limit(1e9)` reads the whole collection. So the fix bounds a number that sizes or
// offsets a query. Read only in the fix thunk.

/** The bounds a Zod number gets, and how the fix's title says them. */
export interface PagingBound {
  int: true;
  min: number;
  max?: number;
  /** "a whole number from 1 to 100". */
  says: string;
}

// The page size a reviewer would accept as an upper bound when the code states none.
const MAX_PAGE_SIZE = 100;
const SIZE_KEYS = new Set(["limit", "take", "first", "last", "pageSize", "perPage"]);
const OFFSET_KEYS = new Set(["skip", "offset"]);

/** What `node` (the parameter, or a value computed from it) sizes: a `.limit(x)`/`take: x`, a `.skip(x)`/`offset: x`, or nothing. */
function roleOf(node: ts.Node): "size" | "offset" | undefined {
  const top = climb(node);
  const p = top.parent;
  if (!p) return undefined;
  if (ts.isCallExpression(p) && p.arguments[0] === top && ts.isPropertyAccessExpression(p.expression)) {
    const m = p.expression.name.text;
    return SIZE_KEYS.has(m) ? "size" : OFFSET_KEYS.has(m) ? "offset" : undefined;
  }
  const key = ts.isShorthandPropertyAssignment(p) ? p.name.text : ts.isPropertyAssignment(p) && p.initializer === top ? nameText(p.name) : undefined;
  return key === undefined ? undefined : SIZE_KEYS.has(key) ? "size" : OFFSET_KEYS.has(key) ? "offset" : undefined;
}

/**
 * The bounds for the number parameter `param` of `fn` when it sizes or offsets a query: a size
 * (`.limit(x)`, `take: x`) `.int().min(1).max(100)` (or up to the parameter's larger default),
 * an offset (`.skip(x)`, `offset: x`) `.int().min(0)`. Undefined when it does neither.
 */
export function pagingBound(param: ts.ParameterDeclaration, fn: FunctionLike): PagingBound | undefined {
  if (!ts.isIdentifier(param.name) || !fn.body) return undefined;
  const roles = new Set(findRefs(param.name.text, fn.body, fn.body.pos).map(roleOf));
  if (roles.has("size")) {
    const init = param.initializer && ts.isNumericLiteral(param.initializer) ? Number(param.initializer.text) : 0;
    const max = Math.max(MAX_PAGE_SIZE, init);
    return { int: true, min: 1, max, says: `a whole number from 1 to ${max}` };
  }
  return roles.has("offset") ? { int: true, min: 0, says: "a whole number from 0" } : undefined;
}
