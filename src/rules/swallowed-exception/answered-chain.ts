/**
 * A helper that ends its own failures in the rejection handler of its one promise chain, and the
 * callers that only keep its answer (production anything-llm's frontend models, session 42):
 *
 *   keys: async function () {
 *     return await fetch(`${API_BASE}/setup-complete`)
 *       .then((res) => { if (!res.ok) throw new Error("…"); return res.json(); })
 *       .catch(() => null);
 *   },
 *
 * `try { const settings = await System.keys(); setSsoConfig({ enabled: settings?.SimpleSSOEnabled }); }
 * catch (e) { console.error(e); }`: every failure of the request ends in the helper's handler, which
 * answers the failure as a value (`null`, `{ models: [], error: e.message }`), so nothing reaches the
 * caller's catch; the failure is judged at the helper's handler. This is the docs' "a log-only catch
 * whose awaited helpers all end their own failures", for a helper that ends them in a `.catch` instead
 * of a `try`. A handler that only logs (`.catch((e) => console.error(e))`) hands the caller a silent
 * success and keeps the caller reported, as a helper's log-only catch does.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";
import { isLogCall } from "./analysis";

/** An expression with no call, `await`, `new`, `throw` or tagged template: reads and literals. */
function plain(e: ts.Node): boolean {
  if (ts.isCallExpression(e) || ts.isNewExpression(e) || ts.isAwaitExpression(e) || ts.isTaggedTemplateExpression(e)) return false;
  return !(ts.forEachChild(e, (c) => (plain(c) ? undefined : true)) ?? false);
}

/** A handler's answer: the body of `() => null`, or the value of the block's last `return`; undefined for a log alone. */
function handlerAnswer(h: ts.Expression): ts.Expression | undefined {
  if (!ts.isArrowFunction(h) && !ts.isFunctionExpression(h)) return undefined;
  if (!ts.isBlock(h.body)) {
    let e: ts.Expression = h.body;
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    return ts.isCallExpression(e) && isLogCall(e) ? undefined : plain(e) ? e : undefined;
  }
  const stmts = h.body.statements;
  const last = stmts[stmts.length - 1];
  if (!last || !ts.isReturnStatement(last) || !last.expression || !plain(last.expression)) return undefined;
  // Before the answer: log lines only.
  const logsOnly = stmts.slice(0, -1).every((s) => ts.isExpressionStatement(s) && ts.isCallExpression(s.expression) && isLogCall(s.expression));
  return logsOnly ? last.expression : undefined;
}

/** `const controller = new AbortController();`, `if (timeout) setTimeout(() => controller.abort(), timeout);`: set-up that does not throw. */
function preparesOnly(s: ts.Statement): boolean {
  if (ts.isVariableStatement(s)) {
    return s.declarationList.declarations.every((d) => ts.isIdentifier(d.name) && (!d.initializer || plain(d.initializer) || (ts.isNewExpression(d.initializer) && ts.isIdentifier(d.initializer.expression) && d.initializer.expression.text === "AbortController" && (d.initializer.arguments ?? []).length === 0)));
  }
  if (ts.isIfStatement(s)) return plain(s.expression) && !s.elseStatement && preparesOnly(s.thenStatement);
  if (ts.isBlock(s)) return s.statements.every(preparesOnly);
  if (!ts.isExpressionStatement(s) || !ts.isCallExpression(s.expression)) return false;
  const call = s.expression;
  return (ts.isIdentifier(call.expression) && call.expression.text === "setTimeout") || (isLogCall(call) && call.arguments.every(plain));
}

/** The chain a helper answers: `return await x.then(…).catch(h)`, `return x.catch(h)`, or an arrow's expression body. */
function answeredChain(fn: ts.FunctionLikeDeclaration): ts.CallExpression | undefined {
  const body = fn.body;
  if (!body) return undefined;
  let e: ts.Expression | undefined;
  if (ts.isBlock(body)) {
    const stmts = body.statements;
    const last = stmts[stmts.length - 1];
    if (!last || !ts.isReturnStatement(last) || !stmts.slice(0, -1).every(preparesOnly)) return undefined;
    e = last.expression;
  } else e = body;
  while (e && (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e))) e = e.expression;
  return e && ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === "catch" && e.arguments.length === 1 ? e : undefined;
}

