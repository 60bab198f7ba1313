import { calleeName, hasDirective, leaves, unwrap } from "../../engine/ast";

// Shared with the other families from the engine; re-exported for this family's modules.
export { hasDirective, leaves, unwrap };
import { ts } from "../../engine/ts";
import { TreeMemo } from "../../engine/tree-memo";

/** Functions whose parameters can hold external input. */
export type FunctionLike = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration | ts.MethodDeclaration;

export function isFunctionLike(node: ts.Node): node is FunctionLike {
  const k = node.kind;
  return k === ts.SyntaxKind.ArrowFunction || k === ts.SyntaxKind.FunctionExpression || k === ts.SyntaxKind.FunctionDeclaration || k === ts.SyntaxKind.MethodDeclaration;
}

/** The `return` statements of a function body, not those of the functions nested in it. */
export function ownReturns(body: ts.Node): ts.ReturnStatement[] {
  const returns: ts.ReturnStatement[] = [];
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isReturnStatement(n)) returns.push(n);
    else ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return returns;
}

/** True for nodes that carry a value through unchanged (parens, casts, `!`, `await`, `satisfies`). */
export function isWrapper(node: ts.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.ParenthesizedExpression:
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.TypeAssertionExpression:
    case ts.SyntaxKind.NonNullExpression:
    case ts.SyntaxKind.SatisfiesExpression:
    case ts.SyntaxKind.AwaitExpression:
      return true;
    default:
      return false;
  }
}

/** Climbs from `expr` through wrappers and `??`/`||` defaults to the node whose parent uses the value. */
export function climb(expr: ts.Node): ts.Node {
  let cur = expr;
  for (let i = 0; i < 50; i++) {
    const p = cur.parent;
    if (!p) return cur;
    if (isWrapper(p)) {
      cur = p;
      continue;
    }
    if (ts.isBinaryExpression(p)) {
      const op = p.operatorToken.kind;
      if (op === ts.SyntaxKind.QuestionQuestionToken || (op === ts.SyntaxKind.BarBarToken && !isConditionPosition(p))) {
        cur = p;
        continue;
      }
    }
    if (ts.isConditionalExpression(p) && p.condition !== cur) {
      cur = p;
      continue;
    }
    return cur;
  }
  return cur;
}


/** A read whose field is only tested (`if (req.query.search)`, `if (!data.prompt)`): nothing is taken from it. */
export function onlyTested(read: ts.Node): boolean {
  let cur = read;
  while (cur.parent && (ts.isPropertyAccessExpression(cur.parent) || ts.isElementAccessExpression(cur.parent)) && cur.parent.expression === cur) cur = cur.parent;
  return isConditionPosition(climb(cur));
}

/** True when the expression is tested for truthiness (if/while/ternary condition, `!`, `&&`). */
export function isConditionPosition(node: ts.Node): boolean {
  const p = node.parent;
  if (!p) return false;
  if ((ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) && p.expression === node) return true;
  if (ts.isConditionalExpression(p) && p.condition === node) return true;
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return true;
  if (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || isConditionPosition(p);
  }
  if (ts.isParenthesizedExpression(p)) return isConditionPosition(p);
  return false;
}

/** The nearest enclosing function of a node (not the node itself). */
export function enclosingFunction(node: ts.Node): FunctionLike | undefined {
  for (let p = node.parent; p; p = p.parent) if (isFunctionLike(p)) return p;
  return undefined;
}

/**
 * The branch of a dispatch on a literal that `node` lies in, inside `fn`: the body of `if (action ===
 * "create-user") { … }` (also one side of `||`, every side of `&&`: `method === "POST" && path ===
 * "/users"`, or a route prefix: `path.startsWith("/users/")`) or a `case "create-user":` clause. Each such branch
 * answers its own kind of request, so an input read in two of them is two inputs. The innermost
 * one's position, or -1 when there is none.
 */
export function dispatchBranchOf(node: ts.Node, fn: ts.Node): number {
  let prev: ts.Node = node;
  for (let p = node.parent; p && p !== fn; prev = p, p = p.parent) {
    if (ts.isIfStatement(p) && p.thenStatement === prev && comparesToLiteral(p.expression)) return prev.pos;
    if (ts.isCaseClause(p) && ts.isStringLiteralLike(p.expression)) return p.pos;
  }
  return -1;
}

