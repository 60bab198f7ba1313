import { ts } from "../../engine/ts";
import { calleeName, isFunctionLikeDeclaration as isFunctionLike, topLevelFunction } from "../../engine/ast";
import { saysFailure, shapeOf, type Shape } from "./analysis";
import { scopeOf } from "./scope";

/** The literal text a template or string starts with: `🍌 Bot: ${x}` gives `🍌 Bot:`. */
function head(e: ts.Expression): string | undefined {
  if (ts.isTemplateExpression(e)) return e.head.text.trim();
  if (ts.isNoSubstitutionTemplateLiteral(e) || ts.isStringLiteral(e)) return e.text.trim();
  return undefined;
}

/**
 * `try { … return \`🍌 Bot: ${m.content}\`; } catch (e) { log(e); return \`🍌 Bot: Quick answer to
 * "${prompt}"\`; }`: the catch answers text made like the try's own answer (it opens with the
 * literal text, at least a word, that a template the try returns opens with) and does not say it
 * failed. The caller shows it as if the service had replied.
 * The shape of the catch without that return, with the return as its value: `log` when it logs
 * first, `default` when it does nothing else.
 */
export function fakeAnswerShape(clause: ts.CatchClause, errName: string | undefined): Shape | undefined {
  const stmts = clause.block.statements;
  const last = stmts[stmts.length - 1];
  if (!last || !ts.isReturnStatement(last) || !last.expression || !ts.isTemplateExpression(last.expression)) return undefined;
  const mine = head(last.expression);
  if (!mine || saysFailure(last.expression.getText())) return undefined;
  let same = false;
  const visit = (n: ts.Node): void => {
    if (same || isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) {
      // The try's opening, which the catch's text goes on from (`🍌 Bot: ${text}` and `🍌 Bot: Quick answer…`).
      const theirs = head(n.expression);
      if (theirs && /\w{2,}/u.test(theirs) && mine.startsWith(theirs) && ts.isTemplateExpression(n.expression)) same = true;
    }
    ts.forEachChild(n, visit);
  };
  visit((clause.parent as ts.TryStatement).tryBlock);
  if (!same) return undefined;
  const rest = shapeOf(stmts.slice(0, -1), errName);
  if (!rest) return undefined;
  if (rest.kind === "log") return rest;
  return rest.kind === "empty" ? { kind: "default", value: last } : undefined;
}

/**
 * `try { return await redis.sIsMember("flows", name); } catch (e) { log(e); return false; }`: the
 * try answers a boolean it reads from a store or a service (every `return` of the try returns the
 * answer of a query of a state: `exists`, `sIsMember`, `hasRole`), and `false` is one of its normal answers ("no such flow"), not a failure flag
 * (`try { await send(); return true; } catch { return false; }`, where `true` says it worked,
 * nor a check of a connection or credentials, `return await client.verify()`, whose `false` says so):
 * the failure reads as "no" (held round 23). The shape of the catch without the return: `log`
 * when it logs; a bare `return false` stays unjudged.
 */
// A check whose `true` says something works (`validateCredentials()`, `storefront.verify()`, a
// `testConnection` or `ping`): its `false` is the failure answer a health check gives.
// A query of a state whose `false` is a normal answer: `sIsMember`, `exists`, `hasRole`, `isBlocked`
// (an action's `true`, `sms.send(…)` answering "sent", makes its `false` the failure flag).
const QUERY_NAME_RE = /^(?:is[A-Z]|has(?:[A-Z]|$)|exists?$|s[iI]s[mM]ember$|h[eE]xists$|contains|includes$|can[A-Z])|Exists$/;
const CHECK_NAME_RE = /verif|valid|test|check|ping|health|connect|auth|login|sign/i;

export function falseAnswerShape(clause: ts.CatchClause, errName: string | undefined): Shape | undefined {
  const stmts = clause.block.statements;
  const last = stmts[stmts.length - 1];
  if (!last || !ts.isReturnStatement(last) || last.expression?.kind !== ts.SyntaxKind.FalseKeyword) return undefined;
  let calls = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other || isFunctionLike(n)) return;
    if (ts.isReturnStatement(n)) {
      let e = n.expression;
      while (e && (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e))) e = e.expression;
      if (e && ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && QUERY_NAME_RE.test(e.expression.name.text) && !CHECK_NAME_RE.test(e.expression.name.text)) calls++;
      else other = true;
    }
    ts.forEachChild(n, visit);
  };
  const tryBlock = (clause.parent as ts.TryStatement).tryBlock;
  visit(tryBlock);
  const name = scopeOf(clause).name ?? "";
  if (CHECK_NAME_RE.test(name)) return undefined;
  // `StreamService.isStreamOnline`: the method's own name.
  if ((other || calls === 0) && !(QUERY_NAME_RE.test(name.slice(name.lastIndexOf(".") + 1)) && answersBothLiterals(tryBlock))) return undefined;
  const rest = shapeOf(stmts.slice(0, -1), errName);
  return rest?.kind === "log" ? rest : undefined;
}

