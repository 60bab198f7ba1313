import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration, unparen } from "../../engine/ast";
import { references } from "./analysis";

/**
 * What an error-first callback does with its error on the path a failure takes (session 43, retired
 * held round 46's callback-style Express apps): `Saree.findOne(q, function (err, saree) { if (!err)
 * { … } })` does nothing when the lookup fails, whatever its success branch answers.
 */

/**
 * True when `name` is read in `node`, not counting a nested function or catch clause that names its
 * own error the same (`user.save(function (err) { … })` inside `User.findOne(q, function (err, user) {
 * … })`): its `err` is another error, and its parameter is no read of the outer one.
 */
export function readsOwn(node: ts.Node, name: string, skip?: (n: ts.Node) => boolean): boolean {
  return references(node, name, (n) => (skip?.(n) ?? false) || (n !== node && shadows(n, name)));
}

/** A function whose parameter, or a catch clause whose variable, binds `name` again. */
function shadows(n: ts.Node, name: string): boolean {
  if (isFunctionLikeDeclaration(n)) return n.parameters.some((p) => bindsName(p.name, name));
  return ts.isCatchClause(n) && n.variableDeclaration !== undefined && bindsName(n.variableDeclaration.name, name);
}

function bindsName(b: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(b)) return b.text === name;
  return b.elements.some((e) => !ts.isOmittedExpression(e) && bindsName(e.name, name));
}

type Truth = true | false | undefined;

/**
 * The value of a test when the error is set (a truthy `name`): `err`, `!err`, `err || rows.length === 0`,
 * `!err && user`, `err != null`; undefined where it depends on more (`err && err.code === "ENOENT"`,
 * `err.code`). `joined` is set when the error shares the test with another (`err || !user`).
 */
function truthWithError(e: ts.Expression, name: string, seen: { joined: boolean }): Truth {
  e = unparen(e);
  if (ts.isIdentifier(e)) return e.text === name ? true : undefined;
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    const t = truthWithError(e.operand, name, seen);
    return t === undefined ? undefined : !t;
  }
  if (!ts.isBinaryExpression(e)) return undefined;
  const op = e.operatorToken.kind;
  if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken) {
    const l = truthWithError(e.left, name, seen);
    const r = truthWithError(e.right, name, seen);
    const or = op === ts.SyntaxKind.BarBarToken;
    // `err || x`: true with the error; `!err && x`: false. The other operand decides the rest.
    if (l === or || r === or) {
      if (l === undefined || r === undefined) seen.joined = true;
      return or;
    }
    if (l !== undefined && r !== undefined) return or ? l || r : l && r;
    return undefined;
  }
  // `err != null`, `err !== undefined`, `null == err`.
  const nullish = (x: ts.Expression) => x.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(x) && x.text === "undefined");
  const named = (x: ts.Expression) => ts.isIdentifier(unparen(x)) && (unparen(x) as ts.Identifier).text === name;
  if ((named(e.left) && nullish(e.right)) || (named(e.right) && nullish(e.left))) {
    if (op === ts.SyntaxKind.ExclamationEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken) return true;
    if (op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsEqualsToken) return false;
  }
  return undefined;
}

function endsFlow(s: ts.Statement): boolean {
  if (ts.isReturnStatement(s) || ts.isThrowStatement(s)) return true;
  if (ts.isBlock(s)) return s.statements.length > 0 && endsFlow(s.statements[s.statements.length - 1]!);
  if (ts.isIfStatement(s)) return !!s.elseStatement && endsFlow(s.thenStatement) && endsFlow(s.elseStatement);
  return false;
}

export interface ErrorPath {
  /** The statements that run when the callback gets an error (a branch taken whole, its test left out). */
  statements: ts.Statement[];
  /** A test that decides the path joins the error with another test (`err || rows.length === 0`, `!err && user`). */
  joined: boolean;
  /** Every test that reads the error decides the path (none such as `err && err.code === "X"`). */
  decided: boolean;
}

/**
 * The path a failure takes through a callback's block: its statements in order, each `if` whose test
 * the error decides followed into the branch taken (`if (!err) { … }` with no else: nothing), up to a
 * `return` or `throw`. An `if` the error does not decide is taken whole.
 */
export function errorPath(body: ts.Block, name: string): ErrorPath {
  const out: ErrorPath = { statements: [], joined: false, decided: true };
  const walk = (stmts: readonly ts.Statement[]): boolean => {
    for (const s of stmts) {
      if (ts.isIfStatement(s) && readsOwn(s.expression, name)) {
        const seen = { joined: false };
        const t = truthWithError(s.expression, name, seen);
        if (t === undefined) {
          out.decided = false;
          out.statements.push(s);
          if (endsFlow(s)) return true;
          continue;
        }
        if (seen.joined) out.joined = true;
        const branch = t ? s.thenStatement : s.elseStatement;
        if (branch && walk(ts.isBlock(branch) ? branch.statements : [branch])) return true;
        continue;
      }
      out.statements.push(s);
      if (endsFlow(s)) return true;
    }
    return false;
  };
  walk(body.statements);
  return out;
}

const STATUS_CALLS = new Set(["status", "sendStatus", "code", "writeHead"]);

/**
 * An explicit failure: a `throw`, an answer with a status of 400 or more (`res.status(401).json(…)`),
 * a rejection (`reject(new Error("File not found"))`), a continuation handed a new error (`next(new
 * Error(…))`), a non-zero exit. What a test shared with a miss must answer to tell the failure
 * (`if (err || !payload) return res.status(401).json(…)`: a failed verify is the invalid token).
 */
export function answersExplicitFailure(node: ts.Node): boolean {
  const visit = (n: ts.Node): boolean => {
    if (n !== node && isFunctionLikeDeclaration(n)) return false;
    if (ts.isThrowStatement(n)) return true;
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      const a0 = n.arguments[0];
      if (name && STATUS_CALLS.has(name) && ts.isPropertyAccessExpression(callee) && a0 && ts.isNumericLiteral(a0) && Number(a0.text) >= 400) return true;
      if (name && /^(?:reject|rej|fail)$/.test(name) && a0) return true;
      if (name && /^(?:next|done|cb|callback)$/.test(name) && a0 && ts.isNewExpression(a0)) return true;
      if (name === "exit" && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "process" && a0 && !(ts.isNumericLiteral(a0) && a0.text === "0")) return true;
    }
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(node);
}
