import { ts } from "../../engine/ts";
import { isFailedResponseTest } from "../../engine/ast";
import { isBodyRead } from "./analysis";

/**
 * `const parseUploadResponseError = async (response: Response) => { const body = await
 * response.text().catch(() => undefined); return body || response.statusText || \`Upload failed
 * with status ${response.status}\`; };`, called only as `errors.push(await
 * parseUploadResponseError(upload))` inside `if (!upload.ok) { … }` (production typebot
 * uploadFiles.ts:84): the failed-response body convention one call away. The body read is of a
 * parameter of a function of the file that is not exported, and every call of that function in the
 * file hands it a response inside the branch of a failed-response test on that same response.
 * Also a private method of a class (`private async readApiErrorResponseFromBody(response)`) whose
 * every call in the class, `this.readApiErrorResponseFromBody(response)`, sits in such a branch
 * (production hedgedoc's API request builder, session 35).
 */
export function readsOnlyFailedResponses(call: ts.CallExpression): boolean {
  const parse = (call.expression as ts.PropertyAccessExpression).expression;
  if (!isBodyRead(parse)) return false;
  const recv = parse.expression.expression;
  if (!ts.isIdentifier(recv)) return false;
  let fn: ts.Node | undefined = call.parent;
  while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn))) return false;
  const index = fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === recv.text);
  if (index < 0) return false;
  // A private method of the class (`private async readErrorBody(response)`), called as `this.readErrorBody(…)` in its class.
  const method = ts.isMethodDeclaration(fn) ? privateMethodName(fn) : undefined;
  const name = ts.isMethodDeclaration(fn) ? method : nameOf(fn);
  if (!name) return false;
  const scope: ts.Node = method ? fn.parent : call.getSourceFile();
  let calls = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (method && (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) && n.text === name && n.parent !== fn) {
      const access = n.parent;
      const c = ts.isPropertyAccessExpression(access) && access.name === n && access.expression.kind === ts.SyntaxKind.ThisKeyword ? access.parent : undefined;
      const arg = c && ts.isCallExpression(c) && c.expression === access ? c.arguments[index] : undefined;
      if (!arg || !insideFailedBranch(c!, arg.getText())) other = true;
      else calls++;
    } else if (!method && ts.isIdentifier(n) && n.text === name && n.parent !== fn && !(ts.isVariableDeclaration(n.parent) && n.parent.name === n)) {
      const c = n.parent;
      const arg = ts.isCallExpression(c) && c.expression === n ? c.arguments[index] : undefined;
      if (!arg || !insideFailedBranch(c, arg.getText())) other = true;
      else calls++;
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return !other && calls > 0;
}

/** `readErrorBody` for `private readErrorBody(…)` or `#readErrorBody(…)`: a method only its class can call; else undefined. */
function privateMethodName(m: ts.MethodDeclaration): string | undefined {
  if (ts.isPrivateIdentifier(m.name)) return m.name.text;
  if (!ts.isIdentifier(m.name) || !ts.isClassLike(m.parent)) return undefined;
  const mods = ts.getCombinedModifierFlags(m);
  return mods & ts.ModifierFlags.Private && !(mods & ts.ModifierFlags.Static) ? m.name.text : undefined;
}

/** `parseUploadResponseError` for `const parseUploadResponseError = async (…) => …` or `function parseUploadResponseError(…)`, not exported. */
function nameOf(fn: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration): string | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name && !exported(fn) ? fn.name.text : undefined;
  const d = fn.parent;
  if (!ts.isVariableDeclaration(d) || !ts.isIdentifier(d.name) || d.initializer !== fn) return undefined;
  const st = d.parent?.parent;
  return st && ts.isVariableStatement(st) && !exported(st) ? d.name.text : undefined;
}

function exported(n: ts.FunctionDeclaration | ts.VariableStatement): boolean {
  return n.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) === true;
}

/** `call` sits in the then-branch of an `if` that tests `receiver` for a failed response, within its function. */
function insideFailedBranch(call: ts.Node, receiver: string): boolean {
  for (let child: ts.Node = call, p = call.parent; p && !ts.isFunctionLike(p); child = p, p = p.parent) {
    if (ts.isIfStatement(p) && p.thenStatement === child && isFailedResponseTest(p.expression, receiver)) return true;
  }
  return false;
}
