import { ts } from "../../../engine/ts";
import { calleeName } from "../../../engine/ast";
import { TreeMemo } from "../../../engine/tree-memo";
import { findRefs, isFunctionLike, leaves, nameText, unwrap, type FunctionLike } from "../ast";
import { routeCallOf } from "./express";

/**
 * Validators a handler calls on its own context or request, before it reads the part they check: they
 * read the request themselves (no input is handed to them) and throw, or answer 4xx, when it fails.
 *
 * - koa-parameter's `ctx.verifyParams(rules[, data])`: checks `ctx.request.body` (`ctx.request.query` on
 *   a GET or HEAD route) merged with `ctx.params` against `rules`, and throws a 422 on a failure
 *   (parameter's rules are required unless they say `required: false`).
 * - egg-validate's `ctx.validate(rules[, data])`: the same rules against `ctx.request.body`; a rule
 *   object keyed by request part (`ctx.validate({ body: …, query: … })`, koa-context-validator's Joi
 *   schemas) checks the parts it names.
 * - express-validator's legacy API: `req.checkBody("email")`, `req.checkQuery(…)`, `req.checkParams(…)`,
 *   `req.check(…)`/`req.assert(…)` (any part), with the handler reading `req.validationErrors()` or
 *   `req.getValidationResult()`.
 *
 * Rules declared field by field cover only those fields: a read is covered when every field it takes
 * (`ctx.request.body.key`, `const { email, password } = ctx.request.body`, also through a `const` alias) is
 * declared; an input used whole (stored, spread, handed on) is not, since undeclared fields pass.
 */
export function contextValidated(fn: FunctionLike, read: ts.Node, part: string, request: string): boolean {
  const body = fn.body;
  if (!body || !ts.isBlock(body)) return false;
  const all = handlerChecks(fn, body, request);
  if (all.length === 0) return false;
  const checks = all.filter((x) => x.end <= read.pos).map((x) => x.check);
  if (checks.length === 0) return false;
  const fields = readFields(read);
  for (const c of checks) {
    if (!c.parts.has(part)) continue;
    if (c.fields === "any") return true;
    if (fields && fields.length > 0 && fields.every((f) => c.fields !== "any" && c.fields.has(f))) return true;
  }
  // Field checks of several calls (`req.checkBody("a"); req.checkBody("b")`) cover their fields together.
  if (!fields || fields.length === 0) return false;
  const declared = new Set(checks.filter((c) => c.parts.has(part) && c.fields !== "any").flatMap((c) => [...(c.fields as Set<string>)]));
  return fields.every((f) => declared.has(f));
}

interface Check {
  parts: Set<string>;
  fields: Set<string> | "any";
}

const LEGACY_PARTS: Record<string, string[]> = { checkBody: ["body"], checkQuery: ["query"], checkParams: ["params"], check: ["body", "query", "params"], assert: ["body", "query", "params"] };

// The handler's context validators, found once per handler: each read of the request asks (a handler may read it thousands of times).
const handlerMemo = new TreeMemo<ts.Node, { request: string; checks: { end: number; check: Check }[] }>();

