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
 * counted as computing). A statement that starts a custom hook's request (`chatflowApi.request(id)` of
 * `const chatflowApi = useApi(getChatflow)`) is no work there either: the hook's async request keeps its
 * failure in the hook's `error` state. A try that waits, calls anything else (`fetchRows(id)`, an awaited
 * or returned request), dispatches to a store, navigates, writes storage or reads a setting stays reported,
 * and so does one that reads the page's address or cookies (`window.location.hash`, `location.search`,
 * `document.cookie`): that is input from outside the component, no data in hand (production documenso's
 * embed routes: `JSON.parse(decodeURIComponent(atob(window.location.hash.slice(1))))`, the embedding
 * host's options, a failure only logged and the editor run with defaults).
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { protectedRegionDoesIO } from "./pure-try";
import { enclosingFunction } from "./scope";

const EFFECT_RE = /^(?:useEffect|useLayoutEffect)$/;
const SETTING_RE = /\bprocess\.env\b|\bimport\.meta\.env\b|\blocation\.(?:hash|search|href)\b|\bdocument\.cookie\b/;
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

// A request a data hook starts: `getChatflowApi.request(id)` of `const getChatflowApi = useApi(fetchChatflow)`.
const HOOK_REQUEST_RE = /^(?:request|refetch|execute|trigger)$/;
const BUILTIN_HOOK_RE = /^use(?:State|Ref|Memo|Callback|Context|Reducer|Id|Transition|DeferredValue|SyncExternalStore|ImperativeHandle)$/;

/**
 * In the component's body: `setRows` of `const [rows, setRows] = useState(…)`, and the names of custom
 * hooks' results (`const api = useApi(fetchRows)`), whose request a statement may start.
 */
function componentBindings(component: ts.FunctionLikeDeclaration | undefined): { setters: Set<string>; hooks: Set<string> } {
  const setters = new Set<string>();
  const hooks = new Set<string>();
  const body = component?.body;
  if (!body || !ts.isBlock(body)) return { setters, hooks };
  for (const st of body.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (!d.initializer || !ts.isCallExpression(d.initializer)) continue;
      const hook = calleeText(d.initializer);
      if (ts.isIdentifier(d.name) && /^use[A-Z]/.test(hook) && !BUILTIN_HOOK_RE.test(hook)) hooks.add(d.name.text);
      if (!ts.isArrayBindingPattern(d.name) || hook !== "useState") continue;
      const setter = d.name.elements[1];
      if (setter && ts.isBindingElement(setter) && ts.isIdentifier(setter.name)) setters.add(setter.name.text);
    }
  }
  return { setters, hooks };
}

/**
 * `getChatflowApi.request(flowId);` as a statement of its own: a custom hook's request started, not
 * awaited and its answer unused. The hook's request is its own async function, whose failure lands in
 * the hook's `error` state, never in this catch.
 */
function startsHookRequest(n: ts.CallExpression, hooks: ReadonlySet<string>): boolean {
  const callee = n.expression;
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && hooks.has(callee.expression.text) && HOOK_REQUEST_RE.test(callee.name.text) && ts.isExpressionStatement(n.parent);
}

/** True when the try sits in a React effect and only computes and sets the component's state. */
export function effectOnlyMapsIntoState(sf: ts.SourceFile, tryStmt: ts.TryStatement): boolean {
  const effect = effectAround(tryStmt);
  if (!effect) return false;
  const { setters, hooks } = componentBindings(enclosingFunction(effect));
  if (setters.size === 0 || SETTING_RE.test(tryStmt.tryBlock.getText(sf))) return false;
  const pure = new Set(setters);
  let sets = false;
  let answers = false;
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && setters.has(n.expression.text)) sets = true;
    if (ts.isCallExpression(n) && startsHookRequest(n, hooks)) pure.add(n.expression.getText(sf));
    if (ts.isReturnStatement(n) && n.expression) answers = true;
    // `window.location.href = …`: a navigation, not a computation.
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && BROWSER_ROOT_RE.test(n.left.getText(sf))) answers = true;
    ts.forEachChild(n, visit);
  };
  visit(tryStmt.tryBlock);
  return sets && !answers && !protectedRegionDoesIO(tryStmt.tryBlock, { sf, pure });
}