/**
 * The `then` branch of an `if` on a literal (see {@link dispatchBranchOf}) that `node` lies in and that leaves
 * the function (`if (data.startsWith("resume:")) { await resume(ctx, data); return; }`), inside `fn`: what the
 * code decides there holds on that path only.
 */
export function leavingDispatchBranch(node: ts.Node, fn: ts.Node): ts.Statement | undefined {
  let prev: ts.Node = node;
  for (let p = node.parent; p && p !== fn; prev = p, p = p.parent) {
    if (ts.isIfStatement(p) && p.thenStatement === prev && comparesToLiteral(p.expression)) return leaves(p.thenStatement) ? p.thenStatement : undefined;
  }
  return undefined;
}

function comparesToLiteral(cond: ts.Expression): boolean {
  const e = unwrap(cond);
  // `url.pathname.startsWith("/subscriptions/")`: a route prefix.
  if (ts.isCallExpression(e)) return calleeName(e) === "startsWith" && ts.isPropertyAccessExpression(e.expression) && e.arguments.length === 1 && ts.isStringLiteralLike(e.arguments[0]!);
  if (!ts.isBinaryExpression(e)) return false;
  const op = e.operatorToken.kind;
  // `request.method === "POST" && url.pathname === "/connect/telegram"`: a method and a route.
  if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken) return comparesToLiteral(e.left) && comparesToLiteral(e.right);
  if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return false;
  return ts.isStringLiteralLike(unwrap(e.left)) || ts.isStringLiteralLike(unwrap(e.right));
}

/** Name text of a property name / identifier, or undefined for computed names. */
export function nameText(name: ts.Node | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

/** The receiver segments of a call's callee, outermost first (`this.db.user.create` → ["this","db","user"]). */
export function receiverSegments(call: ts.CallExpression | ts.NewExpression): string[] {
  const out: string[] = [];
  let e: ts.Expression = call.expression;
  if (!ts.isPropertyAccessExpression(e)) return out;
  e = e.expression;
  for (let i = 0; i < 12; i++) {
    e = unwrap(e);
    if (ts.isPropertyAccessExpression(e)) {
      out.unshift(e.name.text);
      e = e.expression;
    } else if (ts.isIdentifier(e)) {
      out.unshift(e.text);
      break;
    } else if (e.kind === ts.SyntaxKind.ThisKeyword) {
      out.unshift("this");
      break;
    } else if (ts.isCallExpression(e)) {
      const n = calleeName(e);
      if (n) out.unshift(n);
      e = e.expression;
      if (ts.isPropertyAccessExpression(e)) e = e.expression;
      else break;
    } else break;
  }
  return out;
}

/** Parameter declaring `name` in `fn`, when it is a plain identifier parameter. */
export function paramNamed(fn: FunctionLike, name: string): ts.ParameterDeclaration | undefined {
  for (const p of fn.parameters) if (ts.isIdentifier(p.name) && p.name.text === name) return p;
  return undefined;
}

/** The initializer of the plain (not destructured) `const` that `id` names: `const dir = getConfigDir()` for `dir`. */
export function constInitializer(id: ts.Identifier): ts.Expression | undefined {
  const b = findBinding(id);
  return b?.kind === "var" && !b.element && b.decl.initializer && (ts.getCombinedNodeFlags(b.decl) & ts.NodeFlags.Const) !== 0 ? b.decl.initializer : undefined;
}

/**
 * Where an identifier is declared, looking only at enclosing function parameters and
 * variable declarations of enclosing blocks (cheap lexical lookup, no checker).
 */
export type Binding =
  | { kind: "param"; fn: FunctionLike; param: ts.ParameterDeclaration; index: number; element?: ts.BindingElement }
  | { kind: "var"; decl: ts.VariableDeclaration; element?: ts.BindingElement }
  | { kind: "forOf"; stmt: ts.ForOfStatement; decl: ts.VariableDeclaration };

function bindingInName(name: ts.BindingName, id: string): ts.BindingElement | true | undefined {
  if (ts.isIdentifier(name)) return name.text === id ? true : undefined;
  for (const el of name.elements) {
    if (ts.isOmittedExpression(el)) continue;
    const r = bindingInName(el.name, id);
    if (r === true) return el;
    if (r) return r;
  }
  return undefined;
}

export function findBinding(id: ts.Identifier): Binding | undefined {
  const name = id.text;
  let prev: ts.Node = id;
  for (let p = id.parent; p; prev = p, p = p.parent) {
    if (isFunctionLike(p)) {
      for (let i = 0; i < p.parameters.length; i++) {
        const param = p.parameters[i]!;
        const r = bindingInName(param.name, name);
        if (r) return { kind: "param", fn: p, param, index: i, element: r === true ? undefined : r };
      }
    }
    if (ts.isForOfStatement(p) && prev !== p.expression && ts.isVariableDeclarationList(p.initializer)) {
      const d = p.initializer.declarations[0];
      if (d && bindingInName(d.name, name)) return { kind: "forOf", stmt: p, decl: d };
    }
    if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isCaseClause(p) || ts.isModuleBlock(p)) {
      const statements = p.statements;
      const index = statements.length > INDEX_FROM ? blockIndexes.get(statements) : undefined;
      if (index instanceof Map) {
        const first = index.get(name);
        if (first && first.st.pos < id.pos) return { kind: "var", decl: first.decl, element: first.element };
        continue;
      }
      let read = 0;
      for (const st of statements) {
        read++;
        if (st.pos >= id.pos) break;
        if (!ts.isVariableStatement(st)) continue;
        for (const d of st.declarationList.declarations) {
          const r = bindingInName(d.name, name);
          if (r) {
            noteScan(statements, index, read);
            return { kind: "var", decl: d, element: r === true ? undefined : r };
          }
        }
      }
      noteScan(statements, index, read);
    }
  }
  return undefined;
}

