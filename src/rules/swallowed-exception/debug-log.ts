import { ts } from "../../engine/ts";
import { unparen } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";

/*
 * A log helper of the file that prints only under a debug flag (retired held round 46's shopify-ship-by,
 * session 43, debatable finding): `const debugShippingRates = (...args) => { if
 * (!shouldDebugShippingRates()) return; console.log("[shipping-rates]", ...args); }` with
 * `shouldDebugShippingRates = () => process.env.DEBUG_SHIPPING_RATES === "1"`. In production it
 * prints nothing, so a catch whose only log goes through it is silent: its call is no log.
 */

// `DEBUG`, `isDebug`, `shouldDebugShippingRates()`, `process.env.DEBUG_X`, `VERBOSE`, `config.debug`.
const DEBUG_NAME_RE = /^(?:(?:is|should|show|enable)?_?(?:debug|verbose)\w*|DEBUG\w*|VERBOSE\w*)$/i;

const cache = new TreeMemo<ts.SourceFile, ReadonlySet<string>>();

/** `!DEBUG`, `!shouldDebug()`, `process.env.DEBUG_X !== "1"`, `!config.debug`: a test that the debug flag is off. */
function testsDebugFlag(e: ts.Expression, depth = 0): boolean {
  e = unparen(e);
  if (depth > 4) return false;
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return testsDebugFlag(e.operand, depth + 1);
  if (ts.isCallExpression(e) && e.arguments.length === 0) return testsDebugFlag(e.expression, depth + 1);
  if (ts.isIdentifier(e)) return DEBUG_NAME_RE.test(e.text);
  if (ts.isPropertyAccessExpression(e)) return DEBUG_NAME_RE.test(e.name.text);
  if (ts.isBinaryExpression(e) && /^[!=]==?$/.test(e.operatorToken.getText())) return testsDebugFlag(e.left, depth + 1) || testsDebugFlag(e.right, depth + 1);
  return false;
}

function isConsoleLog(st: ts.Statement): boolean {
  if (!ts.isExpressionStatement(st) || !ts.isCallExpression(st.expression)) return false;
  const callee = st.expression.expression;
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "console";
}

/**
 * `{ if (!shouldDebug()) return; console.log(…); }` or `{ if (DEBUG) console.log(…); }`: a body that
 * logs through `console` only when a debug flag is on, and does nothing else.
 */
function logsOnlyUnderDebugFlag(body: ts.ConciseBody | undefined): boolean {
  if (!body || !ts.isBlock(body) || body.statements.length === 0) return false;
  const [first, ...rest] = body.statements;
  if (!first || !ts.isIfStatement(first) || first.elseStatement) return false;
  const then = ts.isBlock(first.thenStatement) ? first.thenStatement.statements : [first.thenStatement];
  // `if (!flag) return; console.log(…);`
  if (then.length === 1 && ts.isReturnStatement(then[0]!) && !then[0].expression && testsDebugFlag(first.expression)) {
    return unparen(first.expression).kind === ts.SyntaxKind.PrefixUnaryExpression || /!==?/.test(first.expression.getText())
      ? rest.length > 0 && rest.every(isConsoleLog)
      : false;
  }
  // `if (flag) console.log(…);`
  const positive = unparen(first.expression);
  return rest.length === 0 && then.length > 0 && then.every(isConsoleLog) && testsDebugFlag(positive) && !ts.isPrefixUnaryExpression(positive);
}

/** The names of the file's top-level functions that log only under a debug flag (memoized per file). */
export function debugOnlyLoggers(sf: ts.SourceFile): ReadonlySet<string> {
  let names = cache.get(sf);
  if (names) return names;
  const found = new Set<string>();
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && logsOnlyUnderDebugFlag(st.body)) found.add(st.name.text);
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer;
      if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && logsOnlyUnderDebugFlag(init.body)) found.add(d.name.text);
    }
  }
  names = found;
  cache.set(sf, names);
  return names;
}

/** `debugShippingRates("sync failed", error)`: a call of the file's debug-only log helper. */
export function callsDebugOnlyLogger(e: ts.Expression): boolean {
  return ts.isCallExpression(e) && ts.isIdentifier(e.expression) && debugOnlyLoggers(e.getSourceFile()).has(e.expression.text);
}
