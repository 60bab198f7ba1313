/**
 * A React effect that maps data the component already holds into its state (production Flowise,
 * `packages/ui`):
 *
 *   useEffect(() => {
 *     if (getAllDatasetsApi.data) {
 *       try {
 *         const names = getAllDatasetsApi.data.map((ds) => ({ label: ds.name, name: ds.id }));
 *         setDatasets(names);
 *       } catch (e) {
 *         console.error(e);
 *       }
 *     }
 *   }, [getAllDatasetsApi.data]);
 *
 * The fetch happened elsewhere (its failure is the hook's `error`, shown by an effect of its own);
 * the try only computes on the value in hand and hands the result to the component's state setters
 * (`setDatasets` of `const [datasets, setDatasets] = useState([])`), which only schedule a render.
 * Only a bug or an unexpected shape of the data can throw there: what the catch loses is a render of
 * data in hand, not an outage (the docs' "a try around code that only computes", with state setters
 * counted as computing). A try that waits, starts a request (`api.request(id)`), dispatches to a store,
 * navigates, writes storage or reads a setting stays reported.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { protectedRegionDoesIO } from "./pure-try";
import { enclosingFunction } from "./scope";

const EFFECT_RE = /^(?:useEffect|useLayoutEffect)$/;
const SETTING_RE = /\bprocess\.env\b|\bimport\.meta\.env\b/;
// A write to the page or the browser (`window.location.href = …`, `document.title = …`).
const BROWSER_ROOT_RE = /^(?:window|document|location|globalThis|localStorage|sessionStorage)\b/;

function calleeText(call: ts.CallExpression): string {
  const c = call.expression;
  return ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) && ts.isIdentifier(c.expression) && c.expression.text === "React" ? c.name.text : "";
}

/** The effect callback a node sits in (not inside a function nested in it), or undefined. */
function effectAround(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  const fn = enclosingFunction(node);
  if (!fn || (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn))) return undefined;
  const call = fn.parent;
  return ts.isCallExpression(call) && call.arguments[0] === fn && EFFECT_RE.test(calleeText(call)) ? fn : undefined;
}

/** `setRows` of `const [rows, setRows] = useState(…)` among the statements of the component's body. */
function stateSetters(component: ts.FunctionLikeDeclaration | undefined): Set<string> {
  const out = new Set<string>();
  const body = component?.body;
  if (!body || !ts.isBlock(body)) return out;
  for (const st of body.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (!ts.isArrayBindingPattern(d.name) || !d.initializer || !ts.isCallExpression(d.initializer) || calleeText(d.initializer) !== "useState") continue;
      const setter = d.name.elements[1];
      if (setter && ts.isBindingElement(setter) && ts.isIdentifier(setter.name)) out.add(setter.name.text);
    }
  }
  return out;
}

/** True when the try sits in a React effect and only computes and sets the component's state. */
export function effectOnlyMapsIntoState(sf: ts.SourceFile, tryStmt: ts.TryStatement): boolean {
  const effect = effectAround(tryStmt);
  if (!effect) return false;
  const setters = stateSetters(enclosingFunction(effect));
  if (setters.size === 0 || SETTING_RE.test(tryStmt.tryBlock.getText(sf))) return false;
  let sets = false;
  let answers = false;
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && setters.has(n.expression.text)) sets = true;
    if (ts.isReturnStatement(n) && n.expression) answers = true;
    // `window.location.href = …`: a navigation, not a computation.
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && BROWSER_ROOT_RE.test(n.left.getText(sf))) answers = true;
    ts.forEachChild(n, visit);
  };
  visit(tryStmt.tryBlock);
  return sets && !answers && !protectedRegionDoesIO(tryStmt.tryBlock, { sf, pure: setters });
}
