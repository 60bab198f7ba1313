import { ts } from "../../engine/ts";
import { TreeMemo } from "../../engine/tree-memo";
import { accessesNamed, calleeName, isFailedResponseTest, isPassedResponseTest } from "../../engine/ast";
import { isLogCall } from "../../engine/fix-safety";
import { containsThrow, enclosingFunction, findBinding, findRefs, functionName, isConditionPosition, isFunctionLike, isWrapper, leaves, ownReturns, nameText, receiverSegments, scopeOf, unwrap, type FunctionLike } from "./ast";
import { fetchCallOfResponse, isFetchResponse } from "./frameworks/fetch";
import { isToastMessage } from "./notice";
import { failureAmongDisjuncts, leavingDisjunct, readPastFailureOperand } from "./leaving-tests";
import { numberComparison, ownNullReturn } from "./reply-compare";
import { axiosDataTested } from "./axios-status";
import { linkGuarded } from "./guarded-link";
import { thenCaught } from "./then-caught";
import { allElementOf } from "./promise-all";
import { thenChainedJson } from "./then-ok";

// What answers an HTTP request with a body: `res.json(…)`, `res.status(200).send(…)`, `reply.send(…)`, `c.json(…)`, `NextResponse.json(…)`.
const ANSWER_METHODS = new Set(["json", "send", "jsonp", "end"]);
const ANSWER_RECEIVERS = /^(?:res|response|reply|c|ctx|NextResponse|Response)$/;

/** `res.json(x)`, `res.status(201).send(x)`, `Response.json(x)`, or a same-file helper that builds the answer (`json(200, body)`). */
function isAnswerCall(call: ts.CallExpression, sf: ts.SourceFile): boolean {
  const name = calleeName(call) ?? "";
  const recv = receiverSegments(call);
  if (recv.length > 0) return ANSWER_METHODS.has(name) && ANSWER_RECEIVERS.test(recv[0]!);
  if (!ts.isIdentifier(call.expression)) return false;
  if (answerHelper(call.expression.text, sf)) return true;
  // An imported helper named for the JSON answer, its result returned (`return json({ url: data.url })` with `json` from `./_util`).
  const at = call.parent;
  return ANSWER_HELPER_RE.test(call.expression.text) && !localFunction(call.expression.text, sf) && !!at && ts.isReturnStatement(at);
}

const ANSWER_HELPER_RE = /^(?:json|jsonResponse|sendJson|respondJson|jsonReply)$/;

function localFunction(name: string, sf: ts.SourceFile): boolean {
  return sf.statements.some((st) => (ts.isFunctionDeclaration(st) && st.name?.text === name) || (ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name && !!d.initializer && isFunctionLike(unwrap(d.initializer)))));
}

/** `new Response(body, init)`. */
function isResponseConstruction(e: ts.Node): e is ts.NewExpression {
  return ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "Response";
}

/** `{ statusCode: 200, body: JSON.stringify(out) }`: a Lambda/Netlify answer. */
function isLambdaAnswer(e: ts.Node): boolean {
  return ts.isObjectLiteralExpression(e) && e.properties.some((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && nameText(p.name) === "statusCode");
}

/**
 * A function of the module whose every `return` is an HTTP answer built from its arguments:
 * `const json = (status, body) => ({ statusCode: status, body: JSON.stringify(body) })`,
 * `function json(data, status = 200) { return new Response(JSON.stringify(data), { status }) }`.
 */
function answerHelper(name: string, sf: ts.SourceFile): boolean {
  let fn: ts.Node | undefined;
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name?.text === name) fn = st;
    else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) fn = unwrap(d.initializer);
    }
  }
  if (!fn || !(ts.isFunctionDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !fn.body) return false;
  const answers = (e: ts.Expression | undefined): boolean => {
    const x = e && unwrap(e);
    if (!x) return false;
    if (isResponseConstruction(x) || isLambdaAnswer(x)) return true;
    return ts.isCallExpression(x) && (calleeName(x) === "json" && /^(?:NextResponse|Response)$/.test(receiverSegments(x)[0] ?? ""));
  };
  if (!ts.isBlock(fn.body)) return answers(fn.body);
  const returns = ownReturns(fn.body);
  return returns.length > 0 && returns.every((r) => answers(r.expression));
}

/**
 * `const sent = await res.json()` (also `.catch(() => ({}))`) read below an `if (!res.ok) throw …`
 * (or `return`) of the same response: the reply of a request that succeeded, the document the API
 * answers with, not an error body or a missing one.
 */
function okReplyField(p: ts.PropertyAccessExpression | ts.ElementAccessExpression): boolean {
  return okReplyValue(p.expression, p);
}

/** `base` names `await res.json()` of a response whose failure an `if` before `at` leaves on (see {@link okReplyField}). */
function okReplyValue(value: ts.Expression, p: ts.Node): boolean {
  return replyStatus(value, p) === "ok";
}

/**
 * Whether the reply `value` names (`const data = await res.json()`) had its response's status tested
 * before `p` (`ok`) or not (`untested`); undefined when `value` is not such a reply of this function
 * (a helper's result: its own test is out of sight here).
 */
function replyStatus(value: ts.Expression, p: ts.Node): "ok" | "untested" | undefined {
  // `resp.data` of `const resp = await axios.post(…)`: axios threw on a status outside 2xx.
  if (axiosDataTested(value)) return "ok";
  const base = unwrap(value);
  const b = ts.isIdentifier(base) ? findBinding(base) : undefined;
  // `const [secretsData, pixData] = await Promise.all([secretsResponse.json(), pixResponse.json()])`: the body at its place.
  const all = b?.kind === "var" && b.element && b.decl.initializer ? allElementOf(b.decl, b.element) : undefined;
  if (all) return jsonStatus(unwrap(all), p);
  // `.then((res) => { if (!res.ok) throw …; return res.json(); }).then((result) => …)`: tested in the callback before.
  if (b?.kind === "param" && !b.element) {
    const chained = thenChainedJson(b.fn, b.index);
    return chained && chained.every((json) => jsonStatus(json, json) === "ok") ? "ok" : undefined;
  }
  if (!b || b.kind !== "var" || b.element) return undefined;
  // `let payload = null; try { payload = await res.json() } catch { payload = null }`: a `let` that starts as the code's
  // own empty value (`null`, `undefined`, `{}`, `[]`) and is given the reply, or that empty value again, is judged by
  // the replies it is given (an empty value's fields read through optional links are `undefined`).
  const emptyStart = !!b.decl.initializer && ownEmptyValue(b.decl.initializer) && (ts.getCombinedNodeFlags(b.decl) & ts.NodeFlags.Let) !== 0;
  // `const session = await this.createCheckout(…)` (or a `let` given only such calls): the helper's own status test.
  const given = b.decl.initializer && !emptyStart ? [b.decl.initializer] : ts.isIdentifier(base) ? letValues(base.text, b.decl).filter((v) => !ownEmptyValue(v)) : [];
  if (given.length > 0 && given.every((v) => okReplyHelperCall(unwrap(v)))) return "ok";
  // `let json; try { json = await res.json() } catch { throw … }`, then `if (!res.ok) throw …`: tested like a `const`.
  if (!b.decl.initializer || emptyStart) return given.length > 0 && given.every((v) => jsonStatus(unwrap(v), p) === "ok") ? "ok" : undefined;
  return jsonStatus(unwrap(b.decl.initializer), p);
}

