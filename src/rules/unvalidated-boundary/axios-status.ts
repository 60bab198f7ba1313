import { ts } from "../../engine/ts";
import { findBinding, findRefs, unwrap } from "./ast";

// The request methods of axios and of an instance (`axios.post(u, body)`, `api.get(u)`).
const AXIOS_METHODS = new Set(["get", "post", "put", "patch", "delete", "request", "head", "options"]);

/**
 * The `data` of an awaited axios reply (`resp.data`, `const data = resp.data || {}`, `const { data } =
 * await axios.get(u)`, `(await axios.get(u)).data`): axios rejects a reply whose status is outside
 * 2xx by default (`validateStatus`), so past the `await` the status was tested, as by `if (!res.ok)
 * throw` (the lead's ruling, session 31). Not where the file sets `validateStatus` anywhere (the call,
 * the instance or the defaults may let every status through), nor for an instance imported from
 * another module (its configuration is out of sight), nor behind `.catch(…)`, which may answer the
 * error's own response.
 */
export function axiosDataTested(value: ts.Expression): boolean {
  const v = unwrap(value);
  if (ts.isPropertyAccessExpression(v)) return v.name.text === "data" && axiosReply(v.expression);
  if (!ts.isIdentifier(v)) return false;
  const b = findBinding(v);
  if (!b || b.kind !== "var" || !b.decl.initializer) return false;
  if (b.element) {
    // `const { data } = await axios.get(u)`
    const prop = b.element.propertyName ?? b.element.name;
    return ts.isObjectBindingPattern(b.decl.name) && b.element.parent === b.decl.name && !b.element.dotDotDotToken && ts.isIdentifier(prop) && prop.text === "data" && axiosCall(b.decl.initializer);
  }
  // `const data = resp.data || {}`: the reply's data, or the code's own empty object.
  let init = unwrap(b.decl.initializer);
  if (ts.isBinaryExpression(init) && (init.operatorToken.kind === ts.SyntaxKind.BarBarToken || init.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) && ts.isObjectLiteralExpression(unwrap(init.right))) init = unwrap(init.left);
  return ts.isPropertyAccessExpression(init) && init.name.text === "data" && axiosReply(init.expression);
}

/** `resp` of `const resp = await axios.post(…)`, or the awaited call itself. */
function axiosReply(e: ts.Expression): boolean {
  const x = unwrap(e);
  if (!ts.isIdentifier(x)) return axiosCall(e);
  const b = findBinding(x);
  return !!b && b.kind === "var" && !b.element && !!b.decl.initializer && ((b.decl.parent.flags & ts.NodeFlags.Const) !== 0 || letNeverAssigned(b.decl)) && axiosCall(b.decl.initializer);
}

/**
 * `let resp = await axios.post(…)` that nothing assigns again (uptime-kuma's notification providers): the
 * reply, as a `const` holds it. Its later references are found through the file's index (findRefs).
 */
function letNeverAssigned(decl: ts.VariableDeclaration): boolean {
  const list = decl.parent;
  if (!ts.isIdentifier(decl.name) || !ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Let) === 0 || !ts.isVariableStatement(list.parent)) return false;
  for (const ref of findRefs(decl.name.text, list.parent.parent, decl.end)) {
    const p = ref.parent;
    if (ts.isBinaryExpression(p) && p.left === ref && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return false;
    if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) return false;
    // `[resp] = …`, `({ resp } = …)`, `for (resp of …)`: written again.
    if (ts.isArrayLiteralExpression(p) || ts.isShorthandPropertyAssignment(p) || ((ts.isForOfStatement(p) || ts.isForInStatement(p)) && p.initializer === ref)) return false;
  }
  return true;
}

/** `await axios.get(u)`, `await api.post(u, body)` for an instance of the file, with no `validateStatus` in the file. */
function axiosCall(init: ts.Expression): boolean {
  if (!ts.isAwaitExpression(skipParens(init))) return false;
  const call = unwrap(init);
  if (!ts.isCallExpression(call)) return false;
  const sf = call.getSourceFile();
  if (sf.text.includes("validateStatus")) return false;
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text === "axios";
  if (!ts.isPropertyAccessExpression(callee) || !AXIOS_METHODS.has(callee.name.text)) return false;
  const recv = unwrap(callee.expression);
  if (ts.isIdentifier(recv)) return recv.text === "axios" || createdHere(recv);
  // `this.client.get(u)`: a field of the class (given `axios.create(…)` in this file: no import reaches a field).
  return ts.isPropertyAccessExpression(recv) && recv.expression.kind === ts.SyntaxKind.ThisKeyword && sf.text.includes("axios.create(");
}

/** `const api = axios.create(…)` in this file. */
function createdHere(id: ts.Identifier): boolean {
  const b = findBinding(id);
  const init = b && b.kind === "var" && !b.element && b.decl.initializer ? unwrap(b.decl.initializer) : undefined;
  return !!init && ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && init.expression.name.text === "create" && ts.isIdentifier(init.expression.expression) && init.expression.expression.text === "axios";
}

function skipParens(e: ts.Expression): ts.Expression {
  let x = e;
  while (ts.isParenthesizedExpression(x) || ts.isAsExpression(x) || ts.isNonNullExpression(x)) x = x.expression;
  return x;
}
