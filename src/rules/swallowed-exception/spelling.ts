import { ts } from "../../engine/ts";

/**
 * A value's spelling normalised: `body.trim()`, `code.toLowerCase()` (no argument). What such a call
 * answers is still the input, written another way: a parse of it that fails leaves the input as it
 * was (session 43, production Hexabot's HTTP request action, `const trimmed = body.trim()`).
 */
const SPELLING_RE = /^(?:trim|trimStart|trimEnd|toLowerCase|toUpperCase)$/;

export function spellingNormalised(e: ts.Expression): e is ts.CallExpression & { expression: ts.PropertyAccessExpression } {
  return ts.isCallExpression(e) && e.arguments.length === 0 && ts.isPropertyAccessExpression(e.expression) && SPELLING_RE.test(e.expression.name.text);
}

/**
 * `trimmed` in `const trimmed = responseData.trim(); … JSON.parse(trimmed)`: the value whose spelling a
 * `const` of a block around `id` (declared before it) normalises (`responseData`); undefined for any other name.
 */
export function spellingSource(id: ts.Expression): ts.Expression | undefined {
  if (!ts.isIdentifier(id)) return undefined;
  for (let p: ts.Node | undefined = id.parent; p && !ts.isSourceFile(p); p = p.parent) {
    if (!ts.isBlock(p)) continue;
    for (const st of p.statements) {
      if (st.pos >= id.pos) break;
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === id.text);
      if (!d) continue;
      return d.initializer && spellingNormalised(d.initializer) ? d.initializer.expression.expression : undefined;
    }
  }
  return undefined;
}
