import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike, topLevelFunction } from "../../engine/ast";
import { constInitializer, isLogCallee, references } from "./analysis";
import { classMethod, ownCallCannotReject } from "./handled-inside";

/**
 * `p.catch(handler)`, `p.then(ok, handler)`: a promise whose rejection already has a handler, so
 * it settles fulfilled (unless the handler throws, which is the handler's own finding).
 */
function handled(e: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return false;
  const m = e.expression.name.text;
  return (m === "catch" && e.arguments.length === 1) || (m === "then" && e.arguments.length === 2);
}

/** The catch logs its own error (`logger.warn(\`… ${error}\`)`, `console.error("…", e)`). */
function logsItsError(clause: ts.CatchClause): boolean {
  const d = clause.variableDeclaration;
  if (!d || !ts.isIdentifier(d.name)) return false;
  const err = d.name.text;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isCallExpression(n) && isLogCallee(n.expression) && n.arguments.some((a) => references(a, err))) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(clause.block);
  return found;
}

/** Whether a list, by its name, is thrown once the batch has settled (see {@link collectsItsError}). */
type ThrownAfter = (list: string) => boolean;

/**
 * `catch (error) { accessErrors.push({ error, tag }); return; }`: the catch keeps its error in a list
 * of the function around the batch, which that function throws once the batch has settled (`if
 * (accessErrors.length) throw extensionError("Access control", accessErrors)`).
 */
function collectsItsError(clause: ts.CatchClause, thrownAfter: ThrownAfter): boolean {
  const d = clause.variableDeclaration;
  if (!d || !ts.isIdentifier(d.name)) return false;
  const err = d.name.text;
  return clause.block.statements.some((st) => {
    const e = ts.isExpressionStatement(st) ? st.expression : undefined;
    if (!e || !ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || e.expression.name.text !== "push") return false;
    const list = e.expression.expression;
    return ts.isIdentifier(list) && e.arguments.some((a) => references(a, err)) && thrownAfter(list.text);
  });
}

/**
 * The statements after the one holding the settle, in the blocks around it up to its function: is the
 * list named in a `throw` there (`throw new AggregateError(errors)`, `if (errors.length) throw
 * toError(errors)`)? Asked only for a list a catch of the batch pushes its error onto.
 */
function throwsAfter(call: ts.Node): ThrownAfter {
  return (list) => {
    for (let n: ts.Node = call; n.parent && !isFunctionLike(n) && !ts.isSourceFile(n); n = n.parent) {
      const p = n.parent;
      if (!ts.isBlock(p) && !ts.isSourceFile(p)) continue;
      for (const st of p.statements.slice(p.statements.indexOf(n as ts.Statement) + 1)) if (throwsList(st, list)) return true;
    }
    return false;
  };
}

function throwsList(n: ts.Node, list: string): boolean {
  if (isFunctionLike(n)) return false;
  if (ts.isThrowStatement(n)) return references(n.expression, list);
  return ts.forEachChild(n, (c) => throwsList(c, list)) ?? false;
}

/**
 * An async function body whose every `await` sits in the try of a try/catch whose catch logs the
 * error, or keeps it in a list thrown once the batch has settled (`thrownAfter`), with no `throw` and
 * no `return` of a call outside those tries: the work that can fail waits inside them, so the
 * function's promise has nothing left to reject with.
 */
