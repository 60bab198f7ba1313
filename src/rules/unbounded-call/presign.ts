import { ts } from "../../engine/ts";
import { walk } from "../../engine/walk";
import { enclosingFunction, functionName, unwrap } from "./ast";

// Presigning signs a URL locally; the client it is given sends nothing.
const PRESIGN_RE = /^(?:getSignedUrl|createPresignedPost)$/;

/** `getSignedUrl(x, …)`: `x` is the client argument of a presigning call. */
function presigned(e: ts.Expression): boolean {
  const p = e.parent;
  return !!p && ts.isCallExpression(p) && p.arguments[0] === e && ts.isIdentifier(p.expression) && PRESIGN_RE.test(p.expression.text);
}

/** The references to a name in the file, as identifiers read or written (not property names or declarations of other things). */
function references(sf: ts.SourceFile, name: string): ts.Identifier[] {
  const out: ts.Identifier[] = [];
  walk(sf, (n) => {
    if (!ts.isIdentifier(n) || n.text !== name) return;
    const p = n.parent;
    if (p && ((ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.name === n))) return;
    out.push(n);
  });
  return out;
}

/** A test of whether the client is built yet: `!x`, `if (x)`, `x === null`, `x ?? …`. */
function isPresenceTest(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return true;
  if ((ts.isIfStatement(p) && p.expression === id) || (ts.isConditionalExpression(p) && p.condition === id)) return true;
  return ts.isBinaryExpression(p) && p.left === id && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(p.operatorToken.kind) && (unwrap(p.right).kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(unwrap(p.right)) && (unwrap(p.right) as ts.Identifier).text === "undefined"));
}

/**
 * Every value `e` reaches is a presigning call's client: `getSignedUrl(e, …)`, a `const` whose every
 * use is one, or `return e` from a function of the file whose every call does the same.
 */
function reachesOnlyPresign(e: ts.Expression, sf: ts.SourceFile, depth: number): boolean {
  if (depth > 3) return false;
  if (presigned(e)) return true;
  const p = e.parent;
  if (p && ts.isVariableDeclaration(p) && p.initializer === e && ts.isIdentifier(p.name) && ts.isVariableDeclarationList(p.parent) && p.parent.flags & ts.NodeFlags.Const) {
    const uses = references(sf, p.name.text).filter((r) => r !== p.name);
    return uses.length > 0 && uses.every((u) => reachesOnlyPresign(u, sf, depth + 1));
  }
  if (p && ts.isReturnStatement(p)) {
    const fn = enclosingFunction(p);
    const name = fn ? functionName(fn) : undefined;
    if (!fn || !name || !ts.isFunctionDeclaration(fn)) return false;
    const uses = references(sf, name).filter((r) => r !== fn.name);
    return uses.length > 0 && uses.every((u) => u.parent !== undefined && ts.isCallExpression(u.parent) && u.parent.expression === u && reachesOnlyPresign(u.parent, sf, depth + 1));
  }
  return false;
}

/**
 * A client kept in a module variable by a lazy getter (`if (!_r2) _r2 = new S3Client(…); return _r2;`)
 * whose every use in the file, through the getter and the locals it fills, is a presigning call's
 * client (`const client = getR2Client(); await getSignedUrl(client, command)`): it sends nothing
 * (retired held round 30, morph-template's `lib/r2.ts`, labelled clean).
 */
export function onlyPresignsThroughGetter(call: ts.NewExpression): boolean {
  const p = call.parent;
  if (!p || !ts.isBinaryExpression(p) || p.operatorToken.kind !== ts.SyntaxKind.EqualsToken || p.right !== call || !ts.isIdentifier(p.left)) return false;
  const sf = call.getSourceFile();
  const target = p.left;
  let reached = false;
  for (const r of references(sf, target.text)) {
    if (r === target || isPresenceTest(r)) continue;
    // Its declaration (`let _r2: S3Client | null = null`), holding no other client.
    if (r.parent && ts.isVariableDeclaration(r.parent) && r.parent.name === r) {
      const init = r.parent.initializer ? unwrap(r.parent.initializer) : undefined;
      if (init === undefined || init.kind === ts.SyntaxKind.NullKeyword) continue;
      return false;
    }
    if (!reachesOnlyPresign(r, sf, 0)) return false;
    reached = true;
  }
  return reached;
}
