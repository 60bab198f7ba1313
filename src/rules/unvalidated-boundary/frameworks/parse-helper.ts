import { ts } from "../../../engine/ts";
import { topLevelFunction } from "../../../engine/ast";
import { constInitializer, unwrap } from "../ast";
import { isTextParser } from "../flow";
import type { FileFacts, Source } from "../source";
import { parseSource } from "./parse";

// The string methods that hand back the same text cleaned (a model's Markdown fences cut off).
const CLEANING = new Set(["trim", "trimStart", "trimEnd", "replace", "replaceAll"]);

/**
 * `parsed = safeJsonParse(rawText)` where the file's own `safeJsonParse(text)` only cuts the fences off
 * and returns `JSON.parse(cleaned)` (or `null` when it fails): the parse of the text, reported at the
 * helper's call line for what the caller does with it (held round 28, dietix
 * `diets/generate/route.tsx:198`, labelled finding; the docs' helper rule). The `JSON.parse` inside the
 * helper reads only its parameter and is no input of its own.
 */
export function parseHelperSource(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const callee = call.expression;
  if (!ts.isIdentifier(callee) || call.arguments.length !== 1 || !/parse|json/i.test(callee.text)) return undefined;
  const fn = topLevelFunction(callee.text, sf);
  if (!fn || !onlyParsesParameter(fn)) return undefined;
  // A request's body handed to it (`parseJsonBody(event.body)`) is a source of its own, reported at its read.
  const s = parseSource(call, facts, sf);
  return s?.caseId === "jsonParseExternal" ? s : undefined;
}

/** Every `return` of `fn` is `JSON.parse` of its first parameter (cleaned, through a `const`), or `null`/`undefined`; one at least parses. */
function onlyParsesParameter(fn: ts.FunctionLikeDeclaration): boolean {
  const param = fn.parameters[0];
  if (!param || fn.parameters.length !== 1 || !ts.isIdentifier(param.name) || !fn.body) return false;
  const own = param.name.text;
  const values: ts.Expression[] = [];
  if (!ts.isBlock(fn.body)) values.push(fn.body);
  else {
    let bare = false;
    const visit = (n: ts.Node): void => {
      if (ts.isFunctionLike(n)) return;
      if (ts.isReturnStatement(n)) {
        if (n.expression) values.push(n.expression);
        else bare = true;
      } else ts.forEachChild(n, visit);
    };
    ts.forEachChild(fn.body, visit);
    if (bare) return false;
  }
  let parses = false;
  for (const v of values) {
    const e = unwrap(v);
    if (e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === "undefined")) continue;
    if (!ts.isCallExpression(e) || !isTextParser(e) || !e.arguments[0] || !isParameterText(e.arguments[0], own)) return false;
    parses = true;
  }
  return parses;
}

/** `text`, `text.replace(/```json/g, "").trim()`, or a `const` holding one of those. */
function isParameterText(expr: ts.Expression, own: string): boolean {
  let e = unwrap(expr);
  for (let i = 0; i < 8; i++) {
    if (ts.isIdentifier(e)) {
      if (e.text === own) return true;
      const init = constInitializer(e);
      if (!init) return false;
      e = unwrap(init);
      continue;
    }
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && CLEANING.has(e.expression.name.text)) {
      e = unwrap(e.expression.expression);
      continue;
    }
    return false;
  }
  return false;
}
