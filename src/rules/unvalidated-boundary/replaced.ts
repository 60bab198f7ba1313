import { ts } from "../../engine/ts";
import { TreeMemo } from "../../engine/tree-memo";
import { findRefs, functionName, isFunctionLike, leaves, unwrap, type FunctionLike } from "./ast";
import { loggedBeside } from "./token";
import { isResultChecked, validatorKind, type GuardKind } from "./validators";

/**
 * `req.body = schema.parse(req.body)`: a request part replaced with the value a validator returns.
 * The statements of a block (or file) that do it, by the text of the part they replace (`req.body`),
 * with the offset where the replacement holds; computed once per block.
 */
interface Replacement {
  text: string;
  end: number;
}

const replacementsOf = new TreeMemo<ts.Node, readonly Replacement[]>();

/**
 * The part `st` replaces with a validated value, or undefined:
 * - `req.body = schema.parse(req.body)`, `req.body = await schema.parseAsync(req.body)` (a throwing
 *   validator of the same part);
 * - `req.body = parsed.data` after `const parsed = schema.safeParse(req.body)` whose result is tested;
 * - an `if`/`else` whose two branches each replace the same part so (two schemas picked by a flag);
 * - a `try` whose own statements replace it, when its `catch` leaves (reads after the `try` see the new value).
 */
function replacedPart(st: ts.Statement, guards: ReadonlyMap<string, GuardKind>): string | undefined {
  if (ts.isExpressionStatement(st)) {
    const e = st.expression;
    if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(e.left)) return undefined;
    const sf = st.getSourceFile();
    const text = e.left.getText(sf);
    const right = unwrap(e.right);
    if (ts.isCallExpression(right)) {
      const arg = right.arguments.find((a) => unwrap(a).getText(sf) === text);
      return arg && validatorKind(right, arg, guards) === "throwing" ? text : undefined;
    }
    // `req.body = parsed.data` of a `safeParse` of the same part whose result is tested.
    if (ts.isPropertyAccessExpression(right) && right.name.text === "data" && ts.isIdentifier(right.expression)) {
      const call = checkedParseOf(right.expression, text, guards);
      return call ? text : undefined;
    }
    return undefined;
  }
  if (ts.isIfStatement(st) && st.elseStatement) {
    const a = branchReplaces(st.thenStatement, guards);
    return a !== undefined && a === branchReplaces(st.elseStatement, guards) ? a : undefined;
  }
  if (ts.isTryStatement(st) && st.catchClause && leaves(st.catchClause.block)) {
    for (const s of st.tryBlock.statements) {
      const t = replacedPart(s, guards);
      if (t !== undefined) return t;
    }
  }
  return undefined;
}

/** The part one branch of an `if`/`else` replaces: a statement of its own, or one of its block's statements. */
function branchReplaces(branch: ts.Statement, guards: ReadonlyMap<string, GuardKind>): string | undefined {
  if (!ts.isBlock(branch)) return replacedPart(branch, guards);
  for (const s of branch.statements) {
    const t = replacedPart(s, guards);
    if (t !== undefined) return t;
  }
  return undefined;
}

/** `const parsed = schema.safeParse(<text>)` whose result the code tests: the call, found through the binding's declaration. */
function checkedParseOf(id: ts.Identifier, text: string, guards: ReadonlyMap<string, GuardKind>): ts.CallExpression | undefined {
  const sf = id.getSourceFile();
  for (let p: ts.Node | undefined = id.parent; p && !isFunctionLike(p); p = p.parent) {
    if (!ts.isBlock(p) && !ts.isSourceFile(p)) continue;
    for (const st of p.statements) {
      if (st.pos >= id.pos || !ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || d.name.text !== id.text || !d.initializer) continue;
        const init = unwrap(d.initializer);
        if (!ts.isCallExpression(init)) return undefined;
        const arg = init.arguments.find((a) => unwrap(a).getText(sf) === text);
        return arg && validatorKind(init, arg, guards) === "checking" && isResultChecked(init) ? init : undefined;
      }
    }
  }
  return undefined;
}

function replacementsIn(block: ts.Block | ts.SourceFile, guards: ReadonlyMap<string, GuardKind>): readonly Replacement[] {
  let list = replacementsOf.get(block);
  if (list) return list;
  const found: Replacement[] = [];
  for (const st of block.statements) {
    // Only the statement kinds that can replace a part (most statements of a handler are none of them).
    if (!(ts.isExpressionStatement(st) || ts.isIfStatement(st) || ts.isTryStatement(st))) continue;
    const text = replacedPart(st, guards);
    if (text !== undefined) found.push({ text, end: st.end });
  }
  list = found;
  replacementsOf.set(block, list);
  return list;
}

/**
 * Whether `node` runs after a statement of its function (its own block or an enclosing one) that replaced the
 * request part written `text` with a validated value (see {@link replacedPart}).
 */
