import * as path from "node:path";
import { ts } from "../engine/ts";
import type { ProjectHost } from "../engine/types";

/**
 * A schema shape, built from a declared type or from how the code uses a value, and rendered
 * with the Zod API common to Zod 3 and Zod 4 (`z.object`, `z.array`, `z.record(key, value)`,
 * `z.enum([...])`, `.optional()`, `.nullable()`, `.nullish()`, `z.coerce.date()`, `z.coerce.number()`), except
 * for objects that keep unknown keys (`.passthrough()` in Zod 3, `z.looseObject` in Zod 4).
 * `any` is a leaf whose value flows somewhere typed that the usage scan cannot see (a call into
 * another module): `z.unknown()` there would not type-check where the raw `any` did.
 */
export type Shape =
  | { t: "string" | "number" | "boolean" | "null" | "date" | "undefined" | "coerceNumber" }
  /** A string that reaches a redirect: a path on this site only (`/x`, not `//evil.example` or `https://…`). */
  | { t: "localPath" }
  /** A string with the rules a data model states for the field it is stored in (`.trim().min(1).max(50)`, `.regex(/…/)`). */
  | { t: "checkedString"; trim?: boolean; min?: number; max?: number; regex?: string }
  /** A number with the bounds its use needs (a page size `.int().min(1).max(100)`). */
  | { t: "checkedNumber"; int?: boolean; min?: number; max?: number }
  /** `declared`: the code's own type says `unknown`/`any`/`object` there (a faithful leaf, not a guess). */
  | { t: "unknown" | "any"; declared?: boolean }
  | { t: "literal"; text: string }
  | { t: "enum"; values: string[] }
  /** `tested`: from usage, optional only because the code tests the value for truthiness (`x ? a : b`, `if (!x)`). */
  | { t: "object"; props: Array<{ key: string; shape: Shape; optional: boolean; tested?: boolean }>; loose?: boolean }
  | { t: "array"; element: Shape }
  | { t: "tuple"; items: Shape[] }
  | { t: "record"; value: Shape }
  | { t: "union"; options: Shape[] }
  | { t: "nullable"; inner: Shape };

export interface RenderStyle {
  quote: '"' | "'";
  indentUnit: string;
  eol: string;
  /** The project's Zod major version, when known: 4 renders `z.looseObject`, else `.passthrough()` (both majors have it). */
  zodMajor?: number;
}

const IDENT_RE = /^[A-Za-z_$][\w$]*$/;

function keyText(key: string, q: '"' | "'"): string {
  return IDENT_RE.test(key) ? key : `${q}${key.replace(/\\/g, "\\\\").replace(new RegExp(q, "g"), `\\${q}`)}${q}`;
}

/**
 * Renders a shape as a Zod expression; objects stay on one line up to ~80 characters.
 * @example renderShape({ t: "object", props: [{ key: "name", shape: { t: "string" }, optional: false }] }, style)
 *   // 'z.object({ name: z.string() })'
 */
export function renderShape(shape: Shape, style: RenderStyle, level = 0): string {
  switch (shape.t) {
    case "string":
    case "number":
    case "boolean":
    case "unknown":
    case "any":
    case "null":
    case "undefined":
      return `z.${shape.t}()`;
    case "date":
      return "z.coerce.date()";
    case "coerceNumber":
      return "z.coerce.number()";
    case "localPath":
      return "z.string().regex(/^\\/(?![\\/\\\\])/)";
    case "checkedString":
      return `z.string()${shape.trim ? ".trim()" : ""}${shape.min !== undefined ? `.min(${shape.min})` : ""}${shape.max !== undefined ? `.max(${shape.max})` : ""}${shape.regex !== undefined ? `.regex(${shape.regex})` : ""}`;
    case "checkedNumber":
      return `z.number()${shape.int ? ".int()" : ""}${shape.min !== undefined ? `.min(${shape.min})` : ""}${shape.max !== undefined ? `.max(${shape.max})` : ""}`;
    case "literal":
      return `z.literal(${shape.text})`;
    case "enum":
      return `z.enum([${shape.values.map((v) => `${style.quote}${v}${style.quote}`).join(", ")}])`;
    case "array":
      return `z.array(${renderShape(shape.element, style, level)})`;
    case "tuple":
      return `z.tuple([${shape.items.map((i) => renderShape(i, style, level)).join(", ")}])`;
    case "record":
      return `z.record(z.string(), ${renderShape(shape.value, style, level)})`;
    case "union":
      return `z.union([${shape.options.map((o) => renderShape(o, style, level)).join(", ")}])`;
    case "nullable":
      return `${renderShape(shape.inner, style, level)}.nullable()`;
    case "object": {
      const v4Loose = shape.loose && style.zodMajor !== undefined && style.zodMajor >= 4;
      const open = v4Loose ? "z.looseObject(" : "z.object(";
      const close = shape.loose && !v4Loose ? ").passthrough()" : ")";
      if (shape.props.length === 0) return `${open}{}${close}`;
      const parts = (lvl: number) => shape.props.map((p) => `${keyText(p.key, style.quote)}: ${p.optional && p.shape.t === "nullable" ? `${renderShape(p.shape.inner, style, lvl)}.nullish()` : `${renderShape(p.shape, style, lvl)}${p.optional ? ".optional()" : ""}`}`);
      const one = `${open}{ ${parts(level).join(", ")} }${close}`;
      if (one.length <= 80 && !one.includes(style.eol)) return one;
      const inner = style.indentUnit.repeat(level + 1);
      const outer = style.indentUnit.repeat(level);
      return `${open}{${style.eol}${parts(level + 1).map((p) => `${inner}${p},`).join(style.eol)}${style.eol}${outer}}${close}`;
    }
  }
}

