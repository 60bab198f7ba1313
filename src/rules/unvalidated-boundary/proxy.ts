import { ts } from "../../engine/ts";
import { nameText } from "./ast";

/**
 * `{ method: req.method, url: req.originalUrl, data: req.body }`: the request's body forwarded
 * whole as the body of an outbound request that also takes the request's own method, a proxy.
 * The upstream judges what it is sent; the handler reads nothing of it.
 */
export function forwardedByProxy(prop: ts.PropertyAssignment, value: ts.Node): boolean {
  const key = nameText(prop.name);
  if ((key !== "data" && key !== "body") || !ts.isPropertyAccessExpression(value) || !ts.isIdentifier(value.expression)) return false;
  const req = value.expression.text;
  const obj = prop.parent;
  return obj.properties.some((p) => {
    if (!ts.isPropertyAssignment(p) || nameText(p.name) !== "method") return false;
    const v = p.initializer;
    return ts.isPropertyAccessExpression(v) && v.name.text === "method" && ts.isIdentifier(v.expression) && v.expression.text === req;
  });
}

/**
 * `fetch(url, { body: JSON.stringify({ message: body, api_key }) })`: the call that sends an
 * object literal holding the input as one of its fields in an outbound request's JSON body.
 * The handler decides that request's shape and puts the client's value into it: the input is
 * passed on to a service. (The body forwarded whole, `JSON.stringify(req.body)`, is no field.)
 */
export function outboundBodyCall(stringify: ts.CallExpression): ts.CallExpression | undefined {
  const e = stringify.expression;
  if (!ts.isPropertyAccessExpression(e) || e.name.text !== "stringify" || !ts.isIdentifier(e.expression) || e.expression.text !== "JSON") return undefined;
  const prop = stringify.parent;
  if (!prop || !ts.isPropertyAssignment(prop) || prop.initializer !== stringify || nameText(prop.name) !== "body") return undefined;
  const options = prop.parent;
  const call = options.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[1] !== options) return undefined;
  return ts.isIdentifier(call.expression) && call.expression.text === "fetch" ? call : undefined;
}

/**
 * `fetch(url, { method: "POST", body: JSON.stringify(body) })`: the input stringified whole as the
 * JSON body of an outbound request whose method the handler fixes (a GA4 or backend-for-frontend
 * proxy route). The handler decides that request and sends the client's object as its payload: the
 * input is passed on to a service. With the request's own method (`method: req.method`) it is a
 * proxy's forwarding instead, see forwardedByProxy; without a method, a GET, nothing is sent.
 */
export function wholeBodySentCall(stringify: ts.CallExpression): ts.CallExpression | undefined {
  const call = outboundBodyCall(stringify);
  const options = call?.arguments[1];
  if (!call || !options || !ts.isObjectLiteralExpression(options)) return undefined;
  const method = options.properties.find((p) => ts.isPropertyAssignment(p) && nameText(p.name) === "method");
  return method && ts.isPropertyAssignment(method) && ts.isStringLiteralLike(method.initializer) && method.initializer.text.toUpperCase() !== "GET" ? call : undefined;
}

/** A name that says the object relays requests: `ServiceProxyInterface`, `gatewayProxy`, `forwardToAuth`, `relayRequest`. */
const RELAY_NAME_RE = /prox(?:y|ies)|relay|forward/i;

/**
 * `this.httpService.callPaymentsServer(request, response, \`api/students/${request.params.token}/approve\`, request.body)`:
 * an API gateway's relay. The handler hands its own request and response on whole, first, to an
 * object whose type, name or method says it relays (`ServiceProxyInterface`, `proxy.forward`), with
 * the body as its payload: the relay sends the caller's own method, query and headers to the
 * product's own backend, which validates, and writes that backend's answer. Like a proxy's
 * forwarding with `method: req.method` (forwardedByProxy), the handler reads nothing of the input.
 * `arg` is the argument the input reaches: the payload (the body, or an object literal holding a
 * route id), or a path built after a fixed segment (`` `api/students/${id}/approve` ``, the docs'
 * "in the path after a configured origin and a fixed segment"). A path that starts with the input
 * picks any route, and is still reported.
 */
export function relayedByProxy(call: ts.CallExpression, arg: ts.Node, injectedType: (member: string) => string | undefined): boolean {
  const [req, res] = call.arguments;
  if (!req || !res || !ts.isIdentifier(req) || !ts.isIdentifier(res) || call.arguments.indexOf(arg as ts.Expression) < 2) return false;
  if (ts.isTemplateExpression(arg) ? !/^\/?[\w.-]+\//.test(arg.head.text) : !ts.isPropertyAccessExpression(arg) && !ts.isObjectLiteralExpression(arg) && !ts.isIdentifier(arg)) return false;
  let fn: ts.Node | undefined = call.parent;
  while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
  const params = fn && ts.isFunctionLike(fn) ? fn.parameters : undefined;
  const param = (i: number) => (params?.[i] && ts.isIdentifier(params[i]!.name) ? (params[i]!.name as ts.Identifier).text : undefined);
  if (param(0) !== req.text || param(1) !== res.text) return false;
  const e = call.expression;
  if (!ts.isPropertyAccessExpression(e)) return false;
  if (RELAY_NAME_RE.test(e.name.text)) return true;
  // The receiver's own name (`gatewayProxy.send`), or the type the class declares for `this.member`.
  const recv = e.expression;
  if (ts.isIdentifier(recv)) return RELAY_NAME_RE.test(recv.text);
  if (!ts.isPropertyAccessExpression(recv)) return false;
  if (RELAY_NAME_RE.test(recv.name.text)) return true;
  return recv.expression.kind === ts.SyntaxKind.ThisKeyword && RELAY_NAME_RE.test(injectedType(recv.name.text) ?? "");
}
