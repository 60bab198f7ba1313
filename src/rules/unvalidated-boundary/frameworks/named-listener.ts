import { ts } from "../../../engine/ts";
import { findRefs, scopeOf, type FunctionLike } from "../ast";
import { TreeMemo } from "../../../engine/tree-memo";

const handed = new TreeMemo<FunctionLike, readonly ts.CallExpression[]>();

/**
 * The calls that take a function declared under a name (`const listener = (event) => …`, `function
 * onMessage(event) …`) as their second argument, in the scope that declares it: the candidates for
 * `x.addEventListener("message", listener)` (the caller tells which are), a listener the code
 * registers by name (so that it can remove it again) hearing what the call's receiver hears, like
 * one written inline. Empty for a function with no name or handed to no call in its scope.
 */
export function handedAsSecondArgument(fn: FunctionLike): readonly ts.CallExpression[] {
  // Asked for each `param.data` read of the function: the scope is walked once per function.
  const known = handed.get(fn);
  if (known) return known;
  const decl = declaringName(fn);
  const out: ts.CallExpression[] = [];
  handed.set(fn, out);
  if (!decl) return out;
  // The block the name is declared in: a function declaration's own body is not where it is named.
  for (const ref of findRefs(decl.text, scopeOf(decl.parent), 0)) {
    const call = ref.parent;
    if (call && ts.isCallExpression(call) && call.arguments[1] === ref) out.push(call);
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
