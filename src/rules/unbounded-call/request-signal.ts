/**
 * A `fetch` of a `Request` built from the incoming request (issue 11, session 42, production formbricks'
 * `feedback-records-proxy.ts`): `fetch(new Request(hubUrl, request), { cache: "no-store" })`, also through a
 * `const` holding it or a function of the file that returns it (`buildHubRequest(request, hubUrl)` whose every
 * `return` is the `const hubRequest = new Request(hubUrl, request)` it built from its parameter). A `Request`
 * given as the init of another takes its `signal` (Fetch standard, the `Request` constructor: "If init["signal"]
 * exists, then set signal to it"), so the outbound call is aborted when the incoming request is: a signal the
 * caller owns, as the docs count `request.signal`. Options that name no signal keep it.
 */
import { ts } from "../../engine/ts";
import { walk } from "../../engine/walk";
import { enclosingFunction, isParameterAround, unwrap } from "./ast";
import { declarationOf, type Facts } from "./facts";

// The incoming request, as handlers name it.
const INCOMING_RE = /^(?:req|request|incomingRequest|originalRequest|rawRequest)$/;

const MAX_DEPTH = 4;

/** True when `first` (fetch's first argument) is a `Request` whose init is the incoming request, the handler's parameter. */
export function carriesIncomingSignal(first: ts.Expression, at: ts.Node, facts: Facts): boolean {
  return initOf(first, at, facts, 0, (init) => incoming(init, at));
}

/** The incoming request: a parameter named for it around `at`. */
function incoming(e: ts.Expression, at: ts.Node): boolean {
  const x = unwrap(e);
  return ts.isIdentifier(x) && INCOMING_RE.test(x.text) && isParameterAround(at, x.text);
}

/**
 * True when `expr` is a `Request` whose init `test` accepts: `new Request(url, init)`, a `const` holding one,
 * or a call of a function of the file every `return` of which is one whose init is its parameter (tested
 * as the argument the call hands that parameter).
 */
function initOf(expr: ts.Expression, at: ts.Node, facts: Facts, depth: number, test: (init: ts.Expression) => boolean): boolean {
  if (depth > MAX_DEPTH) return false;
  const e = unwrap(expr);
  if (ts.isNewExpression(e)) return ts.isIdentifier(e.expression) && e.expression.text === "Request" && e.arguments?.length === 2 && test(e.arguments[1]!);
  if (ts.isIdentifier(e)) {
    const d = declarationOf(e.text, at, facts);
    return !!d?.initializer && (ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const) !== 0 && initOf(d.initializer, d, facts, depth + 1, test);
  }
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression)) return false;
  const fn = fileFunction(e.expression.text, e.getSourceFile());
  if (!fn?.body) return false;
  const call = e;
  // Inside the helper, an init that is its parameter stands for the argument this call hands it.
  const inner = (init: ts.Expression): boolean => {
    const x = unwrap(init);
    const index = ts.isIdentifier(x) ? fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === x.text) : -1;
    return index >= 0 && !!call.arguments[index] && test(call.arguments[index]!);
  };
  if (!ts.isBlock(fn.body)) return initOf(fn.body, fn.body, facts, depth + 1, inner);
  const returns: ts.ReturnStatement[] = [];
  walk(fn.body, (n) => {
    if (ts.isReturnStatement(n) && enclosingFunction(n) === fn) returns.push(n);
  });
  return returns.length > 0 && returns.every((r) => !!r.expression && initOf(r.expression, r, facts, depth + 1, inner));
}

/** A function of the file by name: a top-level declaration, or a top-level `const` holding an arrow or function expression. */
function fileFunction(name: string, sf: ts.SourceFile): ts.FunctionLikeDeclaration | undefined {
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name?.text === name && st.body) return st;
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer && unwrap(d.initializer);
      if (ts.isIdentifier(d.name) && d.name.text === name && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return init;
    }
  }
  return undefined;
}