/** `null`, `undefined`, `{}` or `[]`: a value of the code's own holding nothing. */
function ownEmptyValue(e: ts.Expression): boolean {
  const x = unwrap(e);
  if (x.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(x) && x.text === "undefined")) return true;
  return (ts.isObjectLiteralExpression(x) && x.properties.length === 0) || (ts.isArrayLiteralExpression(x) && x.elements.length === 0);
}

/** The values a `let` declared without one is given (`session = await …` in a `try` and its `catch`). */
function letValues(name: string, decl: ts.VariableDeclaration): ts.Expression[] {
  const out: ts.Expression[] = [];
  for (const ref of findRefs(name, scopeOf(decl), decl.end)) {
    const q = ref.parent;
    if (q && ts.isBinaryExpression(q) && q.left === ref && q.operatorToken.kind === ts.SyntaxKind.EqualsToken) out.push(q.right);
  }
  return out;
}

/**
 * `this.createCheckout(…)` or `createCheckout(…)` for a method of the class or a function of the file
 * whose every return hands back, whole, the reply of a response it tested first (`if (!response.ok)
 * throw …; return await response.json()`): the callers hold the API's answer, as after their own test.
 */
function okReplyHelperCall(e: ts.Expression): boolean {
  if (!ts.isCallExpression(e)) return false;
  const callee = e.expression;
  let fn: ts.Node | undefined;
  if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
    let cls: ts.Node | undefined = e.parent;
    while (cls && !ts.isClassLike(cls)) cls = cls.parent;
    fn = cls && (cls as ts.ClassLikeDeclaration).members.find((m) => ts.isMethodDeclaration(m) && !!m.body && ts.isIdentifier(m.name) && m.name.text === callee.name.text);
  } else if (ts.isIdentifier(callee)) {
    fn = e.getSourceFile().statements.find((st) => ts.isFunctionDeclaration(st) && st.name?.text === callee.text && !!st.body);
  }
  const body = fn && (ts.isMethodDeclaration(fn) || ts.isFunctionDeclaration(fn)) ? fn.body : undefined;
  if (!body) return false;
  const returns = ownReturns(body);
  // (`if (!headers) return null` before the request: the helper's own answer, no reply of another status.)
  const replies = returns.filter((r) => !ownNullReturn(r));
  return replies.length > 0 && replies.every((r) => {
    if (!r.expression) return false;
    // `return json ?? { raw: text }`: the reply, or the helper's own object when the text held none.
    const e = withoutOwnFallback(unwrap(r.expression));
    return jsonStatus(e, r) === "ok" || (ts.isIdentifier(e) && replyStatus(e, r) === "ok");
  });
}

/** `x ?? { raw: text }`, `x || {}`: `x`, when what stands in for it is an object or array literal of the code's own. */
function withoutOwnFallback(e: ts.Expression): ts.Expression {
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    const right = unwrap(e.right);
    if (ts.isObjectLiteralExpression(right) || ts.isArrayLiteralExpression(right)) return unwrap(e.left);
  }
  return e;
}

/**
 * The response whose text `init` parses: `JSON.parse(text)` (also `text ? JSON.parse(text) : null`) where
 * `const text = await res.text()` (also behind `.catch(() => "")`) of a fetched response: the reply as
 * `res.json()` would give it.
 */
function parsedReplyText(init: ts.Expression): ts.Expression | undefined {
  let e = init;
  if (ts.isConditionalExpression(e) && ownEmptyValue(e.whenFalse)) e = unwrap(e.whenTrue);
  if (!ts.isCallExpression(e) || calleeName(e) !== "parse" || receiverSegments(e).join(".") !== "JSON" || e.arguments.length !== 1) return undefined;
  let text = unwrap(e.arguments[0]!);
  if (ts.isIdentifier(text)) {
    const b = findBinding(text);
    if (!b || b.kind !== "var" || b.element || !b.decl.initializer || (ts.getCombinedNodeFlags(b.decl) & ts.NodeFlags.Const) === 0) return undefined;
    text = unwrap(b.decl.initializer);
  }
  if (ts.isCallExpression(text) && calleeName(text) === "catch" && ts.isPropertyAccessExpression(text.expression)) text = unwrap(text.expression.expression);
  if (!ts.isCallExpression(text) || calleeName(text) !== "text" || text.arguments.length !== 0 || !ts.isPropertyAccessExpression(text.expression) || !isFetchResponse(text.expression.expression)) return undefined;
  return text.expression.expression;
}

/** `res.json()` (also behind `.catch(…)`) of a fetched response, and whether an exiting failure test of that response comes before `p`. */
function jsonStatus(init: ts.Expression, p: ts.Node): "ok" | "untested" | undefined {
  if (ts.isCallExpression(init) && calleeName(init) === "catch" && ts.isPropertyAccessExpression(init.expression)) init = unwrap(init.expression.expression);
  const parsed = parsedReplyText(init);
  if (!parsed && (!ts.isCallExpression(init) || calleeName(init) !== "json" || !ts.isPropertyAccessExpression(init.expression) || !isFetchResponse(init.expression.expression))) return undefined;
  const response = unwrap(parsed ?? ((init as ts.CallExpression).expression as ts.PropertyAccessExpression).expression);
  if (!ts.isIdentifier(response)) return undefined;
  let cur: ts.Node = p;
  for (let n = p.parent; n && !isFunctionLike(n); cur = n, n = n.parent) {
    // `if (res.ok) { …read… }`, `if (!res.ok) { … } else { …read… }`: only a succeeded response gets into the branch.
    if (ts.isIfStatement(n) && ((n.thenStatement === cur && isPassedResponseTest(n.expression, response.text)) || (n.elseStatement === cur && isFailedResponseTest(n.expression, response.text)))) return "ok";
    if (!ts.isBlock(n) && !ts.isSourceFile(n)) continue;
    if (firstLeavingFailureTest(n, response.text) < cur.pos) return "ok";
  }
  return readPastFailureOperand(p, response.text) ? "ok" : "untested";
}

// Per block and response name, where its first `if (!res.ok) throw …` (or `return`) statement starts.
const LEAVING_FAILURE_TESTS = new TreeMemo<ts.Block | ts.SourceFile, Map<string, number>>();

/**
 * Where the first statement of `block` that leaves on a failure of `response` starts (`if (!res.ok) throw …`,
 * with no `else`), or Infinity: one scan per block and response, not one per read of the reply.
 */
function firstLeavingFailureTest(block: ts.Block | ts.SourceFile, response: string): number {
  let byName = LEAVING_FAILURE_TESTS.get(block);
  if (!byName) LEAVING_FAILURE_TESTS.set(block, (byName = new Map()));
  let at = byName.get(response);
  if (at === undefined) {
    const st = block.statements.find((s) => ts.isIfStatement(s) && !s.elseStatement && (isFailedResponseTest(s.expression, response) || failureAmongDisjuncts(s.expression, response)) && leaves(s.thenStatement));
    at = st ? st.pos : Infinity;
    byName.set(response, at);
  }
  return at;
}

/**
 * A field of a fetched reply (its status tested first: `okReplyField`) that only goes back to the
 * caller in the HTTP answer, inside an object (or array) literal, like the docs' "echoing it with
 * res.json": `res.json({ url: data.url })`, `new Response(JSON.stringify({ emailId: result.id }))`, `return json(200, { text: data.text || "" })`,
 * also through a `const` object only answered (and given more keys: `out.clipId = …`) and a Lambda
 * `{ statusCode, body: JSON.stringify(…) }`. Nothing of the value reaches the server's own state.
 */
