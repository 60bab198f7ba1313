import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { emptyCatchOnlyComputes } from "./pure-try";

// Literal text of a message that says the value is not valid: "AI returned invalid JSON: …",
// "… contains an invalid CSS selector: …", "Malformed date …", "Could not parse …", and that it could
// not be read as what it should be: "Cannot resolve distinguishedName for the entry …" (a decode of the
// value in hand, production homarr's LDAP client), "Failed to decode …", "Cannot convert …"; and what
// the value must be: "… must be a date in YYYY-MM-DD format, received '…'", "… specifies defaultValue:
// … but values must be provided as a full-date ISO8601 string", "expected a number, got …" (production
// keystone's release script and field config); "API returned non-JSON response (…). Response preview: …"
// (session 44, retired held round 47's codeadvocateMCP token verifier).
const NOT_VALID_RE = /\b(?:invalid|malformed|non-?JSON|not (?:valid )?JSON|not (?:a )?valid|unparseable|unparsable|(?:could|can)(?:not|n't) (?:be )?(?:pars|decod|resolv|convert|interpret|normali[sz])\w*|failed to (?:parse|decode|resolve|convert|interpret|normali[sz]e)|(?:must|should) be|expected (?:an?|to be)\b)\b/i;

/** The identifier a chain starts from: `content` for `content.slice(0, 200)`, `opts.selector`. */
function rootName(e: ts.Expression): string | undefined {
  let cur = e;
  for (;;) {
    if (ts.isPropertyAccessExpression(cur) || ts.isElementAccessExpression(cur) || ts.isNonNullExpression(cur) || ts.isParenthesizedExpression(cur) || ts.isAsExpression(cur)) cur = cur.expression;
    else if (ts.isCallExpression(cur) && ts.isPropertyAccessExpression(cur.expression)) cur = cur.expression.expression;
    else return ts.isIdentifier(cur) ? cur.text : undefined;
  }
}

/** Names the try declares itself (`const $ = cheerio.load(…)`): not the input it was given. */
function declaredIn(block: ts.Block): Set<string> {
  const out = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) out.add(n.name.text);
    if (isFunctionLike(n)) return;
    ts.forEachChild(n, visit);
  };
  visit(block);
  return out;
}

/** Whether `name` is read in the block (a reference, not a declaration or a property name). */
function reads(block: ts.Node, name: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && n.text === name && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) && !(ts.isVariableDeclaration(n.parent) && n.parent.name === n)) found = true;
    ts.forEachChild(n, visit);
  };
  visit(block);
  return found;
}

/**
 * `try { parsed = JSON.parse(content); } catch { throw new Error(\`AI returned invalid JSON:
 * ${content.slice(0, 200)}\`); }`, `try { cheerio.load("<div></div>")(selector); } catch { throw new
 * Error(\`${path} contains an invalid CSS selector: "${selector}"\`); }`: a try that only computes on
 * values in hand (the emptyCatch convention's test), and a new error whose message says the value is
 * not valid and carries that value itself (a name the try reads and did not declare). The failure is
 * the value's format, and the message holds the value: the parser's own error (a position in it)
 * is all the cause would add (held round 32, decided clean). A fixed message (`"INVALID_AI_JSON"`,
 * held round 28) or one without the value stays reported; so does any try that may do I/O.
 */
export function rejectsInputItCarries(clause: ts.CatchClause, ne: ts.NewExpression | ts.CallExpression): boolean {
  const msg = ne.arguments?.[0];
  if (!msg || !ts.isTemplateExpression(msg)) return false;
  const literal = [msg.head.text, ...msg.templateSpans.map((s) => s.literal.text)].join(" ");
  if (!NOT_VALID_RE.test(literal)) return false;
  const tryStmt = clause.parent as ts.TryStatement;
  const own = declaredIn(tryStmt.tryBlock);
  const carries = msg.templateSpans.some((s) => {
    const name = rootName(s.expression);
    return name !== undefined && !own.has(name) && reads(tryStmt.tryBlock, name);
  });
  return carries && emptyCatchOnlyComputes(clause.getSourceFile(), tryStmt);
}