// ---------------------------------------------------------------------------------------
// From usage

interface Usage {
  name: string;
  props: Map<string, Usage>;
  element?: Usage;
  prim?: "string" | "number" | "boolean";
  arrayish: boolean;
  lengthUsed: boolean;
  /** Tested for truthiness (`if (x)`, `!x`, `x && …`): any value passes, absence is handled. */
  truthy: boolean;
  optional: boolean;
  /**
   * Handled the way `null` is handled too (`x?.y`, `x ?? d`, `x || d`, a truthiness test,
   * `x == null`, `x === null`): in JSON an absent value is often `null` (a nullable column).
   */
  nullish: boolean;
  /** Flows into a typed position the scan cannot see (an argument of another module's function, a typed variable). */
  passed: boolean;
  /** Handed on whole (forwarded, stored, spread, returned): unknown keys must be kept. */
  whole: boolean;
  /**
   * Handed on whole to a position with a declared type (a typed variable or parameter, a React
   * state setter, the return of a function with a return type): a schema inferred from usage
   * cannot promise that type.
   */
  typed: boolean;
  /** Passed to a redirect (`redirect(path)`, `res.redirect(url)`, `router.push(href)`): an open redirect unless it is a local path. */
  redirect: boolean;
}

function usage(name: string): Usage {
  return { name, props: new Map(), arrayish: false, lengthUsed: false, truthy: false, optional: false, nullish: false, passed: false, whole: false, typed: false, redirect: false };
}

const STRING_METHODS = new Set(["trim", "toLowerCase", "toUpperCase", "split", "startsWith", "endsWith", "replace", "replaceAll", "padStart", "padEnd", "charAt", "charCodeAt", "localeCompare", "normalize", "substring", "trimStart", "trimEnd", "match", "search", "repeat", "toLocaleLowerCase", "toLocaleUpperCase"]);
const ARRAY_METHODS = new Set(["map", "forEach", "filter", "reduce", "some", "every", "find", "findIndex", "flatMap", "join", "sort", "push", "findLast"]);
const AMBIGUOUS = new Set(["includes", "indexOf", "slice", "concat", "at", "lastIndexOf"]);
const ARITH = new Set([ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken, ts.SyntaxKind.PercentToken, ts.SyntaxKind.AsteriskAsteriskToken, ts.SyntaxKind.MinusEqualsToken, ts.SyntaxKind.AsteriskEqualsToken, ts.SyntaxKind.PlusEqualsToken]);
const COMPARE = new Set([ts.SyntaxKind.LessThanToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanEqualsToken]);
// DOM and form properties that only take strings (`el.textContent = msg.text`).
const TEXT_PROPS = new Set(["title", "textContent", "innerText", "innerHTML", "value", "src", "href", "className", "id", "placeholder", "alt"]);
const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

function isWrap(n: ts.Node): boolean {
  return ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n) || ts.isAwaitExpression(n) || ts.isSatisfiesExpression(n) || ts.isTypeAssertionExpression(n);
}

function inCondition(node: ts.Node): boolean {
  const p = node.parent;
  if (!p) return false;
  if ((ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) && p.expression === node) return true;
  if (ts.isConditionalExpression(p) && p.condition === node) return true;
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return true;
  if (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken)) return true;
  return false;
}

/** Identifier references to `name` after `after` in `scope` (same rules as the rule's scan, standalone). */
export function referencesOf(name: string, scope: ts.Node, after: number): ts.Identifier[] {
  const out: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      const p = n.parent;
      if (n.text !== name || n.pos < after || !p) return;
      if (ts.isPropertyAccessExpression(p) && p.name === n) return;
      if ((ts.isPropertyAssignment(p) || ts.isBindingElement(p)) && (p.name === n || (ts.isBindingElement(p) && p.propertyName === n))) return;
      if ((ts.isVariableDeclaration(p) || ts.isParameter(p)) && p.name === n) return;
      out.push(n);
      return;
    }
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isFunctionDeclaration(n)) && n !== scope && n.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return;
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return out;
}

function scopeFor(node: ts.Node): ts.Node {
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isFunctionLike(p) && (p as ts.FunctionLikeDeclaration).body) return (p as ts.FunctionLikeDeclaration).body!;
    if (ts.isSourceFile(p)) return p;
  }
  return node.getSourceFile();
}

function literalPrim(e: ts.Expression | undefined): Usage["prim"] {
  if (!e) return undefined;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isTemplateExpression(e)) return "string";
  if (ts.isNumericLiteral(e) || (ts.isPrefixUnaryExpression(e) && ts.isNumericLiteral(e.operand))) return "number";
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return "boolean";
  return undefined;
}

function isNullish(e: ts.Expression): boolean {
  return e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === "undefined");
}

