import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import type { RuleContext, RuleReport } from "../../engine/types";
import { TEST_ASSERT_RE } from "./cases";

// The teardown hooks of jest, vitest, mocha, node:test and Playwright (`test.afterAll`). `after`
// is mocha's and node:test's, and only counts in a test file, where no other `after` is likely.
const TEARDOWN_HOOKS = new Set(["afterEach", "afterAll"]);

/** `it(…, fn)`, `test(…, fn)`, also `it.only`, `test.concurrent`: a test's own callback. */
function isTestCall(call: ts.CallExpression): boolean {
  let e = call.expression;
  if (ts.isPropertyAccessExpression(e)) e = e.expression;
  return ts.isIdentifier(e) && (e.text === "it" || e.text === "test");
}

/** A try written in a test's own body (`it("…", async () => { try { … } finally { … } })`). */
function inTestBody(tryStmt: ts.TryStatement): boolean {
  const fn = tryStmt.parent.parent;
  return ts.isBlock(tryStmt.parent) && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isCallExpression(fn.parent) && isTestCall(fn.parent);
}

function isTeardownHook(call: ts.CallExpression, testFile: boolean): boolean {
  const e = call.expression;
  if (ts.isIdentifier(e)) return TEARDOWN_HOOKS.has(e.text) || (testFile && e.text === "after");
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "test" && TEARDOWN_HOOKS.has(e.name.text);
}

/**
 * Where test code cleans up after itself: the callbacks of teardown hooks (`afterEach(async () =>
 * { await deleteUser(id).catch(noop); })`, also `afterAll`, `test.afterAll`, and mocha's `after` in
 * a test file) and, in a test file, the `finally` of a try in a test's own body or whose block
 * asserts (`try { … expect(r) … } finally { await Promise.allSettled([deleteApp(id)]); }`): it runs
 * once the test is done, and a failed clean-up there cannot change what the test asserted. Setup
 * hooks (`beforeEach`, `beforeAll`) and the test bodies are not here: a failed setup turns into a
 * confusing failure later, and a body's catch can hide the failure under test. Gathered once per
 * file, as source ranges.
 */
function cleanupSpans(sf: ts.SourceFile, testFile: boolean): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && isTeardownHook(n, testFile)) {
      for (const a of n.arguments) if (isFunctionLike(a)) spans.push([a.getStart(sf), a.getEnd()]);
      return;
    }
    if (testFile && ts.isTryStatement(n) && n.finallyBlock && (inTestBody(n) || TEST_ASSERT_RE.test(n.tryBlock.getText(sf)))) spans.push([n.finallyBlock.getStart(sf), n.finallyBlock.getEnd()]);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return spans;
}

/**
 * The rule's context with reports inside test clean-up (see `cleanupSpans`) left out. The spans are
 * gathered on the first report of the file, so files without findings pay nothing, not even a
 * look at the text.
 */
export function withoutTestCleanup<C extends RuleContext<any>>(ctx: C): C {
  let spans: Array<[number, number]> | undefined;
  const report = (r: RuleReport): void => {
    spans ??= mayHaveCleanup(ctx) ? cleanupSpans(ctx.sourceFile, ctx.isTestFile) : [];
    if (spans.length > 0) {
      const at = r.node ? r.node.getStart(ctx.sourceFile) : r.range?.start;
      if (at !== undefined && spans.some(([s, e]) => at >= s && at < e)) return;
    }
    ctx.report(r);
  };
  // A plain copy, not `Object.create(ctx)`: a fresh prototype per file and rule kept V8's prototype
  // maps alive across files (+60 MB peak RSS on the bench corpus).
  return { ...ctx, report };
}

/** False when the text rules out every clean-up span. */
function mayHaveCleanup(ctx: RuleContext<any>): boolean {
  // Outside a test file only the teardown hooks count, called by name (`afterEach`, `test.afterAll`):
  // a file with neither name in its text (nor a `\u` escape that could spell one) has no span.
  if (!ctx.isTestFile && !/after(?:Each|All)|\\u/.test(ctx.text)) return false;
  return /\bafter(?:Each|All)?\s*\(|\bfinally\b/.test(ctx.text);
}