/**
 * `async isStreamOnline() { try { const stream = await api.streams.getStreamByUserId(id); if (stream)
 * return true; return false; } catch (e) { log(e); return false; } }`: a function named as a query
 * of a state whose try answers both `true` and `false` itself (and nothing else), after an awaited
 * read: its `false` is the normal "no" ("offline"), so the catch's `false` reads a failure as that
 * state (the retired held round 39, ikusner13/lonely-chat `stream.service.ts:87`, decided: bots never
 * joined a stream already live), as held round 23's `return await redis.sIsMember(…)`.
 */
function answersBothLiterals(tryBlock: ts.Block): boolean {
  const seen = new Set<ts.SyntaxKind>();
  let other = false;
  let waits = false;
  const visit = (n: ts.Node): void => {
    if (other || isFunctionLike(n)) return;
    if (ts.isAwaitExpression(n)) waits = true;
    if (ts.isReturnStatement(n)) {
      const k = n.expression?.kind;
      if (k === ts.SyntaxKind.TrueKeyword || k === ts.SyntaxKind.FalseKeyword) seen.add(k);
      else other = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(tryBlock);
  return !other && waits && seen.size === 2;
}

// A check that lets a request through: a signature, an HMAC, a token, an authorization.
const GATE_NAME_RE = /signature|hmac|verif|authenticat|authori[sz]|permission/i;

/**
 * `verifySignature(raw, header) { try { … return ok; } catch (e) { console.warn("skipping
 * verification", e); return true; } }`: a security check whose catch answers `true`, the "let it
 * through" answer, where the try answers what it computed (a `return` that is not `true`). The
 * check fails open on any error; where no comment or doc states that policy it is a
 * `logAndContinue` (held round 26's lead decision, held round 28's labels, debatable). The shape of
 * the catch without the return: `log` when it logs; a bare `return true` stays unjudged.
 */
export function failsOpenShape(clause: ts.CatchClause, errName: string | undefined): Shape | undefined {
  const stmts = clause.block.statements;
  const last = stmts[stmts.length - 1];
  const answer = last && ts.isReturnStatement(last) ? last.expression?.kind : undefined;
  if (answer !== ts.SyntaxKind.TrueKeyword && answer !== ts.SyntaxKind.FalseKeyword) return undefined;
  // The permissive answer: `true` of a check named for a gate, or the answer the callers let work through.
  const scope = scopeOf(clause);
  if (!(answer === ts.SyntaxKind.TrueKeyword && GATE_NAME_RE.test(scope.name ?? "")) && permissiveAnswer(scope.fn) !== answer) return undefined;
  let computed = false;
  const visit = (n: ts.Node): void => {
    if (computed || isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression && n.expression.kind !== answer) computed = true;
    ts.forEachChild(n, visit);
  };
  visit((clause.parent as ts.TryStatement).tryBlock);
  if (!computed) return undefined;
  const rest = shapeOf(stmts.slice(0, -1), errName);
  return rest?.kind === "log" ? rest : undefined;
}

/**
 * The boolean a guard's callers let their work through on, read at every call of it in its file:
 * `const restricted = await isRestrictedChannel(id); if (restricted) { log(…); return []; }` (also
 * `if (await isBlocked(u)) continue;`) leaves on `true`, so `false` lets the work through; `if
 * (!(await canPublish(p))) return;` leaves on `false`, so `true` does (held round 37: a restricted
 * channel's lookup failure answered `false`, its posts summarized and published). Undefined unless
 * the function is a predicate (named as a query of a state: `is…`, `has…`, `can…`) at the top level
 * of the file, called by name, and every call is such a guard that agrees.
 */
function permissiveAnswer(fn: ts.FunctionLikeDeclaration | undefined): ts.SyntaxKind | undefined {
  const name = fn && (ts.isFunctionDeclaration(fn) ? fn.name?.text : fn.parent && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name.text : undefined);
  // A predicate of a state (`isRestrictedChannel`, `hasAccess`, `canPublish`), not an action's outcome flag.
  if (!fn || !name || !QUERY_NAME_RE.test(name) || topLevelFunction(name, fn.getSourceFile()) !== fn) return undefined;
  let found: ts.SyntaxKind | undefined;
  let agree = true;
  const visit = (n: ts.Node): void => {
    if (!agree) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name) {
      const lets = guardLetsThrough(n);
      if (lets === undefined || (found !== undefined && found !== lets)) agree = false;
      else found = lets;
    }
    ts.forEachChild(n, visit);
  };
  visit(fn.getSourceFile());
  return agree ? found : undefined;
}

/** The answer on which the code after a guarding `if` goes on: the `if`'s branch leaves on the other. */
function guardLetsThrough(call: ts.CallExpression): ts.SyntaxKind | undefined {
  let at: ts.Node = call;
  while (ts.isAwaitExpression(at.parent) || ts.isParenthesizedExpression(at.parent)) at = at.parent;
  let negated = false;
  if (ts.isPrefixUnaryExpression(at.parent) && at.parent.operator === ts.SyntaxKind.ExclamationToken) {
    negated = true;
    at = at.parent;
  }
  let test: ts.Node | undefined = at.parent && ts.isIfStatement(at.parent) && at.parent.expression === at ? at.parent : undefined;
  // `const restricted = await isRestrictedChannel(id); if (restricted) …`: the next statement tests the local.
  if (!test && !negated && ts.isVariableDeclaration(at.parent) && ts.isIdentifier(at.parent.name) && at.parent.initializer === at) {
    const local = at.parent.name.text;
    const stmt = at.parent.parent.parent;
    const list = stmt.parent;
    const next = ts.isBlock(list) ? list.statements[list.statements.indexOf(stmt as ts.Statement) + 1] : undefined;
    if (next && ts.isIfStatement(next)) {
      const e = next.expression;
      if (ts.isIdentifier(e) && e.text === local) test = next;
      else if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken && ts.isIdentifier(e.operand) && e.operand.text === local) {
        negated = true;
        test = next;
      }
    }
  }
  if (!test || !ts.isIfStatement(test) || test.elseStatement || !leaves(test.thenStatement)) return undefined;
  return negated ? ts.SyntaxKind.TrueKeyword : ts.SyntaxKind.FalseKeyword;
}

