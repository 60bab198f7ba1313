import { ts } from "../../engine/ts";
import { climb, leaves } from "./ast";

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
