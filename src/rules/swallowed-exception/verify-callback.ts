import { ts } from "../../engine/ts";
import { references } from "./analysis";

const DENIAL_EXIT_RE = /^(?:invalid|unauthorized|unauthenticated|forbidden|deny|denied|notAuthenticated)$/;

/** `resolve(null)`, `done(null, false)`, `return null`, `return cb(null, undefined)`: the answer of a branch when it is a "not valid" one. */
function denyOf(st: ts.Statement): string | undefined {
  const block = ts.isBlock(st) && st.statements.length === 1 ? st.statements[0]! : st;
  const e = ts.isReturnStatement(block) ? block.expression : ts.isExpressionStatement(block) ? block.expression : undefined;
  if (!e) return ts.isReturnStatement(block) ? "return" : undefined;
  const denies = (a: ts.Expression) => a.kind === ts.SyntaxKind.NullKeyword || a.kind === ts.SyntaxKind.FalseKeyword || (ts.isIdentifier(a) && a.text === "undefined");
  if (denies(e)) return e.getText();
  if (!ts.isCallExpression(e) || !e.arguments.every(denies)) return undefined;
  // `exits.invalid()`: a Sails helper's exit (also `unauthorized`, `forbidden`) named for the denial (session 43).
  if (!ts.isIdentifier(e.expression) && !(ts.isPropertyAccessExpression(e.expression) && DENIAL_EXIT_RE.test(e.expression.name.text))) return undefined;
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

/** `!out`, `out === ""`, `out.length === 0`, `!out.trim()`: a test that `name`'s text is empty. */
function testsEmpty(e: ts.Expression, names: ReadonlySet<string>): boolean {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  const named = (x: ts.Expression): boolean => {
    while (ts.isParenthesizedExpression(x)) x = x.expression;
    // `out.trim()`, `out.length`: the text itself.
    if (ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression) && x.expression.name.text === "trim" && x.arguments.length === 0) x = x.expression.expression;
    if (ts.isPropertyAccessExpression(x) && x.name.text === "length") x = x.expression;
    return ts.isIdentifier(x) && names.has(x.text);
  };
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return named(e.operand);
  if (!ts.isBinaryExpression(e) || !/^(?:===|==)$/.test(e.operatorToken.getText())) return false;
  const empty = (x: ts.Expression) => (ts.isStringLiteralLike(x) && x.text === "") || (ts.isNumericLiteral(x) && x.text === "0");
  return (named(e.left) && empty(e.right)) || (named(e.right) && empty(e.left));
}

/**
 * `exec("git rev-parse --short=8 HEAD", (error, stdout) => { const hash = stdout.trim(); if (error ||
 * hash === "") resolve("unknown"); else resolve(hash); })` (production zigbee2mqtt's version probe):
 * a command's callback whose only reading of the error is one test with an emptiness test of its
 * output (`stdout`, or a local the callback's body sets from it). A failed command and one that
 * printed nothing get the answer the code chose for "nothing found", as for a command's catch that
 * answers what its empty-output guard answers (`lsof`, `grep`: catchReturnsDefault). An error test of
 * its own, or a branch that reads the error, stays reported.
 */
export function commandCallbackFailsLikeEmpty(fn: ts.ArrowFunction | ts.FunctionExpression, errName: string): boolean {
  const out = fn.parameters[1]?.name;
  if (!ts.isBlock(fn.body) || !out || !ts.isIdentifier(out)) return false;
  const names = new Set([out.text]);
  for (const st of fn.body.statements) {
    // `const hash = stdout.trim()`, or `commitHash = stdout.trim()` into a variable of the function around it.
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer && references(d.initializer, out.text)) names.add(d.name.text);
    } else if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken
      && ts.isIdentifier(st.expression.left) && references(st.expression.right, out.text)) names.add(st.expression.left.text);
  }
  const checks = fn.body.statements.filter((s) => references(s, errName));
  const check = checks.length === 1 ? checks[0] : undefined;
  if (!check || !ts.isIfStatement(check) || references(check.thenStatement, errName) || (check.elseStatement && references(check.elseStatement, errName))) return false;
  const alts = alternatives(check.expression);
  const isErr = (a: ts.Expression) => ts.isIdentifier(a) && a.text === errName;
  return alts.length >= 2 && alts.filter(isErr).length === 1 && alts.every((a) => isErr(a) || (!references(a, errName) && testsEmpty(a, names)));
}