function recordCallback(fn: ts.Node | undefined, index: number, into: Usage, depth: number): void {
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return;
  const param = fn.parameters[index];
  if (!param) return;
  recordBinding(param.name, fn.body, into, depth);
}

function recordBinding(name: ts.BindingName, scope: ts.Node, into: Usage, depth: number): void {
  if (ts.isIdentifier(name)) {
    for (const ref of referencesOf(name.text, scope, name.end)) recordUse(ref, into, depth + 1);
    return;
  }
  if (ts.isArrayBindingPattern(name)) {
    into.arrayish = true;
    into.element ??= usage(`${into.name}Item`);
    for (const el of name.elements) if (!ts.isOmittedExpression(el)) recordBinding(el.name, scope, into.element, depth);
    return;
  }
  for (const el of name.elements) {
    // `const { action, ...data } = body`: the rest holds the keys not named, so the schema must keep them.
    if (el.dotDotDotToken) {
      into.whole = true;
      continue;
    }
    const key = el.propertyName ? (ts.isIdentifier(el.propertyName) || ts.isStringLiteral(el.propertyName) ? el.propertyName.text : undefined) : ts.isIdentifier(el.name) ? el.name.text : undefined;
    if (!key) continue;
    const child = into.props.get(key) ?? usage(key);
    into.props.set(key, child);
    if (el.initializer) {
      child.optional = true;
      child.prim ??= literalPrim(el.initializer);
      if (ts.isArrayLiteralExpression(el.initializer)) child.arrayish = true;
    }
    recordBinding(el.name, scope, child, depth);
  }
}

