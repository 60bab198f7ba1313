/**
 * `const data = await res.json().catch(() => ({})); if (!res.ok) { setError(data.error ?? "Failed
 * to send code"); return; } onVerified();`: a reply's body read with a constant fallback right
 * before the test of that reply's `ok` (or status), where every later use of the body is inside the
 * failure branch and the success path never reads it (session 44, production papermark's OTP dialog
 * and dub's DNS-instructions modal, clean, debatable). It is the docs' "parse of a failed response's
 * body inside the branch that handles the failure", written one statement early: the branch tells
 * the failure from the status, and an unreadable body only leaves the wording to its default. A
 * body that the success path also reads (`toast.success(\`Invite sent (ID: ${json.inviteId})\`)`,
 * held rounds 23 and 26: an unparseable success answered with the empty value) stays reported, and
 * so does a branch with an `else`.
 */
import { ts } from "../../engine/ts";
import { isFailedResponseTest } from "../../engine/ast";
import { isBodyRead } from "./analysis";

/** `const data = await res.json().catch(…)` (casts and parentheses aside): the declared name and its statement. */
function declaredBy(call: ts.CallExpression): { name: string; stmt: ts.VariableStatement } | undefined {
  let value: ts.Node = call;
  while (ts.isAwaitExpression(value.parent) || ts.isParenthesizedExpression(value.parent) || ts.isAsExpression(value.parent) || ts.isSatisfiesExpression(value.parent) || ts.isNonNullExpression(value.parent)) value = value.parent;
  const decl = value.parent;
  if (!ts.isVariableDeclaration(decl) || decl.initializer !== value || !ts.isIdentifier(decl.name)) return undefined;
  const list = decl.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0 || list.declarations.length !== 1) return undefined;
  return ts.isVariableStatement(list.parent) ? { name: decl.name.text, stmt: list.parent } : undefined;
}

/** The response a `.catch` call's body read is of: `res` in `res.json().catch(…)`, `res.text().catch(…)`. */
function readResponse(call: ts.CallExpression): string | undefined {
  if (!ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "catch") return undefined;
  const read = call.expression.expression;
  if (!isBodyRead(read)) return undefined;
  const recv = read.expression.expression;
  return ts.isIdentifier(recv) ? recv.text : undefined;
}

/** True when the body read's every later use is inside a failure branch of that response (see the module comment). */
export function bodyReadOnlyInFailedBranch(call: ts.CallExpression): boolean {
  const res = readResponse(call);
  const bound = res === undefined ? undefined : declaredBy(call);
  const block = bound?.stmt.parent;
  if (!res || !bound || !block || !ts.isBlock(block)) return false;
  let uses = 0;
  let other = false;
  const visit = (n: ts.Node, inBranch: boolean): void => {
    if (other) return;
    if (ts.isIdentifier(n) && n.text === bound.name && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) && !(ts.isPropertyAssignment(n.parent) && n.parent.name === n)) {
      if (inBranch) uses++;
      else other = true;
      return;
    }
    // `if (!res.ok) { … }` with no `else`: uses inside its `then` are the failure's wording.
    if (ts.isIfStatement(n) && !inBranch && !n.elseStatement && isFailedResponseTest(n.expression, res)) {
      visit(n.expression, false);
      visit(n.thenStatement, true);
      return;
    }
    ts.forEachChild(n, (c) => visit(c, inBranch));
  };
  for (const st of block.statements.slice(block.statements.indexOf(bound.stmt) + 1)) visit(st, false);
  return uses > 0 && !other;
}