/** Lists up to this long are always read one statement at a time. */
const INDEX_FROM = 16;

/** Statements findBinding has read one by one, and statements it has indexed (tests count work with them). */
export const bindingWork = { statements: 0, indexed: 0 };

interface FirstBinding {
  st: ts.Statement;
  decl: ts.VariableDeclaration;
  element: ts.BindingElement | undefined;
}

/** Per long statement list: how many statements lookups have read in it so far, then its index. */
const blockIndexes = new TreeMemo<ts.NodeArray<ts.Statement>, number | Map<string, FirstBinding>>();

/**
 * Counts what a lookup read in a long list; once the lookups of a list have read twice its length,
 * the list is indexed (a module of thousands of top-level statements was read up to each
 * identifier looked up in it: quadratic). A list looked up a few times is never indexed, which
 * would cost more than reading it.
 */
function noteScan(statements: ts.NodeArray<ts.Statement>, before: number | undefined, read: number): void {
  bindingWork.statements += read;
  if (statements.length <= INDEX_FROM) return;
  const total = (before ?? 0) + read;
  blockIndexes.set(statements, total > 2 * statements.length ? blockIndex(statements) : total);
}

/**
 * The first `var`/`let`/`const` of a statement list binding each name, as the statement scan finds
 * it (declarations in order, a pattern's elements depth first).
 */
function blockIndex(statements: ts.NodeArray<ts.Statement>): Map<string, FirstBinding> {
  const index = new Map<string, FirstBinding>();
  bindingWork.indexed += statements.length;
  for (const st of statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const decl of st.declarationList.declarations) indexNames(decl.name, undefined, st, decl, index);
  }
  return index;
}

function indexNames(name: ts.BindingName, element: ts.BindingElement | undefined, st: ts.Statement, decl: ts.VariableDeclaration, index: Map<string, FirstBinding>): void {
  if (ts.isIdentifier(name)) {
    if (!index.has(name.text)) index.set(name.text, { st, decl, element });
    return;
  }
  for (const el of name.elements) if (!ts.isOmittedExpression(el)) indexNames(el.name, el, st, decl, index);
}

/**
 * Every reference identifier of a file by name, in source order: built in one walk on the first
 * question, then each `findRefs` is a binary search and a check of the matches' ancestors. A scan
 * of the scope per question made a destructuring of thousands of fields quadratic (each field
 * asked for its references: 2,000 query fields appended to a URL took 2.6 s, 4,000 took 6.8 s).
 */
const fileRefs = new TreeMemo<ts.SourceFile, Map<string, ts.Identifier[]>>();

function refIndex(sf: ts.SourceFile): Map<string, ts.Identifier[]> {
  let index = fileRefs.get(sf);
  if (index) return index;
  index = new Map();
  const stack: ts.Node[] = [sf];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === ts.SyntaxKind.Identifier) {
      const id = node as ts.Identifier;
      if (isReference(id)) {
        const list = index.get(id.text);
        if (list) list.push(id);
        else index.set(id.text, [id]);
      }
      continue;
    }
    // Push the children, then reverse them in place so they pop in source order.
    const base = stack.length;
    ts.forEachChild(node, (c) => {
      stack.push(c);
    });
    for (let i = base, j = stack.length - 1; i < j; i++, j--) {
      const t = stack[i]!;
      stack[i] = stack[j]!;
      stack[j] = t;
    }
  }
  fileRefs.set(sf, index);
  return index;
}

