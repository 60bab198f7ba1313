import { ts } from "../../engine/ts";
import { topLevelFunction } from "../../engine/ast";
import { climb, findRefs, scopeOf } from "./ast";
import { outboundBodyCall } from "./proxy";
import { injectedType } from "./sinks";

/**
 * `` { role: "user", content: `Original search query: "${query}"` } `` in the JSON body of a `fetch`
 * to a model (held round 28, Goochacharan/Hopaba_Real enhance-search, taishonblack/mako-construct
 * extract-callsheet): a request's field put into the text of a template literal that goes, through
 * object and array literals (also a `const` holding them, an array it `push`es to or whose element it
 * appends to), into an outbound request's JSON body. A template makes text of whatever it holds, so
 * no structure of the field goes on, and the service it is sent to judges the text (a model's prompt
 * is what the endpoint exists to send), as for a scalar sent as a field of that body.
 */
export function textInOutboundBody(ref: ts.Node): boolean {
  const text = enclosingText(ref);
  return !!text && textLands(text, 0);
}

/**
 * `const userPrompt = question ? \`Contract text: ${selectedText}\n\nQuestion: ${question}\` : selectedText`, then
 * `{ role: "user", content: userPrompt }` in the JSON body of a `fetch` to a model: a branch of a conditional that
 * goes, like a template holding the value, into an outbound request's JSON body (held round 35, deal-flow
 * explain-contract-clause:15, labelled clean debatable). The caller asks it of a presence-tested field only, as
 * for a scalar sent as a field of that body.
 */
export function branchInOutboundBody(ref: ts.Node): boolean {
  const top = climb(ref);
  return top !== ref && ts.isConditionalExpression(top) && textLands(top, 0);
}

/** The outermost text expression `ref` is put into: a template holding it, nested templates, `+` with text. */
function enclosingText(ref: ts.Node): ts.Node | undefined {
  let cur = climb(ref);
  let inText = false;
  for (let i = 0; i < 8; i++) {
    const p = cur.parent;
    if (p && ts.isTemplateSpan(p) && p.expression === cur) {
      cur = climb(p.parent);
      inText = true;
      continue;
    }
    if (inText && p && ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      cur = climb(p);
      continue;
    }
    break;
  }
  return inText ? cur : undefined;
}

/** Where the text goes: a field of a literal, a `const`, or appended to a local's element (`parts[0].text += …`). */
function textLands(text: ts.Node, depth: number): boolean {
  const p = text.parent;
  if (!p) return false;
  if (ts.isPropertyAssignment(p) && p.initializer === text) return literalLands(p.parent, depth);
  if (ts.isBinaryExpression(p) && p.right === text && p.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) {
    const root = rootName(p.left);
    return !!root && root !== p.left && localLands(root, depth);
  }
  if (ts.isVariableDeclaration(p) && p.initializer === text) return constLands(p, depth);
  return false;
}

/** An object or array literal, through enclosing literals, into an outbound JSON body (or a local that goes there). */
function literalLands(lit: ts.Node, depth: number): boolean {
  let cur = lit;
  for (let i = 0; i < 12; i++) {
    const p = cur.parent;
    if (!p) return false;
    if (ts.isArrayLiteralExpression(p) || ts.isObjectLiteralExpression(p)) {
      cur = p;
      continue;
    }
    if (ts.isPropertyAssignment(p) && p.initializer === cur) {
      cur = p.parent;
      continue;
    }
    if (ts.isCallExpression(p)) {
      if (p.arguments[0] === cur && !!outboundBodyCall(p)) return true;
      if (ts.isIdentifier(p.expression) && p.arguments.includes(cur as ts.Expression)) return paramLands(p, p.arguments.indexOf(cur as ts.Expression), depth);
      const push = p.expression;
      return p.arguments.includes(cur as ts.Expression) && ts.isPropertyAccessExpression(push) && push.name.text === "push" && ts.isIdentifier(push.expression) && localLands(push.expression, depth);
    }
    if (ts.isVariableDeclaration(p) && p.initializer === cur) return constLands(p, depth);
    return false;
  }
  return false;
}