export function echoedInAnswer(read: ts.PropertyAccessExpression, use: ts.Node): boolean {
  if (!okReplyField(read)) return false;
  const sf = use.getSourceFile();
  let cur = use;
  let wrapped = false;
  for (let i = 0; i < 16; i++) {
    const p = cur.parent;
    if (!p) return false;
    const fallback = ts.isBinaryExpression(p) && p.left === cur && (p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken) && !isConditionPosition(p);
    if (fallback || (ts.isPropertyAssignment(p) && p.initializer === cur) || ts.isShorthandPropertyAssignment(p) || ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p) || isWrapper(p)) {
      wrapped ||= ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p);
      cur = p;
      continue;
    }
    if (ts.isCallExpression(p) && p.arguments.includes(cur as ts.Expression)) {
      if (calleeName(p) === "stringify" && receiverSegments(p).join(".") === "JSON" && p.arguments[0] === cur) {
        cur = p;
        continue;
      }
      return wrapped && isAnswerCall(p, sf);
    }
    if (isResponseConstruction(p)) return wrapped && p.arguments?.[0] === cur;
    if (ts.isReturnStatement(p)) return wrapped && isLambdaAnswer(cur);
    // `ctx.body = { … }` (Koa).
    if (ts.isBinaryExpression(p) && p.right === cur && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) return wrapped && /^ctx\.(?:response\.)?body$/.test(p.left.getText(sf));
    // `const out = { text: data.text || "" }; out.clipId = id; return json(200, out)`.
    if (ts.isVariableDeclaration(p) && p.initializer === cur && ts.isIdentifier(p.name) && wrapped) return heldForAnswer(p.name, p);
    return false;
  }
  return false;
}

/** Every later read of the name holding the object is a key written into it or the object answered whole. */
function heldForAnswer(name: ts.Identifier, decl: ts.VariableDeclaration): boolean {
  const refs = findRefs(name.text, scopeOf(decl), name.end);
  return refs.length > 0 && refs.every((ref) => {
    const q = ref.parent;
    if (q && ts.isPropertyAccessExpression(q) && q.expression === ref && q.parent && ts.isBinaryExpression(q.parent) && q.parent.left === q && q.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return true;
    return answeredWhole(ref);
  });
}

/** `json(200, out)`, `res.json(out)`, `new Response(JSON.stringify(out))`: the object itself is the answer. */
function answeredWhole(ref: ts.Node): boolean {
  return !!answerTaking(ref);
}

/** The answer that takes `ref` whole (see {@link answeredWhole}): the call or the `new Response(…)`. */
function answerTaking(ref: ts.Node): ts.Node | undefined {
  let cur = ref;
  for (let i = 0; i < 6; i++) {
    const p = cur.parent;
    if (!p) return undefined;
    if (isWrapper(p)) {
      cur = p;
      continue;
    }
    if (ts.isCallExpression(p) && p.arguments.includes(cur as ts.Expression)) {
      if (calleeName(p) === "stringify" && receiverSegments(p).join(".") === "JSON" && p.arguments[0] === cur) {
        cur = p;
        continue;
      }
      return isAnswerCall(p, ref.getSourceFile()) ? p : undefined;
    }
    if (isResponseConstruction(p)) return p.arguments?.[0] === cur ? p : undefined;
    return undefined;
  }
  return undefined;
}

/**
 * A fetched reply answered back whole (`new Response(JSON.stringify(data))`, `NextResponse.json(data)`)
 * without its status tested first: an error body, or none, goes back as if it were the answer. The answer.
 */
export function replyRelayedUntested(ref: ts.Node): ts.Node | undefined {
  const answer = answerTaking(ref);
  if (!answer || replyStatus(ref as ts.Expression, ref) !== "untested") return undefined;
  const response = responseNameOf(ref as ts.Expression);
  return response && answersStatusOf(answer, response) ? undefined : answer;
}

/**
 * `NextResponse.json({ success: true, ...data })` past the ok test, or `{ error: …, ...data }` answered
 * with the upstream's own status: a fetched reply spread into the answer is relayed whole, like
 * `NextResponse.json(data)` there.
 */
export function replySpreadRelayed(ref: ts.Node, spread: ts.SpreadAssignment): boolean {
  const answer = answerTaking(spread.parent);
  if (!answer) return false;
  const status = replyStatus(ref as ts.Expression, ref);
  if (status === "ok") return true;
  const response = status === "untested" ? responseNameOf(ref as ts.Expression) : undefined;
  return !!response && answersStatusOf(answer, response);
}

/** `response` of `const data = await response.json()` (also `.catch(…)`-ed), the reply's own response. */
function responseNameOf(value: ts.Expression): string | undefined {
  const base = unwrap(value);
  const b = ts.isIdentifier(base) ? findBinding(base) : undefined;
  let init = b && b.kind === "var" && !b.element && b.decl.initializer ? unwrap(b.decl.initializer) : undefined;
  if (init && ts.isCallExpression(init) && calleeName(init) === "catch" && ts.isPropertyAccessExpression(init.expression)) init = unwrap(init.expression.expression);
  if (!init || !ts.isCallExpression(init) || calleeName(init) !== "json" || !ts.isPropertyAccessExpression(init.expression)) return undefined;
  const response = unwrap(init.expression.expression);
  return ts.isIdentifier(response) ? response.text : undefined;
}

/**
 * `NextResponse.json(data, { status: response.status })`, `new Response(text, { status: res.status })`,
 * `res.status(response.status).json(data)`: a proxy answering the upstream's reply with the upstream's
 * own status. An error body goes back as an error, not as if it were the answer (held round 26).
 */
function answersStatusOf(answer: ts.Node, response: string): boolean {
  const ownStatus = (e: ts.Node | undefined): boolean => {
    const v = e && unwrap(e as ts.Expression);
    return !!v && ts.isPropertyAccessExpression(v) && v.name.text === "status" && ts.isIdentifier(unwrap(v.expression)) && (unwrap(v.expression) as ts.Identifier).text === response;
  };
  const init = (ts.isCallExpression(answer) || ts.isNewExpression(answer)) ? answer.arguments?.[1] : undefined;
  if (init && ts.isObjectLiteralExpression(init)) {
    return init.properties.some((p) => ts.isPropertyAssignment(p) && nameText(p.name) === "status" && ownStatus(p.initializer));
  }
  // `res.status(response.status).json(data)`
  const recv = ts.isCallExpression(answer) && ts.isPropertyAccessExpression(answer.expression) ? unwrap(answer.expression.expression) : undefined;
  return !!recv && ts.isCallExpression(recv) && calleeName(recv) === "status" && ownStatus(recv.arguments[0]);
}

/**
 * A destructured field whose read only goes into a log line or back to the caller in the HTTP answer,
 * also as a piece of a text or behind a fallback: `console.log(\`clear cache for ${game || "all"}\`)`,
 * `new Response(JSON.stringify({ message: \`done for ${game}\` }))`, `res.json({ game })`. The docs:
 * logging it, or echoing it (`echo`: a request's own field), is not a use.
 */
export function loggedOrEchoed(ref: ts.Node, echo: boolean): boolean {
  const sf = ref.getSourceFile();
  let cur = ref;
  let wrapped = false;
  for (let i = 0; i < 16; i++) {
    const p = cur.parent;
    if (!p) return false;
    const fallback = ts.isBinaryExpression(p) && p.left === cur && (p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken) && !isConditionPosition(p);
    if (fallback || ts.isTemplateSpan(p) || ts.isTemplateExpression(p) || (ts.isPropertyAssignment(p) && p.initializer === cur) || ts.isShorthandPropertyAssignment(p) || ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p) || isWrapper(p)) {
      wrapped ||= ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p);
      cur = p;
      continue;
    }
    if (ts.isCallExpression(p) && p.arguments.includes(cur as ts.Expression)) {
      if (isLogCall(p as ts.Node)) return true;
      if (calleeName(p) === "stringify" && receiverSegments(p).join(".") === "JSON" && p.arguments[0] === cur) {
        cur = p;
        continue;
      }
      return echo && wrapped && isAnswerCall(p, sf);
    }
    const n: ts.Node = p;
    if (isResponseConstruction(n)) return echo && wrapped && n.arguments?.[0] === cur;
    if (ts.isReturnStatement(n)) return echo && wrapped && isLambdaAnswer(cur);
    return false;
  }
  return false;
}

