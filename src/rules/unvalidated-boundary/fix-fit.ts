import { ts } from "../../engine/ts";
import type { ProjectProfile } from "../../profile/types";
import { enclosingFunction, isFunctionLike, unwrap } from "./ast";
import type { Source } from "./source";

// When the Zod fix cannot be right for the code around the read (issue 12: a reviewer rejected
// these on real code). The rule still reports the read; only "Mark as validated elsewhere…" is offered.

/** True when `e` holds for a failed response (`!res.ok`, `res.status !== 200`, `res.status >= 400`); false for a successful one; undefined when it says neither. */
function failureTest(expr: ts.Expression): boolean | undefined {
  const e = unwrap(expr);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = failureTest(e.operand);
    return inner === undefined ? undefined : !inner;
  }
  if (ts.isPropertyAccessExpression(e) && e.name.text === "ok") return false;
  if (!ts.isBinaryExpression(e)) return undefined;
  const op = e.operatorToken.kind;
  if (op === ts.SyntaxKind.BarBarToken) return failureTest(e.left) === true || failureTest(e.right) === true ? true : undefined;
  if (op === ts.SyntaxKind.AmpersandAmpersandToken) return failureTest(e.left) === false || failureTest(e.right) === false ? false : undefined;
  const status = [e.left, e.right].find((x) => ts.isPropertyAccessExpression(x) && /^status(?:Code)?$/.test(x.name.text));
  const lit = [e.left, e.right].find(ts.isNumericLiteral);
  if (!status || !lit) return undefined;
  const n = Number(lit.text);
  const flipped = e.left === lit;
  switch (op) {
    case ts.SyntaxKind.ExclamationEqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsToken:
      return n < 300 ? true : undefined;
    case ts.SyntaxKind.EqualsEqualsEqualsToken:
    case ts.SyntaxKind.EqualsEqualsToken:
      return n < 300 ? false : true;
    case ts.SyntaxKind.GreaterThanEqualsToken:
    case ts.SyntaxKind.GreaterThanToken:
      return flipped ? undefined : n >= 299;
    case ts.SyntaxKind.LessThanToken:
    case ts.SyntaxKind.LessThanEqualsToken:
      return flipped ? undefined : n <= 400 ? false : undefined;
    default:
      return undefined;
  }
}

/**
 * True when the read is an error body: inside `if (!res.ok) { … }` (or the `else` of `if (res.ok)`),
 * or in a `catch`. An error body has no contract a schema could state, and a parse that throws
 * there replaces the error message the code builds.
 */
export function inErrorBranch(node: ts.Node): boolean {
  for (let cur: ts.Node = node, p = node.parent; p && !isFunctionLike(p); cur = p, p = p.parent) {
    if (ts.isCatchClause(p)) return true;
    const test = ts.isIfStatement(p) && cur !== p.expression ? failureTest(p.expression) : ts.isConditionalExpression(p) && cur !== p.condition ? failureTest(p.condition) : undefined;
    if (test === undefined) continue;
    const thenPart = ts.isIfStatement(p) ? p.thenStatement : (p as ts.ConditionalExpression).whenTrue;
    if ((cur === thenPart) === test) return true;
  }
  return false;
}

/**
 * True when the body is read before the code looks at the response's status (`const data = await
 * res.json(); if (!res.ok) throw new Error(data.error)`): the same value is then an error body on
 * one path, and a schema that requires the success fields would throw before the error is shown.
 */
export function statusTestedAfter(s: Source, sf: ts.SourceFile): boolean {
  let call: ts.Node = s.node;
  while (call.parent && ts.isAwaitExpression(call.parent)) call = call.parent;
  const json = ts.isAwaitExpression(call) ? call.expression : call;
  if (!ts.isCallExpression(json) || !ts.isPropertyAccessExpression(json.expression)) return false;
  const recv = unwrap(json.expression.expression);
  const fn = enclosingFunction(s.node);
  if (!ts.isIdentifier(recv) || !fn?.body) return false;
  const after = sf.text.slice(s.node.getEnd(), fn.body.getEnd());
  return new RegExp(`\\b${recv.text}\\s*\\.\\s*(?:ok|status|statusCode)\\b`).test(after);
}

// Receivers of a `parse` that is not a schema's (`JSON.parse`, `path.parse`, `Date.parse`…).
const NOT_SCHEMA = /^(?:JSON|Date|path|url|URL|qs|querystring|yaml|YAML|toml|TOML|csv|Papa|cookie|cookies|JSON5|parser|Number|BigInt|mime|semver)$/;
const SCHEMA_METHODS = new Set(["parse", "safeParse", "parseAsync", "safeParseAsync", "validate", "validateSync", "validateAsync"]);

