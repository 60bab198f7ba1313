/**
 * A parse of text already in hand whose result only adds to a list or an object being built
 * (production Flowise):
 *
 *   try { const docs = JSON.parse(text); sourceDocuments.push(docs); } catch (e) { console.error("Error parsing source documents"); }
 *   try { const parsed = JSON.parse(dataStr); if (parsed.data) event.data = parsed.data; } catch (e) { console.error(e, dataStr); }
 *   try { for (const key of Object.keys(JSON.parse(raw))) options.push({ value: key }); } catch (e) { console.error(e); }
 *
 * The try only computes (no I/O, no wait, no setting read: pure-try.ts), answers nothing, and sets
 * no name declared before it: its only effect is an entry pushed onto a list, or a field written on
 * an object under a test of the parsed value (the field is set only when the text carries it). The catch only logs and falls through, so a malformed text
 * leaves that optional entry out and the log says which. A try that assigns the parse to a local
 * read afterwards (a setting that decides what happens next: `mcpActions = JSON.parse(raw)`), that
 * returns, writes a field whatever the parse holds (`obj.configuration = { defaultHeaders: parsed }`:
 * a client's options), or whose catch sets a stand-in stays reported.
 */
import { ts } from "../../engine/ts";
import { calleeName, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { exitsEarly, isLogStatement } from "./analysis";
import { emptyCatchOnlyComputes } from "./pure-try";

// Methods that add an entry to the collection they are called on.
const ADD_METHODS = new Set(["push", "unshift", "add", "set"]);
// `JSON.parse(text)`, `YAML.parse(text)`, `JSON5.parse(text)`: the parse of a text.
const PARSE_NAMES = new Set(["parse"]);

const isAssignment = (n: ts.Node): n is ts.BinaryExpression =>
  ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment;

/** The name a receiver chain starts from: `event` for `event.data`, `this` gives none. */
function rootName(e: ts.Expression): string | undefined {
  let c = e;
  while (ts.isPropertyAccessExpression(c) || ts.isElementAccessExpression(c) || ts.isNonNullExpression(c) || ts.isParenthesizedExpression(c)) c = c.expression;
  return ts.isIdentifier(c) ? c.text : undefined;
}

/** Whether `n` sits under an `if` (inside the try) whose test reads a name the try declared. */
function underOwnTest(n: ts.Node, tryBlock: ts.Block, own: ReadonlySet<string>): boolean {
  for (let p = n.parent; p && p !== tryBlock; p = p.parent) {
    if (!ts.isIfStatement(p)) continue;
    const root = rootName(p.expression);
    if (root !== undefined && own.has(root)) return true;
  }
  return false;
}

/** See the module comment. */
export function parseOnlyAddsEntries(sf: ts.SourceFile, tryStmt: ts.TryStatement, block: ts.Block): boolean {
  if (exitsEarly(block) || !block.statements.every(isLogStatement)) return false;
  const own = new Set<string>();
  let parses = false;
  let adds = false;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other || isFunctionLike(n)) return;
    if (ts.isVariableDeclaration(n)) {
      const names = (b: ts.BindingName): void => {
        if (ts.isIdentifier(b)) own.add(b.text);
        else for (const el of b.elements) if (!ts.isOmittedExpression(el)) names(el.name);
      };
      names(n.name);
    }
    if (ts.isForOfStatement(n) || ts.isForInStatement(n)) {
      const init = n.initializer;
      if (ts.isVariableDeclarationList(init)) for (const d of init.declarations) if (ts.isIdentifier(d.name)) own.add(d.name.text);
    }
    if (ts.isReturnStatement(n) || ts.isThrowStatement(n)) other = true;
    else if (isAssignment(n)) {
      const left = n.left;
      const root = rootName(left);
      if (ts.isIdentifier(left) ? !own.has(left.text) : root === undefined || !(ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left))) other = true;
      else if (!ts.isIdentifier(left) && !own.has(root!)) {
        // `if (parsed.data) event.data = parsed.data`: a field the code sets only when the parse has it.
        if (underOwnTest(n, tryStmt.tryBlock, own)) adds = true;
        else other = true;
      }
    } else if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) {
      if (!(ts.isIdentifier(n.operand) && own.has(n.operand.text))) other = true;
    } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const name = calleeName(n);
      if (name && PARSE_NAMES.has(name)) parses = true;
      const root = rootName(n.expression.expression);
      if (name && ADD_METHODS.has(name) && root !== undefined && !own.has(root)) adds = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(tryStmt.tryBlock);
  return parses && adds && !other && emptyCatchOnlyComputes(sf, tryStmt);
}
