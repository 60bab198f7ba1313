import { ts } from "../../engine/ts";

/** `restoreClient: async () => {…}` or `async restoreClient() {…}`: the member's name, when `fn` is one. */
function memberName(fn: ts.Node): string | undefined {
  const p = fn.parent;
  if ((ts.isMethodDeclaration(fn) || ts.isPropertyAssignment(fn)) && ts.isIdentifier(fn.name)) return fn.name.text;
  if (p && ts.isPropertyAssignment(p) && p.initializer === fn && ts.isIdentifier(p.name)) return p.name.text;
  return undefined;
}

/** The object literal `fn` is a member of (`{ persistClient, restoreClient, removeClient }`). */
function ownerObject(fn: ts.Node): ts.ObjectLiteralExpression | undefined {
  const p = ts.isMethodDeclaration(fn) ? fn.parent : fn.parent?.parent;
  return p && ts.isObjectLiteralExpression(p) ? p : undefined;
}

/**
 * `restoreClient: async () => { try { …read the stored cache… } catch (e) { log(e); return undefined; } }`
 * in an object that also has `persistClient`: a TanStack Query persister, whose `restoreClient`
 * answers `undefined` for "nothing persisted", and the query client then starts with a cold cache
 * and fetches, as for a miss (production linkwarden's mobile persister; the docs' cache read answered
 * as a miss, held rounds 21 and 26, debatable). The catch must end in `return`, `return undefined`
 * or `return null`, with only log lines before; any other answer stays reported.
 */
export function restoresPersistedCacheAsMiss(tryStmt: ts.TryStatement, block: ts.Block): boolean {
  let fn: ts.Node | undefined = tryStmt.parent;
  while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
  if (!fn || memberName(fn) !== "restoreClient") return false;
  const owner = ownerObject(fn);
  if (!owner?.properties.some((m) => m.name && ts.isIdentifier(m.name) && m.name.text === "persistClient")) return false;
  const last = block.statements[block.statements.length - 1];
  if (!last || !ts.isReturnStatement(last) || (last.expression && !/^(?:null|undefined)$/.test(last.expression.getText()))) return false;
  return block.statements.slice(0, -1).every((s) => ts.isExpressionStatement(s) && ts.isCallExpression(s.expression) && /^console\.|^(?:this\.)?log(?:ger)?\./.test(s.expression.expression.getText()));
}