/**
 * References to the identifier `name` after `after` inside `scope`, in source order. Nested
 * functions that redeclare the name as a parameter are skipped.
 */
export function findRefs(name: string, scope: ts.Node, after: number): ts.Identifier[] {
  const all = refIndex(scope.getSourceFile()).get(name);
  if (!all) return [];
  const from = Math.max(after, scope.pos);
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (all[mid]!.pos < from) lo = mid + 1;
    else hi = mid;
  }
  const out: ts.Identifier[] = [];
  for (let i = lo; i < all.length && all[i]!.end <= scope.end; i++) {
    const id = all[i]!;
    if (seenFrom(id, scope, name)) out.push(id);
  }
  return out;
}

/** True when `id` lies inside `scope` and no function between them declares `name` as a parameter. */
function seenFrom(id: ts.Identifier, scope: ts.Node, name: string): boolean {
  for (let p = id.parent; p; p = p.parent) {
    if (p === scope) return true;
    if (isFunctionLike(p) && p.parameters.some((q) => bindingInName(q.name, name))) return false;
  }
  return false;
}

function isReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p)) && p.name === id) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p)) && p.name === id) return false;
  if (ts.isBindingElement(p) && (p.name === id || p.propertyName === id)) return false;
  if (ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isExportSpecifier(p)) return false;
  if (ts.isTypeReferenceNode(p) || ts.isQualifiedName(p) || ts.isLabeledStatement(p)) return false;
  return true;
}

/**
 * Scope in which a variable declaration's name is visible: the enclosing block for `let`/`const`
 * (two `const id = …` in sibling `if` branches are two variables), else the function body or the file.
 */
export function scopeOf(node: ts.Node): ts.Node {
  let decl: ts.Node = node;
  while (decl.parent && (ts.isBindingElement(decl) || ts.isObjectBindingPattern(decl) || ts.isArrayBindingPattern(decl))) decl = decl.parent;
  const list = ts.isVariableDeclaration(decl) ? decl.parent : undefined;
  const blockScoped = !!list && ts.isVariableDeclarationList(list) && (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) !== 0;
  for (let p = node.parent; p; p = p.parent) {
    if (isFunctionLike(p)) return p.body ?? p;
    if (ts.isSourceFile(p)) return p;
    if (blockScoped && (ts.isBlock(p) || ts.isCaseBlock(p) || ts.isForStatement(p) || ts.isForOfStatement(p) || ts.isForInStatement(p) || ts.isModuleBlock(p))) return p;
  }
  return node.getSourceFile();
}

/** Short, one-line source text for messages. */
export function shortText(node: ts.Node, sf: ts.SourceFile, max = 40): string {
  const t = node.getText(sf).replace(/\s+/g, " ");
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The call that a function is passed to as an argument, with the argument index. */
export function callOfArgument(fn: ts.Node): { call: ts.CallExpression; index: number } | undefined {
  let cur = fn;
  while (cur.parent && ts.isParenthesizedExpression(cur.parent)) cur = cur.parent;
  const p = cur.parent;
  if (p && ts.isCallExpression(p)) {
    const index = p.arguments.indexOf(cur as ts.Expression);
    if (index >= 0) return { call: p, index };
  }
  return undefined;
}

/** Name under which a function is declared or assigned (`function f`, `const f = () =>`, `exports.f =`, `{ f() {} }`, a class field `f = async () =>`). */
export function functionName(fn: FunctionLike): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name) return nameText(fn.name);
  const p = fn.parent;
  if (!p) return undefined;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isPropertyAssignment(p) || (ts.isPropertyDeclaration(p) && p.initializer === fn)) return nameText(p.name);
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(p.left)) return p.left.name.text;
  return undefined;
}