/**
 * `return event.id` (or the reply whole, `return await res.json()`) of an ok-tested reply in a
 * function of the module or a method of the class, where every call of it hands the result to a
 * `const` that only goes back in the HTTP answer or into a log line: the reply is relayed through
 * the helper, as in the caller itself (`const eventId = await updateEvent(…)`, then
 * `new Response(JSON.stringify({ eventId }))`).
 */
export function returnedReplyRelayed(read: ts.PropertyAccessExpression | ts.Expression, ret: ts.ReturnStatement, sf: ts.SourceFile): boolean {
  if (!ts.isPropertyAccessExpression(read) || !okReplyField(read)) return false;
  let fn: ts.Node | undefined = ret.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn) return false;
  const calls = callsOf(fn as ts.FunctionLikeDeclaration, sf);
  return calls.length > 0 && calls.every((call) => {
    let top: ts.Node = call;
    while (top.parent && (ts.isAwaitExpression(top.parent) || ts.isParenthesizedExpression(top.parent))) top = top.parent;
    const decl = top.parent;
    // `portalUrl = await this.createPortal(…)` into a `let` declared before: its reads, past the assignments, judged alike.
    if (decl && ts.isBinaryExpression(decl) && decl.right === top && decl.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(decl.left)) {
      const b = findBinding(decl.left);
      if (!b || b.kind !== "var" || b.element || !ts.isIdentifier(b.decl.name)) return false;
      const reads = findRefs(b.decl.name.text, scopeOf(b.decl), b.decl.name.end).filter((r) => !(ts.isBinaryExpression(r.parent) && r.parent.left === r && r.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken));
      return reads.length > 0 && reads.every((r) => loggedOrEchoed(r, true));
    }
    if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== top || !ts.isIdentifier(decl.name)) return false;
    const refs = findRefs(decl.name.text, scopeOf(decl), decl.name.end);
    return refs.length > 0 && refs.every((r) => loggedOrEchoed(r, true));
  });
}

/** The calls of a top-level function (`name(…)`) or of a class's method (`this.name(…)`) in the file; none when it is also handed on as a value. */
function callsOf(fn: ts.FunctionLikeDeclaration, sf: ts.SourceFile): ts.CallExpression[] {
  const name = fn.name && ts.isIdentifier(fn.name) ? fn.name.text : ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name.text : undefined;
  if (!name) return [];
  const method = ts.isMethodDeclaration(fn);
  const out: ts.CallExpression[] = [];
  let escaped = false;
  const visit = (n: ts.Node): void => {
    if (escaped) return;
    if (ts.isCallExpression(n)) {
      const e = n.expression;
      if (method ? ts.isPropertyAccessExpression(e) && e.name.text === name && e.expression.kind === ts.SyntaxKind.ThisKeyword : ts.isIdentifier(e) && e.text === name) out.push(n);
    }
    // Handed on as a value (`retry(updateEvent)`): its calls cannot be seen.
    if (!method && ts.isIdentifier(n) && n.text === name && n.parent && !(ts.isCallExpression(n.parent) && n.parent.expression === n) && n !== fn.name && !(ts.isVariableDeclaration(n.parent) && n.parent.name === n)) escaped = true;
    ts.forEachChild(n, visit);
  };
  visit(method ? fn.parent : sf);
  return escaped ? [] : out;
}

const EQUALITIES = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** `data.result !== "success"`, `data.ok === true`, `x == null`: compared with a word or a flag, not with a number. */
function statusComparison(b: ts.BinaryExpression, cur: ts.Node): boolean {
  if (b.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword || b.operatorToken.kind === ts.SyntaxKind.InKeyword) return true;
  if (!EQUALITIES.has(b.operatorToken.kind)) return false;
  const other = unwrap(b.left === cur ? b.right : b.left);
  return ts.isStringLiteralLike(other) || other.kind === ts.SyntaxKind.TrueKeyword || other.kind === ts.SyntaxKind.FalseKeyword || other.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(other) && other.text === "undefined");
}
/** `data.p256dh !== parsedKey.keys.p256dh`: compared for equality with a value that is no literal. */
function valueComparison(b: ts.BinaryExpression, cur: ts.Node): boolean {
  const other = unwrap(b.left === cur ? b.right : b.left);
  return EQUALITIES.has(b.operatorToken.kind) && !ts.isLiteralExpression(other) && !(ts.isPrefixUnaryExpression(other) && ts.isNumericLiteral(other.operand));
}
const DERIVING = new Set([
  ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken, ts.SyntaxKind.PercentToken,
]);
const COERCE = /^(?:String|Number|Boolean|parseInt|parseFloat)$/;
// Methods every date, number or string built of a field has: reading them reads nothing more of the reply.
const VALUE_METHODS = new Set(["toLocaleString", "toLocaleDateString", "toLocaleTimeString", "toISOString", "toUTCString", "toDateString", "toString", "toFixed", "toPrecision"]);

// A literal path of the page's own origin: `/api/chat`, not `//host/…`.
const OWN_PATH_RE = /^\/(?!\/)/;

/** `data.reply` of `const data = await res.json()` for `res = await fetch("/api/chat", …)`: a reply of the page's own API. */
function pageApiReply(read: ts.Expression): boolean {
  let root: ts.Expression = read;
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = root.expression;
  const b = ts.isIdentifier(root) ? findBinding(root) : undefined;
  const init = b?.kind === "var" && !b.element && b.decl.initializer ? unwrap(b.decl.initializer) : undefined;
  const json = init && ts.isAwaitExpression(init) ? unwrap(init.expression) : init;
  if (!json || !ts.isCallExpression(json) || !ts.isPropertyAccessExpression(json.expression) || json.expression.name.text !== "json") return false;
  const url = fetchCallOfResponse(json.expression.expression)?.arguments[0];
  return !!url && ts.isStringLiteralLike(url) && OWN_PATH_RE.test(url.text);
}

/** `setValue(…)` of `const [value, setValue] = useState(…)` (also `React.useState`): a React state setter. */
function reactStateSetter(call: ts.CallExpression): boolean {
  if (!ts.isIdentifier(call.expression)) return false;
  const b = findBinding(call.expression);
  if (!b || b.kind !== "var" || !b.element || !ts.isArrayBindingPattern(b.decl.name) || b.decl.name.elements.indexOf(b.element) !== 1) return false;
  const init = b.decl.initializer && unwrap(b.decl.initializer);
  return !!init && ts.isCallExpression(init) && calleeName(init) === "useState";
}

/** `Math.round(x)`, `Math.max(a, b)`: a number built of the field. */
function isMathCall(call: ts.CallExpression): boolean {
  return ts.isPropertyAccessExpression(call.expression) && ts.isIdentifier(call.expression.expression) && call.expression.expression.text === "Math";
}

