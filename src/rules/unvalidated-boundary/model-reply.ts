import { ts } from "../../engine/ts";
import { climb, findRefs, isConditionPosition, scopeOf, unwrap } from "./ast";

// A completion's text in a model's answer: OpenAI-style `choices[0].message.content` (or `.text`), Gemini's
// `candidates[0].content.parts[0].text`, the Responses API's `output_text`, Anthropic's `content[0].text`, Hugging Face's `generated_text`.
export const MODEL_TEXT_RE = /(?:\bchoices\[0\]\.(?:message\.content|text)|\bcandidates\[0\]\.content\.parts\[0\]\.text|\boutput_text|\bcontent\[0\]\.text|\bgenerated_text)$/;

// The first tool call of an OpenAI-style completion (`choices[0].message.tool_calls[0]`).
const TOOL_CALL_RE = /\bchoices\[0\]\.message\.tool_calls\[0\]$/;

/** A chain's text without its optional marks and spaces: `data.choices?.[0]?.text` → `data.choices[0].text`. */
export function plainChain(e: ts.Node, sf: ts.SourceFile): string {
  return e.getText(sf).replace(/\?\.(?=\[)/g, "").replace(/\?\./g, ".").replace(/\s+/g, "");
}

/** `data?.choices?.[0]?.text`: a model text read whose every link after the first is optional. */
function optionalModelText(e: ts.Expression, sf: ts.SourceFile): boolean {
  let cur = unwrap(e);
  if (!MODEL_TEXT_RE.test(plainChain(cur, sf))) return false;
  for (;;) {
    if (!ts.isPropertyAccessExpression(cur) && !ts.isElementAccessExpression(cur)) return false;
    const inner = cur.expression;
    // The innermost link (`data.choices`) may be plain; every one after it must be optional.
    if (!ts.isPropertyAccessExpression(inner) && !ts.isElementAccessExpression(inner)) return true;
    if (!cur.questionDotToken) return false;
    cur = inner;
  }
}

/**
 * `(json?.choices?.[0]?.message?.content || json?.choices?.[0]?.text || "")`: the model text at `at`
 * is one of several optional reads tried in turn before a text fallback of the code's own (held round
 * 28, jakwakwa/v0-ai-curated-podcast-app): whatever the shape, text (or the fallback) comes out, as
 * for one read before the fallback. Answers the alternatives the fallback follows (`a || b`), or undefined.
 */
export function modelTextAlternatives(at: ts.Expression, sf: ts.SourceFile): ts.Expression | undefined {
  let cur: ts.Node = at;
  for (let i = 0; i < 8; i++) {
    while (cur.parent && ts.isParenthesizedExpression(cur.parent)) cur = cur.parent;
    const q = cur.parent;
    if (!q || !ts.isBinaryExpression(q)) return undefined;
    const op = q.operatorToken.kind;
    if (op !== ts.SyntaxKind.BarBarToken && op !== ts.SyntaxKind.QuestionQuestionToken) return undefined;
    if (q.left === cur && (ts.isStringLiteralLike(unwrap(q.right)) || ts.isTemplateExpression(unwrap(q.right)))) return i === 0 ? undefined : (cur as ts.Expression);
    if (!optionalModelText(q.left === cur ? q.right : q.left, sf)) return undefined;
    cur = q;
  }
  return undefined;
}

/**
 * `const toolCall = data.choices?.[0]?.message?.tool_calls?.[0]`, a local only tested for presence,
 * whose `function.name` is only compared with a literal and whose `function.arguments` only goes to
 * `JSON.parse` (an input of its own, `jsonParseExternal`) or a presence test: the Lovable AI gateway's
 * forced tool call (held round 28, taishonblack/mako-construct, labelled clean). Nothing of the reply
 * goes on but the arguments' text, which is judged where it is parsed.
 */
export function toolCallRead(p: ts.PropertyAccessExpression | ts.ElementAccessExpression, sf: ts.SourceFile): boolean {
  let end: ts.Expression = p;
  for (;;) {
    const q = end.parent;
    const link = q && (ts.isPropertyAccessExpression(q) || (ts.isElementAccessExpression(q) && ts.isNumericLiteral(q.argumentExpression))) && q.expression === end ? q : undefined;
    if (!link) break;
    if (!link.questionDotToken) return false;
    end = link;
  }
  if (!TOOL_CALL_RE.test(plainChain(end, sf))) return false;
  let top: ts.Node = end;
  while (top.parent && ts.isParenthesizedExpression(top.parent)) top = top.parent;
  const decl = top.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== top || !ts.isIdentifier(decl.name)) return false;
  const list = decl.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return false;
  const refs = findRefs(decl.name.text, scopeOf(decl), decl.name.end);
  return refs.length > 0 && refs.every(toolCallRefOnlyRead);
}

