import { ts } from "../../engine/ts";
import { functionName, nameText, unwrap, type FunctionLike } from "./ast";

/**
 * How a route module reaches a controller handler that is not declared under a name of its own:
 * `const createOrder = catchAsync(async (req, res) => { … })`, gathered into an exported object
 * (`export const OrderControllers = { createOrder }`), the shape of many Express + Mongoose
 * templates, whose route module then runs `validateRequest(schema)` before `OrderControllers.createOrder`.
 */

/** The handler's name, or that of the `const` its wrapper call initializes (`const createOrder = catchAsync(async (req, res) => …)`). */
export function controllerName(fn: FunctionLike): string | undefined {
  const own = functionName(fn);
  if (own) return own;
  let cur: ts.Node = fn;
  while (cur.parent && ts.isParenthesizedExpression(cur.parent)) cur = cur.parent;
  const call = cur.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(cur as ts.Expression)) return undefined;
  // Only the wrapper's function argument: `catchAsync(fn)`, `asyncHandler(fn)`.
  if (call.arguments.filter((a) => ts.isArrowFunction(unwrap(a)) || ts.isFunctionExpression(unwrap(a))).length !== 1) return undefined;
  let top: ts.Node = call;
  while (top.parent && (ts.isParenthesizedExpression(top.parent) || ts.isAsExpression(top.parent) || ts.isSatisfiesExpression(top.parent))) top = top.parent;
  const d = top.parent;
  if (d && ts.isVariableDeclaration(d) && d.initializer === top && ts.isIdentifier(d.name)) return d.name.text;
  if (d && ts.isBinaryExpression(d) && d.right === top && d.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(d.left)) return d.left.name.text;
  return undefined;
}

/**
 * The module-level objects of `sf` that hold the handler `name` under its own key (`{ createOrder }`,
 * `{ createOrder: createOrder }`, or the handler written there: `{ createOrder: async (req, res) => … }`):
 * `OrderControllers.createOrder` in a route module is the handler.
 */
export function holdersOf(sf: ts.SourceFile, name: string): Set<string> {
  const out = new Set<string>();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer && unwrap(d.initializer);
      if (!init || !ts.isObjectLiteralExpression(init) || !ts.isIdentifier(d.name)) continue;
      if (init.properties.some((p) => holds(p, name))) out.add(d.name.text);
    }
  }
  return out;
}

function holds(p: ts.ObjectLiteralElementLike, name: string): boolean {
  if (ts.isShorthandPropertyAssignment(p)) return p.name.text === name;
  if (ts.isMethodDeclaration(p)) return nameText(p.name) === name;
  if (!ts.isPropertyAssignment(p) || nameText(p.name) !== name) return false;
  const v = unwrap(p.initializer);
  return (ts.isIdentifier(v) && v.text === name) || ts.isArrowFunction(v) || ts.isFunctionExpression(v);
}
