/**
 * A parse of text already in hand whose failure is warned with that text (held round 28, made a
 * rule in session 32 from the retired held round 35):
 *
 *   let jsonStr = rawText; const m = rawText.match(/```json([\s\S]*?)```/); if (m) jsonStr = m[1];
 *   try { const data = JSON.parse(jsonStr); parsed = Array.isArray(data) ? data : [data]; }
 *   catch { console.warn(`JSON parse failed: ${rawText.slice(0, 400)}`); return []; }
 *
 * The try only parses (no I/O, no wait): what lands in the catch is text that is not JSON, and the
 * log line keeps that text for whoever reads it. Answering "no results" for it is the function's
 * choice, not a lost outage.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { classifyValue, isLogStatement, logCallOf, references } from "./analysis";
import { protectedRegionDoesIO } from "./pure-try";
import { enclosingFunction } from "./scope";

const PARSE_RE = /^(?:JSON|JSON5|superjson)\.parse$/;
// Text that is a setting or a stored entry is not data in hand: a typo in a setting, a corrupt
// entry that stays, are reported as before (the docs' setting and storage rules).
const STORED_RE = /\b(?:process|Deno|Bun)\.env\b|\bimport\.meta\.env\b|\b(?:local|session)Storage\b|getItem|readFile|\bcookies?\b/;

/** The calls of the try: `JSON.parse` of a name, `Array.isArray`; undefined when any other call is made. */
function parsedNames(tryBlock: ts.Block): Set<string> | undefined {
  const names = new Set<string>();
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (isFunctionLike(n) || ts.isAwaitExpression(n) || ts.isYieldExpression(n) || ts.isNewExpression(n) || ts.isTaggedTemplateExpression(n)) {
      other = true;
      return;
    }
    if (ts.isCallExpression(n)) {
      const callee = n.expression.getText();
      if (PARSE_RE.test(callee) && n.arguments.length === 1 && ts.isIdentifier(n.arguments[0]!)) names.add(n.arguments[0].text);
      else if (callee !== "Array.isArray") {
        other = true;
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(tryBlock);
  return other || names.size === 0 ? undefined : names;
}

/**
 * `let jsonStr = rawText;` then `jsonStr = m[1].trim()`: the names the parsed text was made from, one
 * step back; undefined when any of them is a setting or a stored entry.
 */
function sourcesOf(fn: ts.Node, names: Set<string>): Set<string> | undefined {
  const sources = new Set(names);
  const made: ts.Expression[] = [];
  const madeOf = (wanted: ReadonlySet<string>): void => {
    const visit = (n: ts.Node): void => {
      const e = ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && wanted.has(n.name.text) ? n.initializer
        : ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left) && wanted.has(n.left.text) ? n.right
        : undefined;
      if (e) made.push(e);
      ts.forEachChild(n, visit);
    };
    visit(fn);
  };
  madeOf(names);
  const back = new Set(made.filter(ts.isIdentifier).map((e) => e.text).filter((t) => !names.has(t)));
  for (const b of back) sources.add(b);
  madeOf(back);
  return made.some((e) => STORED_RE.test(e.getText())) ? undefined : sources;
}

/**
 * The try waits on nothing and calls nothing but `JSON.parse` of a name (and `Array.isArray`); the
 * catch logs, one log line holding that text (or the text it was copied from), and answers an
 * empty value (`return []`, `null`, a bare `return`).
 */
export function warnsUnparsedText(clause: ts.CatchClause): boolean {
  const stmts = clause.block.statements;
  const rest = stmts.filter((st) => !isLogStatement(st));
  const exit = rest[0];
  if (rest.length !== 1 || !exit || !ts.isReturnStatement(exit) || classifyValue(exit.expression) !== "default") return false;
  if (exit.expression && !/^(?:\[\]|\{\}|null|undefined|""|'')$/.test(exit.expression.getText().replace(/\s+/g, ""))) return false;
  const tryStmt = clause.parent as ts.TryStatement;
  const names = parsedNames(tryStmt.tryBlock);
  const fn = enclosingFunction(clause);
  if (!names || !fn?.body) return false;
  const sources = sourcesOf(fn.body, names);
  if (!sources) return false;
  const keepsText = stmts.some((st) => {
    const log = isLogStatement(st) ? logCallOf((st as ts.ExpressionStatement).expression) : undefined;
    return log !== undefined && log.arguments.some((a) => [...sources].some((s) => references(a, s)));
  });
  return keepsText && !protectedRegionDoesIO(tryStmt.tryBlock, { sf: clause.getSourceFile() });
}
