import { ts } from "../../engine/ts";
import { climb, findBinding, findRefs, nameText, returnedFunction, unwrap, type FunctionLike } from "./ast";
import { filterObject, lookedUpFirst } from "./lookup-first";

/** The function a callee names (a function of the module or of a project module it imports). */
export type ResolveFunction = (callee: ts.Expression, at: Place) => ({ fn: FunctionLike } & Place) | undefined;

/** A module: its syntax tree and its path. */
export interface Place {
  sf: ts.SourceFile;
  file: string;
}

/** What a factory's parameters were called with: `groupMemberGuard("id")` binds `paramName` to `"id"`. */
type Bindings = ReadonlyMap<ts.ParameterDeclaration, string>;

/**
 * The route parameters a route's hooks look up before the handler runs (Fastify's `preHandler`, `preValidation`,
 * `onRequest`, an Express middleware): a hook that reads the parameter, looks it up as one row of a query that also
 * names the signed-in user, and ends the request on a miss (`const member = await prisma.groupMember.findUnique({
 * where: { userId_groupId: { userId: user.id, groupId } } }); if (!member) return reply.code(403).send(…)`) lets only
 * the user's own rows through (held round 36, spotline `chat.controller.ts:20`, `:45`, labelled clean debatable: the
 * look-up-first decision). The hook is read where it is written: a factory's returned function
 * (`groupMemberGuard("id")`, the key from its argument or its parameter's default), a local getter made by a helper
 * (`const getGroupId = readParam(paramName)` returning `(req) => req.params?.[paramName]`).
 */
export function hooksLookUp(hooks: readonly ts.Expression[], at: Place, resolve: ResolveFunction): Set<string> {
  const out = new Set<string>();
  for (const h of hooks) {
    let e = unwrap(h);
    // `const isMember = groupMemberGuard("id")` of the routes module.
    if (ts.isIdentifier(e)) {
      const b = findBinding(e);
      const init = b?.kind === "var" && !b.element ? b.decl.initializer : undefined;
      if (init && ts.isCallExpression(unwrap(init))) e = unwrap(init);
    }
    let guard: ({ fn: FunctionLike } & Place) | undefined;
    let bindings: Bindings = new Map();
    if (ts.isCallExpression(e)) {
      const factory = resolve(e.expression, at);
      const inner = factory && returnedFunction(factory.fn);
      if (!factory || !inner) continue;
      bindings = bind(factory.fn, e.arguments, new Map());
      guard = { fn: inner, sf: factory.sf, file: factory.file };
    } else guard = resolve(e, at);
    if (!guard) continue;
    for (const k of lookedUpKeys(guard.fn, guard, bindings, resolve)) out.add(k);
  }
  return out;
}

/** The literal each parameter of `fn` takes from `args` (or its default), given what the caller's own parameters hold. */
function bind(fn: FunctionLike, args: readonly ts.Expression[], outer: Bindings): Map<ts.ParameterDeclaration, string> {
  const out = new Map(outer);
  fn.parameters.forEach((p, i) => {
    const a = args[i];
    const v = a ? keyOf(a, outer) : p.initializer ? keyOf(p.initializer, outer) : undefined;
    if (v !== undefined) out.set(p, v);
  });
  return out;
}

/** A literal key, or a parameter bound to one. */
function keyOf(e: ts.Expression, bindings: Bindings): string | undefined {
  const x = unwrap(e);
  if (ts.isStringLiteralLike(x)) return x.text;
  if (!ts.isIdentifier(x)) return undefined;
  const b = findBinding(x);
  if (b?.kind !== "param" || b.element) return undefined;
  return bindings.get(b.param) ?? (b.param.initializer ? keyOf(b.param.initializer, bindings) : undefined);
}

