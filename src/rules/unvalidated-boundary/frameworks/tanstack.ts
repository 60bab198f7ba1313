import { ts } from "../../../engine/ts";
import { calleeName, chainedCall } from "../../../engine/ast";
import { callOfArgument, isFunctionLike, nameText, ownReturns, shortText, unwrap, type FunctionLike } from "../ast";
import { hasModule, type FileFacts, type Source } from "../source";

/**
 * TanStack Start server functions (https://tanstack.com/start/latest/docs/framework/react/guide/server-functions):
 * `createServerFn({ method }).inputValidator(validator).handler(async ({ data }) => …)` (`.validator(…)` before
 * v1.131). A server function is a public RPC endpoint: its `data` is whatever the caller posted, after the
 * validator. The docs' own example validator `(data: { name: string }) => data` is a type annotation only;
 * a Standard Schema (`.inputValidator(z.object(…))`), `zodValidator(schema)` or `(d) => schema.parse(d)` checks
 * it. A hand-written validator that tests fields before returning the value is judged like any code
 * that checks fields: it is not an identity function, and nothing is reported for it here.
 */

const VALIDATOR_METHODS = new Set(["inputValidator", "validator"]);
/** Packages that export `createServerFn` (`@tanstack/react-start`, `@tanstack/solid-start`, `@tanstack/start` before v1.121). */
const START_MODULES = ["@tanstack/react-start", "@tanstack/solid-start", "@tanstack/start", "@tanstack/start-client-core"];

/** True when the chain `recv` ends in (`createServerFn(…)`, `createServerFn().middleware([…])`) starts at `createServerFn`. */
function startsAtCreateServerFn(recv: ts.Expression): boolean {
  let e = unwrap(recv);
  for (let i = 0; i < 8; i++) {
    if (!ts.isCallExpression(e)) return false;
    if (calleeName(e) === "createServerFn" && ts.isIdentifier(e.expression)) return true;
    if (!ts.isPropertyAccessExpression(e.expression)) return false;
    e = unwrap(e.expression.expression);
  }
  return false;
}

/** The function given to `.handler(…)` further along the chain from the validator's call (past `.middleware(…)`). */
function handlerAfter(call: ts.CallExpression): FunctionLike | undefined {
  let cur: ts.Expression = call;
  for (let i = 0; i < 4; i++) {
    const next = chainedCall(cur);
    if (!next) return undefined;
    if (calleeName(next) === "handler") {
      const fn = next.arguments[0] ? unwrap(next.arguments[0]) : undefined;
      return fn && isFunctionLike(fn) ? fn : undefined;
    }
    cur = next;
  }
  return undefined;
}

/** True when the validator hands its parameter back unchanged: `(data: T) => data`, `(d) => d as T`, `{ return data; }`. */
function isIdentityValidator(fn: FunctionLike, name: string): boolean {
  if (!fn.body) return false;
  if (!ts.isBlock(fn.body)) {
    const e = unwrap(fn.body);
    return ts.isIdentifier(e) && e.text === name;
  }
  if (fn.body.statements.length !== 1) return false;
  const [ret] = ownReturns(fn.body);
  const e = ret?.expression ? unwrap(ret.expression) : undefined;
  return ret === fn.body.statements[0] && !!e && ts.isIdentifier(e) && e.text === name;
}

/**
 * The validator's parameter of a server function whose validator is an identity function: the
 * handler's `data` (`({ data })`, `({ data: { id, key } })`) holds the caller's input as sent. Reported
 * at the validator's parameter (where the input arrives, the server action's parameter-line rule).
 */
export function tanstackServerFnSource(param: ts.ParameterDeclaration, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const validator = param.parent;
  if (!isFunctionLike(validator) || validator.parameters[0] !== param || !ts.isIdentifier(param.name)) return undefined;
  const at = callOfArgument(validator);
  if (!at || at.index !== 0 || !ts.isPropertyAccessExpression(at.call.expression)) return undefined;
  const access = at.call.expression;
  if (!VALIDATOR_METHODS.has(access.name.text) || !hasModule(facts, ...START_MODULES)) return undefined;
  if (!startsAtCreateServerFn(access.expression) || !isIdentityValidator(validator, param.name.text)) return undefined;
  const handler = handlerAfter(at.call);
  const first = handler?.parameters[0];
  if (!handler || !first || !ts.isObjectBindingPattern(first.name)) return undefined;
  const el = first.name.elements.find((e) => !e.dotDotDotToken && nameText(e.propertyName ?? e.name) === "data");
  if (!el) return undefined;
  let values: ts.Identifier[];
  if (ts.isIdentifier(el.name)) values = [el.name];
  else if (ts.isObjectBindingPattern(el.name)) values = el.name.elements.filter((e) => !e.dotDotDotToken && ts.isIdentifier(e.name)).map((e) => e.name as ts.Identifier);
  else return undefined;
  if (values.length === 0) return undefined;
  // The declared type is the caller's word only (`(data: { key: string }) => data`): the value may be anything.
  return { caseId: "tanstackServerFn", node: param.name, values, kind: "any", read: shortText(param.name, sf), handler, channel: { kind: "throw" }, replace: validator as ts.Expression, schemaSuffix: "Input", dedupeKey: `${validator.pos}:tanstackServerFn`, sinkOnly: true };
}

/** The name a server function is exported under (`export const getUploadUrl = createServerFn()…handler(fn)`), for the fix's schema name. */
export function serverFnName(handler: FunctionLike): string | undefined {
  let cur: ts.Node = handler;
  for (let i = 0; i < 12 && cur.parent; i++) {
    const p: ts.Node = cur.parent;
    if (ts.isVariableDeclaration(p)) return p.initializer === cur && ts.isIdentifier(p.name) ? p.name.text : undefined;
    if (!ts.isCallExpression(p) && !ts.isPropertyAccessExpression(p) && !ts.isParenthesizedExpression(p)) return undefined;
    cur = p;
  }
  return undefined;
}