/** A value the code built of a field (`new Date(…)`, `Math.round(…)`, `Number(…)`): its own methods, not the reply's. */
function builtValue(n: ts.Node): boolean {
  if (ts.isNewExpression(n)) return ts.isIdentifier(n.expression) && n.expression.text === "Date";
  return ts.isCallExpression(n) && (isMathCall(n) || (ts.isIdentifier(n.expression) && COERCE.test(n.expression.text)));
}

// The flag an API answers its success in, in the body of a 200 (Slack's and Telegram's `ok`, `success`).
const SUCCESS_FLAG_RE = /^(?:ok|success|succeeded)$/;

/**
 * `if (!result.ok) throw new Error(\`Slack: ${result.error}\`)`: the reply's own success flag, tested by
 * an `if` that leaves when it is not set, is the API's status test (an API that answers 200 with
 * `ok: false`); the test reads nothing that goes on.
 */
function successFlagGate(read: ts.Expression, not: ts.PrefixUnaryExpression): boolean {
  if (not.operator !== ts.SyntaxKind.ExclamationToken || !ts.isPropertyAccessExpression(read) || !SUCCESS_FLAG_RE.test(read.name.text) || unwrap(not.operand) !== read) return false;
  const q = not.parent;
  return (!!q && ts.isIfStatement(q) && q.expression === not && !q.elseStatement && leaves(q.thenStatement)) || leavingDisjunct(not);
}

/**
 * `try { const result = await res.json(); if (!result.ok) console.error(…); return result.ok } catch {
 * return false }`: the reply's own success flag (Telegram's, Slack's `ok`) tested or answered as the
 * helper's result, in a `try` whose `catch` answers without rethrowing: a document that is no object
 * ends there the same way, and the caller learns only whether the call went through, as from `res.ok`.
 */
function successFlagInTry(read: ts.Expression, at: ts.Node): boolean {
  if (!ts.isPropertyAccessExpression(read) || !SUCCESS_FLAG_RE.test(read.name.text) || !ts.isIdentifier(unwrap(read.expression))) return false;
  let cur: ts.Node = at;
  let n = at.parent;
  for (; n && !isFunctionLike(n); cur = n, n = n.parent) {
    if (ts.isTryStatement(n) && n.tryBlock === cur) return !!n.catchClause && !containsThrow(n.catchClause.block);
  }
  // The promise form: `.then(async (res) => { const data = await res.json(); if (data.success) … }).catch(() => toast.error(…))`.
  return !!n && thenCaught(n as FunctionLike);
}

/**
 * `e` (a field read of a reply) only goes into a log line, through further links, what is built of it
 * (a text, arithmetic, a fallback) and the object literal a log line takes.
 */
