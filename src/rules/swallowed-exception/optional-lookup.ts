/**
 * A discord.js lookup whose rejection is answered "none" and whose local is read only behind a test
 * that it is there, in a function that goes on after that test:
 *
 *     const channel = await client.channels.fetch(channelId).catch(() => null);
 *     if (channel) { await channel.send(notice); }
 *     await supabase.from("reports").delete().eq("id", id);
 *
 * The object may simply be gone (a deleted channel or message, a user who left: Discord answers
 * "Unknown Channel"), and the guarded step is an optional side step of work that goes on either way:
 * a notice, an embed edited to match a row already updated (the retired held round 39,
 * Acrellux/vctools `report.cjs`, `cleanupReports.cjs`, decided clean: "null checked"). A silent
 * `if (!channel) return;` that ends the job (held round 26, roland-discord-bot's summary channel), a
 * guard that is the function's last step, a read outside the guard, and any other lookup stay
 * reported.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { findRefs } from "../unvalidated-boundary/ast";

// discord.js managers whose `fetch(id)` answers one object (`client.channels`, `channel.messages`, `guild.members`).
const MANAGER_RE = /^(?:channels|messages|users|members|guilds|roles|threads|webhooks|invites|bans|emojis|stickers)$/;

/** `client.channels.fetch(id)`: the call the `.catch(…)` is chained on is a discord.js manager's fetch. */
function managerFetch(call: ts.CallExpression): boolean {
  if (!ts.isPropertyAccessExpression(call.expression)) return false;
  const recv = call.expression.expression;
  if (!ts.isCallExpression(recv) || !ts.isPropertyAccessExpression(recv.expression) || recv.expression.name.text !== "fetch") return false;
  const manager = recv.expression.expression;
  return ts.isPropertyAccessExpression(manager) && MANAGER_RE.test(manager.name.text) && recv.arguments.length === 1;
}

/** `channel`, `msg && msg.editable`, `member?.voice?.channel`, `channel !== null`: a test that holds only when `name` is there. */
function testsThere(e: ts.Expression, name: string): boolean {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isIdentifier(e)) return e.text === name;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return testsThere(e.left, name) || testsThere(e.right, name);
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || e.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken)) {
    return ts.isIdentifier(e.left) && e.left.text === name && (e.right.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e.right) && e.right.text === "undefined"));
  }
  // `member?.voice?.channel`: a chain of optional reads from the local is truthy only when it is there.
  if (ts.isPropertyAccessExpression(e)) {
    let base: ts.Expression = e;
    while (ts.isPropertyAccessExpression(base)) base = base.expression;
    return ts.isIdentifier(base) && base.text === name;
  }
  return false;
}

/** Statements run after `st` in its function (in its block or a block around it): the function goes on. */
export function goesOnAfter(st: ts.Statement): boolean {
  for (let n: ts.Node = st; n.parent && !isFunctionLike(n.parent); n = n.parent) {
    const p = n.parent;
    if (ts.isBlock(p) && p.statements.indexOf(n as ts.Statement) < p.statements.length - 1) return true;
  }
  return false;
}

/**
 * True for the shape of the module comment. `bound` is where the fallback lands: the local's name and
 * the statement that binds it (`const channel = …`, or `channel = …` in a branch of an `if`).
 */
export function lookupGuardedAsOptional(call: ts.CallExpression, bound: { name: string; stmt: ts.Statement } | undefined): boolean {
  if (!bound || !managerFetch(call) || !ts.isBlock(bound.stmt.parent)) return false;
  let scope: ts.Block = bound.stmt.parent;
  // `if (activity) { channel = await …fetch(a).catch(() => null); } else { channel = …; } if (channel) { … }`:
  // the statements after that `if` go on from the branch; its other branch's assignment is no read.
  let assigning: ts.Node | undefined;
  const outer = scope.parent;
  if (ts.isExpressionStatement(bound.stmt) && ts.isIfStatement(outer)) {
    let top: ts.IfStatement = outer;
    while (ts.isIfStatement(top.parent) && top.parent.elseStatement === top) top = top.parent;
    if (!ts.isBlock(top.parent)) return false;
    assigning = top;
    scope = top.parent;
  }
  const name = bound.name;
  // The per-file index of references: one binary search, not a walk of the rest of the block per lookup.
  const refs = findRefs(name, scope, bound.stmt.end).filter((r) => !(assigning && r.pos >= assigning.pos && r.end <= assigning.end));
  const first = refs[0];
  if (!first) return false;
  let guard: ts.Node = first;
  while (guard.parent && guard.parent !== scope) guard = guard.parent;
  if (!ts.isIfStatement(guard) || !testsThere(guard.expression, name)) return false;
  const g = guard;
  const inThen = (r: ts.Node) => (r.pos >= g.expression.pos && r.end <= g.expression.end) || (r.pos >= g.thenStatement.pos && r.end <= g.thenStatement.end);
  return refs.every(inThen) && goesOnAfter(g);
}