/** Records what the use of `expr` says about the value's shape. */
function recordUse(expr: ts.Node, u: Usage, depth: number): void {
  if (depth > 12) return;
  let top = expr;
  while (top.parent && isWrap(top.parent)) top = top.parent;
  const p = top.parent;
  if (!p) return;
  if (inCondition(top)) u.truthy = u.nullish = true;
  if (ts.isPropertyAccessExpression(p) && p.expression === top) {
    if (p.questionDotToken) u.optional = u.nullish = true;
    const n = p.name.text;
    const call = p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p ? p.parent : undefined;
    if (call && STRING_METHODS.has(n)) {
      u.prim = "string";
      return;
    }
    if (call && ARRAY_METHODS.has(n)) {
      u.arrayish = true;
      u.element ??= usage(`${u.name}Item`);
      recordCallback(call.arguments[0], n === "reduce" ? 1 : 0, u.element, depth);
      return;
    }
    if (call && AMBIGUOUS.has(n)) {
      if (!u.prim) u.arrayish = true;
      return;
    }
    if (n === "length") {
      u.lengthUsed = true;
      return;
    }
    if (call && n === "toString") return;
    const child = u.props.get(n) ?? usage(n);
    u.props.set(n, child);
    recordUse(p, child, depth + 1);
    return;
  }
  if (ts.isElementAccessExpression(p) && p.argumentExpression === top) {
    u.prim ??= "string";
    return;
  }
  if (ts.isElementAccessExpression(p) && p.expression === top) {
    const arg = p.argumentExpression;
    if (ts.isStringLiteral(arg)) {
      const child = u.props.get(arg.text) ?? usage(arg.text);
      u.props.set(arg.text, child);
      recordUse(p, child, depth + 1);
    } else if (ts.isNumericLiteral(arg)) {
      u.arrayish = true;
      u.element ??= usage(`${u.name}Item`);
      recordUse(p, u.element, depth + 1);
    }
    return;
  }
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    const other = p.left === top ? p.right : p.left;
    // `"note" in body`: the code tells a body with the key from one without it.
    if (op === ts.SyntaxKind.InKeyword && p.right === top && ts.isStringLiteral(p.left)) {
      const child = u.props.get(p.left.text) ?? usage(p.left.text);
      child.optional = true;
      u.props.set(p.left.text, child);
      return;
    }
    if (ARITH.has(op)) u.prim = "number";
    else if (op === ts.SyntaxKind.PlusToken) {
      const lp = literalPrim(other);
      if (lp === "number" || (lp === undefined && inNumericReduce(p))) u.prim ??= "number";
      else if (lp === "string") u.prim ??= "string";
    } else if (op === ts.SyntaxKind.EqualsToken && p.right === top && ts.isPropertyAccessExpression(p.left) && TEXT_PROPS.has(p.left.name.text)) {
      u.prim ??= "string";
    } else if (COMPARE.has(op)) u.prim = literalPrim(other) === "string" ? "string" : "number";
    else if (EQUALITY.has(op)) {
      if (isNullish(other)) {
        u.optional = true;
        // `x == null` takes both; `x === null` is a null the code expects.
        if (other.kind === ts.SyntaxKind.NullKeyword || op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken) u.nullish = true;
      } else u.prim ??= literalPrim(other);
    } else if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
      // `x ?? d`, `x || d`, `a || x`: either side may be absent; a fallback literal tells the type,
      // a truthiness default never makes `x` a boolean (`query.limit || body.limit`).
      u.optional = true;
      if (p.left === top) {
        u.nullish = true;
        u.prim ??= literalPrim(p.right);
      }
      recordUse(p, u, depth + 1);
    } else if (op === ts.SyntaxKind.EqualsToken && p.right === top) {
      u.passed = true;
      u.whole = true;
    }
    return;
  }
  // `${result.total} items`: a template prints numbers as well as strings, so it says nothing
  // about the type (a count inferred as a string would fail every success response).
  if (ts.isTemplateSpan(p)) return;
  // \`link.id === id ? archived : link\`: the value chosen goes on as the conditional's value.
  if (ts.isConditionalExpression(p) && p.condition !== top) {
    recordUse(p, u, depth + 1);
    return;
  }
  if (ts.isTypeOfExpression(p)) {
    const cmp = p.parent;
    if (cmp && ts.isBinaryExpression(cmp) && EQUALITY.has(cmp.operatorToken.kind)) {
      const lit = cmp.left === p ? cmp.right : cmp.left;
      if (ts.isStringLiteral(lit)) {
        if (lit.text === "undefined") u.optional = true;
        else if (lit.text === "string" || lit.text === "number" || lit.text === "boolean") u.prim = lit.text;
      }
    }
    return;
  }
  if (ts.isVariableDeclaration(p) && p.initializer === top) {
    if (p.type) {
      u.passed = true;
      u.typed ||= isRealType(p.type);
    }
    recordBinding(p.name, scopeFor(p), u, depth);
    return;
  }
  if (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) || ts.isSpreadAssignment(p) || ts.isSpreadElement(p) || ts.isArrayLiteralExpression(p)) {
    u.passed = true;
    u.whole = true;
    return;
  }
  if (ts.isReturnStatement(p) || (ts.isArrowFunction(p) && p.body === top)) {
    // A pass-through helper: what its callers do with the result is the usage.
    let fn: ts.Node | undefined = p;
    while (fn && !ts.isFunctionDeclaration(fn) && !ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) fn = fn.parent;
    const name = fn && ts.isFunctionDeclaration(fn) ? fn.name?.text : fn && fn.parent && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name.text : undefined;
    const sf = p.getSourceFile();
    let followed = false;
    if (name && depth < 4 && sameFileFunction(sf, name) === fn) {
      for (const ref of referencesOf(name, sf, 0)) {
        if (ref.parent && ts.isCallExpression(ref.parent) && ref.parent.expression === ref) {
          recordUse(ref.parent, u, depth + 4);
          followed = true;
        }
      }
    }
    if (!followed) {
      u.passed = true;
      u.whole = true;
      // `async function load(): Promise<Job> { return await res.json(); }`
      if (fn && isRealType((fn as ts.FunctionLikeDeclaration).type)) u.typed = true;
    }
    return;
  }
  if (ts.isForOfStatement(p) && p.expression === top) {
    u.arrayish = true;
    u.element ??= usage(`${u.name}Item`);
    const init = p.initializer;
    if (ts.isVariableDeclarationList(init) && init.declarations[0]) recordBinding(init.declarations[0].name, p.statement, u.element, depth);
    return;
  }
  if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments?.includes(top as ts.Expression)) {
    const callee = p.expression;
    // A helper declared in the same file: its parameter's uses say what it needs.
    const helper = ts.isCallExpression(p) && ts.isIdentifier(callee) ? sameFileFunction(p.getSourceFile(), callee.text) : undefined;
    const param = helper?.parameters[p.arguments.indexOf(top as ts.Expression)];
    if (helper?.body && param && depth < 6) {
      if (isRealType(param.type)) u.typed = true;
      recordBinding(param.name, helper.body, u, depth + 2);
      return;
    }
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
    if (p.arguments?.[0] === top && (name === "redirect" || name === "permanentRedirect" || (ts.isPropertyAccessExpression(callee) && /^(?:push|replace)$/.test(name) && /router$/i.test(callee.expression.getText())))) {
      u.redirect = true;
      u.prim ??= "string";
      return;
    }
    // A React state setter (`setStatus(data)`): the state has the type `useState<T>` declared;
    // `links.concat(link)`, `items.push(item)`: the array's element type.
    if ((ts.isIdentifier(callee) && /^set[A-Z]/.test(name)) || (ts.isPropertyAccessExpression(callee) && ELEMENT_ADDERS.has(name))) u.typed = true;
    const recv = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.expression.text : "";
    // `Number(q.limit) || 20`: the conversions take `undefined` too, so the code works without the value.
    if (ts.isIdentifier(callee) && ABSENCE_TOLERANT.has(name)) u.optional = true;
    if ((ts.isNewExpression(p) && name === "Date") || name === "parseInt" || name === "parseFloat" || name === "encodeURIComponent" || recv === "path") u.prim ??= "string";
    else if (recv === "Math") u.prim ??= "number";
    else if (!UNKNOWN_OK_CALLS.has(name) && !LOG_RECEIVERS.test(recv)) {
      u.passed = true;
      u.whole = true;
    } else if (!LOG_RECEIVERS.test(recv) && !ABSENCE_TOLERANT.has(name) && name !== "isArray") u.whole = true;
    return;
  }
}

const ELEMENT_ADDERS = new Set(["concat", "push", "unshift"]);

/** A declared type other than `any`/`unknown`: a value handed there must have that type. */
function isRealType(t: ts.TypeNode | undefined): boolean {
  return !!t && t.kind !== ts.SyntaxKind.AnyKeyword && t.kind !== ts.SyntaxKind.UnknownKeyword;
}