/** The branch ends in `return`, `continue`, `break` or `throw`. */
function leaves(st: ts.Statement): boolean {
  const last = ts.isBlock(st) ? st.statements[st.statements.length - 1] : st;
  return !!last && (ts.isReturnStatement(last) || ts.isContinueStatement(last) || ts.isBreakStatement(last) || ts.isThrowStatement(last));
}

// A verifier's call: Stripe's `webhooks.constructEvent`, `verifySignature`, `jwt.verify`, `validateWebhook`.
const VERIFIER_CALL_RE = /^(?:constructEvent|constructEventAsync|verify\w*|validate\w*(?:Signature|Webhook|Hmac)\w*|check\w*Signature)$/i;

/**
 * `try { stripeEvent = stripe.webhooks.constructEvent(body, sig, secret); } catch (err) { log("verification
 * failed, parsing without verification"); stripeEvent = JSON.parse(body); }` (round 40, jon-ooosh's Stripe
 * webhook, a finding): the try sets a local from a verifier's call, and the catch, besides log lines, sets
 * the same local from something else, so a request that fails the check is processed as if it passed. The
 * check fails open on any error, as a gate's `return true` does; the shape of the catch without that
 * assignment (`log`).
 */
export function unverifiedFallbackShape(clause: ts.CatchClause, errName: string | undefined): Shape | undefined {
  const stmts = clause.block.statements;
  const last = stmts[stmts.length - 1];
  const fallback = last && ts.isExpressionStatement(last) && ts.isBinaryExpression(last.expression) && last.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(last.expression.left) ? last.expression : undefined;
  if (!fallback || stmts.length < 2) return undefined;
  const name = (fallback.left as ts.Identifier).text;
  const verified = (clause.parent as ts.TryStatement).tryBlock.statements.some((st) => {
    if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
    if (!ts.isIdentifier(st.expression.left) || st.expression.left.text !== name) return false;
    let e: ts.Expression = st.expression.right;
    while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) e = e.expression;
    if (!ts.isCallExpression(e)) return false;
    return VERIFIER_CALL_RE.test(calleeName(e) ?? "");
  });
  // `decoded = jwt.verify(token, OTHER_SECRET)`: a second format checked, not a fallback past the check.
  const checksAgain = (n: ts.Node): boolean => (ts.isCallExpression(n) && VERIFIER_CALL_RE.test(calleeName(n) ?? "")) || (ts.forEachChild(n, checksAgain) ?? false);
  if (!verified || checksAgain(fallback.right)) return undefined;
  const rest = shapeOf(stmts.slice(0, -1), errName);
  return rest?.kind === "log" ? rest : undefined;
}
