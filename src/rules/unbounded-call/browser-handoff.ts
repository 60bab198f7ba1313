import { isFunctionLikeDeclaration } from "../../engine/ast";
import { ts } from "../../engine/ts";
import { walk } from "../../engine/walk";
import { enclosingFunction, exportsName } from "./ast";
import { inBrowserCallback } from "./context";

/**
 * A request function handed by name to code that only the browser runs: `const mutationFn = async
 * (id) => { await axios.delete(…) }` then `useMutation({ mutationFn })`, `const queryFn = …` then
 * `useQuery({ queryKey, queryFn })`, `const load = async () => …` then `useEffect(() => { load(); })`
 * or `<Button onClick={save}>`. Written inline in the options the same function is a browser
 * callback already (`inBrowserCallback`); by name it runs in the same place, so it is judged the
 * same (held as a class on dittofeed's dashboard: 39 TanStack Query hooks in `src/lib/`). Every use
 * of the name in its scope must be such a hand-off, and the name must not be exported: a function
 * that other code may call, on the server too, stays reported.
 */
export function handedToBrowserCode(call: ts.Node): boolean {
  for (let fn = enclosingFunction(call); fn; fn = enclosingFunction(fn)) {
    let browser = judged.get(fn);
    if (browser === undefined) {
      const named = declaredName(fn);
      browser = !!named && onlyBrowserUses(named.id, named.scope);
      judged.set(fn, browser);
    }
    if (browser) return true;
  }
  return false;
}

// Each function's answer, walked once: every reported call in it (and in the functions it holds) asks again.
const judged = new WeakMap<ts.FunctionLikeDeclaration, boolean>();

interface Named {
  id: ts.Identifier;
  // Where the name can be used: the function or file around its declaration.
  scope: ts.Node;
}

/** `function load() {…}` or `const load = async () => {…}` (not exported), with the scope of its name. */
function declaredName(fn: ts.FunctionLikeDeclaration): Named | undefined {
  if (ts.isFunctionDeclaration(fn)) {
    if (!fn.name || exported(fn)) return undefined;
    return { id: fn.name, scope: scopeOf(fn) };
  }
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  let p: ts.Node = fn.parent;
  while (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p)) p = p.parent;
  if (!ts.isVariableDeclaration(p) || !ts.isIdentifier(p.name)) return undefined;
  const statement = p.parent?.parent;
  if (statement && ts.isVariableStatement(statement) && exported(statement)) return undefined;
  return { id: p.name, scope: scopeOf(p) };
}

function exported(node: ts.FunctionDeclaration | ts.VariableStatement): boolean {
  return ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Export ? true : false;
}

function scopeOf(node: ts.Node): ts.Node {
  return enclosingFunction(node) ?? node.getSourceFile();
}

/**
 * True when the name is used at least once and every use is inside a browser callback (a React
 * effect, a query or mutation hook's options, a DOM listener, a JSX attribute). At the top of a
 * module, an `export { name }`, `export default name` or CommonJS export lets other files call it.
 */
function onlyBrowserUses(id: ts.Identifier, scope: ts.Node): boolean {
  const name = id.text;
  if (ts.isSourceFile(scope) && exportsName(name, scope.text)) return false;
  let uses = 0;
  let elsewhere = false;
  walk(scope, (n) => {
    if (elsewhere || !ts.isIdentifier(n) || n === id || n.text !== name || !isReference(n)) return;
    uses++;
    if (!inBrowserCallback(n)) elsewhere = true;
  });
  return uses > 0 && !elsewhere;
}

/** An identifier read as a value: not a property name, a member name, or a declaration of its own. */
function isReference(n: ts.Identifier): boolean {
  const p = n.parent;
  if (!p) return false;
  if (ts.isPropertyAccessExpression(p) && p.name === n) return false;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodSignature(p)) && p.name === n) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)) && p.name === n) return false;
  if (isFunctionLikeDeclaration(p) && p.name === n) return false;
  if (ts.isTypeReferenceNode(p) || ts.isQualifiedName(p) || ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) return false;
  return true;
}
