import { ts } from "./ts";
import { TreeMemo } from "./tree-memo";

/** Small questions about syntax that several rule families and the engine ask. */

/** The identifiers a declaration binds: `x`, or each one in `{ a, b: { c } }` and `[d, e]`. */
export function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((el) => (ts.isBindingElement(el) ? boundNames(el.name) : []));
}

/** The callee's last name: `a.b.c(…)` → "c", `f(…)` → "f"; undefined for other callees. */
export function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** The expression inside any parentheses: `((a))` → `a`. */
export function unparen(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** `Promise.all(…)` (not `allSettled`, `race` or `any`). */
export function isPromiseAll(call: ts.Node): call is ts.CallExpression {
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return false;
  const recv = call.expression.expression;
  return call.expression.name.text === "all" && ts.isIdentifier(recv) && recv.text === "Promise";
}

/** The call that goes on from `e` in a method chain (`e.then(…)` for `e`), or undefined; `calleeName` names its method. */
export function chainedCall(e: ts.Expression): ts.CallExpression | undefined {
  const access = e.parent;
  if (!access || !ts.isPropertyAccessExpression(access) || access.expression !== e) return undefined;
  const call = access.parent;
  return call && ts.isCallExpression(call) && call.expression === access ? call : undefined;
}

/**
 * Whether some identifier of the file may be spelled `name`: the parser interns every identifier's
 * text in the source file's `identifiers` map, so a name no identifier has is answered without
 * reading the text or the tree. True when the tree carries no such map (not made by the parser).
 */
export function mayHaveIdentifier(sf: ts.SourceFile, name: string): boolean {
  const ids = (sf as unknown as { identifiers?: ReadonlyMap<string, string> }).identifiers;
  return ids === undefined || ids.has(name);
}

/** Every declaration with a function body: functions, arrows, methods, constructors, accessors. */
export function isFunctionLikeDeclaration(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return FUNCTION_LIKE_KINDS[node.kind] === 1;
}

/** True when the function's body or the file starts with the directive (`"use server"`, `"use client"`) among its prologue strings. */
export function hasDirective(block: ts.Block | ts.SourceFile | undefined, directive: string): boolean {
  if (!block) return false;
  for (const st of block.statements) {
    if (!ts.isExpressionStatement(st) || !ts.isStringLiteral(st.expression)) return false;
    if (st.expression.text === directive) return true;
  }
  return false;
}

/** The branch ends in a `return` or a `throw` (its last statement, or the statement itself). */
export function leaves(st: ts.Statement): boolean {
  const last = ts.isBlock(st) ? st.statements[st.statements.length - 1] : st;
  return !!last && (ts.isReturnStatement(last) || ts.isThrowStatement(last));
}

/** The innermost loop around `node` inside its own function (a loop outside the function is not its). */
export function enclosingLoop(node: ts.Node): ts.IterationStatement | undefined {
  for (let p = node.parent; p && !isFunctionLikeDeclaration(p); p = p.parent) if (ts.isIterationStatement(p, false)) return p;
  return undefined;
}

// One table load instead of seven kind tests: this runs on every node of many subtree walks.
const FUNCTION_LIKE_KINDS = kindTable([
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
]);

/** A table indexed by `node.kind`: 1 for the given kinds, 0 (or out of range: undefined) for the rest. */
export function kindTable(kinds: readonly ts.SyntaxKind[]): Uint8Array {
  const table = new Uint8Array(ts.SyntaxKind.Count);
  for (const k of kinds) table[k] = 1;
  return table;
}

/**
 * `!res.ok`, or `!res.ok || !res.body`: a test that holds only for a failed response or one with no
 * body to read. Any other operand (`!res.ok || refresh`) lets a good response in. With `receiver`,
 * every operand must test that response (`res`). A status comparison says the same
 * (`res.status !== 200 && res.status !== 201`, `res.status === 401`, `res.status >= 400`,
 * `res.status === HttpStatusCode.BadRequest`); one that lets a success in (`res.status !== 404`,
 * `res.status === 206`) is no failure test.
 */
export function isFailedResponseTest(e: ts.Expression, receiver?: string): boolean {
  const negated: string[] = [];
  const collect = (x: ts.Expression): boolean => {
    const c = bareTest(x);
    if (ts.isBinaryExpression(c) && c.operatorToken.kind === ts.SyntaxKind.BarBarToken) return collect(c.left) && collect(c.right);
    // `res.status !== 200 && res.status !== 201`: every operand is a failure test of its own.
    if (everyStatusFails(c, receiver)) return negated.push("ok") > 0;
    if (!ts.isPrefixUnaryExpression(c) || c.operator !== ts.SyntaxKind.ExclamationToken) return false;
    const r = bareTest(c.operand);
    if (!ts.isPropertyAccessExpression(r) || (r.name.text !== "ok" && r.name.text !== "body")) return false;
    if (receiver !== undefined && r.expression.getText() !== receiver) return false;
    negated.push(r.name.text);
    return true;
  };
  return collect(e) && negated.includes("ok");
}

/**
 * `res.ok`, `res.ok && data`, `res.status === 200`: a test that holds only for a succeeded response
 * (of `receiver` when given), the mirror of {@link isFailedResponseTest}. Any operand of an `&&`
 * may be the status test (all must hold); every operand of an `||` must be one.
 */
export function isPassedResponseTest(e: ts.Expression, receiver?: string): boolean {
  const c = bareTest(e);
  if (ts.isBinaryExpression(c)) {
    const op = c.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return isPassedResponseTest(c.left, receiver) || isPassedResponseTest(c.right, receiver);
    if (op === ts.SyntaxKind.BarBarToken) return isPassedResponseTest(c.left, receiver) && isPassedResponseTest(c.right, receiver);
    if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return false;
    const value = isStatusRead(c.left, receiver) ? c.right : isStatusRead(c.right, receiver) ? c.left : undefined;
    return !!value && statusClass(bareTest(value)) === "success";
  }
  return ts.isPropertyAccessExpression(c) && c.name.text === "ok" && (receiver === undefined || c.expression.getText() === receiver);
}

const bareTest = (x: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(x) || ts.isNonNullExpression(x) ? bareTest(x.expression) : x);

// Status names of the enums people compare with (axios `HttpStatusCode.BadRequest`, Nest `HttpStatus.BAD_REQUEST`,
// http-status-codes `StatusCodes.NOT_FOUND`), lower-cased without `_`.
const STATUS_ENUM_RE = /^(?:HttpStatusCodes?|HttpStatus|StatusCodes?|HTTP_STATUS(?:_CODES?)?|HttpCode)$/;
const SUCCESS_STATUS_NAMES = new Set(["ok", "created", "accepted", "nonauthoritativeinformation", "nocontent", "resetcontent", "partialcontent", "multistatus", "alreadyreported", "imused"]);
const FAILURE_STATUS_NAMES = new Set([
  "badrequest", "unauthorized", "paymentrequired", "forbidden", "notfound", "methodnotallowed", "notacceptable", "proxyauthenticationrequired",
  "requesttimeout", "conflict", "gone", "lengthrequired", "preconditionfailed", "payloadtoolarge", "requesttoolong", "requestentitytoolarge",
  "uritoolong", "requesturitoolong", "unsupportedmediatype", "rangenotsatisfiable", "requestedrangenotsatisfiable", "expectationfailed",
  "iamateapot", "imateapot", "misdirectedrequest", "unprocessableentity", "unprocessablecontent", "locked", "faileddependency", "tooearly",
  "upgraderequired", "preconditionrequired", "toomanyrequests", "requestheaderfieldstoolarge", "unavailableforlegalreasons",
  "internalservererror", "notimplemented", "badgateway", "serviceunavailable", "gatewaytimeout", "httpversionnotsupported",
  "variantalsonegotiates", "insufficientstorage", "loopdetected", "notextended", "networkauthenticationrequired",
]);

/** The status a constant names: `404`, `HttpStatusCode.NotFound`, `HttpStatus.NOT_FOUND`; "success" (2xx), "failure" (4xx/5xx) or undefined. */
export function statusClass(e: ts.Expression): "success" | "failure" | undefined {
  if (ts.isNumericLiteral(e)) {
    const n = Number(e.text);
    return n >= 200 && n < 300 ? "success" : n >= 400 && n < 600 ? "failure" : undefined;
  }
  if (!ts.isPropertyAccessExpression(e)) return undefined;
  const owner = e.expression;
  const ownerName = ts.isIdentifier(owner) ? owner.text : ts.isPropertyAccessExpression(owner) ? owner.name.text : "";
  if (!STATUS_ENUM_RE.test(ownerName)) return undefined;
  const name = e.name.text.replace(/_/g, "").toLowerCase();
  return SUCCESS_STATUS_NAMES.has(name) ? "success" : FAILURE_STATUS_NAMES.has(name) ? "failure" : undefined;
}

/** `res.status !== 200 && res.status !== 201 && res.status !== 202`: every operand is a failure test of its own. */
function everyStatusFails(x: ts.Expression, receiver: string | undefined): boolean {
  const c = bareTest(x);
  if (ts.isBinaryExpression(c) && c.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return everyStatusFails(c.left, receiver) && everyStatusFails(c.right, receiver);
  return statusFails(c, receiver);
}

/** `res.status` or `res.statusCode` (of `receiver` when given). */
function isStatusRead(e: ts.Expression, receiver: string | undefined): boolean {
  const r = bareTest(e);
  return ts.isPropertyAccessExpression(r) && (r.name.text === "status" || r.name.text === "statusCode") && (receiver === undefined || r.expression.getText() === receiver);
}

/**
 * One comparison of a response's status that holds only for a failed answer: `!==` a success
 * (`res.status !== 200`), `===` a failure (`res.status === 401`), or a bound at or past the 4xx
 * range (`res.status >= 400`, `res.status > 299`, `400 <= res.status`), or below the 2xx one.
 */
function statusFails(x: ts.Expression, receiver: string | undefined): boolean {
  const c = bareTest(x);
  if (!ts.isBinaryExpression(c)) return false;
  const op = c.operatorToken.kind;
  const K = ts.SyntaxKind;
  const [status, value, flipped] = isStatusRead(c.left, receiver) ? [c.left, c.right, false] : isStatusRead(c.right, receiver) ? [c.right, c.left, true] : [undefined, undefined, false];
  if (!status || !value) return false;
  const v = bareTest(value);
  if (op === K.ExclamationEqualsEqualsToken || op === K.ExclamationEqualsToken) return statusClass(v) === "success";
  if (op === K.EqualsEqualsEqualsToken || op === K.EqualsEqualsToken) return statusClass(v) === "failure";
  if (!ts.isNumericLiteral(v)) return false;
  const n = Number(v.text);
  // Normalised to `status OP n`.
  const norm = !flipped ? op : op === K.LessThanToken ? K.GreaterThanToken : op === K.LessThanEqualsToken ? K.GreaterThanEqualsToken : op === K.GreaterThanToken ? K.LessThanToken : op === K.GreaterThanEqualsToken ? K.LessThanEqualsToken : op;
  if (norm === K.GreaterThanEqualsToken) return n >= 300;
  if (norm === K.GreaterThanToken) return n >= 299;
  // `res.status < 200 || res.status >= 300`: fetch never hands a 1xx on.
  if (norm === K.LessThanToken) return n <= 200;
  return norm === K.LessThanEqualsToken && n < 200;
}

// The wrappers `unwrap` strips, as a table by kind: the rule families run it on every callee, argument and value they read.
const WRAPPER_KINDS = kindTable([
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.NonNullExpression,
  ts.SyntaxKind.SatisfiesExpression,
  ts.SyntaxKind.AwaitExpression,
  ts.SyntaxKind.TypeAssertionExpression,
]);

/** `e` under `await`, `void` and parentheses: what a statement such as `await (void send())` runs. */
export function bareExpression(e: ts.Expression): ts.Expression {
  while (ts.isAwaitExpression(e) || ts.isVoidExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** The first node above `node` that is not `await`, `void` or parentheses: the statement, when `node` is what it runs. */
export function aboveBareWrappers(node: ts.Node): ts.Node | undefined {
  let p = node.parent;
  while (p && (ts.isAwaitExpression(p) || ts.isVoidExpression(p) || ts.isParenthesizedExpression(p))) p = p.parent;
  return p;
}

/** Whether `node` waits (`await`, `for await`) outside nested functions; a function itself does not. */
export function containsAwait(node: ts.Node): boolean {
  if (isFunctionLikeDeclaration(node)) return false;
  if (ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier)) return true;
  return ts.forEachChild(node, containsAwait) ?? false;
}

/** Whether `node` reads the name `name`: an identifier so spelled below it that is not a property's name (`x.name`). */
export function readsName(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node)) return node.text === name && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node);
  return ts.forEachChild(node, (c) => readsName(c, name) || undefined) ?? false;
}

