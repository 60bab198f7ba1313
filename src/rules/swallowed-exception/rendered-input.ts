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
 * back, unformatted. Neither the input nor its parse may change in the try (`u.hash = ""`; a parse
 * of the parse, `parsed = JSON.parse(parsed)`, is still the input's). Also `JSON.stringify(parsed,
 * null, 2)` and an `Intl` formatter given the input (`new Intl.DisplayNames(…).of(code) ?? code`);
 * an answer object of one shape on both sides (`return { formatted: JSON.stringify(parsed, null,
 * 2), isJson: true }` … `catch { return { formatted: details, isJson: false }; }`: the input where
 * the try puts its rendering, constants elsewhere); and a nested catch that answers the parse.
 */
// Functions named for rendering a value for display (production growthbook: `prettyJson(parsed)`).
const FORMATTER_RE = /^(?:format|pretty|prettify|humanize|render)[A-Z]\w*$|^(?:pretty|prettify|humanize)$/;

// `JSON.stringify(parsed, null, 2)`: the parse written back out for people to read.
function isJsonStringify(e: ts.CallExpression): boolean {
  return ts.isPropertyAccessExpression(e.expression) && ts.isIdentifier(e.expression.expression) && e.expression.expression.text === "JSON" && e.expression.name.text === "stringify";
}

// `Intl.DisplayNames`, `(Intl as any).DisplayNames`: a constructor of the Intl namespace.
function isIntlMember(e: ts.Expression): boolean {
  const u = withoutCasts(e);
  if (!ts.isPropertyAccessExpression(u)) return false;
  const ns = withoutCasts(u.expression);
  return ts.isIdentifier(ns) && ns.text === "Intl";
}

// `new Intl.DisplayNames([lang], { type: "region" })`, `new Intl.NumberFormat(locale, opts)`: a display formatter;
// also through a local of the function bound to one (`const DisplayNames = (Intl as any).DisplayNames;
// … new DisplayNames([locale], { type: "region" })`, production vendure: typed before TypeScript knew it).
function isIntlFormatter(e: ts.Expression, intlLocals: ReadonlySet<string>): boolean {
  const u = withoutCasts(e);
  if (!ts.isNewExpression(u)) return false;
  return isIntlMember(u.expression) || (ts.isIdentifier(u.expression) && intlLocals.has(u.expression.text));
}

// `const DisplayNames = (Intl as any).DisplayNames;` in the function around the try, before it.
function intlLocalsBefore(tryBlock: ts.Block): Set<string> {
  const names = new Set<string>();
  const tryStatement = tryBlock.parent;
  const list = tryStatement?.parent;
  if (!list || !ts.isBlock(list)) return names;
  for (const st of list.statements) {
    if (st === tryStatement) break;
    if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer && isIntlMember(d.initializer)) names.add(d.name.text);
  }
  return names;
}

// Methods that only normalise a code's spelling before it is rendered (`code.replace("_", "-")`).
const NORMALISERS = new Set(["replace", "replaceAll", "trim", "toLowerCase", "toUpperCase", "normalize"]);

// `{ formatted: details, isJson: false }`: the field holding the input (the others constants), or undefined.
function inputField(o: ts.ObjectLiteralExpression): { key: string; input: string } | undefined {
  let found: { key: string; input: string } | undefined;
  for (const p of o.properties) {
    if (ts.isShorthandPropertyAssignment(p)) return undefined;
    if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return undefined;
    const v = withoutCasts(p.initializer);
    if (ts.isIdentifier(v) && v.text !== "undefined") {
      if (found) return undefined;
      found = { key: p.name.text, input: v.text };
    } else if (!isConstant(v)) return undefined;
  }
  return found;
}

function isConstant(v: ts.Expression): boolean {
  return ts.isStringLiteralLike(v) || ts.isNumericLiteral(v) || v.kind === ts.SyntaxKind.TrueKeyword || v.kind === ts.SyntaxKind.FalseKeyword || v.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(v) && v.text === "undefined");
}

// The keys of an object literal, sorted: two answers of one shape have the same.
function keysOf(o: ts.ObjectLiteralExpression): string {
  return o.properties.map((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : "?")).sort().join(",");
}

/**
 * `selectedEvent?.traits` → `selectedEvent.traits`: a chain of property reads from a name, or undefined;
 * also through an element read by a name or a literal (`tokens[idx].content`, a markdown-it rule's token).
 */