// Conversions whose parameter takes `undefined` (the code already copes with an absent value;
// `parseInt(x)` does too at run time, but its `string` parameter would not type-check).
const ABSENCE_TOLERANT = new Set(["Number", "String", "Boolean"]);
// Calls whose parameter takes `unknown`/`any`: a `z.unknown()` value still type-checks there.
const UNKNOWN_OK_CALLS = new Set(["String", "Boolean", "Number", "stringify", "json", "send", "log", "info", "warn", "error", "debug", "trace", "fatal", "isArray"]);
const LOG_RECEIVERS = /^(?:console|logger|log|Logger|LOGGER)$/;

function sameFileFunction(sf: ts.SourceFile, name: string): ts.FunctionLikeDeclaration | undefined {
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name?.text === name) return st;
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) return d.initializer;
      }
    }
  }
  return undefined;
}

/** `items.reduce((sum, x) => sum + x.price, 0)`: a sum with a numeric seed is arithmetic. */
function inNumericReduce(node: ts.Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isArrowFunction(p) || ts.isFunctionExpression(p)) {
      const call = p.parent;
      if (!call || !ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "reduce") return false;
      const seed = call.arguments[1];
      return !!seed && literalPrim(seed) === "number";
    }
  }
  return false;
}

function usageToShape(u: Usage, leaf: "unknown" | "string"): { shape: Shape; optional: boolean } {
  let shape: Shape;
  const optional = u.optional || u.truthy;
  if (u.props.size > 0) {
    shape = { t: "object", props: [...u.props.values()].map((c) => ({ key: c.name, ...nullableField(usageToShape(c, leaf), c, leaf), ...(c.truthy && !c.optional ? { tested: true } : {}) })) };
    // Handed on whole: the keys the code does not read are still data (a stored message, a forwarded payload).
    if (u.whole) shape.loose = true;
  } else if (u.arrayish || u.element) {
    shape = { t: "array", element: u.element ? usageToShape(u.element, leaf).shape : { t: u.passed ? "any" : "unknown" } };
  } else if (u.redirect && u.prim === "string") {
    shape = { t: "localPath" };
  } else if (u.prim) {
    // Query and route values arrive as strings: a number use needs `z.coerce`.
    shape = leaf === "string" ? { t: u.prim === "number" ? "coerceNumber" : "string" } : { t: u.prim };
  } else if (u.lengthUsed) {
    // Only its length is read: a string or an array alike. Query values are strings (or a
    // repeated key's array); in a JSON body the name does not tell (`content` of a rich-text
    // document is an array of nodes), so the schema takes both.
    shape = leaf === "unknown" ? { t: "union", options: [{ t: "string" }, { t: "array", element: { t: "unknown" } }] } : /s$/.test(u.name) ? { t: "array", element: { t: "unknown" } } : { t: "string" };
  } else {
    // A truthiness test says nothing about the type: no `boolean` guess.
    shape = { t: leaf === "unknown" && u.passed ? "any" : leaf };
  }
  return { shape, optional };
}

/**
 * A field of a JSON value that the code handles like `null` (`?.`, `??`, `||`, a truthiness test)
 * may be `null` there as well as absent: `.nullish()`, not `.optional()`, or the parse throws on
 * every `null` the code copes with (a nullable column). A query or route value is never `null`.
 */
function nullableField(x: { shape: Shape; optional: boolean }, u: Usage, leaf: "unknown" | "string"): { shape: Shape; optional: boolean } {
  if (leaf !== "unknown" || !u.nullish || x.shape.t === "nullable" || x.shape.t === "unknown" || x.shape.t === "any") return x;
  return { shape: { t: "nullable", inner: x.shape }, optional: true };
}

/**
 * Infers a schema from how the code uses a value, conservatively (working code keeps working):
 * properties read (nested objects, arrays), the primitive each use implies (string methods and
 * templates → string, arithmetic and numeric comparisons → number; a truthiness test implies
 * nothing), optional where absence is handled (`?.`, `??`, `||`, a default, a truthiness test,
 * `Number(x)`), unknown keys kept where the value is handed on whole, `z.coerce.number()` for
 * numeric query values, and `z.unknown()` where nothing can be inferred (`z.any()` where the
 * value flows into a typed position the scan cannot see).
 * `starts` are expressions holding the value or declared identifiers bound to it.
 * `kind`: `bag` makes every leaf a string (query and route parameters); `scalar` is one string.
 */
export function shapeFromUsage(starts: readonly ts.Node[], kind: "structured" | "bag" | "scalar" | "any"): { shape: Shape; optional: boolean; typed: boolean } {
  const root = usage("root");
  for (const s of starts) {
    const p = s.parent;
    if (ts.isIdentifier(s) && p && (ts.isParameter(p) || ts.isVariableDeclaration(p) || ts.isBindingElement(p)) && p.name === s) {
      const scope = ts.isParameter(p) ? ((p.parent as ts.FunctionLikeDeclaration).body ?? p.parent) : scopeFor(p);
      recordBinding(s, scope, root, 0);
    } else recordUse(s, root, 0);
  }
  if (kind === "scalar") return { shape: { t: root.prim === "number" ? "coerceNumber" : root.redirect ? "localPath" : "string" }, optional: root.optional || root.truthy, typed: root.typed };
  const leaf = kind === "bag" ? "string" : "unknown";
  const out = usageToShape(root, leaf);
  if (out.shape.t !== "object" && out.shape.t !== "array") return { shape: { t: "record", value: { t: kind === "bag" ? "string" : root.passed ? "any" : "unknown" } }, optional: false, typed: root.typed };
  return { shape: out.shape, optional: false, typed: root.typed };
}

