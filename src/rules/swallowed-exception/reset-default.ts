import { ts } from "../../engine/ts";
import { references } from "./analysis";
import { emptyCatchOnlyComputes } from "./pure-try";

/** `[]`, `{}`, `""`, `0`, `false`, `null`, `undefined`: a value that holds nothing. */
function isEmptyValue(e: ts.Expression): boolean {
  if (ts.isArrayLiteralExpression(e) || ts.isObjectLiteralExpression(e)) return e.getChildAt(1).getChildCount() === 0;
  if (ts.isStringLiteralLike(e)) return e.text === "";
  if (ts.isNumericLiteral(e)) return e.text === "0";
  if (ts.isIdentifier(e)) return e.text === "undefined";
  return e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword;
}

/**
 * `let tags: string[] = []; try { const raw = record["Document tags"]; if (raw) { const parsed =
 * JSON.parse(raw); if (Array.isArray(parsed)) tags = parsed.map((t) => t.toString().trim()); } }
 * catch { tags = []; }` (production karakeep import-export/parsers.ts:563): the catch's one statement
 * puts back the empty value the local was declared with right before the try, which an absent field
 * leaves as well, and the try only computes on values in hand (no I/O, no setting read). That is an
 * empty catch around a parse, which the docs leave out: malformed and absent get one answer.
 */
export function resetsToItsDeclaredValue(sf: ts.SourceFile, clause: ts.CatchClause): boolean {
  const stmts = clause.block.statements;
  const only = stmts.length === 1 ? stmts[0] : undefined;
  if (!only || !ts.isExpressionStatement(only) || !ts.isBinaryExpression(only.expression) || only.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
  const { left, right } = only.expression;
  if (!ts.isIdentifier(left) || !isEmptyValue(right)) return false;
  const tryStmt = clause.parent as ts.TryStatement;
  if (tryStmt.finallyBlock) return false;
  const list = tryStmt.parent;
  if (!ts.isBlock(list) && !ts.isSourceFile(list)) return false;
  const at = list.statements.indexOf(tryStmt);
  // The declaration, then nothing that touches the local before the try.
  for (let i = at - 1; i >= 0; i--) {
    const st = list.statements[i]!;
    if (ts.isVariableStatement(st)) {
      const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === left.text);
      // `let coerced;` holds `undefined` as declared (a `let`: a `const` cannot be assigned).
      const declared = d?.initializer ? d.initializer.getText().replace(/\s+/g, "") : d && st.declarationList.flags & ts.NodeFlags.Let ? "undefined" : undefined;
      if (d) return declared === right.getText().replace(/\s+/g, "") && emptyCatchOnlyComputes(sf, tryStmt);
    }
    if (references(st, left.text)) return false;
  }
  return false;
}