/** The names the read's value is bound to in its declaration (`const { url } = req.body` → `url`). */
function boundNames(s: Source): Set<string> {
  const out = new Set<string>();
  const add = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) out.add(name.text);
    else for (const el of name.elements) if (!ts.isOmittedExpression(el)) add(el.name);
  };
  for (const v of [s.node, ...s.values]) {
    let top: ts.Node = v;
    while (top.parent && (ts.isAsExpression(top.parent) || ts.isParenthesizedExpression(top.parent) || ts.isAwaitExpression(top.parent) || ts.isNonNullExpression(top.parent) || ts.isSatisfiesExpression(top.parent))) top = top.parent;
    const p = top.parent;
    if (p && ts.isVariableDeclaration(p) && p.initializer === top) add(p.name);
    if (ts.isIdentifier(v) && v.parent && (ts.isVariableDeclaration(v.parent) || ts.isBindingElement(v.parent)) && v.parent.name === v) out.add(v.text);
  }
  return out;
}

/**
 * The values of the object literal a `const` of the function holds (`const pageViewObject = {
 * linkId, dataroomId: dataroomId || null }` → `linkId`, `dataroomId || null`), when `arg` names
 * one: parsing the name parses those values, as `schema.parse({ linkId, … })` would. Keys are left
 * out: `{ linkId: link.id }` holds no `linkId` of the body.
 */
function localObjectValues(arg: ts.Expression, body: ts.Node, sf: ts.SourceFile): string | undefined {
  if (!ts.isIdentifier(arg)) return undefined;
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === arg.text && n.initializer && ts.isVariableDeclarationList(n.parent) && n.parent.flags & ts.NodeFlags.Const) {
      const init = unwrap(n.initializer);
      if (ts.isObjectLiteralExpression(init)) found = init;
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  if (!found) return undefined;
  const values = found.properties.map((p) => (ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : ts.isSpreadAssignment(p) ? p.expression : undefined));
  return values.map((v) => (v ? v.getText(sf) : "")).join("\n");
}

/**
 * True when the handler already validates the value further down with a schema of its own
 * (`notionUrlUpdateSchema.safeParseAsync(url)` after `const { notionUrl: url } = req.body`), also
 * through an object of the function built from its fields (`const pageViewObject = { linkId, … }`
 * then `bodyValidation.safeParse(pageViewObject)`: papermark `record_view.ts`, session-26 fix
 * review R72): a second, inferred schema in front of it would duplicate the check, pre-empt its
 * answer, and leave two contracts to keep in step.
 */
export function validatedLater(s: Source, sf: ts.SourceFile): boolean {
  const body = (s.handler ?? enclosingFunction(s.node))?.body;
  if (!body) return false;
  const names = boundNames(s);
  const readText = s.read.replace(/\(\)$/, "");
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && n.getStart(sf) > s.node.getStart(sf) && ts.isPropertyAccessExpression(n.expression) && SCHEMA_METHODS.has(n.expression.name.text)) {
      const recv = n.expression.expression;
      const schemaLike = !(ts.isIdentifier(recv) && NOT_SCHEMA.test(recv.text)) && n.arguments.length >= 1;
      const arg = n.arguments[0];
      if (schemaLike && arg) {
        const argText = localObjectValues(arg, body, sf) ?? arg.getText(sf);
        if (argText.includes(readText) || [...names].some((name) => new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}(?![\\w$])`).test(argText))) found = true;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

// Validation libraries and middleware a project may use instead of Zod (the profile names the main
// ones; express-validator and celebrate are validation middleware it does not list).
const OTHER_VALIDATION = ["express-validator", "celebrate", "class-validator", "joi", "@hapi/joi", "yup", "valibot", "superstruct", "ajv", "@sinclair/typebox", "io-ts", "runtypes", "arktype", "@vinejs/vine", "fastest-validator"];

/**
 * Why adding zod to this project would be wrong, or undefined when it fits: the project already
 * validates with another library (express-validator, class-validator…), or its TypeScript is
 * older than 5 (zod 4, which `npm install zod` brings, needs TypeScript 5).
 */
export function zodDependencyMisfit(profile: ProjectProfile): string | undefined {
  const other = OTHER_VALIDATION.find((d) => profile.dependencies.has(d));
  if (other) return `the project validates with ${other}`;
  if (profile.typescriptMajor !== undefined && profile.typescriptMajor < 5) return "zod 4 needs TypeScript 5";
  return undefined;
}