function onlyLoggedFrom(e: ts.Node): boolean {
  let cur = e;
  for (let i = 0; i < 32; i++) {
    const p: ts.Node | undefined = cur.parent;
    if (!p) return false;
    const link = (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === cur;
    if (link || isWrapper(p) || ts.isTemplateSpan(p) || ts.isTemplateExpression(p) || ts.isObjectLiteralExpression(p) || ts.isShorthandPropertyAssignment(p) || (ts.isPropertyAssignment(p) && p.initializer === cur) || (ts.isBinaryExpression(p) && DERIVING.has(p.operatorToken.kind))) {
      cur = p;
      continue;
    }
    return ts.isCallExpression(p) && p.arguments.includes(cur as ts.Expression) && isLogCall(p);
  }
  return false;
}

/**
 * `if (response.data.ok) console.log("sent") else console.log("failed")`: the test of an `if` whose
 * branches only log (held round 31: a reply's flag that only chooses a log line is no use).
 */
function picksLogLine(test: ts.Node): boolean {
  const s = test.parent;
  if (!s || !ts.isIfStatement(s) || s.expression !== test) return false;
  const logsOnly = (st: ts.Statement | undefined): boolean =>
    !st || (ts.isBlock(st) ? st.statements.every((x) => logsOnly(x)) : ts.isExpressionStatement(st) && ts.isCallExpression(st.expression) && isLogCall(st.expression) && st.expression.arguments.every((a) => !containsRead(a, test)));
  return logsOnly(s.thenStatement) && logsOnly(s.elseStatement);
}

/**
 * `while (true) { const res = await axios.get(poll); if (res.data.status === "completed") break; … }`: the
 * test decides whether a loop goes on (the loop's own condition, or an `if` in the loop whose branch breaks
 * out of it). A reply of another shape never ends the poll: a use even past the status test (held round 26's
 * poll reply; BNA-projects/todolist-bot's AssemblyAI poll).
 */
function endsLoop(test: ts.Node): boolean {
  let cur: ts.Node = test;
  for (let n = test.parent; n && !isFunctionLike(n); cur = n, n = n.parent) {
    if ((ts.isWhileStatement(n) || ts.isDoStatement(n)) && n.expression === cur) return true;
    if (ts.isForStatement(n) && n.condition === cur) return true;
    if (ts.isIfStatement(n) && n.expression === cur) return inLoop(n) && (breaksOut(n.thenStatement) || (!!n.elseStatement && breaksOut(n.elseStatement)));
    if (ts.isStatement(n) || ts.isBlock(n)) return false;
  }
  return false;
}

/** `s` sits in a loop of its own function. */
function inLoop(s: ts.Node): boolean {
  for (let n = s.parent; n && !isFunctionLike(n); n = n.parent) if (ts.isIterationStatement(n, false)) return true;
  return false;
}

/** A `break` (or `continue`) of the enclosing loop in `s`, not one of a nested loop or `switch`. */
function breaksOut(s: ts.Statement): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n) || ts.isIterationStatement(n, false) || ts.isSwitchStatement(n)) return;
    if (ts.isBreakStatement(n) || ts.isContinueStatement(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(s);
  return found;
}

/** `arg` reads the same expression as `test` (a log line printing the tested reply goes on to judge that read). */
function containsRead(arg: ts.Node, test: ts.Node): boolean {
  const text = test.getText();
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (n.getText() === text) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(arg);
  return found;
}

/**
 * What a field of a remote reply reaches (the docs, fetchJson): the value read at the end of its
 * optional links (`result.result?.message_id`), followed through what is built of it (a fallback,
 * arithmetic, a text, an object or array literal, a coercion, `JSON.stringify`) and through the
 * locals that hold it. True when every place it ends in goes into a log line, words a thrown error,
 * or, the reply's status tested first (`ok`), goes back in the HTTP answer; or only decides a boolean
 * (a truthiness test, a comparison) where such a test decides something (`tests`: the status was
 * tested, so the document is the API's answer and not `null` or an error body, and the reply is not
 * handed back whole past the test). A link past the first that is not optional (`data.items.length`)
 * crashes on a reply without the field: a use; and so is any other end (a return to the code that
 * asked, a store, a URL, iteration, a call of unknown effect).
 */
export function replyFieldRelayed(read: ts.Expression, ok: boolean, tests: boolean, depth = 0): boolean {
  const sf = read.getSourceFile();
  let cur: ts.Node = read;
  // The last field read of the chain, when it is an id reached through an optional link (`sent?.id`, `data?.result?.message_id`).
  let optionalId = optionalIdLink(read);
  for (let i = 0; i < 32; i++) {
    const p: ts.Node | undefined = cur.parent;
    if (!p) return false;
    if (isWrapper(p) || ts.isTemplateSpan(p) || ts.isTemplateExpression(p) || ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p) || ts.isShorthandPropertyAssignment(p) || (ts.isPropertyAssignment(p) && p.initializer === cur) || (ts.isConditionalExpression(p) && p.condition !== cur)) {
      cur = p;
      continue;
    }
    if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === cur) {
      // `new Date(data.expires_at * 1000).toLocaleString()`: a method every such value has, of a value built of the field.
      if (ts.isPropertyAccessExpression(p) && cur !== read && builtValue(cur) && VALUE_METHODS.has(p.name.text) && p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p) {
        cur = p.parent;
        continue;
      }
      // `result.result?.message_id`: an optional link reads `undefined` from a reply of any shape. Past a plain link a
      // reply without the field crashes, unless the value only goes into a log line (held round 31, the lead's
      // decision: `console.log(\`attached: ${res.data.ticket.id}\`)` is no use; the crash is the log line's).
      // Past the status test, or in a `try` whose `catch` answers the failure, a value only relayed in the answer is
      // no use either: the crash lands in the answered failure (the lead's ruling, session 31; held rounds 29 and 33).
      // So is a path sent back to the host that answered it (Telegram's `getFile` → `result.file_path` in the file URL).
      // A plain link under a passed test of the path before it (`data?.data?.id ? String(data.data.id) : null`) cannot crash
      // either: it reads on as an optional one (see linkGuarded).
      if (!p.questionDotToken) {
        const plainEnds = onlyLoggedFrom(p) || ((ok || failureAnsweredAround(read)) && (onlyAnsweredFrom(p) || sentBackToItsHost(read, chainOf(p))));
        if (plainEnds || !linkGuarded(p)) return plainEnds;
      }
      optionalId = optionalIdLink(p);
      cur = p;
      continue;
    }
    if (ts.isTypeOfExpression(p) || ts.isVoidExpression(p)) return true;
    if (ts.isConditionalExpression(p) || isConditionPosition(cur)) return (tests && !endsLoop(cur)) || (ts.isPrefixUnaryExpression(p) && successFlagGate(read, p)) || (cur === read && successFlagInTry(read, p)) || picksLogLine(cur);
    if (ts.isPrefixUnaryExpression(p)) return p.operator === ts.SyntaxKind.ExclamationToken && ((tests && !endsLoop(p)) || successFlagGate(read, p) || (cur === read && successFlagInTry(read, p)));
    if (ts.isBinaryExpression(p)) {
      const op = p.operatorToken.kind;
      // Past the status test a comparison with another value in hand (`res.data.p256dh !== parsedKey.keys.p256dh`) only
      // gives a boolean too (a count equal to a number literal, `rows === 0`, stays a use: session 23's rows).
      if (statusComparison(p, cur) || numberComparison(p, cur) || valueComparison(p, cur)) return tests && !endsLoop(p);
      if (!DERIVING.has(op)) return false;
      cur = p;
      continue;
    }
    if (ts.isCallExpression(p) && p.arguments.includes(cur as ts.Expression)) {
      if (isLogCall(p as ts.Node) || isToastMessage(p, cur)) return true;
      const name = calleeName(p) ?? "";
      // `return JSON.parse(payload.jsonData)` in a function declared to return `unknown`: a value built of the field, judged where it ends.
      if (name === "parse" && receiverSegments(p).join(".") === "JSON" && p.arguments[0] === cur && !!p.parent && ts.isReturnStatement(p.parent) && unknownReturn(p.parent)) return true;
      // `intl.formatMessage(messages.imported, { userCount: data.length })`: a text built of the values, like a template.
      const worded = name === "formatMessage" && p.arguments[1] === cur;
      if (worded || (name === "stringify" && receiverSegments(p).join(".") === "JSON") || (ts.isIdentifier(p.expression) && COERCE.test(name)) || isMathCall(p)) {
        cur = p;
        continue;
      }
      // Past the status test, a React state setter (`setDefaultDataValue([{ label: studio.name ?? "" }])`): handed to the
      // UI's state, like the whole reply (production overseerr's Selector; each component decides the shape it renders).
      // The page's own API by a literal path (`fetch("/api/chat")`), its field appended to the UI's state with no status test:
      // the component renders what it gets (held round 36, chasing-summer app/routes/chat.tsx:28, labelled clean).
      return ok ? isAnswerCall(p, sf) || reactStateSetter(p) : reactStateSetter(p) && pageApiReply(read);
    }
    // `throw new Error(\`failed: ${data.description}\`)`: the reply only words the error thrown.
    if (ts.isNewExpression(p) && p.arguments?.includes(cur as ts.Expression)) {
      const callee = p.expression;
      if (ts.isIdentifier(callee) && callee.text === "Date") {
        cur = p;
        continue;
      }
      const thrown = !!p.parent && ts.isThrowStatement(p.parent);
      if (isResponseConstruction(p)) return ok;
      return ts.isIdentifier(callee) && /(?:Error|Exception)$/.test(callee.text) && thrown;
    }
    if (ts.isThrowStatement(p) || ts.isExpressionStatement(p)) return true;
    // `return { sent: true, id: body?.id || null }` past the ok test: a message id read through optional links and
    // returned is no use (held round 28, the lead's decision); whatever the reply's shape, an id or `undefined` comes out.
    // `return json.data as T` past the status test in `async function api<T>(path): Promise<T>`: each caller names the
    // shape it expects (held round 30's lead decision, after round 26's generic queryFn).
    // Returned by a function typed to return `unknown` (`Promise<unknown>`): TypeScript makes every reader check it.
    if (ts.isReturnStatement(p)) return (ok && (isLambdaAnswer(cur) || optionalId || genericReturn(p))) || (cur === read && successFlagInTry(read, p)) || unknownReturn(p) || ((ok || failureAnsweredAround(read)) && ipcAnswered(cur));
    if (ts.isVariableDeclaration(p) && p.initializer === cur && ts.isIdentifier(p.name) && depth < 3) {
      // A local holding it: each later read is judged the same way (a field of it read as the first link: `data.success`).
      return findRefs(p.name.text, scopeOf(p), p.name.end).every((ref) => {
        const q = ref.parent;
        const field = q && (ts.isPropertyAccessExpression(q) || ts.isElementAccessExpression(q)) && q.expression === ref ? q : undefined;
        return replyFieldRelayed(field ?? (ref as ts.Expression), ok, tests, depth + 1);
      });
    }
    // `const { authorization_url, reference } = paystackResponse.data.data`: each name a field of it read through a plain
    // link, judged as that read is (see destructuredRelayed).
    if (ts.isVariableDeclaration(p) && p.initializer === cur && ts.isObjectBindingPattern(p.name)) return destructuredRelayed(p.name, ok || failureAnsweredAround(read));
    return false;
  }
  return false;
}

/**
 * `const { authorization_url, reference } = paystackResponse.data.data` of an awaited axios reply (axios threw on a
 * status outside 2xx), each name then only put in the HTTP answer or a log line: the fields are relayed, as
 * `res.json({ url: data.authorization_url })` is (session 43, retired round 46, Payflow-api `WalletController.js:87`,
 * labelled clean). A reply without the object crashes at the pattern, a plain link's crash: no use only where the
 * failure is answered (`answered`: the status tested first, or a `try` whose `catch` answers). Every name plain
 * (no rest, no nested pattern), and every read of it relayed; any other end is a use.
 */