function fieldPath(e: ts.PropertyAccessExpression): string | undefined {
  const inner = withoutCasts(e.expression);
  const head = ts.isIdentifier(inner) ? inner.text : ts.isPropertyAccessExpression(inner) ? fieldPath(inner) : ts.isElementAccessExpression(inner) ? elementPath(inner) : undefined;
  return head === undefined ? undefined : `${head}.${e.name.text}`;
}

function elementPath(e: ts.ElementAccessExpression): string | undefined {
  const obj = withoutCasts(e.expression);
  const arg = e.argumentExpression;
  if (!ts.isIdentifier(obj) || !(ts.isIdentifier(arg) || ts.isNumericLiteral(arg) || ts.isStringLiteral(arg))) return undefined;
  return `${obj.text}[${ts.isStringLiteral(arg) ? JSON.stringify(arg.text) : arg.text}]`;
}

// A rendering library's call that turns source text into markup for display: KaTeX's `renderToString`,
// MathJax's `tex2svg`/`tex2chtml` and its adaptor's `innerHTML`/`outerHTML`, `toHTML`.
const MARKUP_RE = /^(?:render(?:ToString)?|\w+2(?:svg|chtml|html|mml)|toHTML|toHtml|innerHTML|outerHTML)$/;

/** The operands of `a + b + c`, parentheses and casts dropped. */
function concatParts(e: ts.Expression): ts.Expression[] {
  const u = withoutCasts(e);
  return ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.PlusToken ? [...concatParts(u.left), ...concatParts(u.right)] : [u];
}

