import { ts } from "../../../engine/ts";
import { calleeName } from "../../../engine/ast";
import { findRefs, scopeOf, type FunctionLike } from "../ast";

/**
 * The `addEventListener("message", listener)` (or `.on("message", listener)`) calls that register a
 * function declared under a name (`const listener = (event) => …`, `function onMessage(event) …`),
 * in the scope that declares it: a listener the code registers by name (so that it can remove it
 * again) hears what the call's receiver hears, like one written inline. Empty for a function with
 * no name or registered nowhere in its scope.
 */
export function messageRegistrations(fn: FunctionLike): ts.CallExpression[] {
  const decl = declaringName(fn);
  if (!decl) return [];
  const out: ts.CallExpression[] = [];
  // The block the name is declared in: a function declaration's own body is not where it is named.
  for (const ref of findRefs(decl.text, scopeOf(decl.parent), 0)) {
    const call = ref.parent;
    if (!call || !ts.isCallExpression(call) || call.arguments[1] !== ref) continue;
    const name = calleeName(call);
    const ev = call.arguments[0];
    if ((name === "addEventListener" || name === "on") && ev && ts.isStringLiteral(ev) && ev.text === "message") out.push(call);
  }
  return out;
}

/** The name a function is declared under: `function f() {}` or `const f = () => …` (not a `let`, which can be reassigned). */
function declaringName(fn: FunctionLike): ts.Identifier | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name;
  const p = fn.parent;
  if (!p || !ts.isVariableDeclaration(p) || p.initializer !== fn || !ts.isIdentifier(p.name)) return undefined;
  return (ts.getCombinedNodeFlags(p) & ts.NodeFlags.Const) !== 0 ? p.name : undefined;
}