/** `req.params.id`, `req.params["id"]`, `(req.params as any)?.[paramName]`: the key of a params read of `req`. */
function paramsKey(e: ts.Expression, req: string, bindings: Bindings): string | undefined {
  const x = unwrap(e);
  const key = ts.isPropertyAccessExpression(x) ? x.name.text : ts.isElementAccessExpression(x) ? keyOf(x.argumentExpression, bindings) : undefined;
  if (key === undefined) return undefined;
  const holder = unwrap((x as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
  if (!ts.isPropertyAccessExpression(holder) || holder.name.text !== "params") return undefined;
  const base = unwrap(holder.expression);
  return ts.isIdentifier(base) && base.text === req ? key : undefined;
}

/** The route parameters the guard `fn(request, reply)` reads into a `const` and looks up first. */
function lookedUpKeys(fn: FunctionLike, at: Place, bindings: Bindings, resolve: ResolveFunction): string[] {
  const req = fn.parameters[0];
  if (!fn.body || !ts.isBlock(fn.body) || !req || !ts.isIdentifier(req.name) || fn.parameters.length < 2) return [];
  const reqName = req.name.text;
  const out: string[] = [];
  for (const st of fn.body.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (!d.initializer) continue;
      const init = unwrap(d.initializer);
      const names: { name: ts.Identifier; key: string }[] = [];
      if (ts.isIdentifier(d.name)) {
        const key = paramsKey(init, reqName, bindings) ?? getterKey(init, reqName, at, bindings, resolve);
        if (key !== undefined) names.push({ name: d.name, key });
      } else if (ts.isObjectBindingPattern(d.name) && ts.isPropertyAccessExpression(init) && init.name.text === "params" && ts.isIdentifier(unwrap(init.expression)) && (unwrap(init.expression) as ts.Identifier).text === reqName) {
        for (const el of d.name.elements) {
          const k = el.dotDotDotToken ? undefined : nameText(el.propertyName ?? el.name);
          if (k && ts.isIdentifier(el.name)) names.push({ name: el.name, key: k });
        }
      }
      for (const { name, key } of names) if (firstUseLooksUp(name, fn)) out.push(key);
    }
  }
  return out;
}

/**
 * `getGroupId(request)` where the factory holds `const getGroupId = readParam(paramName)` and `readParam` returns
 * `(req) => (req.params as any)?.[paramName]`: the key of the params read the getter makes.
 */
function getterKey(init: ts.Expression, req: string, at: Place, bindings: Bindings, resolve: ResolveFunction): string | undefined {
  if (!ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.arguments.length !== 1) return undefined;
  const arg = unwrap(init.arguments[0]!);
  if (!ts.isIdentifier(arg) || arg.text !== req) return undefined;
  const b = findBinding(init.expression);
  const made = b?.kind === "var" && !b.element && b.decl.initializer ? unwrap(b.decl.initializer) : undefined;
  if (!made || !ts.isCallExpression(made)) return undefined;
  const helper = resolve(made.expression, at);
  const getter = helper && returnedFunction(helper.fn);
  const p = getter?.parameters[0];
  if (!helper || !getter || !p || !ts.isIdentifier(p.name) || !getter.body || ts.isBlock(getter.body)) return undefined;
  return paramsKey(getter.body, p.name.text, bind(helper.fn, made.arguments, bindings));
}

/**
 * The value's uses before its lookup are presence tests (`if (!user || !groupId) return 400`); the lookup is one row
 * of a query that names the signed-in user besides it, the miss ending the request (see lookedUpFirst).
 */
function firstUseLooksUp(name: ts.Identifier, fn: FunctionLike): boolean {
  for (const ref of findRefs(name.text, fn.body!, name.end)) {
    const top = climb(ref);
    const p = top.parent;
    if (p && ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) continue;
    const arg = filterObject(top);
    const call = arg.parent;
    return arg !== top && !!call && ts.isCallExpression(call) && call.arguments.includes(arg as ts.Expression) && lookedUpFirst(call, top);
  }
  return false;
}
