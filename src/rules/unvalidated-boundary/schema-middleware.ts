import { ts } from "../../engine/ts";
import { TreeMemo } from "../../engine/tree-memo";
import { climb, constInitializer, findRefs, isFunctionLike, leaves, nameText, returnedFunction, scopeOf, unwrap, type FunctionLike } from "./ast";
import { isResultChecked, validatorKind } from "./validators";

/**
 * A project's own route middleware factory that validates a request part against the schema an
 * option names (Spacebar's `route({ requestBody: "GuildUpdateSchema", … })`: AJV's
 * `ajv.getSchema(opts.requestBody)` run on `req.body`, a 400 thrown when it fails; a hand-made
 * `endpoint({ body: CreateUser })` whose middleware answers 400 unless `opts.body.safeParse(req.body)`
 * succeeds). The factory is read, not its name: the function it returns (`(req, res, next) => …`)
 * hands `req.<part>` to a schema validator (see validators.ts) and throws, or answers and returns,
 * when it fails; the schema comes from an option of the factory's parameter (`opts.requestBody`,
 * a destructured `{ body }`). The options that feed the validator are the ones that switch it on:
 * a route that gives none of them (`route({ permission: "ADMIN" })`) is not validated. A value of
 * the option that the middleware skips by a list of its module (`if (!ignored.includes(opts.requestBody))`)
 * is not validated either.
 */

/** Per option name of the factory's parameter that picks the schema: the option values the middleware skips. */
type SchemaOptions = ReadonlyMap<string, ReadonlySet<string>>;

const memo = new TreeMemo<ts.Node, Map<string, SchemaOptions>>();

/** The options of `factory` that select the schema `part` of the request is validated against (empty: none). */
export function schemaOptions(factory: FunctionLike, part: string): SchemaOptions {
  let byPart = memo.get(factory);
  if (!byPart) memo.set(factory, (byPart = new Map()));
  let out = byPart.get(part);
  if (!out) byPart.set(part, (out = readFactory(factory, part)));
  return out;
}

/** True when the options object given to the factory (`{ requestBody: "GuildUpdateSchema" }`) sets an option that selects the schema. */
export function optionsSelectSchema(opts: ts.ObjectLiteralExpression, selected: SchemaOptions): boolean {
  for (const prop of opts.properties) {
    const key = prop.name ? nameText(prop.name) : undefined;
    const skipped = key !== undefined ? selected.get(key) : undefined;
    if (!skipped) continue;
    if (ts.isShorthandPropertyAssignment(prop)) return true;
    if (!ts.isPropertyAssignment(prop)) continue;
    const v = unwrap(prop.initializer);
    if (v.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(v) && v.text === "undefined")) continue;
    if (ts.isStringLiteralLike(v) && skipped.has(v.text)) continue;
    return true;
  }
  return false;
}

function readFactory(factory: FunctionLike, part: string): SchemaOptions {
  const out = new Map<string, Set<string>>();
  const param = factory.parameters[0];
  const inner = returnedFunction(factory);
  const req = inner?.parameters[0];
  if (!param || !inner?.body || !factory.body || !req || !ts.isIdentifier(req.name) || inner.parameters.length < 2) return out;
  const reqName = req.name.text;
  // The option a node reads: `opts.requestBody`, or a name bound by the parameter's pattern (`{ body: schema }`).
  const bound = new Map<string, string>();
  if (ts.isObjectBindingPattern(param.name)) {
    for (const el of param.name.elements) {
      const k = el.dotDotDotToken ? undefined : nameText(el.propertyName ?? el.name);
      if (k && ts.isIdentifier(el.name)) bound.set(el.name.text, k);
    }
  }
  const optsName = ts.isIdentifier(param.name) ? param.name.text : undefined;
  const keyOf = (e: ts.Node): string | undefined => {
    if (ts.isIdentifier(e)) return bound.get(e.text);
    if (ts.isPropertyAccessExpression(e) && optsName) {
      const base = unwrap(e.expression);
      if (ts.isIdentifier(base) && base.text === optsName) return e.name.text;
    }
    return undefined;
  };
  const keysIn = (n: ts.Node, into: Set<string>): void => {
    const k = keyOf(n);
    if (k) into.add(k);
    ts.forEachChild(n, (c) => keysIn(c, into));
  };
  const isPart = (e: ts.Expression): boolean => {
    const x = unwrap(e);
    return ts.isPropertyAccessExpression(x) && x.name.text === part && ts.isIdentifier(unwrap(x.expression)) && (unwrap(x.expression) as ts.Identifier).text === reqName;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const arg = n.arguments.find(isPart);
      const kind = arg ? validatorKind(n, arg, new Map()) ?? compiledValidator(factory, n) : undefined;
      if (arg && kind && (kind === "throwing" || failsOut(n))) {
        const keys = new Set<string>();
        // The schema: the validator's receiver (`opts.body.safeParse`), its other arguments (`v.parse(opts.body, req.body)`),
        // or what the factory assigned the called name (`validate = ajv.getSchema(opts.requestBody)`).
        keysIn(n.expression, keys);
        for (const a of n.arguments) if (a !== arg) keysIn(a, keys);
        const callee = unwrap(n.expression);
        if (ts.isIdentifier(callee)) for (const rhs of assignedIn(factory, callee.text)) keysIn(rhs, keys);
        for (const k of keys) {
          const skip = out.get(k) ?? new Set<string>();
          for (const s of skippedValues(n, inner, k, keyOf)) skip.add(s);
          out.set(k, skip);
        }
      }
    }
    if (n === inner.body || !isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  visit(inner.body);
  return out;
}

/** The values the factory gives `name` (`let validate; … validate = ajv.getSchema(opts.requestBody)`, `const validate = ajv.compile(…)`). */
function assignedIn(factory: FunctionLike, name: string): ts.Expression[] {
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name && n.initializer) out.push(n.initializer);
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left) && n.left.text === name) out.push(n.right);
    if (n === factory.body || !isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  if (factory.body) visit(factory.body);
  return out;
}