/** True when the function is exported (`export function`, `export const f =`, `exports.f =`, `module.exports.f =`). */
export function isExportedFunction(fn: FunctionLike): boolean {
  const mods = ts.canHaveModifiers(fn) ? ts.getModifiers(fn) : undefined;
  if (mods?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return true;
  const p = fn.parent;
  if (p && ts.isVariableDeclaration(p)) {
    const stmt = p.parent?.parent;
    if (stmt && ts.isVariableStatement(stmt)) return !!ts.getModifiers(stmt)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  }
  if (p && ts.isBinaryExpression(p) && ts.isPropertyAccessExpression(p.left)) {
    const t = p.left.expression;
    return (ts.isIdentifier(t) && t.text === "exports") || (ts.isPropertyAccessExpression(t) && t.name.text === "exports");
  }
  if (p && ts.isExportAssignment(p)) return true;
  return false;
}

/**
 * A function declared at the module's top level whose name an export list of the module names:
 * `const chat = async (…) => {…}; export { chat, jsonChat as json }` (no `from`), or CommonJS
 * `module.exports = { chat }` (`exports = { chat }`, also `chat: chat`).
 */
export function listedInExport(fn: FunctionLike): boolean {
  const name = functionName(fn);
  const decl = ts.isFunctionDeclaration(fn) ? fn : fn.parent && ts.isVariableDeclaration(fn.parent) && fn.parent.initializer === fn ? fn.parent.parent?.parent : undefined;
  const sf = fn.getSourceFile();
  if (!name || !decl || decl.parent !== sf) return false;
  return sf.statements.some((st) => {
    if (ts.isExportDeclaration(st)) return !st.moduleSpecifier && !st.isTypeOnly && !!st.exportClause && ts.isNamedExports(st.exportClause) && st.exportClause.elements.some((el) => !el.isTypeOnly && (el.propertyName ?? el.name).text === name);
    const e = ts.isExpressionStatement(st) ? st.expression : undefined;
    if (!e || !ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isObjectLiteralExpression(e.right)) return false;
    const target = e.left.getText(sf);
    if (target !== "module.exports" && target !== "exports") return false;
    return e.right.properties.some((pr) => (ts.isShorthandPropertyAssignment(pr) && pr.name.text === name) || (ts.isPropertyAssignment(pr) && ts.isIdentifier(pr.initializer) && pr.initializer.text === name));
  });
}

/** Type name written on a parameter (`req: Request<…>` → `Request`, `e: Koa.Context` → `Context`). */
export function typeNameOf(param: ts.ParameterDeclaration | undefined): string | undefined {
  const t = param?.type;
  if (!t) return undefined;
  if (ts.isTypeReferenceNode(t)) return ts.isIdentifier(t.typeName) ? t.typeName.text : t.typeName.right.text;
  return undefined;
}

/** The operands of an `||` chain, parentheses taken off (`!a || (!b || c)` → `!a`, `!b`, `c`), or the expression itself. */
export function orOperands(e: ts.Expression): ts.Expression[] {
  const x = unwrap(e);
  if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.BarBarToken) return [...orOperands(x.left), ...orOperands(x.right)];
  return [x];
}

/**
 * Whether an `if` with no `else` whose branch leaves (see {@link leaves}), before `p` in its block or an
 * enclosing one of its function (the file's top level too), passes `test`; the innermost block first.
 */
export function leavingIfBefore(p: ts.Node, test: (st: ts.IfStatement) => boolean): boolean {
  let cur: ts.Node = p;
  for (let n = p.parent; n && !isFunctionLike(n); cur = n, n = n.parent) {
    if (!ts.isBlock(n) && !ts.isSourceFile(n)) continue;
    for (const st of n.statements) {
      if (st.pos >= cur.pos) break;
      if (ts.isIfStatement(st) && !st.elseStatement && leaves(st.thenStatement) && test(st)) return true;
    }
  }
  return false;
}

/** A `throw` in the block, outside nested functions. */
export function containsThrow(block: ts.Block): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isThrowStatement(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  ts.forEachChild(block, visit);
  return found;
}

/** The function a middleware factory returns (`(schema) => async (req, res, next) => …`, or one `return` of a function). */
export function returnedFunction(factory: FunctionLike): FunctionLike | undefined {
  const body = factory.body;
  if (!body) return undefined;
  if (!ts.isBlock(body)) {
    const r = unwrap(body);
    return isFunctionLike(r) ? r : undefined;
  }
  const returns = body.statements.filter(ts.isReturnStatement);
  const r = returns.length === 1 && returns[0]!.expression ? unwrap(returns[0]!.expression) : undefined;
  return r && isFunctionLike(r) ? r : undefined;
}
