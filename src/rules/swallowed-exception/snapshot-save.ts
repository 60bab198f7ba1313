/**
 * A periodic snapshot of in-memory state (held round 36, the lead keeping both labellers' convention):
 *
 *   class RoomManager {
 *     private rooms = new Map<string, Room>();
 *     constructor() { setInterval(() => { if (this.changed) { this.persist(); this.changed = false; } }, 30_000); }
 *     private persist() {
 *       try { fs.writeFileSync(FILE, JSON.stringify({ rooms: [...this.rooms] })); }
 *       catch (e) { console.error("save failed", e); }
 *     }
 *   }
 *
 * The write replaces the whole file with the whole state the process holds, and only a timer starts
 * it: nobody is told "saved", and the next save after the next change writes everything again, so a
 * failed one loses nothing the memory does not still hold. A save a request path calls (its caller
 * then answers "done"), an append of lines taken off a buffer, a write of a value handed in, or state
 * the class empties after a save (`this.queue = []`) stays reported.
 */
import { ts } from "../../engine/ts";
import { bareExpression, calleeName, containsAwait, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { constInitializer, isLogCall, references } from "./analysis";

// A call that writes a whole file: node's `writeFile`/`writeFileSync` (also `fs.promises`), fs-extra's `outputFile`, `writeJson`, `outputJson`.
const WHOLE_WRITE_RE = /^(?:writeFile|writeFileSync|outputFile|outputFileSync|writeJson|writeJsonSync|writeJSON|writeJSONSync|outputJson|outputJsonSync)$/;
const JSON_WRITE_RE = /Json(?:Sync)?$|JSON(?:Sync)?$/;
// The timers that start the save.
const TIMER_RE = /^(?:setInterval|setTimeout)$/;

/** The value the write serializes: `X` in `writeFileSync(f, JSON.stringify(X, null, 2))` or `writeJson(f, X)`, a `const` of the try read through. */
function serializedValue(write: ts.CallExpression): ts.Expression | undefined {
  const data = write.arguments[1];
  if (!data) return undefined;
  let value: ts.Expression | undefined;
  if (JSON_WRITE_RE.test(calleeName(write) ?? "")) value = data;
  else {
    const d = bareExpression(data);
    if (!ts.isCallExpression(d) || d.expression.getText() !== "JSON.stringify" || d.arguments.length === 0) return undefined;
    value = d.arguments[0]!;
  }
  return ts.isIdentifier(value) ? (constInitializer(value) ?? value) : value;
}

/** The fields of `this` (`this.rooms`) and the file's top-level variables the value reads; undefined when it waits or reads a parameter. */
function stateRead(value: ts.Expression, fn: ts.FunctionLikeDeclaration): { fields: Set<string>; vars: Set<string> } | undefined {
  const params = fn.parameters.flatMap((p) => (ts.isIdentifier(p.name) ? [p.name.text] : []));
  if (params.some((p) => references(value, p))) return undefined;
  const topLevel = topLevelVariables(fn.getSourceFile());
  const fields = new Set<string>();
  const vars = new Set<string>();
  let waits = false;
  const visit = (n: ts.Node): void => {
    if (ts.isAwaitExpression(n) || ts.isYieldExpression(n)) waits = true;
    if (ts.isPropertyAccessExpression(n) && n.expression.kind === ts.SyntaxKind.ThisKeyword) fields.add(n.name.text);
    if (ts.isIdentifier(n) && topLevel.has(n.text) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) && !(ts.isPropertyAssignment(n.parent) && n.parent.name === n)) vars.add(n.text);
    ts.forEachChild(n, visit);
  };
  visit(value);
  return waits || fields.size + vars.size === 0 ? undefined : { fields, vars };
}

/** `let cache = {}` / `const rooms = new Map()` at the file's top level. */
function topLevelVariables(sf: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && !(d.initializer && isFunctionLike(d.initializer))) out.add(d.name.text);
  }
  return out;
}

/** The try: `const`s worked out without waiting, log lines, and the one whole-file write. */
function writeOfTry(tryBlock: ts.Block): ts.CallExpression | undefined {
  let write: ts.CallExpression | undefined;
  for (const st of tryBlock.statements) {
    if (ts.isVariableStatement(st)) {
      if (st.declarationList.declarations.some((d) => d.initializer && containsAwait(d.initializer))) return undefined;
      continue;
    }
    if (!ts.isExpressionStatement(st)) return undefined;
    if (isLogCall(st.expression)) continue;
    const call = bareExpression(st.expression);
    if (write || !ts.isCallExpression(call) || !WHOLE_WRITE_RE.test(calleeName(call) ?? "")) return undefined;
    write = call;
  }
  return write;
}