/**
 * The helper's body is one promise chain ending in a rejection handler that answers the failure as a
 * plain value (`.catch(() => null)`, `.catch((e) => { console.error(e); return []; })`), after set-up
 * that does not throw. With `objectAnswer`, the answer must be an object literal: the caller
 * destructures it (`const { models } = await System.customModels(…)`), which `null` would make throw.
 */
export function endsFailuresInItsChain(fn: ts.FunctionLikeDeclaration, objectAnswer: boolean): boolean {
  const chain = answeredChain(fn);
  const answer = chain && handlerAnswer(chain.arguments[0]!);
  if (!answer) return false;
  let a: ts.Expression = answer;
  while (ts.isParenthesizedExpression(a)) a = a.expression;
  return !objectAnswer || ts.isObjectLiteralExpression(a);
}

// Per function: the state setters its body declares (`setRows` of `const [rows, setRows] = useState([])`).
const settersOf = new TreeMemo<ts.Node, ReadonlySet<string>>();

function declaredSetters(fn: ts.FunctionLikeDeclaration): ReadonlySet<string> {
  let found = settersOf.get(fn);
  if (found) return found;
  const setters = new Set<string>();
  const body = fn.body;
  if (body && ts.isBlock(body)) {
    for (const st of body.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        if (!init || !ts.isCallExpression(init) || !ts.isArrayBindingPattern(d.name)) continue;
        const callee = init.expression;
        const hook = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "React" ? callee.name.text : "";
        const setter = d.name.elements[1];
        if (hook === "useState" && setter && ts.isBindingElement(setter) && ts.isIdentifier(setter.name)) setters.add(setter.name.text);
      }
    }
  }
  settersOf.set(fn, (found = setters));
  return found;
}

/** `setRows(x ?? [])`: a call of a state setter declared by an enclosing function (from `from` up), with plain arguments. */
function setterCall(e: ts.Expression, from: ts.Node): boolean {
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression) || !e.arguments.every(plain)) return false;
  const name = e.expression.text;
  for (let n: ts.Node | undefined = from; n; n = n.parent) if (isFunctionLike(n) && declaredSetters(n).has(name)) return true;
  return false;
}

/** A log line of plain values: `console.error("…", id)`. */
function plainLog(e: ts.Expression): boolean {
  return ts.isCallExpression(e) && isLogCall(e) && e.arguments.every(plain);
}

/**
 * `setCustomModels(models || []);`, `setLoading(true);`: a state setter of an enclosing component
 * (declared by `useState` there) given plain values. It only schedules a render and does not throw.
 */
export function setsStateOnly(s: ts.Statement): boolean {
  return ts.isExpressionStatement(s) && setterCall(s.expression, s.parent);
}

/** `(res) => …res?.settings…`: every read of the handler's parameter goes through an optional link (the answer may be `null`). */
function readsAnswerSafely(h: ts.ArrowFunction | ts.FunctionExpression): boolean {
  const [param] = h.parameters;
  if (h.parameters.length > 1 || (param && !ts.isIdentifier(param.name))) return false;
  const name = param && ts.isIdentifier(param.name) ? param.name.text : undefined;
  if (!name) return true;
  const visit = (n: ts.Node): boolean => {
    if ((ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === name && !n.questionDotToken) return false;
    return ts.forEachChild(n, (c) => (visit(c) ? undefined : true)) === undefined;
  };
  return visit(h.body);
}

/**
 * `(res) => setDisabled(res?.settings?.skills ?? [])`: a fulfilment handler whose body cannot throw (a
 * state setter or a log line of plain values, or such statements in a block).
 */
export function fulfilmentCannotThrow(h: ts.Expression): boolean {
  if ((!ts.isArrowFunction(h) && !ts.isFunctionExpression(h)) || !readsAnswerSafely(h)) return false;
  if (!ts.isBlock(h.body)) return plain(h.body) || setterCall(h.body, h.parent) || plainLog(h.body);
  const ok = (s: ts.Statement): boolean => {
    if (ts.isBlock(s)) return s.statements.every(ok);
    // `if (this.#pricing) console.log("Pre-cached model pricing data");`
    if (ts.isIfStatement(s)) return plain(s.expression) && ok(s.thenStatement) && (!s.elseStatement || ok(s.elseStatement));
    return ts.isExpressionStatement(s) && (setterCall(s.expression, h.parent) || plainLog(s.expression));
  };
  return h.body.statements.every(ok);
}
