import { ts } from "../../engine/ts";
import { calleeName, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";

/**
 * `JSON.parse(s) as T`, `value as unknown as T`, `(x)`, `x!`, `x satisfies T`: the expression
 * without the type-only wrappers, which change no value.
 */
export function withoutCasts(e: ts.Expression): ts.Expression {
  let u = e;
  while (ts.isParenthesizedExpression(u) || ts.isAsExpression(u) || ts.isTypeAssertionExpression(u) || ts.isNonNullExpression(u) || ts.isSatisfiesExpression(u)) u = u.expression;
  return u;
}

/** `payload.jsonData` for `(payload as Record<string, unknown>).jsonData`: a name or a chain of field reads, casts dropped. */
export function readPath(e: ts.Expression): string | undefined {
  const u = withoutCasts(e);
  if (ts.isIdentifier(u)) return u.text === "undefined" ? undefined : u.text;
  if (!ts.isPropertyAccessExpression(u) || u.questionDotToken) return undefined;
  const base = readPath(u.expression);
  return base && `${base}.${u.name.text}`;
}

// Date parsers that only read their input (date-fns `parseISO`/`toDate`, dayjs, moment, Luxon's `fromISO`).
const DATE_PARSE_RE = /^(?:parseISO|parseJSON|toDate|dayjs|moment|fromISO|fromSQL|fromRFC2822)$/;

/**
 * `new Date(input)`, `parseISO(input)`, `dayjs(input)`: the input's date, which the try then
 * formats (`format(new Date(input), "PP")`, `dayjs(input).format("LL")`). Answers the expression
 * the date is made from, else `e` itself (without casts), so a caller compares it as the input.
 */
export function throughDate(e: ts.Expression): ts.Expression {
  const u = withoutCasts(e);
  if (ts.isNewExpression(u) && ts.isIdentifier(u.expression) && u.expression.text === "Date" && u.arguments?.length === 1) return withoutCasts(u.arguments[0]!);
  if (ts.isCallExpression(u) && u.arguments.length >= 1 && DATE_PARSE_RE.test(calleeName(u)?.replace(/^.*\./, "") ?? "")) return withoutCasts(u.arguments[0]!);
  return u;
}

/**
 * `new Date(input).toLocaleDateString()`, `dayjs(input).format("LL")`: a method called on the
 * input's date; answers the input expression, if the receiver is one.
 */
export function dateMethodInput(e: ts.Expression): ts.Expression | undefined {
  const u = withoutCasts(e);
  if (!ts.isCallExpression(u) || !ts.isPropertyAccessExpression(u.expression)) return undefined;
  const recv = withoutCasts(u.expression.expression);
  const input = throughDate(recv);
  return input !== recv ? input : undefined;
}

// React's `useMemo`, Vue's `computed`, Solid's `createMemo`, Svelte 5's `$derived.by`: a value derived for rendering.
const MEMO_CALLEES = new Set(["useMemo", "computed", "createMemo", "$derived.by"]);
// Calls that render a value for people to read: date-fns/Intl `format…`, `toLocale…String`, `toFixed`.
const RENDER_CALL_RE = /^(?:format\w*|toLocale\w*String|toFixed|toPrecision)$/;

/**
 * `const range = useMemo(() => { try { return \`${format(from, "MMM d")} - ${format(to, "PP")}\`; }
 * catch { return ""; } }, [from, to])`: a string derived for display in a memo callback, whose try
 * answers only renderings (a template or a `format…` call) and renders something, and whose catch
 * answers a fixed string: an empty or placeholder label, nothing the program relies on.
 */
export function memoRendersForDisplay(clause: ts.CatchClause, value: ts.Node): boolean {
  if (!ts.isReturnStatement(value) || !value.expression || !ts.isStringLiteralLike(value.expression)) return false;
  const tryBlock = (clause.parent as ts.TryStatement).tryBlock;
  const fn = tryBlock.parent.parent.parent;
  if (!ts.isBlock(tryBlock.parent.parent) || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return false;
  const call = fn.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== fn || !MEMO_CALLEES.has(call.expression.getText())) return false;
  let renders = false;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other || isFunctionLike(n)) return;
    if (ts.isAwaitExpression(n)) other = true;
    if (ts.isCallExpression(n) && RENDER_CALL_RE.test(calleeName(n)?.replace(/^.*\./, "") ?? "")) renders = true;
    if (ts.isReturnStatement(n)) {
      const r = n.expression && withoutCasts(n.expression);
      const rendering = !!r && (ts.isTemplateExpression(r) || ts.isStringLiteralLike(r) || (ts.isCallExpression(r) && RENDER_CALL_RE.test(calleeName(r)?.replace(/^.*\./, "") ?? "")));
      if (!rendering) other = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(tryBlock);
  return renders && !other;
}