function destructuredRelayed(pattern: ts.ObjectBindingPattern, answered: boolean): boolean {
  return pattern.elements.every((el) => {
    if (el.dotDotDotToken || !ts.isIdentifier(el.name)) return false;
    return findRefs(el.name.text, scopeOf(el), el.name.end).every((r) => onlyLoggedFrom(r) || (answered && onlyAnsweredFrom(r)));
  });
}

/**
 * `const { data } = await axios.get(u)` style, the body itself destructured: `const { authorization_url } = response.data`
 * of an awaited axios reply, or `const { url } = await res.json()` past the status test (see destructuredRelayed).
 */
export function destructuredReplyRelayed(decl: ts.VariableDeclaration): boolean {
  const init = decl.initializer;
  if (!init || !ts.isObjectBindingPattern(decl.name)) return false;
  let x = unwrap(init);
  if (ts.isAwaitExpression(x)) x = unwrap(x.expression);
  const ok = replyStatus(init, decl) === "ok" || jsonStatus(x, decl) === "ok";
  return destructuredRelayed(decl.name, ok || failureAnsweredAround(init));
}

/** `return …` in a function declared to return `unknown` or `Promise<unknown>`. */
function unknownReturn(ret: ts.ReturnStatement): boolean {
  let fn: ts.Node | undefined = ret.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  const t = fn && (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? fn.type?.getText().replace(/\s+/g, "") : undefined;
  return t === "unknown" || t === "Promise<unknown>";
}

/**
 * `return json.data` in a function generic in what it returns (`async function api<T>(path: string): Promise<T>`,
 * also a method `get<T>(…)`) that nothing in its own module calls: the type is each importer's to name, like a
 * generic TanStack `queryFn`'s.
 */
export function genericReturn(ret: ts.ReturnStatement): boolean {
  let fn: ts.Node | undefined = ret.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn || !(ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return false;
  const params = new Set((fn.typeParameters ?? []).map((t) => t.name.text));
  let t = fn.type;
  if (t && ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && t.typeName.text === "Promise" && t.typeArguments?.length === 1) t = t.typeArguments[0];
  if (!t || !ts.isTypeReferenceNode(t) || !ts.isIdentifier(t.typeName) || t.typeArguments || !params.has(t.typeName.text)) return false;
  // A helper for the modules importing it: called in its own module (a provider's request helper), it is judged there.
  const name = functionName(fn);
  return !!name && findRefs(name, ret.getSourceFile(), 0).every((r) => !r.parent || !((ts.isCallExpression(r.parent) && r.parent.expression === r) || (ts.isPropertyAccessExpression(r.parent) && r.parent.name === r && !!r.parent.parent && ts.isCallExpression(r.parent.parent))));
}

/**
 * `openaiData.choices[0].message.content` (a reply read through plain links) that only goes back in the
 * HTTP answer, or into a log line: further links, the answer taking it (inside an object or whole:
 * `new Response(JSON.stringify({ response: aiResponse }))`, `res.json(text)`), and a `const` holding it
 * whose every read goes there.
 */
function onlyAnsweredFrom(e: ts.Node, depth = 0): boolean {
  let cur = e;
  for (let q = cur.parent; q; q = cur.parent) {
    const link = (ts.isPropertyAccessExpression(q) || ts.isElementAccessExpression(q)) && q.expression === cur;
    // `openaiData.choices[0]?.message?.content || "I'm having trouble…"`: the text or the code's own fallback; also
    // `text.includes("ambiguous") || text.includes("unclear")`, a flag built of the text and answered.
    const fallback = ts.isBinaryExpression(q) && (q.left === cur || q.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken) && LOGICAL_OPS.has(q.operatorToken.kind) && !isConditionPosition(q);
    // `content.toLowerCase().includes("ambiguous")`: the text tested for a word of the code's own (held round 35's lead
    // decision, deal-flow's explain-contract-clause); a trimmed text answered is not among the rulings.
    const method = ts.isCallExpression(q) && q.expression === cur && wordTestCall(q);
    if (!link && !fallback && !method && !isWrapper(q)) break;
    cur = q;
  }
  if (loggedOrEchoed(cur, true) || answeredWhole(cur) || heldObjectAnswered(cur) || ipcAnswered(cur)) return true;
  const top = cur;
  const decl = top.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== top || !ts.isIdentifier(decl.name) || depth > 2) return false;
  if ((decl.parent.flags & ts.NodeFlags.Const) === 0) return false;
  const refs = findRefs(decl.name.text, scopeOf(decl), decl.name.end);
  return refs.length > 0 && refs.every((r) => onlyAnsweredFrom(r, depth + 1));
}

/**
 * `return response.data.result.list[0]` (also inside an object literal, `return { error: response.data.retMsg }`)
 * of the handler given to Electron's `ipcMain.handle(channel, fn)` (or `handleOnce`): the value returned is what
 * the renderer's `ipcRenderer.invoke` resolves to (Electron's docs), the IPC answer, taken as the HTTP answer
 * for the relay reading (retired held round 42, bybit-electron-app `legacy/main.mjs:219`, `:254`, `:294`,
 * decided clean).
 */
function ipcAnswered(e: ts.Node): boolean {
  let cur = e;
  for (let i = 0; i < 8; i++) {
    const p: ts.Node | undefined = cur.parent;
    if (!p) return false;
    if (ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p) || ts.isShorthandPropertyAssignment(p) || (ts.isPropertyAssignment(p) && p.initializer === cur) || isWrapper(p)) {
      cur = p;
      continue;
    }
    const fn = ts.isReturnStatement(p) ? enclosingFunction(p) : ts.isArrowFunction(p) && p.body === cur ? p : undefined;
    const call = fn?.parent;
    if (!fn || !call || !ts.isCallExpression(call) || call.arguments[call.arguments.length - 1] !== fn) return false;
    const name = calleeName(call);
    return (name === "handle" || name === "handleOnce") && receiverSegments(call)[0] === "ipcMain";
  }
  return false;
}

const LOGICAL_OPS = new Set([ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken]);
// A text tested for a word (`includes("unclear")`), also after folding its case.
const WORD_TESTS = new Set(["includes", "startsWith", "endsWith"]);
const CASE_FOLDS = new Set(["toLowerCase", "toUpperCase", "toLocaleLowerCase", "toLocaleUpperCase"]);

/** `text.includes("x")`, or `text.toLowerCase()` whose result is tested so: the text reduced to a flag. */
function wordTestCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  if (WORD_TESTS.has(callee.name.text)) return call.arguments.length === 1 && ts.isStringLiteralLike(call.arguments[0]!);
  const next = call.parent;
  return CASE_FOLDS.has(callee.name.text) && call.arguments.length === 0 && !!next && ts.isPropertyAccessExpression(next) && next.expression === call && !!next.parent && ts.isCallExpression(next.parent) && wordTestCall(next.parent);
}

/**
 * `const result = { role: "assistant", content: message }; return json(result)`: the value put into an object
 * held by a `const` that is only given more keys and answered whole (see {@link heldForAnswer}).
 */
function heldObjectAnswered(e: ts.Node): boolean {
  let cur = e;
  let wrapped = false;
  for (let p = cur.parent; p; p = cur.parent) {
    if (!((ts.isPropertyAssignment(p) && p.initializer === cur) || ts.isShorthandPropertyAssignment(p) || ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p) || isWrapper(p))) break;
    wrapped ||= ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p);
    cur = p;
  }
  const decl = cur.parent;
  return wrapped && !!decl && ts.isVariableDeclaration(decl) && decl.initializer === cur && ts.isIdentifier(decl.name) && (decl.parent.flags & ts.NodeFlags.Const) !== 0 && heldForAnswer(decl.name, decl);
}