/** The expression inside what only wraps it: parentheses, type assertions (`as`, `<T>`, `satisfies`, `!`) and `await`. */
export function unwrap(e: ts.Expression): ts.Expression {
  let cur = e;
  for (let i = 0; i < 50 && WRAPPER_KINDS[cur.kind] === 1; i++) cur = (cur as ts.ParenthesizedExpression).expression;
  return cur;
}

/** The module's top-level function `name`: a declaration, or a `const` holding an arrow or function expression. */
export function topLevelFunction(name: string, sf: ts.SourceFile): ts.FunctionLikeDeclaration | undefined {
  return topLevelFunctions(sf).get(name);
}

/**
 * The function of the file a top-level statement runs: `main();`, `main().catch(console.error);`,
 * `await main();`, `void main().then(…)` (a script's entry); undefined for any other statement.
 */
export function topLevelEntry(st: ts.Statement, sf: ts.SourceFile): ts.FunctionLikeDeclaration | undefined {
  if (!ts.isExpressionStatement(st)) return undefined;
  let e = bareExpression(st.expression);
  for (;;) {
    if (!ts.isCallExpression(e)) return undefined;
    if (ts.isIdentifier(e.expression)) return topLevelFunction(e.expression.text, sf);
    if (!ts.isPropertyAccessExpression(e.expression) || !/^(?:then|catch|finally)$/.test(e.expression.name.text)) return undefined;
    e = e.expression.expression;
  }
}

