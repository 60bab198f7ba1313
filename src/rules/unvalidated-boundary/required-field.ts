import { ts } from "../../engine/ts";
import { climb, findBinding, findRefs, leaves, scopeOf, unwrap } from "./ast";
import { loggedOrEchoed } from "./echo";

/**
 * `if (!url) return NextResponse.json({ error: "No URL provided" }, { status: 400 })`: a read that only
 * requires the field (negated, alone or among others joined by `||`, in an `if` with no `else` whose
 * branch returns or throws). A field whose every read is such a test is never used: only its presence
 * decides whether the request is refused (held round 28, v0-vocahire `recordings/route.ts:83`, a stub
 * that then answers 501, labelled clean). Unlike `if (req.body.skipAuth)`, the test chooses no path
 * of the handler beyond refusing it.
 */
export function requiredOnly(ref: ts.Node): boolean {
  const top = climb(ref);
  const not = top.parent;
  if (!not || !ts.isPrefixUnaryExpression(not) || not.operator !== ts.SyntaxKind.ExclamationToken) return false;
  let cur: ts.Node = not;
  while (cur.parent && (ts.isParenthesizedExpression(cur.parent) || (ts.isBinaryExpression(cur.parent) && cur.parent.operatorToken.kind === ts.SyntaxKind.BarBarToken))) cur = cur.parent;
  const test = cur.parent;
  return !!test && ts.isIfStatement(test) && test.expression === cur && !test.elseStatement && leaves(test.thenStatement);
}

/**
 * `const e = await c.req.json<ClientErrorReport>(); if (!e.message) return c.json(…, 400);
 * console.error("[CLIENT ERROR]", JSON.stringify(e, null, 2))`: a field of the input held in a local,
 * only required, the input otherwise only logged, whole or field by field (the Cloudflare Workers
 * template's client error report, held round 33, decided clean). Like a destructured field "only
 * presence-tested besides being only logged": nothing of the value goes on.
 */
export function requiredThenLogged(p: ts.PropertyAccessExpression): boolean {
  const base = unwrap(p.expression);
  if (!ts.isIdentifier(base) || !requiredOnly(p)) return false;
  const b = findBinding(base);
  if (!b || b.kind !== "var" || b.element || !ts.isIdentifier(b.decl.name)) return false;
  for (const ref of findRefs(base.text, scopeOf(b.decl), b.decl.name.end)) {
    let end: ts.Node = ref;
    while (end.parent && ts.isPropertyAccessExpression(end.parent) && end.parent.expression === end) end = end.parent;
    if (end !== ref && requiredOnly(end)) continue;
    if (!loggedOrEchoed(end, false)) return false;
  }
  return true;
}