/**
 * The declared shape with every property the code treats as optional (`versionNumber || 1`, a
 * destructuring default, `?.`, `??`, a truthiness test) made optional: the type may say required,
 * but the code's own fallback is what callers rely on, and the schema must not reject them.
 * A truthiness test on a declared `boolean` is its use, not a fallback (`downloadOnly ? … : …`,
 * review R67): it stays required, as its type says.
 */
export function optionalFromUsage(declared: Shape, usedField: Shape): Shape {
  // A JSON field the code handles like `null` (`.nullish()` from usage): the declared type decides.
  const used = usedField.t === "nullable" ? usedField.inner : usedField;
  // A declared string the code redirects to: a local path.
  if (declared.t === "string" && used.t === "localPath") return used;
  if (declared.t !== "object" || used.t !== "object") return declared;
  return {
    ...declared,
    props: declared.props.map((p) => {
      const u = used.props.find((x) => x.key === p.key);
      const absent = u ? u.optional && !(u.tested && p.shape.t === "boolean") : false;
      return u ? { ...p, optional: p.optional || absent, shape: optionalFromUsage(p.shape, u.shape) } : p;
    }),
  };
}

/**
 * How much a schema checks: `leaves` counts the values it constrains (a declared `unknown` in
 * the code's own type counts, it is faithful), `guesses` the `z.any()`/`z.unknown()` put where
 * nothing could be inferred. A schema with guesses, or with no leaf at all
 * (`z.object({})`, `z.record(z.string(), z.unknown())`), validates nothing a reviewer would keep.
 * @example schemaGaps({ t: "object", props: [{ key: "id", shape: { t: "any" }, optional: false }] }) // { leaves: 0, guesses: 1 }
 */
export function schemaGaps(shape: Shape): { leaves: number; guesses: number } {
  const sum = (parts: readonly Shape[]) => parts.map(schemaGaps).reduce((a, b) => ({ leaves: a.leaves + b.leaves, guesses: a.guesses + b.guesses }), { leaves: 0, guesses: 0 });
  switch (shape.t) {
    case "unknown":
    case "any":
      return shape.declared ? { leaves: 1, guesses: 0 } : { leaves: 0, guesses: 1 };
    case "object":
      return sum(shape.props.map((p) => p.shape));
    case "array":
      return schemaGaps(shape.element);
    case "tuple":
      return sum(shape.items);
    case "record":
      return schemaGaps(shape.value);
    case "union":
      return sum(shape.options);
    case "nullable":
      return schemaGaps(shape.inner);
    default:
      return { leaves: 1, guesses: 0 };
  }
}

// ---------------------------------------------------------------------------------------
// From a declared type

/** Finds a declaration by name: in the same file, or in a file the resolver can open. */
export type TypeResolver = (name: string) => { decl: ts.Node; resolver: TypeResolver } | undefined;

function entityName(n: ts.EntityName): string {
  return ts.isIdentifier(n) ? n.text : n.right.text;
}

function membersToProps(members: readonly ts.Node[], resolve: TypeResolver, depth: number, seen: Set<string>): Array<{ key: string; shape: Shape; optional: boolean }> | undefined {
  const props: Array<{ key: string; shape: Shape; optional: boolean }> = [];
  for (const m of members) {
    if (!(ts.isPropertySignature(m) || ts.isPropertyDeclaration(m))) {
      if (ts.isIndexSignatureDeclaration(m) || ts.isMethodSignature(m)) return undefined;
      continue;
    }
    if (ts.isPropertyDeclaration(m) && ts.getModifiers(m)?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword || x.kind === ts.SyntaxKind.PrivateKeyword)) continue;
    const key = ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : undefined;
    if (!key) return undefined;
    let shape: Shape = m.type ? shapeFromType(m.type, resolve, depth + 1, seen) : { t: "unknown" };
    let optional = !!m.questionToken;
    if (shape.t === "union" && shape.options.some((o) => o.t === "undefined")) {
      optional = true;
      const rest = shape.options.filter((o) => o.t !== "undefined");
      shape = rest.length === 1 ? rest[0]! : { t: "union", options: rest };
    }
    props.push({ key, shape, optional });
  }
  return props;
}

