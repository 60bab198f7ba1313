import { ts } from "../../engine/ts";
import { isFailedResponseTest } from "../../engine/ast";
import { climb, findRefs, isFunctionLike, leaves, leavingIfBefore, orOperands, scopeOf, unwrap } from "./ast";
import { decidedBy } from "./cast-guards";
import { fieldKey } from "./field-checks";
import { isScalarCheckCall, type GuardKind } from "./validators";

// Tests an `if` that leaves (no `else`) makes before a read, one operand of an `||` among others
// (session 30, production capgo): a type guard of the field, the response's own failure, and a
// local object whose only reads are own-key tests.

/**
 * `if (!isMessageCatalog(payload.messages)) throw …`, then `{ ...payload.messages }`: a type guard
 * of the module (`x is T`), or a checking validator it imports from its validation modules, negated in
 * an `if` that leaves (alone or as one operand of an `||`), decides the field it was given: only values
 * it accepts get to the later reads of the same field.
 */
export function typeGuardedBefore(p: ts.Expression, sf: ts.SourceFile, guards: ReadonlyMap<string, GuardKind>): boolean {
  const key = fieldKey(p, sf);
  if (!key) return false;
  return leavingIfBefore(p, (st) =>
    orOperands(st.expression).some((d) => {
      if (!ts.isPrefixUnaryExpression(d) || d.operator !== ts.SyntaxKind.ExclamationToken) return false;
      const call = unwrap(d.operand);
      if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || guards.get(call.expression.text) !== "checking") return false;
      const arg = call.arguments[0];
      return call.arguments.length === 1 && !!arg && fieldKey(unwrap(arg), sf) === key;
    }),
  );
}

/**
 * `isDeliveryMethod(body?.deliveryMethod) ? body.deliveryMethod : "in_person"`: the field read in the branch a
 * type guard of the module (`value is DeliveryMethod`), or a checking validator it imports, chose for it
 * (the `whenTrue` of a conditional, the `then` of an `if`, the right of an `&&`): only values the guard
 * accepts are read there (held round 35, v0-community-marketplace `offers/buy-now:28`,
 * `payments/create-intent:26`, decided clean; the docs count a user type guard as validation).
 */
export function typeGuardedBranch(p: ts.Expression, sf: ts.SourceFile, guards: ReadonlyMap<string, GuardKind>): boolean {
  const key = fieldKey(p, sf);
  if (!key) return false;
  const decides = (cond: ts.Expression): boolean => {
    const call = unwrap(cond);
    const arg = ts.isCallExpression(call) ? call.arguments[0] : undefined;
    if (!ts.isCallExpression(call) || call.arguments.length !== 1 || !arg || fieldKey(unwrap(arg), sf) !== key) return false;
    // (Or a scalar check the docs name, `isValidObjectId(req.body.technicianId)`, `ObjectId.isValid(…)`.)
    return (ts.isIdentifier(call.expression) && guards.get(call.expression.text) === "checking") || isScalarCheckCall(call, arg);
  };
  return decidedBy(p, decides);
}

/**
 * `if (!response.ok || !payload.success) throw …`: an `if` that leaves, one operand of whose `||` is the
 * response's failure test; past it (or in a later operand, read only when the response passed) the
 * response succeeded, as past `if (!response.ok) throw …` alone.
 */
export function failureAmongDisjuncts(cond: ts.Expression, response: string): boolean {
  const ds = orOperands(cond);
  return ds.length > 1 && ds.some((d) => isFailedResponseTest(d, response));
}

/**
 * `!payload.success` as one operand of the `||` that is the whole test of an `if` that leaves (no `else`):
 * when it holds, the code leaves, as under `if (!payload.success) throw …` alone.
 */
export function leavingDisjunct(e: ts.Expression): boolean {
  return e.parent !== undefined && !ts.isIfStatement(e.parent) && inLeavingTest(e);
}

/** `e` is the test of an `if` that leaves (no `else`), or inside it through parentheses and `||` only. */
function inLeavingTest(e: ts.Node): boolean {
  let top: ts.Node = e;
  while (top.parent && (ts.isParenthesizedExpression(top.parent) || (ts.isBinaryExpression(top.parent) && top.parent.operatorToken.kind === ts.SyntaxKind.BarBarToken))) top = top.parent;
  const st = top.parent;
  return !!st && ts.isIfStatement(st) && st.expression === top && !st.elseStatement && leaves(st.thenStatement);
}

/** Whether `read` sits in a later operand of the `||` of an `if` that leaves, an earlier operand being `response`'s failure test. */
export function readPastFailureOperand(read: ts.Node, response: string): boolean {
  let cur: ts.Node = read;
  for (let n = read.parent; n && !isFunctionLike(n) && !ts.isStatement(n); cur = n, n = n.parent) {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.BarBarToken && n.right === cur && orOperands(n.left).some((d) => isFailedResponseTest(d, response))) {
      return inLeavingTest(n);
    }
  }
  return false;
}

/**
 * `const dependencies = { ...(pkg?.dependencies as Record<string, unknown>) }`, then only
 * `Object.hasOwn(dependencies, "@capgo/capacitor-updater")`: a local object whose every read is an own-key
 * test (also `key in deps`, `Object.prototype.hasOwnProperty.call(deps, key)`) reads no value of what was
 * spread into it, like an own-key test of the input itself.
 */
export function spreadOnlyKeyTested(spread: ts.SpreadAssignment): boolean {
  const obj = spread.parent;
  const decl = climb(obj).parent;
  if (!decl || !ts.isVariableDeclaration(decl) || climb(obj) !== decl.initializer || !ts.isIdentifier(decl.name)) return false;
  if (!(ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const)) return false;
  const refs = findRefs(decl.name.text, scopeOf(decl), decl.name.end);
  return refs.length > 0 && refs.every((r) => ownKeyTested(climb(r)));
}

/** The calls that test an own key (`Object.hasOwn(x, key)`); `__proto__` is no own key. */
export const OWN_KEY_TESTS: ReadonlySet<string> = new Set(["Object.hasOwn", "Object.prototype.hasOwnProperty.call"]);

/** `Object.hasOwn(x, key)`, `Object.prototype.hasOwnProperty.call(x, key)`, `key in x`, `x.hasOwnProperty(key)`. */
function ownKeyTested(ref: ts.Node): boolean {
  const p = ref.parent;
  if (!p) return false;
  if (ts.isCallExpression(p) && p.arguments[0] === ref && OWN_KEY_TESTS.has(p.expression.getText())) return true;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.InKeyword && p.right === ref) return true;
  return ts.isPropertyAccessExpression(p) && p.expression === ref && p.name.text === "hasOwnProperty" && !!p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p;
}