export function rendersTheInput(tryBlock: ts.Block, value: ts.Node): boolean {
  if (!ts.isReturnStatement(value) || !value.expression) return false;
  const kept = withoutCasts(value.expression);
  // `catch { return { formatted: details, isJson: false }; }`: the input in one field of the answer.
  const shape = ts.isObjectLiteralExpression(kept) ? inputField(kept) : undefined;
  // `catch { return selectedEvent.traits; }`: the input may be a field of a value in hand (dittofeed).
  const field = !shape && ts.isPropertyAccessExpression(kept) ? fieldPath(kept) : undefined;
  if (!ts.isIdentifier(kept) && !shape && !field) return false;
  const input = shape ? shape.input : field ?? (kept as ts.Identifier).text;
  const derived = new Set<string>();
  const intlLocals = intlLocalsBefore(tryBlock);
  // The input, a local parsed from it, or a field of either.
  const read = (e: ts.Expression): boolean => {
    const u = withoutCasts(e);
    if (ts.isIdentifier(u)) return u.text === input || derived.has(u.text);
    if (field && ts.isPropertyAccessExpression(u) && fieldPath(u) === field) return true;
    return ts.isPropertyAccessExpression(u) && read(u.expression);
  };
  // A parse of the input, also of its normalised form: `parse(input)`, `parsePhone(normalizeE164(input))`.
  const parseOf = (e: ts.Expression): boolean => {
    const u = withoutCasts(e);
    return (ts.isCallExpression(u) || ts.isNewExpression(u)) && u.arguments !== undefined && u.arguments.length > 0 && (read(u.arguments[0]!) || parseOf(u.arguments[0]!));
  };
  // The input or its spelling normalised (`value.replace("_", "-")`, `code.trim().toUpperCase()`).
  const given = (e: ts.Expression): boolean => {
    const u = withoutCasts(e);
    if (read(u)) return true;
    return ts.isCallExpression(u) && ts.isPropertyAccessExpression(u.expression) && NORMALISERS.has(u.expression.name.text) && given(u.expression.expression);
  };
  // What the try answers: a read, a formatting method of a parse (`….formatInternational()`, `….toLocaleString()`).
  const from = (e: ts.Expression): boolean => {
    const u = withoutCasts(e);
    if (read(u)) return true;
    // A display formatter of the file or a library given the input or its parse: `prettyJson(parsed)`, `formatBytes(size)`.
    if (ts.isCallExpression(u) && ts.isIdentifier(u.expression) && FORMATTER_RE.test(u.expression.text) && u.arguments.length > 0) return read(u.arguments[0]!) || parseOf(u.arguments[0]!);
    if (ts.isCallExpression(u) && isJsonStringify(u) && u.arguments.length > 0) return read(u.arguments[0]!) || parseOf(u.arguments[0]!);
    // `new Intl.DisplayNames([lang], { type: "region" }).of(code)`: an Intl formatter given the input.
    if (ts.isCallExpression(u) && ts.isPropertyAccessExpression(u.expression) && isIntlFormatter(u.expression.expression, intlLocals) && u.arguments.length > 0) return given(u.arguments[0]!) || parseOf(u.arguments[0]!);
    // `katex.renderToString(tokens[idx].content, opts)`, `adaptor.innerHTML(MathJax.tex2svg(src))`: markup made of the input or its rendering.
    if (ts.isCallExpression(u) && ts.isPropertyAccessExpression(u.expression) && MARKUP_RE.test(u.expression.name.text) && u.arguments.length > 0) return read(u.arguments[0]!) || parseOf(u.arguments[0]!);
    return ts.isCallExpression(u) && ts.isPropertyAccessExpression(u.expression) && /^(?:format\w*|to\w*String)$/.test(u.expression.name.text) && (read(u.expression.expression) || parseOf(u.expression.expression));
  };
  const renders = (e: ts.Expression): boolean => {
    const u = withoutCasts(e);
    // `\`${u.protocol}//${u.host}${u.pathname}\`.replace(/\/$/, "")`: a rendering whose spelling is
    // normalised with constant arguments is still a rendering of the input.
    if (ts.isCallExpression(u) && ts.isPropertyAccessExpression(u.expression) && NORMALISERS.has(u.expression.name.text) && u.arguments.every((a) => isConstant(withoutCasts(a)) || ts.isRegularExpressionLiteral(a))) return renders(u.expression.expression);
    if (ts.isTemplateExpression(u)) return u.templateSpans.every((s) => from(s.expression));
    // `"<p>" + katex.renderToString(src, opts) + "</p>"`: the rendering wrapped in constant markup.
    if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const parts = concatParts(u);
      // Constant markup around it, not reads joined (`u.pathname + u.search` is the URL-probe convention's, reported).
      return parts.some((p) => ts.isStringLiteralLike(p)) && parts.some((p) => !ts.isStringLiteralLike(p)) && parts.every((p) => ts.isStringLiteralLike(p) || renders(p));
    }
    // `label || t(name)`: the input itself whenever it is given.
    // `rendering ?? code`: the input itself when the rendering has nothing.
    if (ts.isBinaryExpression(u) && (u.operatorToken.kind === ts.SyntaxKind.BarBarToken || u.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) return (ts.isIdentifier(u.left) && u.left.text === input) || (ts.isIdentifier(withoutCasts(u.right)) && (withoutCasts(u.right) as ts.Identifier).text === input && renders(u.left));
    return from(u) && !ts.isIdentifier(u);
  };
  // The try's answer: a rendering, or the answer object of the catch's shape with the rendering in the input's field.
  const answer = (e: ts.Expression): boolean => {
    if (!shape) return renders(e);
    const o = withoutCasts(e);
    if (!ts.isObjectLiteralExpression(o) || keysOf(o) !== keysOf(kept as ts.ObjectLiteralExpression)) return false;
    return o.properties.every((p) => ts.isPropertyAssignment(p) && ((ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === shape.key ? renders(p.initializer) : isConstant(withoutCasts(p.initializer))));
  };
  // A nested catch that answers the input or its parse (`catch { return parsed; }`): nothing defaulted there either.
  const givesBack = (n: ts.ReturnStatement): boolean => {
    if (shape || !n.expression || !ts.isIdentifier(withoutCasts(n.expression))) return false;
    for (let p: ts.Node = n.parent; p !== tryBlock; p = p.parent) if (ts.isCatchClause(p)) return read(n.expression);
    return false;
  };
  let answers = false;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    // `u.hash = ""`: the parse is changed before it is rendered, so the input is not what it renders.
    // `parsed = JSON.parse(parsed)`: a parse of the parse is still the input's.
    const reparse = ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left) && derived.has(n.left.text) && parseOf(n.right);
    if (ts.isAwaitExpression(n) || (!reparse && ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && read(n.left))) other = true;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && parseOf(n.initializer)) derived.add(n.name.text);
    if (ts.isReturnStatement(n)) {
      if (n.expression && answer(n.expression)) answers = true;
      else if (!givesBack(n)) other = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(tryBlock);
  return answers && !other;
}
