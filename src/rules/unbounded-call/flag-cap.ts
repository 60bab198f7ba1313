import { ts } from "../../engine/ts";
import { leaves } from "../../engine/ast";
import { unwrap } from "./ast";

/**
 * The recursive call of a failure path passes `true` for a flag parameter that the path tests before calling: under
 * `if (… && !finalCall)`, or after `if (finalCall) throw err;` in the same block, the call `this.request(options, true)`
 * makes one more attempt and the next failure cannot call again (session 44, production uptime-kuma's
 * `makeAxiosRequest(options, true)` after refreshing an OAuth token): a retry capped at one, like `retries - 1`.
 */
export function flagCapped(call: ts.CallExpression, root: ts.Node, fn: ts.FunctionLikeDeclaration): boolean {
  const flags = new Set<string>();
  call.arguments.forEach((a, i) => {
    const param = fn.parameters[i]?.name;
    if (unwrap(a).kind === ts.SyntaxKind.TrueKeyword && param && ts.isIdentifier(param)) flags.add(param.text);
  });
  if (flags.size === 0) return false;
  for (let cur: ts.Node = call, p = call.parent; p && cur !== root; cur = p, p = p.parent) {
    // `if (status === 401 && !finalCall) { …; return this.request(options, true); }`
    if (ts.isIfStatement(p) && cur === p.thenStatement && negatesFlag(p.expression, flags)) return true;
    // `if (finalCall) throw err;` before the statement holding the call.
    if (ts.isBlock(p)) {
      for (const st of p.statements) {
        if (st === cur) break;
        if (ts.isIfStatement(st) && !st.elseStatement && testsFlag(st.expression, flags) && leaves(st.thenStatement)) return true;
      }
    }
  }
  return false;
}

/** `!flag`, or a `&&` chain with `!flag` in it. */
function negatesFlag(e: ts.Expression, flags: Set<string>): boolean {
  const u = unwrap(e);
  if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return negatesFlag(u.left, flags) || negatesFlag(u.right, flags);
  return ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.ExclamationToken && ts.isIdentifier(unwrap(u.operand)) && flags.has((unwrap(u.operand) as ts.Identifier).text);
}

/** `flag`, or a `||` chain with `flag` in it. */
function testsFlag(e: ts.Expression, flags: Set<string>): boolean {
  const u = unwrap(e);
  if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.BarBarToken) return testsFlag(u.left, flags) || testsFlag(u.right, flags);
  return ts.isIdentifier(u) && flags.has(u.text);
}