/** The context validators among the handler's statements, with where each statement ends. */
function handlerChecks(fn: FunctionLike, body: ts.Block, request: string): { end: number; check: Check }[] {
  const memo = handlerMemo.get(body);
  if (memo && memo.request === request) return memo.checks;
  const checks: { end: number; check: Check }[] = [];
  const text = body.getText();
  if (/verifyParams|validate|check|assert/.test(text)) {
    const legacy = /\b(?:validationErrors|getValidationResult)\s*\(/.test(text);
    for (const st of body.statements) {
      for (const call of gatingCalls(st)) {
        const check = checkOf(call, fn, request, legacy);
        if (check) checks.push({ end: st.end, check });
      }
    }
  }
  handlerMemo.set(body, { request, checks });
  return checks;
}

/**
 * The calls a statement makes that end the request when they throw: the statement's own
 * (`ctx.verifyParams(…)`, `await ctx.validate(…)`, `const value = await ctx.validate(…)`),
 * or those of a `try` block whose `catch` ends the request too (`catch (err) { ctx.throw(418) }`).
 */
function gatingCalls(st: ts.Statement): ts.CallExpression[] {
  if (ts.isTryStatement(st)) {
    const handler = st.catchClause?.block;
    if (handler && !endsRequest(handler)) return [];
    return st.tryBlock.statements.flatMap(gatingCalls);
  }
  let e: ts.Expression | undefined;
  if (ts.isExpressionStatement(st)) e = st.expression;
  else if (ts.isVariableStatement(st) && st.declarationList.declarations.length === 1) e = st.declarationList.declarations[0]!.initializer;
  if (!e) return [];
  let x = unwrap(e);
  if (ts.isAwaitExpression(x)) x = unwrap(x.expression);
  // `req.checkBody("email", "Invalid email").isEmail()`: the chain's root call is the check.
  while (ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression) && ts.isCallExpression(x.expression.expression)) x = x.expression.expression;
  return ts.isCallExpression(x) ? [x] : [];
}

/** A catch block that ends the request: it returns or throws, or its last call is `ctx.throw(…)`. */
function endsRequest(block: ts.Block): boolean {
  if (leaves(block)) return true;
  const last = block.statements[block.statements.length - 1];
  return !!last && ts.isExpressionStatement(last) && ts.isCallExpression(last.expression) && calleeName(last.expression) === "throw";
}

function checkOf(call: ts.CallExpression, fn: FunctionLike, request: string, legacy: boolean): Check | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const recv = unwrap(callee.expression);
  const name = callee.name.text;
  // The handler's own context or request (`ctx`, `this` in a generator handler, `ctx.request`).
  const own = (ts.isIdentifier(recv) && recv.text === request) || recv.kind === ts.SyntaxKind.ThisKeyword;
  const rules = call.arguments[0] && unwrap(call.arguments[0]);
  if ((name === "verifyParams" || name === "validate") && own && rules) {
    const data = call.arguments[1];
    if (data) {
      // `ctx.verifyParams(rules, ctx.request.query)`: the rules check the object handed.
      const part = partOf(data, request);
      return part ? { parts: new Set([part]), fields: ruleFields(rules) } : undefined;
    }
    const byPart = name === "validate" ? partKeyed(rules) : undefined;
    if (byPart) return { parts: byPart, fields: "any" };
    if (name === "validate") return { parts: new Set(["body"]), fields: ruleFields(rules) };
    const method = routeMethod(fn);
    const parts = method === "get" || method === "head" ? ["query", "params"] : method ? ["body", "params"] : ["body", "query", "params"];
    return { parts: new Set(parts), fields: ruleFields(rules) };
  }
  const legacyParts = LEGACY_PARTS[name];
  if (legacy && legacyParts && own && rules && ts.isStringLiteralLike(rules)) return { parts: new Set(legacyParts), fields: new Set([rules.text.split(".")[0]!]) };
  return undefined;
}

/** `{ body: …, query: … }`: a rule object whose keys are request parts. */
function partKeyed(rules: ts.Expression): Set<string> | undefined {
  if (!ts.isObjectLiteralExpression(rules) || rules.properties.length === 0) return undefined;
  const parts = new Set<string>();
  for (const p of rules.properties) {
    const key = nameText(p.name);
    if (key !== "body" && key !== "query" && key !== "params" && key !== "headers") return undefined;
    parts.add(key);
  }
  return parts;
}

/** The fields a rule object declares (`{ key: { type: "string" }, email: "email" }`); a rule object out of sight (a name) is trusted whole. */
function ruleFields(rules: ts.Expression): Set<string> | "any" {
  let obj: ts.Expression = rules;
  if (ts.isIdentifier(obj)) obj = constObject(obj) ?? obj;
  if (!ts.isObjectLiteralExpression(obj)) return "any";
  const out = new Set<string>();
  for (const p of obj.properties) {
    if (ts.isSpreadAssignment(p)) return "any";
    const key = nameText(p.name);
    if (key) out.add(key);
  }
  return out;
}