/** `setInterval(() => …, ms)`: `fn` is the first argument of a timer. */
function isTimerCallback(fn: ts.Node): boolean {
  const call = fn.parent;
  return (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && !!call && ts.isCallExpression(call) && call.arguments[0] === fn && TIMER_RE.test(calleeName(call) ?? "");
}

/**
 * `this.persist();` (or `await`/`void` of it) as a statement of a timer's callback, `() => this.persist()` as the
 * callback, or `setInterval(this.persist.bind(this), ms)`: the timer starts the save and nobody waits on it.
 */
function startedByTimer(ref: ts.Expression): boolean {
  const call = ref.parent;
  if (ts.isPropertyAccessExpression(call) && call.name.text === "bind" && ts.isCallExpression(call.parent) && call.parent.expression === call) {
    const timer = call.parent.parent;
    return ts.isCallExpression(timer) && timer.arguments[0] === call.parent && TIMER_RE.test(calleeName(timer) ?? "");
  }
  if (!ts.isCallExpression(call) || call.expression !== ref) return false;
  let holder: ts.Node = call;
  while (ts.isAwaitExpression(holder.parent) || ts.isVoidExpression(holder.parent)) holder = holder.parent;
  if (isTimerCallback(holder.parent)) return true;
  if (!ts.isExpressionStatement(holder.parent)) return false;
  let fn: ts.Node | undefined = holder.parent.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  return !!fn && isTimerCallback(fn);
}

/** `this.rooms = []`, `this.rooms = new Map()`, `this.rooms.clear()`, `this.queue.splice(0)`, `this.queue.length = 0`: the field emptied. */
function emptiesField(n: ts.Node, fields: ReadonlySet<string>, vars: ReadonlySet<string>): boolean {
  const names = (e: ts.Expression): boolean =>
    (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword && fields.has(e.name.text)) || (ts.isIdentifier(e) && vars.has(e.text));
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const l = n.left;
    const r = n.right;
    const empty = (ts.isArrayLiteralExpression(r) && r.elements.length === 0) || (ts.isObjectLiteralExpression(r) && r.properties.length === 0) || (ts.isNewExpression(r) && (r.arguments?.length ?? 0) === 0) || (ts.isStringLiteralLike(r) && r.text === "");
    if (empty && names(l)) return true;
    if (ts.isPropertyAccessExpression(l) && l.name.text === "length" && names(l.expression)) return true;
  }
  if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && /^(?:clear|splice)$/.test(n.expression.name.text) && names(n.expression.expression)) return true;
  return false;
}

function someNode(root: ts.Node, test: (n: ts.Node) => boolean): boolean {
  const visit = (n: ts.Node): boolean => test(n) || (ts.forEachChild(n, visit) ?? false);
  return visit(root);
}

/** A private method (`private persist()`, `#persist()`) whose every use in its class is started by a timer. */
function privateMethodOnTimer(fn: ts.MethodDeclaration): boolean {
  const name = fn.name;
  const isPrivate = ts.isPrivateIdentifier(name) || (ts.getModifiers(fn) ?? []).some((m) => m.kind === ts.SyntaxKind.PrivateKeyword);
  if (!isPrivate || !(ts.isIdentifier(name) || ts.isPrivateIdentifier(name))) return false;
  const cls = fn.parent;
  let uses = 0;
  let other = false;
  someNode(cls, (n) => {
    if (n === fn) return false;
    if (ts.isPropertyAccessExpression(n) && n.name.text === name.text) {
      if (n.expression.kind === ts.SyntaxKind.ThisKeyword && startedByTimer(n)) uses++;
      else other = true;
    }
    return other;
  });
  return uses > 0 && !other;
}

/** A function of the file's top level, not exported, whose every use in the file is started by a timer. */
function fileFunctionOnTimer(fn: ts.FunctionLikeDeclaration): boolean {
  let name: string | undefined;
  let stmt: ts.Node | undefined;
  if (ts.isFunctionDeclaration(fn) && fn.name) {
    name = fn.name.text;
    stmt = fn;
  } else if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) {
    name = fn.parent.name.text;
    stmt = fn.parent.parent.parent;
  }
  if (!name || !stmt || !ts.isSourceFile(stmt.parent)) return false;
  if (((ts.canHaveModifiers(stmt) ? ts.getModifiers(stmt) : undefined) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return false;
  const sf = stmt.parent;
  // Any other use (`export { persist }`, `module.exports = { persist }`, `await persist()` in a route) gives it a caller.
  let uses = 0;
  let other = false;
  someNode(sf, (n) => {
    if (n === fn) return false;
    if (ts.isIdentifier(n) && n.text === name && !(ts.isVariableDeclaration(n.parent) && n.parent.name === n) && !(ts.isFunctionDeclaration(n.parent) && n.parent.name === n)) {
      if (startedByTimer(n)) uses++;
      else other = true;
    }
    return other;
  });
  return uses > 0 && !other;
}

/**
 * The log-only try is the last statement of a function that saves a snapshot of the state it holds
 * (`this.` fields, or variables of the file) as a whole-file write, the function is started only by
 * timers (a private method, or a function of the file it does not export), and nothing empties that
 * state (see the module's comment).
 */
export function savesSnapshotOnTimer(tryStmt: ts.TryStatement): boolean {
  const body = tryStmt.parent;
  if (!ts.isBlock(body) || body.statements[body.statements.length - 1] !== tryStmt) return false;
  const fn = body.parent;
  if (!isFunctionLike(fn) || fn.body !== body) return false;
  // Before the try, only `const`s and guards that return (`if (!this.changed) return;`).
  if (!body.statements.slice(0, -1).every((st) => ts.isVariableStatement(st) || (ts.isIfStatement(st) && !st.elseStatement && ts.isReturnStatement(ts.isBlock(st.thenStatement) && st.thenStatement.statements.length === 1 ? st.thenStatement.statements[0]! : st.thenStatement)))) return false;
  const write = writeOfTry(tryStmt.tryBlock);
  const value = write && serializedValue(write);
  const state = value && stateRead(value, fn);
  if (!state) return false;
  const owner = ts.isMethodDeclaration(fn) ? fn.parent : fn.getSourceFile();
  if (ts.isMethodDeclaration(fn) ? state.fields.size === 0 || !privateMethodOnTimer(fn) : state.vars.size === 0 || !fileFunctionOnTimer(fn)) return false;
  return !someNode(owner, (n) => emptiesField(n, state.fields, state.vars));
}