/** Every file's index of its top-level functions, built once per file (a per-catch scan of the statements was quadratic). */
const TOP_LEVEL_FUNCTIONS = new TreeMemo<ts.SourceFile, Map<string, ts.FunctionLikeDeclaration>>();

/** The file's top-level functions by name, the first one of each name as `topLevelFunction` finds it. */
function topLevelFunctions(sf: ts.SourceFile): Map<string, ts.FunctionLikeDeclaration> {
  let index = TOP_LEVEL_FUNCTIONS.get(sf);
  if (index) return index;
  index = new Map();
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st)) {
      if (st.name && !index.has(st.name.text)) index.set(st.name.text, st);
      continue;
    }
    if (!ts.isVariableStatement(st)) continue;
    const seen = new Set<string>();
    for (const d of st.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || seen.has(d.name.text)) continue;
      seen.add(d.name.text);
      const init = d.initializer && unwrap(d.initializer);
      if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && !index.has(d.name.text)) index.set(d.name.text, init);
    }
  }
  TOP_LEVEL_FUNCTIONS.set(sf, index);
  return index;
}

/** A name a file's top-level import or `require` binds: the module specifier and the name that module exports it by. */
export interface ImportBinding {
  spec: string;
  /** The exported name; `"default"` for a default import, `"*"` for a namespace or a whole `require`. */
  exported: string;
  /** `named` for `import { X as name }`; `require` for a whole or destructured `require(…)`. */
  kind: "named" | "default" | "namespace" | "require";
}