/**
 * `callAI([{ role: "user", content: \`…${text}\` }])` for a function of the module whose parameter at
 * that place only goes into its outbound JSON body (`body: JSON.stringify({ model, messages })`): the
 * helper sends the prompt, as the caller would itself.
 */
function paramLands(call: ts.CallExpression, index: number, depth: number): boolean {
  const fn = topLevelFunction((call.expression as ts.Identifier).text, call.getSourceFile());
  const param = fn?.parameters[index];
  if (depth > 2 || !fn?.body || !param || param.dotDotDotToken || !ts.isIdentifier(param.name)) return false;
  const refs = findRefs(param.name.text, fn.body, fn.body.pos);
  return refs.length > 0 && refs.every((ref) => {
    const p = ref.parent;
    const held = ts.isShorthandPropertyAssignment(p) ? p.parent : ts.isPropertyAssignment(p) && p.initializer === ref ? p.parent : ts.isArrayLiteralExpression(p) ? p : undefined;
    return !!held && literalLands(held, depth + 1);
  });
}

/** The name at the root of `parts[0].text`. */
function rootName(e: ts.Expression): ts.Identifier | undefined {
  let cur = e;
  while (ts.isPropertyAccessExpression(cur) || ts.isElementAccessExpression(cur)) cur = cur.expression;
  return ts.isIdentifier(cur) ? cur : undefined;
}

/** The `const` declaring the local `name` refers to, in its own function. */
function declarationOf(name: ts.Identifier): ts.VariableDeclaration | undefined {
  for (let p: ts.Node | undefined = name.parent; p; p = p.parent) {
    if (ts.isBlock(p) || ts.isSourceFile(p)) {
      for (const st of p.statements) {
        if (!ts.isVariableStatement(st) || (st.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
        const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === name.text);
        if (d && d.pos < name.pos) return d;
      }
    }
    if (ts.isFunctionLike(p)) return undefined;
  }
  return undefined;
}

function localLands(name: ts.Identifier, depth: number): boolean {
  const decl = declarationOf(name);
  return !!decl && constLands(decl, depth);
}

/**
 * A `const` whose every read adds to it (`push`, `x[0].text += …`) or puts it into a literal that
 * lands in an outbound JSON body, one of them at least.
 */
function constLands(decl: ts.VariableDeclaration, depth: number): boolean {
  if (depth > 2 || !ts.isIdentifier(decl.name)) return false;
  const list = decl.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return false;
  let lands = false;
  for (const ref of findRefs(decl.name.text, scopeOf(decl), decl.name.end)) {
    const p = ref.parent;
    if (ts.isPropertyAccessExpression(p) && p.expression === ref && p.name.text === "push" && ts.isCallExpression(p.parent) && p.parent.expression === p) continue;
    const top = rootTarget(ref);
    if (top) continue;
    const held = ts.isShorthandPropertyAssignment(p) ? p.parent : ts.isPropertyAssignment(p) && p.initializer === ref ? p.parent : ts.isArrayLiteralExpression(p) ? p : undefined;
    if (!held || !literalLands(held, depth + 1)) return false;
    lands = true;
  }
  return lands;
}

/** `parts[0].text += more`: the local is only written into. */
function rootTarget(ref: ts.Identifier): boolean {
  let cur: ts.Node = ref;
  while (cur.parent && (ts.isPropertyAccessExpression(cur.parent) || ts.isElementAccessExpression(cur.parent)) && cur.parent.expression === cur) cur = cur.parent;
  const a = cur.parent;
  return cur !== ref && !!a && ts.isBinaryExpression(a) && a.left === cur && (a.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken || a.operatorToken.kind === ts.SyntaxKind.EqualsToken);
}

/**
 * `` `${nearMe ? "Include terms related to proximity." : ""}` ``: a field only tested to pick one of two
 * texts of the code's own (held round 28, Hopaba_Real enhance-search, labelled clean). What goes on is
 * the code's text; unlike `if (req.body.skipAuth)`, the test chooses no path of the handler.
 */
export function literalTextChoice(ref: ts.Node): boolean {
  const top = climb(ref);
  const c = top.parent;
  return !!c && ts.isConditionalExpression(c) && c.condition === top && codeText(c.whenTrue) && codeText(c.whenFalse);
}

function codeText(e: ts.Expression): boolean {
  let cur = e;
  while (ts.isParenthesizedExpression(cur)) cur = cur.expression;
  return ts.isStringLiteral(cur) || ts.isNoSubstitutionTemplateLiteral(cur);
}

/**
 * `fetch(USERINFO_URL, { headers: { Authorization: \`Bearer ${access_token}\` } })`: a request's field
 * only sent as a header value of an outbound request (held round 28, dietix `auth/google/route.tsx:9`,
 * labelled clean; round 25 decided the same, debatable). A header takes text: the service it is sent to
 * (the token's issuer here) judges it, and nothing of the value's structure goes on.
 */
export function outboundHeaderValue(ref: ts.Node): boolean {
  const value = enclosingText(ref) ?? climb(ref);
  const prop = value.parent;
  if (!prop || !ts.isPropertyAssignment(prop) || prop.initializer !== value) return false;
  const headers = prop.parent.parent;
  if (!headers || !ts.isPropertyAssignment(headers) || headers.initializer !== prop.parent || propName(headers) !== "headers") return false;
  const options = headers.parent;
  const call = options.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(options)) return false;
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text === "fetch" && call.arguments[1] === options;
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "axios" && call.arguments[call.arguments.length - 1] === options && call.arguments.length >= 2;
}