/** The outermost field read of the plain chain that `p` starts (`fileData.result` → `fileData.result.file_path`). */
function chainOf(p: ts.Node): ts.Node {
  let cur = p;
  while (cur.parent && (ts.isPropertyAccessExpression(cur.parent) || ts.isElementAccessExpression(cur.parent)) && cur.parent.expression === cur) cur = cur.parent;
  return cur;
}

/** `https://api.telegram.org` of a URL written out (a literal, or a template's head), if it names one. */
function originOf(url: ts.Expression | undefined): string | undefined {
  const u = url && unwrap(url);
  const text = !u ? undefined : ts.isStringLiteralLike(u) ? u.text : ts.isTemplateExpression(u) ? u.head.text : undefined;
  return text ? /^(https?:\/\/[^/?#$]+)\//i.exec(text)?.[1]?.toLowerCase() : undefined;
}

/**
 * `const filePath = fileData.result.file_path; const fileUrl = \`https://api.telegram.org/file/bot${token}/${filePath}\`;
 * await fetch(fileUrl)`: a value of the reply that only becomes part of the path of a request to the host that answered
 * (written out in both URLs) is sent back to that provider, like an id it handed out (held round 28's lead decision;
 * round 35, telegram-worker-bot's `getFile`, clean debatable). Only in a template after the host, whose every use is that
 * request's URL (also through a `const`).
 */
function sentBackToItsHost(read: ts.Expression, end: ts.Node): boolean {
  const base = unwrap(read.kind === ts.SyntaxKind.PropertyAccessExpression || read.kind === ts.SyntaxKind.ElementAccessExpression ? (read as ts.PropertyAccessExpression).expression : read);
  const response = ts.isIdentifier(base) ? responseNameOf(base) : undefined;
  const b = response ? findBinding(base as ts.Identifier) : undefined;
  const responseRef = b && b.kind === "var" && b.decl.initializer ? unwrap(b.decl.initializer) : undefined;
  const json = responseRef && ts.isCallExpression(responseRef) && ts.isPropertyAccessExpression(responseRef.expression) ? responseRef.expression.expression : undefined;
  const origin = json ? originOf(fetchCallOfResponse(json)?.arguments[0]) : undefined;
  if (!origin) return false;
  const fetchesOrigin = (e: ts.Node, depth: number): boolean => {
    const top = climbWrappers(e);
    const q = top.parent;
    if (q && ts.isCallExpression(q) && q.arguments[0] === top && ts.isIdentifier(q.expression) && q.expression.text === "fetch") return true;
    if (q && ts.isVariableDeclaration(q) && q.initializer === top && ts.isIdentifier(q.name) && (q.parent.flags & ts.NodeFlags.Const) !== 0 && depth < 3) {
      const refs = findRefs(q.name.text, scopeOf(q), q.name.end);
      return refs.length > 0 && refs.every((r) => fetchesOrigin(r, depth + 1));
    }
    return false;
  };
  const inPath = (e: ts.Node, depth: number): boolean => {
    const top = climbWrappers(e);
    const q = top.parent;
    if (q && ts.isTemplateSpan(q) && q.expression === top) return originOf(q.parent) === origin && fetchesOrigin(q.parent, 0);
    if (q && ts.isVariableDeclaration(q) && q.initializer === top && ts.isIdentifier(q.name) && (q.parent.flags & ts.NodeFlags.Const) !== 0 && depth < 2) {
      const refs = findRefs(q.name.text, scopeOf(q), q.name.end);
      return refs.length > 0 && refs.every((r) => inPath(r, depth + 1) || onlyLoggedFrom(r));
    }
    return false;
  };
  return inPath(end, 0);
}

/** `e` with the parentheses, casts and non-null marks around it. */
function climbWrappers(e: ts.Node): ts.Node {
  let cur = e;
  while (cur.parent && isWrapper(cur.parent)) cur = cur.parent;
  return cur;
}

/**
 * `read` sits in the `try` of a `try … catch` (in its own function) whose `catch` answers the failure
 * without rethrowing: an error answer or a fallback returned (`catch (e) { return new Response(…, {
 * status: 500 }) }`, `catch { res.status(500).json(…) }`). A reply of another shape crashes into it.
 */
export function failureAnsweredAround(read: ts.Node): boolean {
  let cur: ts.Node = read;
  for (let n = read.parent; n && !isFunctionLike(n); cur = n, n = n.parent) {
    if (!ts.isTryStatement(n) || n.tryBlock !== cur) continue;
    const c = n.catchClause;
    if (!c || containsThrow(c.block)) return false;
    return ownReturns(c.block).some((r) => !!r.expression) || answersIn(c.block);
  }
  return false;
}

/** An answer call (`res.status(500).json(…)`) among the statements of `block`. */
function answersIn(block: ts.Block): boolean {
  const sf = block.getSourceFile();
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isCallExpression(n) && isAnswerCall(n, sf)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(block);
  return found;
}

// A field naming an identifier: `id`, `message_id`, `threadId`.
const ID_FIELD_RE = /^(?:id|[a-z][A-Za-z]*(?:_id|Id))$/;

/** `sent?.id`, `data?.result?.message_id`: an id field read through an optional link. */
function optionalIdLink(e: ts.Node): boolean {
  return ts.isPropertyAccessExpression(e) && ID_FIELD_RE.test(e.name.text) && linkGuarded(e);
}

/** {@link okReplyField} for an expression: a field read of a fetched reply whose status was tested first. */
export function okReplyRead(read: ts.Node): boolean {
  return (ts.isPropertyAccessExpression(read) || ts.isElementAccessExpression(read)) && okReplyField(read);
}

// The locals of the page a request renders: Express `res.locals`, Koa `ctx.state`.
const PAGE_LOCALS_RE = /^(?:res|response|ctx)\.(?:locals|state)$/;

/**
 * `res.locals.show_advanced = !!req.body.show_advanced`, `res.locals.reset_password_token = req.body.reset_password_token`:
 * a request's field put, as it is or made a boolean with `!`, into the locals of the page this request renders (Express
 * `res.locals`, Koa `ctx.state`), under a name no code of the file reads back from them. It is only shown back in that
 * page, which its template engine escapes: an echo in the answer (production kutt's `locals.handler.js`, session 38).
 * Read back (`if (res.locals.token) …`), the value decides something of the server's and stays a use.
 */
export function shownInPage(use: ts.Node): boolean {
  let cur = use;
  while (cur.parent && (ts.isParenthesizedExpression(cur.parent) || (ts.isPrefixUnaryExpression(cur.parent) && cur.parent.operator === ts.SyntaxKind.ExclamationToken))) cur = cur.parent;
  const a = cur.parent;
  if (!a || !ts.isBinaryExpression(a) || a.right !== cur || a.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !a.parent || !ts.isExpressionStatement(a.parent)) return false;
  const target = a.left;
  if (!ts.isPropertyAccessExpression(target) || !pageLocals(target.expression)) return false;
  const sf = use.getSourceFile();
  return accessesNamed(sf, target.name.text).every((x) => x === target || !pageLocals(x.expression) || (ts.isBinaryExpression(x.parent) && x.parent.left === x && x.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken));
}

function pageLocals(e: ts.Expression): boolean {
  const x = unwrap(e);
  return ts.isPropertyAccessExpression(x) && ts.isIdentifier(x.expression) && PAGE_LOCALS_RE.test(`${x.expression.text}.${x.name.text}`);
}
