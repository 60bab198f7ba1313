import { ts } from "../../engine/ts";
import { boundNames, topLevelEntry } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";

/**
 * A `.then(…)` handler that answers nobody, in a chain written as a statement (session 44, production hedgedoc's
 * start-up PROPFIND probe `fetch(url).then((r) => { if (!r.ok) throw … }).catch(…)` in a constructor, firecrawl's
 * customer webhook `axios.post(…).then((res) => logWebhook(…)).catch(…)`): the handler only logs, records or checks
 * the answer, so no caller's reply waits on it and the chain is as fired and forgotten as `fetch(u).catch(() => {})`.
 * A handler that answers someone keeps the call waited on: one that calls, or assigns through, a parameter of a
 * function around the chain (`res.json(data)`, `reply.send(…)`, `cb(null, r)`, `resolve(r)`, `ctx.body = r`,
 * `socket.emit("done", r)`), and a handler given by name (`.then(onDone)`), whose body is not read here. So does a
 * script, a file that calls a function of its own at its top level (`main();`, `main().then(() => {})`): its process
 * waits for every request still open before it exits, so whoever ran it waits (production spacebar's
 * `scripts/stress/users.js`, `fetch(…).then(() => {})` in a loop, a sampled true finding).
 */
export function thenAnswersNobody(then: ts.CallExpression, chain: ts.Node): boolean {
  if (then.arguments.length === 0 || runsOnItsOwn(then.getSourceFile())) return false;
  const outer = outerParameterNames(chain);
  return then.arguments.every((a) => (ts.isArrowFunction(a) || ts.isFunctionExpression(a)) && !answers(a, outer));
}

// What a handler may call that settles a promise someone holds: the executor's own names, whatever binds them.
const SETTLE_RE = /^(?:resolve|reject|res|reply|respond|callback|cb|done|next|send)$/;

/** The names bound by the parameters of every function around `node` (`req`, `res`, `{ reply }`, `cb`). */
function outerParameterNames(node: ts.Node): Set<string> {
  const out = new Set<string>();
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isFunctionLike(p)) for (const param of p.parameters) for (const name of boundNames(param.name)) out.add(name);
  }
  return out;
}

/** The identifier at the root of `a.b.c`, `a[0].b`, `a`. */
function rootIdentifier(e: ts.Expression): ts.Identifier | undefined {
  let cur: ts.Expression = e;
  for (let i = 0; i < 20; i++) {
    if (ts.isIdentifier(cur)) return cur;
    if (ts.isPropertyAccessExpression(cur) || ts.isElementAccessExpression(cur)) cur = cur.expression;
    else if (ts.isParenthesizedExpression(cur) || ts.isNonNullExpression(cur) || ts.isAsExpression(cur)) cur = cur.expression;
    else return undefined;
  }
  return undefined;
}

/** True when the handler calls or assigns through a parameter of a function around the chain, or settles a promise by name. */
function answers(handler: ts.ArrowFunction | ts.FunctionExpression, outer: Set<string>): boolean {
  const own = new Set<string>();
  for (const param of handler.parameters) for (const name of boundNames(param.name)) own.add(name);
  const through = (e: ts.Expression): boolean => {
    const id = rootIdentifier(e);
    if (id === undefined || own.has(id.text)) return false;
    return outer.has(id.text) || SETTLE_RE.test(id.text);
  };
  let found = false;
  const stack: ts.Node[] = [handler.body];
  while (stack.length > 0 && !found) {
    const n = stack.pop()!;
    if (ts.isCallExpression(n) && through(n.expression)) found = true;
    else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && (ts.isPropertyAccessExpression(n.left) || ts.isElementAccessExpression(n.left)) && through(n.left)) found = true;
    else n.forEachChild((c) => void stack.push(c));
  }
  return found;
}

const scripts = new TreeMemo<ts.SourceFile, boolean>();

/** A file that runs on its own: a statement at its top level calls a function the file declares (`main();`, `run().catch(…)`). */
function runsOnItsOwn(sf: ts.SourceFile): boolean {
  let v = scripts.get(sf);
  if (v === undefined) scripts.set(sf, (v = sf.statements.some((st) => topLevelEntry(st, sf) !== undefined)));
  return v;
}