export function replacedBefore(node: ts.Node, text: string, guards: ReadonlyMap<string, GuardKind>): boolean {
  let cur: ts.Node = node;
  for (let p = node.parent; p && !isFunctionLike(p); cur = p, p = p.parent) {
    if (!ts.isBlock(p) && !ts.isSourceFile(p)) continue;
    const at = cur.pos;
    if (replacementsIn(p, guards).some((r) => r.text === text && r.end <= at)) return true;
  }
  return false;
}

/**
 * `req.body.query` after `req.body = searchRequestSchema.parse(req.body)` in the same handler: the read takes the
 * validated value, not the input. Also in a function whose only callers, in this module, hand it their request
 * after such a replacement (`return await oldExtract(req, res, id)` in the handler that parsed `req.body`).
 * `calledOnlyHere`: whether the module's calls of the function are all its calls (not asked for a function of the read's own replacement).
 */
export function readsReplacedValue(read: ts.Node, guards: ReadonlyMap<string, GuardKind>, calledOnlyHere?: (fn: FunctionLike) => boolean): boolean {
  const sf = read.getSourceFile();
  const text = read.getText(sf);
  if (replacedBefore(read, text, guards)) return true;
  // The function's parameter the read starts from (`req` of `req.body`), and the function.
  const dot = text.indexOf(".");
  if (dot <= 0) return false;
  const root = text.slice(0, dot);
  const rest = text.slice(dot);
  let fn: ts.Node | undefined = read.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn || !isFunctionLike(fn) || !fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === root)) return false;
  // One answer per function and part: a handler may read its body thousands of times.
  let byPart = calledAfter.get(fn);
  if (!byPart) calledAfter.set(fn, (byPart = new Map()));
  let answer = byPart.get(text);
  if (answer === undefined) byPart.set(text, (answer = callersReplaced(fn, root, rest, guards) && (!calledOnlyHere || calledOnlyHere(fn))));
  return answer;
}

const calledAfter = new TreeMemo<FunctionLike, Map<string, boolean>>();

/** Whether every call of `fn` in its module hands it, as the parameter `root`, a request whose `rest` was replaced before the call. */
function callersReplaced(fn: FunctionLike, root: string, rest: string, guards: ReadonlyMap<string, GuardKind>): boolean {
  const sf = fn.getSourceFile();
  const index = fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === root);
  const name = functionName(fn);
  if (index < 0 || !name) return false;
  const refs = findRefs(name, sf, 0);
  let calls = 0;
  for (const ref of refs) {
    if (ref.pos >= fn.pos && ref.end <= fn.end) continue;
    if (isDeclarationName(ref, fn)) continue;
    const call = ref.parent;
    if (!call || !ts.isCallExpression(call) || call.expression !== ref) return false;
    const arg = call.arguments[index];
    if (!arg || !ts.isIdentifier(unwrap(arg))) return false;
    if (!replacedBefore(call, `${unwrap(arg).getText(sf)}${rest}`, guards)) return false;
    calls++;
  }
  return calls > 0;
}

function isDeclarationName(ref: ts.Identifier, fn: FunctionLike): boolean {
  const p = ref.parent;
  if (p === fn) return true;
  return !!p && ts.isVariableDeclaration(p) && p.name === ref && p.initializer !== undefined && unwrap(p.initializer) === fn;
}

/**
 * `const preNormalizedBody = { ...req.body }` taken before `req.body = scrapeRequestSchema.parse(req.body)` of the same
 * block: a copy of the input kept as its raw form. Every later use of the copy is either in a log line (before the parse
 * too: `logger.debug("…", { originalRequest: preNormalizedBody })`) or, after the parse, a read of one field
 * (`preNormalizedBody.url`): the raw form of a field the parse has just validated. The copy handed on whole after the
 * parse still carries the keys the schema does not name: not decided here.
 */
export function copiedBeforeParse(spread: ts.SpreadAssignment, guards: ReadonlyMap<string, GuardKind>): boolean {
  const obj = spread.parent;
  const decl = obj.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== obj || !ts.isIdentifier(decl.name)) return false;
  const stmt = decl.parent?.parent;
  const block = stmt?.parent;
  if (!stmt || !ts.isVariableStatement(stmt) || !block || !(ts.isBlock(block) || ts.isSourceFile(block))) return false;
  const sf = spread.getSourceFile();
  const text = unwrap(spread.expression).getText(sf);
  const replaced = replacementsIn(block, guards).find((r) => r.text === text && r.end > stmt.end);
  if (!replaced) return false;
  const refs = findRefs(decl.name.text, block, decl.name.end);
  for (const ref of refs) {
    if (loggedBeside(ref)) continue;
    if (ref.pos < replaced.end) return false;
    const p = ref.parent;
    if (!p || !ts.isPropertyAccessExpression(p) || p.expression !== ref) return false;
  }
  return true;
}