/** One read of the tool-call local: a presence test, its name compared with a literal, its arguments parsed or tested. */
function toolCallRefOnlyRead(ref: ts.Identifier): boolean {
  if (isConditionPosition(climb(ref))) return true;
  const fn = ref.parent;
  if (!fn || !ts.isPropertyAccessExpression(fn) || fn.expression !== ref || fn.name.text !== "function") return false;
  const field = fn.parent;
  if (!field || !ts.isPropertyAccessExpression(field) || field.expression !== fn) return false;
  if (isConditionPosition(climb(field))) return true;
  const use = field.parent;
  if (field.name.text === "name") {
    if (!use || !ts.isBinaryExpression(use)) return false;
    const op = use.operatorToken.kind;
    const other = unwrap(use.left === field ? use.right : use.left);
    return (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken) && ts.isStringLiteralLike(other);
  }
  if (field.name.text !== "arguments" || !use || !ts.isCallExpression(use) || use.arguments[0] !== field) return false;
  const callee = use.expression;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === "parse" && ts.isIdentifier(callee.expression) && callee.expression.text === "JSON";
}

/**
 * `const text = data.candidates?.[0]?.content?.parts?.[0]?.text; if (!text) return null;`: the model's
 * text read through optional links into a `const` whose first read is a presence test that leaves, and
 * whose other reads only `JSON.parse` it (held round 26's decision, and round 28's Legit-app
 * `process-batch-queue:116`, labelled clean): the parse is an input of its own, judged there. Answers
 * the local's declaration, or undefined.
 */
export function presenceTestedModelText(end: ts.Expression): ts.VariableDeclaration | undefined {
  let top: ts.Node = end;
  while (top.parent && ts.isParenthesizedExpression(top.parent)) top = top.parent;
  const decl = top.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== top || !ts.isIdentifier(decl.name)) return undefined;
  const list = decl.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return undefined;
  const refs = findRefs(decl.name.text, scopeOf(decl), decl.name.end);
  // Past the test, only parsed (an input of its own): a string method or a helper of unknown effect would
  // crash on, or take, a truthy non-string (labelled findings elsewhere on tune).
  if (!refs.slice(1).every(parsedWhole)) return undefined;
  const first = refs[0];
  const not = first?.parent;
  if (!not || !ts.isPrefixUnaryExpression(not) || not.operator !== ts.SyntaxKind.ExclamationToken) return undefined;
  const test = not.parent;
  if (!test || !ts.isIfStatement(test) || test.expression !== not || test.elseStatement) return undefined;
  const last = ts.isBlock(test.thenStatement) ? test.thenStatement.statements[test.thenStatement.statements.length - 1] : test.thenStatement;
  return last && (ts.isReturnStatement(last) || ts.isThrowStatement(last)) ? decl : undefined;
}

/** `JSON.parse(text)`: the local handed whole to the parse. */
function parsedWhole(ref: ts.Identifier): boolean {
  const call = ref.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== ref) return false;
  const e = call.expression;
  return ts.isPropertyAccessExpression(e) && e.name.text === "parse" && ts.isIdentifier(e.expression) && e.expression.text === "JSON";
}