/** Every file's import bindings, gathered once per file (a per-node scan of the statements is quadratic). */
const IMPORT_BINDINGS = new TreeMemo<ts.SourceFile, Map<string, ImportBinding>>();

/** The names a file's top-level imports and `require` declarations bind; the first binding of a name wins. */
export function importBindings(sf: ts.SourceFile): ReadonlyMap<string, ImportBinding> {
  let out = IMPORT_BINDINGS.get(sf);
  if (out) return out;
  const index = new Map<string, ImportBinding>();
  const bind = (name: string, b: ImportBinding): void => void (index.has(name) || index.set(name, b));
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.importClause) {
      const spec = st.moduleSpecifier.text;
      const c = st.importClause;
      if (c.name) bind(c.name.text, { spec, exported: "default", kind: "default" });
      const nb = c.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) bind(nb.name.text, { spec, exported: "*", kind: "namespace" });
      else if (nb) for (const el of nb.elements) bind(el.name.text, { spec, exported: (el.propertyName ?? el.name).text, kind: "named" });
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== "require") continue;
        const arg = init.arguments[0];
        if (!arg || !ts.isStringLiteral(arg)) continue;
        if (ts.isIdentifier(d.name)) bind(d.name.text, { spec: arg.text, exported: "*", kind: "require" });
        else if (ts.isObjectBindingPattern(d.name)) for (const el of d.name.elements) {
          if (ts.isIdentifier(el.name)) bind(el.name.text, { spec: arg.text, exported: el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text, kind: "require" });
        }
      }
    }
  }
  IMPORT_BINDINGS.set(sf, (out = index));
  return out;
}

