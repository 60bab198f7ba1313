/**
 * A catch that keeps the input a parse was given, under one key of an object (held round 38,
 * decided clean; the "answers with the input the try converts" rule of `catchReturnsDefault`):
 *
 *   try { return JSON.parse(text); } catch { return { raw: text }; }
 *   try { const url = new URL(endpoint); return { host: url.host, path: url.pathname || "/" }; } catch { return { raw: endpoint }; }
 *   try { serialized = JSON.parse(JSON.stringify(event.data)); } catch { serialized = { object: event.data.object }; }
 *
 * Nothing is made up: the caller gets what it passed in (or a field of it), labelled as unparsed.
 * The try may only parse or render (`JSON.parse`, `JSON.stringify`, `YAML.parse`, `new URL`, `URL.parse`,
 * `decodeURIComponent`, `decodeURI`, `atob`) and read the parse's fields; it waits on nothing.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { readPath, withoutCasts } from "./kept-input";

const PARSE_CALL_RE = /^(?:JSON\.parse|JSON\.stringify|JSON5\.parse|YAML\.parse|yaml\.parse|URL\.parse|decodeURIComponent|decodeURI|atob)$/;

/** `JSON.parse(JSON.stringify(x))`, `new URL(x)`: the path of the value parsed, through nested parses. */
function parsedInput(e: ts.Expression): string | undefined {
  const u = withoutCasts(e);
  const isParse = (ts.isCallExpression(u) && PARSE_CALL_RE.test(u.expression.getText())) || (ts.isNewExpression(u) && ts.isIdentifier(u.expression) && u.expression.text === "URL");
  if (!isParse) return undefined;
  const arg = (u as ts.CallExpression | ts.NewExpression).arguments?.[0];
  if (!arg) return undefined;
  return readPath(arg) ?? parsedInput(arg);
}

/** `{ raw: text }`, `{ raw }`, `{ object: event.data.object }`: one key holding a value in hand. */
function wrappedPath(e: ts.Expression): string | undefined {
  const u = withoutCasts(e);
  if (!ts.isObjectLiteralExpression(u) || u.properties.length !== 1) return undefined;
  const p = u.properties[0]!;
  if (ts.isShorthandPropertyAssignment(p)) return p.name.text;
  return ts.isPropertyAssignment(p) ? readPath(p.initializer) : undefined;
}

/** `path` is `input` or one of its fields. */
function within(path: string, input: string): boolean {
  return path === input || path.startsWith(`${input}.`);
}

/**
 * `value` is the catch's answer (a `return`, or an assignment statement); whether it keeps the
 * input the try parses, wrapped in an object.
 */
export function keepsTheInputWrapped(tryBlock: ts.Block, value: ts.Node): boolean {
  let kept: ts.Expression | undefined;
  let target: string | undefined;
  if (ts.isReturnStatement(value) && value.expression) kept = value.expression;
  else {
    const e = ts.isExpressionStatement(value) ? value.expression : value;
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(e.left)) {
      kept = e.right;
      target = e.left.text;
    }
  }
  if (kept && sameAnswerLessTheParse(tryBlock, kept, target)) return true;
  const path = kept && wrappedPath(kept);
  if (!path) return false;
  // `const url = new URL(raw)`: locals of the try holding the parse, whose fields it answers.
  const views = new Map<string, string>();
  const fieldOfView = (e: ts.Expression): boolean => {
    let u = withoutCasts(e);
    // `url.pathname || "/"`: a constant for an empty field.
    if (ts.isBinaryExpression(u) && (u.operatorToken.kind === ts.SyntaxKind.BarBarToken || u.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) && ts.isLiteralExpression(u.right)) u = u.left;
    return ts.isPropertyAccessExpression(u) && ts.isIdentifier(u.expression) && views.has(u.expression.text) && within(path, views.get(u.expression.text)!);
  };
  const answers = (e: ts.Expression): boolean => {
    const u = withoutCasts(e);
    const input = parsedInput(u);
    if (input) return within(path, input);
    return ts.isObjectLiteralExpression(u) && u.properties.length > 0 && u.properties.every((p) => ts.isPropertyAssignment(p) && fieldOfView(p.initializer));
  };
  let answered = false;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (isFunctionLike(n) || ts.isAwaitExpression(n) || ts.isYieldExpression(n)) {
      other = true;
      return;
    }
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
      const input = parsedInput(n.initializer);
      if (input) views.set(n.name.text, input);
    }
    if (ts.isReturnStatement(n)) {
      if (target || !n.expression || !answers(n.expression)) other = true;
      else answered = true;
      return;
    }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      if (target && ts.isIdentifier(n.left) && n.left.text === target && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && answers(n.right)) answered = true;
      else other = true;
      return;
    }
    // Calls other than the parses (and the reads of their fields) are work the catch does not cover.
    if ((ts.isCallExpression(n) && !PARSE_CALL_RE.test(n.expression.getText())) || (ts.isNewExpression(n) && !(ts.isIdentifier(n.expression) && n.expression.text === "URL"))) {
      other = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(tryBlock);
  return answered && !other;
}

/**
 * `try { content = { text, data: JSON.parse(text), type: "json" }; } catch { content = { text, type:
 * "json" }; }`: the catch answers the try's own object less the fields that parse (tune, a file
 * reader's JSON case, decided clean): what was in hand is kept, only the parse is missing. The try
 * is that one assignment (or `return`) and its other fields are written the same in the catch.
 */
function sameAnswerLessTheParse(tryBlock: ts.Block, kept: ts.Expression, target: string | undefined): boolean {
  const caught = withoutCasts(kept);
  if (!ts.isObjectLiteralExpression(caught) || tryBlock.statements.length !== 1) return false;
  const only = tryBlock.statements[0]!;
  let answer: ts.Expression | undefined;
  if (!target && ts.isReturnStatement(only)) answer = only.expression;
  else if (target && ts.isExpressionStatement(only) && ts.isBinaryExpression(only.expression) && only.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(only.expression.left) && only.expression.left.text === target) answer = only.expression.right;
  const tried = answer && withoutCasts(answer);
  if (!tried || !ts.isObjectLiteralExpression(tried)) return false;
  const text = (p: ts.ObjectLiteralElementLike): string | undefined => (ts.isPropertyAssignment(p) ? p.initializer.getText() : ts.isShorthandPropertyAssignment(p) ? p.name.text : undefined);
  const nameOf = (p: ts.ObjectLiteralElementLike): string | undefined => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined);
  const fields = new Map<string, string | undefined>();
  for (const p of tried.properties) {
    const name = nameOf(p);
    if (name !== undefined) fields.set(name, text(p));
  }
  if (fields.size !== tried.properties.length) return false;
  const keptNames = new Set<string>();
  for (const p of caught.properties) {
    const name = nameOf(p);
    const t = text(p);
    if (name === undefined || t === undefined || fields.get(name) !== t) return false;
    keptNames.add(name);
  }
  // The fields the catch leaves out are the parses, and there is at least one.
  const dropped = tried.properties.filter((p) => !keptNames.has(nameOf(p)!));
  return dropped.length > 0 && keptNames.size > 0 && dropped.every((p) => ts.isPropertyAssignment(p) && parsedInput(p.initializer) !== undefined && !/\bawait\b/.test(p.initializer.getText()));
}
