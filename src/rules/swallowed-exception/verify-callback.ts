import { ts } from "../../engine/ts";
import { references } from "./analysis";

/** `resolve(null)`, `done(null, false)`, `return null`, `return cb(null, undefined)`: the answer of a branch when it is a "not valid" one. */
function denyOf(st: ts.Statement): string | undefined {
  const block = ts.isBlock(st) && st.statements.length === 1 ? st.statements[0]! : st;
  const e = ts.isReturnStatement(block) ? block.expression : ts.isExpressionStatement(block) ? block.expression : undefined;
  if (!e) return ts.isReturnStatement(block) ? "return" : undefined;
  const denies = (a: ts.Expression) => a.kind === ts.SyntaxKind.NullKeyword || a.kind === ts.SyntaxKind.FalseKeyword || (ts.isIdentifier(a) && a.text === "undefined");
  if (denies(e)) return e.getText();
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression) || !e.arguments.every(denies)) return undefined;
  return e.getText().replace(/\s+/g, "");
}

/** The operands of an `a || b || c` test. */
function alternatives(e: ts.Expression): ts.Expression[] {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.BarBarToken ? [...alternatives(e.left), ...alternatives(e.right)] : [e];
}

/**
 * `jwt.verify(token, secret, opts, (err, result) => { if (err || typeof result !== "object") return
 * resolve(null); if (typeof result.id !== "string") return resolve(null); return resolve(result); })`
 * (production keystone's JWT session example): a verifier's callback whose error check answers the
 * very "not valid" answer (`null`, `undefined`, `false`, also handed to `resolve`, `done` or `cb`)
 * that it gives a result it will not take, in the same test (`err || !result`) or in a branch of its
 * own that does not read the error. An expired or forged token and a failed check get one "not
 * valid" answer, as for a verifier's catch (the catchReturnsDefault verifier rule); the caller denies.
 * An error check with an answer of its own stays reported.
 */
export function verifyCallbackDeniesLikeInvalid(fn: ts.ArrowFunction | ts.FunctionExpression, errName: string): boolean {
  if (!ts.isBlock(fn.body)) return false;
  const ifs = fn.body.statements.filter((s): s is ts.IfStatement => ts.isIfStatement(s) && !s.elseStatement);
  const check = ifs.find((s) => references(s.expression, errName));
  const deny = check && denyOf(check.thenStatement);
  if (!check || deny === undefined || deny === "return" || references(check.thenStatement, errName)) return false;
  // `err || typeof result !== "object"`: the error and an invalid result in one test.
  if (alternatives(check.expression).some((a) => !references(a, errName))) return true;
  return ifs.some((s) => s !== check && !references(s, errName) && denyOf(s.thenStatement) === deny);
}