/**
 * The package a module specifier names: `axios` for `axios/lib/core`, `@supabase/supabase-js` for a scoped one, and for
 * Deno and CDN specifiers too (`npm:axios@1`, `https://esm.sh/@supabase/supabase-js@2`, version dropped); undefined for
 * a relative or absolute path.
 */
export function packageOf(specifier: string): string | undefined {
  // A relative or absolute path names no package (most requires of compiled code): no regex work.
  if (specifier.charCodeAt(0) === 46 /* . */ || specifier.charCodeAt(0) === 47 /* / */) return undefined;
  const s = specifier.replace(/^(?:npm:|jsr:|node:)/, "").replace(/^https:\/\/(?:esm\.sh|cdn\.skypack\.dev|jspm\.dev|unpkg\.com|cdn\.jsdelivr\.net\/npm)\//, "");
  const pkg = s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]!;
  return pkg.replace(/@[^/]*$/, "") || pkg;
}

/**
 * The property accesses named `name` below `root` (`x.name`, any `x`), in source order, from one walk
 * of `root` per analysis: a check asked once per read or per catch that walked the tree each time was
 * quadratic in a handler of thousands of reads or a class of hundreds of methods.
 */
export function accessesNamed(root: ts.Node, name: string): readonly ts.PropertyAccessExpression[] {
  let byName = accessesByName.get(root);
  if (!byName) {
    const found = new Map<string, ts.PropertyAccessExpression[]>();
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n)) {
        const list = found.get(n.name.text);
        if (list) list.push(n);
        else found.set(n.name.text, [n]);
      }
      ts.forEachChild(n, visit);
    };
    visit(root);
    accessesByName.set(root, (byName = found));
  }
  return byName.get(name) ?? [];
}

const accessesByName = new TreeMemo<ts.Node, Map<string, ts.PropertyAccessExpression[]>>();

/** Every file's names in its local export lists (`export { run, stop as halt }`: `run`, `stop`), gathered once per file. */
const EXPORT_LIST_NAMES = new TreeMemo<ts.SourceFile, ReadonlySet<string>>();

/** The local names a file hands on through `export { … }` lists without a `from` (a per-function scan of the statements was quadratic). */
export function exportListNames(sf: ts.SourceFile): ReadonlySet<string> {
  let names = EXPORT_LIST_NAMES.get(sf);
  if (names) return names;
  const found = new Set<string>();
  for (const st of sf.statements) {
    if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) for (const el of st.exportClause.elements) found.add((el.propertyName ?? el.name).text);
  }
  EXPORT_LIST_NAMES.set(sf, (names = found));
  return names;
}