/** Converts a type node to a schema shape; unknown, recursive or unresolvable parts become `z.unknown()`. */
export function shapeFromType(node: ts.TypeNode, resolve: TypeResolver, depth = 0, seen: Set<string> = new Set()): Shape {
  if (depth > 8) return { t: "unknown" };
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { t: "string" };
    case ts.SyntaxKind.NumberKeyword:
      return { t: "number" };
    case ts.SyntaxKind.BooleanKeyword:
      return { t: "boolean" };
    case ts.SyntaxKind.NullKeyword:
      return { t: "null" };
    case ts.SyntaxKind.UndefinedKeyword:
      return { t: "undefined" };
    case ts.SyntaxKind.ObjectKeyword:
      return { t: "record", value: { t: "unknown", declared: true } };
    case ts.SyntaxKind.UnknownKeyword:
      return { t: "unknown", declared: true };
    case ts.SyntaxKind.AnyKeyword:
      return { t: "any", declared: true };
    default:
      break;
  }
  if (ts.isParenthesizedTypeNode(node)) return shapeFromType(node.type, resolve, depth, seen);
  if (ts.isLiteralTypeNode(node)) {
    const l = node.literal;
    if (l.kind === ts.SyntaxKind.NullKeyword) return { t: "null" };
    if (ts.isStringLiteral(l)) return { t: "enum", values: [l.text] };
    return { t: "literal", text: l.getText() };
  }
  if (ts.isArrayTypeNode(node)) return { t: "array", element: shapeFromType(node.elementType, resolve, depth + 1, seen) };
  if (ts.isTupleTypeNode(node)) return { t: "tuple", items: node.elements.map((e) => shapeFromType(ts.isNamedTupleMember(e) ? e.type : e, resolve, depth + 1, seen)) };
  if (ts.isTypeLiteralNode(node)) {
    const only = node.members.length === 1 ? node.members[0] : undefined;
    if (only && ts.isIndexSignatureDeclaration(only) && only.parameters[0]?.type?.kind === ts.SyntaxKind.StringKeyword) return { t: "record", value: shapeFromType(only.type, resolve, depth + 1, seen) };
    const props = membersToProps(node.members, resolve, depth, seen);
    return props ? { t: "object", props } : { t: "record", value: { t: "unknown" } };
  }
  if (ts.isUnionTypeNode(node)) {
    const options = node.types.map((t) => shapeFromType(t, resolve, depth + 1, seen));
    if (options.every((o) => o.t === "enum")) return { t: "enum", values: options.flatMap((o) => (o.t === "enum" ? o.values : [])) };
    const nonNull = options.filter((o) => o.t !== "null");
    if (nonNull.length < options.length) {
      const inner: Shape = nonNull.length === 1 ? nonNull[0]! : unionOf(nonNull);
      return { t: "nullable", inner };
    }
    if (options.some((o) => o.t === "boolean") && options.length === 1) return options[0]!;
    return unionOf(options);
  }
  if (ts.isIntersectionTypeNode(node)) {
    const parts = node.types.map((t) => shapeFromType(t, resolve, depth + 1, seen));
    if (parts.every((p) => p.t === "object")) return { t: "object", props: parts.flatMap((p) => (p.t === "object" ? p.props : [])) };
    return { t: "unknown" };
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = entityName(node.typeName);
    const args = node.typeArguments ?? [];
    if ((name === "Array" || name === "ReadonlyArray") && args[0]) return { t: "array", element: shapeFromType(args[0], resolve, depth + 1, seen) };
    if (name === "Record" && args[1]) return { t: "record", value: shapeFromType(args[1], resolve, depth + 1, seen) };
    if (name === "Date") return { t: "date" };
    if (name === "Partial" && args[0]) {
      const inner = shapeFromType(args[0], resolve, depth + 1, seen);
      return inner.t === "object" ? { t: "object", props: inner.props.map((p) => ({ ...p, optional: true })) } : inner;
    }
    if (args.length > 0 || seen.has(name)) return { t: "unknown" };
    const found = resolve(name);
    if (!found) return { t: "unknown" };
    const next = new Set(seen).add(name);
    return shapeFromDeclaration(found.decl, found.resolver, depth + 1, next);
  }
  return { t: "unknown" };
}

function unionOf(options: Shape[]): Shape {
  const flat: Shape[] = [];
  for (const o of options) if (!flat.some((f) => f.t === o.t && (o.t === "string" || o.t === "number" || o.t === "boolean"))) flat.push(o);
  if (flat.length === 1) return flat[0]!;
  const unknown = flat.find((o) => o.t === "unknown");
  if (unknown) return unknown;
  return { t: "union", options: flat };
}

/** Shape of an interface, type alias, class or string enum declaration. */
export function shapeFromDeclaration(decl: ts.Node, resolve: TypeResolver, depth = 0, seenBefore: Set<string> = new Set()): Shape {
  const own = (decl as ts.DeclarationStatement).name;
  const seen = own && ts.isIdentifier(own) ? new Set(seenBefore).add(own.text) : seenBefore;
  if (ts.isTypeAliasDeclaration(decl)) return decl.typeParameters ? { t: "unknown" } : shapeFromType(decl.type, resolve, depth, seen);
  if (ts.isInterfaceDeclaration(decl) || ts.isClassDeclaration(decl)) {
    if (decl.typeParameters) return { t: "unknown" };
    const props = membersToProps(decl.members, resolve, depth, seen);
    if (!props) return { t: "record", value: { t: "unknown" } };
    for (const h of decl.heritageClauses ?? []) {
      if (ts.isClassDeclaration(decl) && h.token === ts.SyntaxKind.ImplementsKeyword) continue;
      for (const t of h.types) {
        if (!ts.isIdentifier(t.expression)) return { t: "unknown" };
        const base = resolve(t.expression.text);
        if (!base) return { t: "unknown" };
        const bs = shapeFromDeclaration(base.decl, base.resolver, depth + 1, seen);
        if (bs.t !== "object") return { t: "unknown" };
        props.unshift(...bs.props.filter((bp) => !props.some((p) => p.key === bp.key)));
      }
    }
    return { t: "object", props };
  }
  if (ts.isEnumDeclaration(decl)) {
    const values: string[] = [];
    for (const m of decl.members) {
      if (!m.initializer || !ts.isStringLiteral(m.initializer)) return { t: "unknown" };
      values.push(m.initializer.text);
    }
    return { t: "enum", values };
  }
  return { t: "unknown" };
}