function waitsOnlyInLoggingTries(fn: ts.FunctionLikeDeclaration, thrownAfter?: ThrownAfter): boolean {
  if (!fn.body || !ts.isBlock(fn.body) || !fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return false;
  let awaits = 0;
  let escapes = false;
  const visit = (n: ts.Node, guarded: boolean): void => {
    if (escapes || isFunctionLike(n)) return;
    if (ts.isTryStatement(n)) {
      const inner = guarded || (!!n.catchClause && (logsItsError(n.catchClause) || (!!thrownAfter && collectsItsError(n.catchClause, thrownAfter))));
      visit(n.tryBlock, inner);
      if (n.catchClause) visit(n.catchClause.block, guarded);
      if (n.finallyBlock) visit(n.finallyBlock, guarded);
      return;
    }
    if (ts.isAwaitExpression(n) || (ts.isForOfStatement(n) && n.awaitModifier)) {
      awaits++;
      if (!guarded) escapes = true;
    }
    if (!guarded && (ts.isThrowStatement(n) || (ts.isReturnStatement(n) && n.expression && !answersAValue(n.expression)))) escapes = true;
    ts.forEachChild(n, (c) => visit(c, guarded));
  };
  fn.body.statements.forEach((st) => visit(st, false));
  return awaits > 0 && !escapes;
}

/** `return id`, `return 0`, `return false` (GameRegistry's `if (!plugin) { warn(…); return false; }`, retired held round 44): nothing to reject with. */
function answersAValue(e: ts.Expression): boolean {
  return ts.isIdentifier(e) || ts.isLiteralExpression(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword;
}

/**
 * `this.deleteImage(url)`, `notify(hook, payload)`: a call of the file's own function or of a method
 * of the class around it whose body ends its own failures (handled-inside.ts), read where it is
 * declared (held round 37: a Cloudinary delete whose method logs in its own catch).
 */
function calleeCannotReject(e: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e)) return false;
  if (ownCallCannotReject(e)) return true;
  // An async body whose every wait sits in a logging try (the items' own rule, read at the declaration).
  const callee = e.expression;
  const fn = ts.isIdentifier(callee) ? topLevelFunction(callee.text, e.getSourceFile()) : ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword ? classMethod(e, callee.name.text) : undefined;
  return fn !== undefined && waitsOnlyInLoggingTries(fn);
}

/** `(async () => { try { … } catch (e) { log(e); } })()`, `work(x).catch(log)`: an item that cannot reject. */
function itemCannotReject(e: ts.Expression, thrownAfter?: ThrownAfter): boolean {
  if (handled(e) || calleeCannotReject(e)) return true;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e) || e.arguments.length > 0) return false;
  let f: ts.Expression = e.expression;
  while (ts.isParenthesizedExpression(f)) f = f.expression;
  return (ts.isArrowFunction(f) || ts.isFunctionExpression(f)) && waitsOnlyInLoggingTries(f, thrownAfter);
}

/** `xs.map((x) => send(x).catch(log))`, `xs.map(async (x) => { … try { await send(x); } catch (e) { log(e); } })`. */
function mapCannotReject(e: ts.Expression, thrownAfter?: ThrownAfter): boolean {
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || e.expression.name.text !== "map") return false;
  const cb = e.arguments[0];
  if (!cb || (!ts.isArrowFunction(cb) && !ts.isFunctionExpression(cb))) return false;
  if (!ts.isBlock(cb.body)) return handled(cb.body) || calleeCannotReject(cb.body);
  const only = cb.body.statements.length === 1 ? cb.body.statements[0] : undefined;
  if (only && ts.isReturnStatement(only) && only.expression && (handled(only.expression) || calleeCannotReject(only.expression))) return true;
  return waitsOnlyInLoggingTries(cb, thrownAfter) || answersOnlySettledItems(cb);
}

/** `null`, `undefined`, `0`, `""`, `false`: a plain value handed to the batch, no promise. */
function plainValue(e: ts.Expression): boolean {
  return ts.isLiteralExpression(e) || e.kind === ts.SyntaxKind.NullKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.TrueKeyword || (ts.isIdentifier(e) && e.text === "undefined");
}

/**
 * `docs.map((doc) => { const email = doc.data().email; if (email) return send(email).catch((e) => { log(e);
 * return null; }); return null; })` (round 45's daily summary): a callback that is not async, waits
 * on nothing, and whose every `return` hands the batch a promise with its own handler (or a call of
 * the file's own function that ends its failures) or a plain value. A synchronous throw leaves `map`
 * before the batch is settled, so no item is left that could reject.
 */