/** A `const` of the module or the function holding an object literal (`const createRule = { … }`). */
function constObject(id: ts.Identifier): ts.ObjectLiteralExpression | undefined {
  for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
    if (!ts.isBlock(n) && !ts.isSourceFile(n)) continue;
    for (const st of n.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        const init = d.initializer && unwrap(d.initializer);
        if (ts.isIdentifier(d.name) && d.name.text === id.text && init && ts.isObjectLiteralExpression(init)) return init;
      }
    }
  }
  return undefined;
}

/** `ctx.request.body` → body, `ctx.query` → query, `ctx.params` → params. */
function partOf(e: ts.Expression, request: string): string | undefined {
  const x = unwrap(e);
  if (!ts.isPropertyAccessExpression(x)) return undefined;
  let base = unwrap(x.expression);
  if (ts.isPropertyAccessExpression(base) && base.name.text === "request") base = unwrap(base.expression);
  if (!ts.isIdentifier(base) || base.text !== request) return undefined;
  const part = x.name.text;
  return part === "body" || part === "query" || part === "params" ? part : undefined;
}

function routeMethod(fn: FunctionLike): string | undefined {
  const route = routeCallOf(fn);
  const name = route && calleeName(route);
  return name && /^(?:get|head|post|put|patch|delete|del)$/.test(name) ? name : undefined;
}

/**
 * The fields a read takes: `x.body.key` → key, `const { a, b } = x.body` → a, b, and through a `const`
 * alias (`const params = ctx.request.body; const { email } = params`) the fields of each of its reads;
 * undefined when the input is used whole.
 */
export function readFields(read: ts.Node): string[] | undefined {
  let top: ts.Node = read;
  while (top.parent && (ts.isParenthesizedExpression(top.parent) || ts.isAsExpression(top.parent) || ts.isNonNullExpression(top.parent))) top = top.parent;
  // A binding element (`const { body } = ctx.request`, `{ request: { body } }`): its name is the alias.
  if (ts.isBindingElement(top)) return ts.isIdentifier(top.name) ? aliasFields(top.name) : ts.isObjectBindingPattern(top.name) ? patternKeys(top.name) : undefined;
  const p = top.parent;
  if (!p) return undefined;
  if (ts.isPropertyAccessExpression(p) && p.expression === top) return [p.name.text];
  if (ts.isElementAccessExpression(p) && p.expression === top && ts.isStringLiteralLike(p.argumentExpression)) return [p.argumentExpression.text];
  if (ts.isVariableDeclaration(p) && p.initializer === top) {
    if (ts.isObjectBindingPattern(p.name)) return patternKeys(p.name);
    if (ts.isIdentifier(p.name) && (ts.getCombinedNodeFlags(p) & ts.NodeFlags.Const) !== 0) return aliasFields(p.name);
  }
  return undefined;
}

function aliasFields(name: ts.Identifier): string[] | undefined {
  let scope: ts.Node | undefined = name.parent;
  while (scope && !isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  const body = scope && isFunctionLike(scope) ? scope.body : scope;
  if (!body) return undefined;
  const out: string[] = [];
  const refs = findRefs(name.text, body, name.end);
  if (refs.length === 0) return undefined;
  for (const ref of refs) {
    const f = readFields(ref);
    if (!f || f.length === 0) return undefined;
    out.push(...f);
  }
  return out;
}

function patternKeys(pattern: ts.ObjectBindingPattern): string[] | undefined {
  const keys: string[] = [];
  for (const el of pattern.elements) {
    const k = el.dotDotDotToken ? undefined : nameText(el.propertyName ?? el.name);
    if (!k) return undefined;
    keys.push(k);
  }
  return keys;
}
