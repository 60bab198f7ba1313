import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { withoutCasts } from "./kept-input";

/**
 * `const p = PhoneParser.parse(phone); return \`+${p.callingCode} ${p.national}\`` …
 * `catch { return phone; }`, `return parsePhone(normalize(phone)).formatInternational()` …
 * `catch { log(…); return phone; }`, `s.assert(name, guard); return label || t(name)` …
 * `catch { return label; }`: a try that waits on nothing and only renders its input (a template of
 * what was parsed from it, a formatting method of its parse or a display formatter given it,
 * `prettyJson(JSON.parse(text))`, or the input itself when given), whose
 * catch answers with the input as it came. Nothing is defaulted: the caller gets its own value
 * back, unformatted. Neither the input nor its parse may change in the try (`u.hash = ""`).
 */
// Functions named for rendering a value for display (production growthbook: `prettyJson(parsed)`).
const FORMATTER_RE = /^(?:format|pretty|prettify|humanize|render)[A-Z]\w*$|^(?:pretty|prettify|humanize)$/;

export function rendersTheInput(tryBlock: ts.Block, value: ts.Node): boolean {
  if (!ts.isReturnStatement(value) || !value.expression) return false;
  const kept = withoutCasts(value.expression);
  if (!ts.isIdentifier(kept)) return false;
  const input = kept.text;
  const derived = new Set<string>();
  // The input, a local parsed from it, or a field of either.
  const read = (e: ts.Expression): boolean => {
    const u = withoutCasts(e);
    if (ts.isIdentifier(u)) return u.text === input || derived.has(u.text);
    return ts.isPropertyAccessExpression(u) && read(u.expression);
  };
  // A parse of the input, also of its normalised form: `parse(input)`, `parsePhone(normalizeE164(input))`.
  const parseOf = (e: ts.Expression): boolean => {
    const u = withoutCasts(e);
    return (ts.isCallExpression(u) || ts.isNewExpression(u)) && u.arguments !== undefined && u.arguments.length > 0 && (read(u.arguments[0]!) || parseOf(u.arguments[0]!));
  };
  // What the try answers: a read, a formatting method of a parse (`….formatInternational()`, `….toLocaleString()`).
  const from = (e: ts.Expression): boolean => {
    const u = withoutCasts(e);
    if (read(u)) return true;
    // A display formatter of the file or a library given the input or its parse: `prettyJson(parsed)`, `formatBytes(size)`.
    if (ts.isCallExpression(u) && ts.isIdentifier(u.expression) && FORMATTER_RE.test(u.expression.text) && u.arguments.length > 0) return read(u.arguments[0]!) || parseOf(u.arguments[0]!);
    return ts.isCallExpression(u) && ts.isPropertyAccessExpression(u.expression) && /^(?:format\w*|to\w*String)$/.test(u.expression.name.text) && (read(u.expression.expression) || parseOf(u.expression.expression));
  };
  const renders = (e: ts.Expression): boolean => {
    const u = withoutCasts(e);
    if (ts.isTemplateExpression(u)) return u.templateSpans.every((s) => from(s.expression));
    // `label || t(name)`: the input itself whenever it is given.
    if (ts.isBinaryExpression(u) && (u.operatorToken.kind === ts.SyntaxKind.BarBarToken || u.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) return ts.isIdentifier(u.left) && u.left.text === input;
    return from(u) && !ts.isIdentifier(u);
  };
  let answers = false;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    // `u.hash = ""`: the parse is changed before it is rendered, so the input is not what it renders.
    if (ts.isAwaitExpression(n) || (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && read(n.left))) other = true;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && parseOf(n.initializer)) derived.add(n.name.text);
    if (ts.isReturnStatement(n)) {
      if (n.expression && renders(n.expression)) answers = true;
      else other = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(tryBlock);
  return answers && !other;
}