// Schema compilers whose result is the validating function: AJV's `compile`/`getSchema`.
const COMPILERS = new Set(["compile", "compileAsync", "getSchema"]);

/** `check(req.body)` where the factory made `check` from a schema (`const check = ajv.compile(schema)`): a checking validator. */
function compiledValidator(factory: FunctionLike, call: ts.CallExpression): "checking" | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isIdentifier(callee)) return undefined;
  const made = assignedIn(factory, callee.text).some((rhs) => {
    const r = unwrap(rhs);
    const c = ts.isConditionalExpression(r) ? unwrap(r.whenTrue) : r;
    return ts.isCallExpression(c) && ts.isPropertyAccessExpression(c.expression) && COMPILERS.has(c.expression.name.text);
  });
  return made ? "checking" : undefined;
}

/** A checking validator whose failure ends the request: `if (!validate(req.body)) throw …`, `const ok = …; if (!ok) { …; return res.status(400)… }`. */
function failsOut(call: ts.CallExpression): boolean {
  if (!isResultChecked(call)) return false;
  const top = climb(call);
  const tested: ts.Node[] = [top];
  const decl = top.parent;
  if (decl && ts.isVariableDeclaration(decl) && decl.initializer === top) {
    // `const valid = validate(req.body)`, or Joi's `const { error } = schema.validate(req.body)`.
    const names = ts.isIdentifier(decl.name) ? [decl.name] : ts.isObjectBindingPattern(decl.name) ? decl.name.elements.map((el) => el.name).filter(ts.isIdentifier) : [];
    for (const id of names) tested.push(...findRefs(id.text, scopeOf(decl), decl.end));
  }
  return tested.some((t) => {
    let cur: ts.Node = t;
    while (cur.parent && !ts.isStatement(cur.parent) && !isFunctionLike(cur.parent)) cur = cur.parent;
    const st = cur.parent;
    return !!st && ts.isIfStatement(st) && st.expression === cur && leaves(st.thenStatement);
  });
}

/**
 * The option values a condition around the validator skips: `if (validate && !ignoredRequestSchemas.includes(opts.requestBody!))`
 * with `const ignoredRequestSchemas = ["SettingsProtoUpdateJsonSchema"]` (a `const` the lookup finds).
 */
function skippedValues(call: ts.Node, inner: FunctionLike, key: string, keyOf: (e: ts.Node) => string | undefined): string[] {
  const out: string[] = [];
  for (let cur: ts.Node = call; cur.parent && cur !== inner; cur = cur.parent) {
    const p = cur.parent;
    if (!ts.isIfStatement(p) || p.thenStatement !== cur) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === "includes" && n.arguments.length === 1 && keyOf(unwrap(n.arguments[0]!)) === key) {
        const list = unwrap(n.expression.expression);
        const init = ts.isIdentifier(list) ? constInitializer(list) : undefined;
        const arr = init && unwrap(init);
        if (arr && ts.isArrayLiteralExpression(arr)) for (const el of arr.elements) if (ts.isStringLiteralLike(el)) out.push(el.text);
      }
      ts.forEachChild(n, visit);
    };
    visit(p.expression);
  }
  return out;
}