function propName(p: ts.PropertyAssignment): string | undefined {
  return ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined;
}

/**
 * `this.http.axiosRef.get(SEARCH_URL, { params: { term, entity: "podcast" } })`: a request's scalar only
 * put in the `params` of an axios request (also @nestjs/axios's `HttpService`, `this.http.get(…)`), which
 * axios encodes into the query string (tune labels: SalahAmer2 `backend-itunes/src/app.controller.ts:9`/`:18`,
 * clean). Like a value `encodeURIComponent`'d into the URL (rounds 23 and 24), it cannot add or override
 * a parameter, and the service it is sent to judges it. `value` is the node the value sits in the
 * `params` object as (a property's initializer, or a shorthand property's name).
 */
export function outboundQueryParam(value: ts.Node): boolean {
  const prop = value.parent;
  if (!prop || !((ts.isPropertyAssignment(prop) && prop.initializer === value) || (ts.isShorthandPropertyAssignment(prop) && prop.name === value))) return false;
  const params = prop.parent.parent;
  if (!params || !ts.isPropertyAssignment(params) || params.initializer !== prop.parent || propName(params) !== "params") return false;
  const options = params.parent;
  const call = options.parent;
  return !!call && ts.isCallExpression(call) && call.arguments.includes(options) && call.arguments[0] !== options && axiosLike(call);
}

const AXIOS_METHODS = new Set(["get", "post", "put", "patch", "delete", "head", "options", "request"]);

/** `axios.get(…)`, `this.http.axiosRef.get(…)`, `this.httpService.get(…)` (an injected `HttpService`). */
function axiosLike(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !AXIOS_METHODS.has(callee.name.text)) return false;
  const recv = callee.expression;
  if (ts.isIdentifier(recv)) return recv.text === "axios";
  if (!ts.isPropertyAccessExpression(recv)) return false;
  if (recv.name.text === "axiosRef") return true;
  return recv.expression.kind === ts.SyntaxKind.ThisKeyword && injectedType(recv, recv.name.text) === "HttpService";
}