/** `this.stats.consecutiveFailures++`, `failures += 1`: the text of what a statement counts up, else undefined. */
function countedUp(n: ts.Node): string | undefined {
  if ((ts.isPostfixUnaryExpression(n) || ts.isPrefixUnaryExpression(n)) && n.operator === ts.SyntaxKind.PlusPlusToken) return n.operand.getText();
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && ts.isNumericLiteral(n.right)) return n.left.getText();
  return undefined;
}

/**
 * `this.stats.consecutiveFailures++; … if (this.stats.consecutiveFailures >= MAX_FAILURES) { log(…);
 * throw new Error(\`Migration stopped due to ${MAX_FAILURES} consecutive failures\`); }`: a circuit
 * breaker. The catch counts each failure and stops the run once the count reaches a limit; the new
 * error is about the run of failures, not a replacement of this one (held round 32, decided clean).
 * The test must compare the very counter the catch counts up before the throw.
 */
export function stopsAfterCountedFailures(clause: ts.CatchClause, t: ts.ThrowStatement): boolean {
  const counted = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (n === t || isFunctionLike(n)) return;
    const c = countedUp(n);
    if (c !== undefined && n.getStart() < t.getStart()) counted.add(c.replace(/\s+/g, ""));
    ts.forEachChild(n, visit);
  };
  visit(clause.block);
  if (counted.size === 0) return false;
  for (let n: ts.Node = t; n.parent && n !== clause.block; n = n.parent) {
    const p = n.parent;
    if (!ts.isIfStatement(p) || p.thenStatement !== n) continue;
    const c = p.expression;
    if (!ts.isBinaryExpression(c) || (c.operatorToken.kind !== ts.SyntaxKind.GreaterThanEqualsToken && c.operatorToken.kind !== ts.SyntaxKind.GreaterThanToken)) continue;
    if (counted.has(c.left.getText().replace(/\s+/g, ""))) return true;
  }
  return false;
}

/** `if (parseError instanceof ExternalApiError) throw parseError;`: the catch passes on errors of class `cls` as they are. */
function passesOnItsOwnClass(clause: ts.CatchClause, errName: string, cls: string): boolean {
  return clause.block.statements.some((st) => {
    if (!ts.isIfStatement(st) || !ts.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.InstanceOfKeyword) return false;
    const { left, right } = st.expression;
    if (!ts.isIdentifier(left) || left.text !== errName || !ts.isIdentifier(right) || right.text !== cls) return false;
    const then = ts.isBlock(st.thenStatement) && st.thenStatement.statements.length === 1 ? st.thenStatement.statements[0]! : st.thenStatement;
    return ts.isThrowStatement(then) && !!then.expression && ts.isIdentifier(then.expression) && then.expression.text === errName;
  });
}

/**
 * `try { const errorJson = JSON.parse(errorText); …; throw new ExternalApiError(msg, errorJson, status); }
 * catch (parseError) { if (parseError instanceof ExternalApiError) throw parseError; …; throw new
 * ExternalApiError(msg, { raw: errorText }, status); }`: the catch passes the try's own errors on as they
 * are, and the new error, of the same class, carries the text whose `JSON.parse` failed (a failed
 * reply's body): the parser's error adds only a position to the text kept (session 44, retired held
 * round 47's codeadvocateMCP HTTP client, decided clean). A new error of another class, or one that
 * does not carry the parsed text, stays reported.
 */
export function keepsTheTextItParsed(clause: ts.CatchClause, ne: ts.NewExpression | ts.CallExpression, errName: string | undefined): boolean {
  if (!errName || !ts.isNewExpression(ne) || !ts.isIdentifier(ne.expression) || !passesOnItsOwnClass(clause, errName, ne.expression.text)) return false;
  const tryBlock = (clause.parent as ts.TryStatement).tryBlock;
  const own = declaredIn(tryBlock);
  const parsed = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isCallExpression(n) && n.expression.getText() === "JSON.parse" && n.arguments[0] && ts.isIdentifier(n.arguments[0]) && !own.has(n.arguments[0].text)) parsed.add(n.arguments[0].text);
    ts.forEachChild(n, visit);
  };
  visit(tryBlock);
  return [...parsed].some((name) => (ne.arguments ?? []).some((a) => reads(a, name)));
}
