/**
 * An array typed to hold `unknown` (issue 11, session 25, prodall28; production rallly's GitHub
 * release pages, `const releases: unknown[] = []; … releases.push(...batch)`): TypeScript makes
 * every reader of its items check them before any use, as a value annotated `: unknown` (which the
 * rule already takes as checked), so spreading a reply's items into it hands nothing on unchecked.
 */
import { ts } from "../../engine/ts";

/** `T[]`, `Array<T>`, `ReadonlyArray<T>`, `readonly T[]` with `T` = `unknown`. */
function isUnknownArrayType(t: ts.TypeNode | undefined): boolean {
  if (!t) return false;
  if (ts.isTypeOperatorNode(t) && t.operator === ts.SyntaxKind.ReadonlyKeyword) return isUnknownArrayType(t.type);
  if (ts.isArrayTypeNode(t)) return t.elementType.kind === ts.SyntaxKind.UnknownKeyword;
  return ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && /^(?:Readonly)?Array$/.test(t.typeName.text) && t.typeArguments?.length === 1 && t.typeArguments[0]!.kind === ts.SyntaxKind.UnknownKeyword;
}

/**
 * `releases.push(...batch)` (or `unshift`) where `releases` is a local declared in a block around
 * the call with an `unknown[]` type: the items go in as `unknown`.
 */
export function pushesIntoUnknownArray(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !/^(?:push|unshift)$/.test(callee.name.text) || !ts.isIdentifier(callee.expression)) return false;
  const name = callee.expression.text;
  for (let b: ts.Node | undefined = call.parent; b; b = b.parent) {
    if (!ts.isBlock(b) && !ts.isSourceFile(b)) continue;
    for (const st of b.statements) {
      if (!ts.isVariableStatement(st)) continue;
      const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === name);
      if (d) return isUnknownArrayType(d.type);
    }
  }
  return false;
}