const DECL_KINDS = (st: ts.Statement, name: string): boolean =>
  (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) && st.name?.text === name;

/**
 * A resolver over a file and the relative imports it can open through `host`: type names
 * are looked up in the file, then in the imported module's file (parsed here, in the fix
 * thunk only, never on the detection path).
 */
export function fileTypeResolver(sf: ts.SourceFile, filePath: string, host: ProjectHost, depth = 0): TypeResolver {
  const self: TypeResolver = (name) => {
    for (const st of sf.statements) if (DECL_KINDS(st, name)) return { decl: st, resolver: self };
    if (depth > 3) return undefined;
    for (const st of sf.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !st.importClause?.namedBindings) continue;
      const nb = st.importClause.namedBindings;
      if (!ts.isNamedImports(nb)) continue;
      const el = nb.elements.find((e) => e.name.text === name);
      if (!el) continue;
      const spec = st.moduleSpecifier.text;
      if (!spec.startsWith(".")) return undefined;
      const target = openModule(path.posix.join(path.posix.dirname(filePath.replace(/\\/g, "/")), spec), host);
      if (!target) return undefined;
      const other = ts.createSourceFile(target.path, target.text, ts.ScriptTarget.Latest, true);
      return fileTypeResolver(other, target.path, host, depth + 1)(el.propertyName?.text ?? name);
    }
    return undefined;
  };
  return self;
}

/** The TypeScript module at `base` (a path without or with its extension, or a folder with `index.ts`), read through `host`. */
export function openModule(base: string, host: ProjectHost): { path: string; text: string } | undefined {
  const stem = base.replace(/\.(?:[cm]?js|jsx)$/, "");
  for (const cand of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.d.ts`, `${stem}/index.ts`, `${stem}.mts`]) {
    if (!/\.(?:[cm]?ts|tsx)$/.test(cand)) continue;
    const text = host.readFile(cand);
    if (text !== undefined) return { path: cand, text };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Project facts

/** The nearest package.json at or above `dir`, with its path. */
export function nearestPackageJson(dir: string, host: ProjectHost): { path: string; json: Record<string, unknown> } | undefined {
  let cur = dir.replace(/\\/g, "/");
  for (let i = 0; i < 40; i++) {
    const p = `${cur.replace(/\/$/, "")}/package.json`;
    const text = host.readFile(p);
    if (text !== undefined) {
      try {
        const json: unknown = JSON.parse(text);
        return json && typeof json === "object" ? { path: p, json: json as Record<string, unknown> } : undefined;
      } catch (err: unknown) {
        void err; // a broken package.json: treat as "zod not declared"
        return undefined;
      }
    }
    const up = path.posix.dirname(cur);
    if (up === cur) break;
    cur = up;
  }
  return undefined;
}

/** True when the nearest package.json lists `zod` in any dependency field. */
export function hasZodDependency(filePath: string, host: ProjectHost): boolean {
  const pkg = nearestPackageJson(path.posix.dirname(filePath.replace(/\\/g, "/")), host);
  if (!pkg) return false;
  for (const field of ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]) {
    const deps = pkg.json[field];
    if (deps && typeof deps === "object" && "zod" in deps) return true;
  }
  return false;
}

/**
 * The command that adds zod with the project's package manager, chosen from the lockfile
 * (or the `packageManager` field) at or above `projectDir`.
 * @example zodInstallCommand("/repo", host) // "pnpm add zod" when /repo/pnpm-lock.yaml exists
 */
export function zodInstallCommand(projectDir: string, host: ProjectHost): string {
  let cur = projectDir.replace(/\\/g, "/").replace(/\/$/, "") || "/";
  for (let i = 0; i < 40; i++) {
    const at = (f: string) => host.fileExists(`${cur === "/" ? "" : cur}/${f}`);
    if (at("pnpm-lock.yaml")) return "pnpm add zod";
    if (at("yarn.lock")) return "yarn add zod";
    if (at("package-lock.json") || at("npm-shrinkwrap.json")) return "npm install zod";
    const pkgText = host.readFile(`${cur === "/" ? "" : cur}/package.json`);
    const pm = pkgText ? /"packageManager"\s*:\s*"(npm|pnpm|yarn)@/.exec(pkgText)?.[1] : undefined;
    if (pm === "pnpm") return "pnpm add zod";
    if (pm === "yarn") return "yarn add zod";
    const up = path.posix.dirname(cur);
    if (up === cur) break;
    cur = up;
  }
  return "npm install zod";
}