function answersOnlySettledItems(cb: ts.ArrowFunction | ts.FunctionExpression): boolean {
  if (!ts.isBlock(cb.body) || cb.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return false;
  let handledItems = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other || isFunctionLike(n)) return;
    if (ts.isReturnStatement(n)) {
      const e = n.expression;
      if (e && (handled(e) || calleeCannotReject(e))) handledItems++;
      else if (e && !plainValue(e)) other = true;
    }
    ts.forEachChild(n, visit);
  };
  cb.body.statements.forEach(visit);
  return handledItems > 0 && !other;
}

/** A batch expression whose every promise cannot reject: a `.map` as above, or an array literal of such items and spreads. */
function batchCannotReject(e: ts.Expression, thrownAfter?: ThrownAfter): boolean {
  if (mapCannotReject(e, thrownAfter)) return true;
  if (!ts.isArrayLiteralExpression(e) || e.elements.length === 0) return false;
  return e.elements.every((el) => (ts.isSpreadElement(el) ? mapCannotReject(el.expression, thrownAfter) : itemCannotReject(el, thrownAfter)));
}

/** `promises = …`, or an element of it replaced (`promises[0] = upload(f)`): an item that may reject. */
function assignsTheBatch(left: ts.Expression, name: string): boolean {
  const target = ts.isElementAccessExpression(left) ? left.expression : left;
  return ts.isIdentifier(target) && target.text === name;
}

/**
 * `await Promise.allSettled(promises)` where no promise of the batch can reject: each carries its
 * own handler (`.catch(printError("Failed to add …"))`, also pushed later with `promises.push(…)`;
 * an element put in by assignment, `promises[0] = upload(f)`, is not judged and leaves it reported),
 * or is an async callback whose every `await` sits in a try whose catch logs the error, at any
 * depth (`if (…) { try { await updateTags(…); } catch (e) { logger.warn(…, e); } }`, a retry
 * loop around the try; production karakeep feedWorker.ts:337, webhookWorker.ts:125, the CLI's
 * bookmarks.ts:294), or whose catch keeps its error in a list the function throws once the batch has
 * settled (production keystone's field access checks). The results hold no rejection to read; each
 * failure is judged at its own handler or catch.
 */
export function settlesItemsThatCannotReject(call: ts.CallExpression): boolean {
  const arg = call.arguments[0];
  if (call.arguments.length !== 1 || !arg) return false;
  // A catch that keeps its error in a list thrown once the batch has settled lets nothing through either.
  const thrownAfter = throwsAfter(call);
  if (!ts.isIdentifier(arg)) return batchCannotReject(arg, thrownAfter);
  const init = constInitializer(arg);
  // `const promises: Promise<void>[] = []` filled only by `promises.push(p.then(…).catch(…))` (round 45's alert cron).
  const empty = !!init && ts.isArrayLiteralExpression(init) && init.elements.length === 0;
  if (!init || (!empty && !batchCannotReject(init, thrownAfter))) return false;
  // Every `promises.push(…)` in the function adds an item that cannot reject either.
  let fn: ts.Node | undefined = call.parent;
  while (fn && !isFunctionLike(fn) && !ts.isSourceFile(fn)) fn = fn.parent;
  if (!fn) return false;
  let all = true;
  let pushes = 0;
  const visit = (n: ts.Node): void => {
    if (!all) return;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression) && n.expression.expression.text === arg.text) {
      const m = n.expression.name.text;
      if (m === "push" || m === "unshift") {
        pushes++;
        all = n.arguments.every((a) => (ts.isSpreadElement(a) ? mapCannotReject(a.expression, thrownAfter) : itemCannotReject(a, thrownAfter)));
      } else if (m !== "length") all = false;
    } else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && assignsTheBatch(n.left, arg.text)) all = false;
    // An empty batch handed elsewhere (`collect(promises)`) may be filled there, unseen.
    else if (empty && ts.isIdentifier(n) && n.text === arg.text && n !== arg && !ts.isPropertyAccessExpression(n.parent) && !(ts.isVariableDeclaration(n.parent) && n.parent.name === n)) all = false;
    ts.forEachChild(n, visit);
  };
  visit(fn);
  return all && (!empty || pushes > 0);
}
