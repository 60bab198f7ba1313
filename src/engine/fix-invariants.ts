import { isFunctionLikeDeclaration } from "./ast";
import { ts } from "./ts";
import type { Fix, TextEdit } from "./types";
import { parseBare, parseDiagnostics } from "./walk";

/** Applies non-overlapping edits (any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Edits of a fix that target the analyzed file itself. */
export function ownEdits(fix: Fix): TextEdit[] {
  return fix.edits.filter((e) => e.file === undefined);
}

/** The first overlap among edits of one file, as a message, or undefined. */
export function findOverlap(edits: readonly TextEdit[]): string | undefined {
  const byFile = new Map<string, TextEdit[]>();
  for (const e of edits) {
    const key = e.file ?? "";
    let list = byFile.get(key);
    if (!list) byFile.set(key, (list = []));
    list.push(e);
  }
  for (const [file, list] of byFile) {
    const sorted = [...list].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const cur = sorted[i]!;
      if (prev.end > cur.start || (prev.start === cur.start && prev.end === prev.start && cur.end === cur.start)) {
        return `edits overlap at offset ${cur.start}${file ? ` in ${file}` : ""}`;
      }
    }
  }
  return undefined;
}

/**
 * Checks the fix invariants every surface relies on. Returns why the fix is invalid, or
 * undefined when it is fine:
 * - edits are in range and do not overlap;
 * - the fix changes something;
 * - the fixed file re-parses with no more syntax errors than before.
 * Given the file's tree (`sf`) and a file that parsed cleanly, only the top-level statements the
 * edits touch are re-parsed first (see `syntaxErrorsInTouchedStatements`), not the whole file.
 */
export function checkFix(path: string, text: string, fix: Fix, errorsBefore: number, sf?: ts.SourceFile): string | undefined {
  if (fix.edits.length === 0) return "the fix has no edits";
  for (const e of fix.edits) {
    if (e.start < 0 || e.end < e.start) return `edit range ${e.start}-${e.end} is invalid`;
    if (e.file === undefined && e.end > text.length) return `edit range ${e.start}-${e.end} is past the end of the file`;
  }
  const overlap = findOverlap(fix.edits);
  if (overlap) return overlap;
  const own = ownEdits(fix);
  if (own.length === 0) return undefined; // only other files (e.g. .env.example); nothing to re-parse here
  const output = applyEdits(text, own);
  if (output === text) return "the fix does not change the text";
  // A clean slice is trusted; a broken one is confirmed on the whole file, since edits far apart
  // can open and close one construct (`function f() {` … `}`) and each slice alone then fails.
  if (sf && errorsBefore === 0 && syntaxErrorsInTouchedStatements(path, text, own, sf) === undefined) return undefined;
  const errorsAfter = parseDiagnostics(parseBare(path, output)).length;
  if (errorsAfter > errorsBefore) return `the fixed text has ${errorsAfter - errorsBefore} new syntax error(s)`;
  return undefined;
}

/** Index of the first element that ends at or after `pos` (elements tile their list in order). */
function elementAt(list: readonly ts.Node[], pos: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.end < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last element that starts at or before `pos`: an insertion at a boundary touches both sides. */
function lastElementAt(list: readonly ts.Node[], pos: number): number {
  const i = elementAt(list, pos);
  return i + 1 < list.length && list[i + 1]!.pos <= pos ? i + 1 : i;
}

/**
 * A list of statements or class members whose elements parse the same wherever the list starts.
 * A slice of it is parsed as `head` + (`{` from the source, or `open` when the slice starts
 * after the first element) + elements + (the source's own `}`, or `close`).
 */
interface ListScope {
  elements: readonly ts.Node[];
  /** Where a slice that starts at the first element starts (the `{` of a block or class body; 0 at top level). */
  start: number;
  /** Where a slice that ends at the last element ends (after the closing `}`; the file's end at top level). */
  end: number;
  head: string;
  open: string;
  close: string;
}

function isDeclared(n: ts.Node): boolean {
  return ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword);
}

function functionHead(fn: ts.FunctionLikeDeclaration): string {
  const isAsync = ts.canHaveModifiers(fn) && !!ts.getModifiers(fn)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  // Arrow functions never have a yield context, whatever encloses them.
  const isGenerator = !ts.isArrowFunction(fn) && !!fn.asteriskToken;
  return `${isAsync ? "async " : ""}function${isGenerator ? "*" : ""} __hh() `;
}

/**
 * The child of `node` whose range holds [start, end]. Statement lists are searched by halving, so
 * that thousands of fixes in one long list stay linear overall; other nodes have few children.
 */
function childContaining(node: ts.Node, start: number, end: number): ts.Node | undefined {
  const list = ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node) ? node.statements : undefined;
  if (list && list.length > 0) {
    const c = list[elementAt(list, start)]!;
    if (c.pos <= start && end <= c.end) return c;
    if (!ts.isSourceFile(node)) return undefined;
    return node.endOfFileToken.pos <= start && end <= node.endOfFileToken.end ? node.endOfFileToken : undefined;
  }
  let found: ts.Node | undefined;
  ts.forEachChild(node, (c) => {
    if (c.pos <= start && end <= c.end) {
      found = c;
      return true;
    }
    return undefined;
  });
  return found;
}

/**
 * The deepest statement or member list whose elements tile `[start, end]`: a function body (as a
 * function with the same async/generator flags), a block inside one (in its function's context),
 * a class body, or the file. Ambient code, namespaces, static blocks and `switch` cases are not
 * entered (their parsing context is not worth recreating).
 */
function deepestList(sf: ts.SourceFile, start: number, end: number, isModule: boolean): ListScope {
  const moduleMarker = isModule ? "export {};\n" : "";
  let best: ListScope = { elements: sf.statements, start: 0, end: sf.text.length, head: moduleMarker, open: "", close: "" };
  let fn: ts.FunctionLikeDeclaration | undefined;
  let node: ts.Node = sf;
  for (let depth = 0; depth < 500; depth++) {
    const next = childContaining(node, start, end);
    if (!next || isDeclared(next) || ts.isModuleDeclaration(next) || ts.isClassStaticBlockDeclaration(next)) break;
    node = next;
    if (isFunctionLikeDeclaration(node)) fn = node;
    const list = ts.isBlock(node) ? node.statements : ts.isClassLike(node) ? node.members : undefined;
    if (!list || list.length === 0 || start < list[0]!.pos || end > list[list.length - 1]!.end) continue;
    // The list starts right after its `{`; anything else (it should not happen) is not entered.
    if (sf.text.charCodeAt(list.pos - 1) !== 123 /* { */ || sf.text.charCodeAt(node.end - 1) !== 125 /* } */) continue;
    const head = ts.isClassLike(node) ? "class __hh " : fn ? functionHead(fn) : moduleMarker;
    best = { elements: list, start: list.pos - 1, end: node.end, head, open: "{\n", close: "\n}" };
  }
  return best;
}

/** The text that makes `st` module syntax: a whole import or export statement, or an `export` modifier. */
function moduleSyntaxRange(st: ts.Statement, sf: ts.SourceFile): { start: number; end: number } | undefined {
  if (ts.isImportDeclaration(st) || ts.isImportEqualsDeclaration(st) || ts.isExportDeclaration(st) || ts.isExportAssignment(st)) return { start: st.getStart(sf), end: st.end };
  const mod = ts.canHaveModifiers(st) ? ts.getModifiers(st)?.find((m) => m.kind === ts.SyntaxKind.ExportKeyword) : undefined;
  return mod ? { start: mod.getStart(sf), end: mod.end } : undefined;
}

/** How far a slice may grow to the right to end where a line ends, before it takes the rest of the list. */
const MAX_SAME_LINE = 50;

/**
 * Re-parses only what a fix touches, for a file that parsed without errors. Statements (and class
 * members) tile their list, each with its leading trivia, and each parses the same from its own
 * start whatever precedes it. So the edited elements of the deepest list holding the edits, plus
 * one unchanged neighbour before and at least one after, are parsed as a file of their own. The
 * slice ends where a line ends (an edit can turn a declaration into an expression that then needs
 * the line break or `;` the original did not), or with the list's own closing `}`, and it is
 * wrapped to recreate the context that changes parsing: an async or generator function for
 * `await` and `yield`, a class for members, a module for top-level `await`. An unterminated
 * string, comment or brace then fails at the slice's end instead of running on. Edits far apart
 * are grouped by top-level statement and checked group by group. Returns the first new error, if any.
 * Measured against whole-file parses of random edits: `test/unit/engine/fix-invariants.test.ts`.
 */
export function syntaxErrorsInTouchedStatements(path: string, text: string, edits: readonly TextEdit[], sf: ts.SourceFile): string | undefined {
  const stmts = sf.statements;
  const n = stmts.length;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups: { lo: number; hi: number; edits: TextEdit[] }[] = [];
  for (const e of sorted) {
    const lo = n === 0 ? 0 : Math.max(0, elementAt(stmts, e.start) - 1);
    const hi = n === 0 ? 0 : Math.min(n - 1, lastElementAt(stmts, e.end) + 1);
    const last = groups[groups.length - 1];
    if (last && lo <= last.hi + 1) {
      last.hi = Math.max(last.hi, hi);
      last.edits.push(e);
    } else groups.push({ lo, hi, edits: [e] });
  }
  // Module or script changes how `await` parses, and one group's edit can change it for all:
  // edits inside a statement with module syntax are judged on the whole file; edits that add
  // module syntax make every slice a module.
  for (const e of sorted) {
    for (let i = elementAt(stmts, e.start); i < n && stmts[i]!.pos <= e.end; i++) {
      const st = stmts[i]!;
      const syntax = moduleSyntaxRange(st, sf);
      if (syntax && e.start < syntax.end && (e.end > syntax.start || e.start > syntax.start)) return "the edits touch an import or export";
    }
  }
  const isModule = (sf as unknown as { externalModuleIndicator?: unknown }).externalModuleIndicator !== undefined || sorted.some((e) => /\b(?:import|export)\b/.test(e.text));
  for (const g of groups) {
    const first = g.edits[0]!.start;
    const last = Math.max(...g.edits.map((e) => e.end));
    const scope = deepestList(sf, first, last, isModule);
    const list = scope.elements;
    const m = list.length;
    const lo = m === 0 ? 0 : Math.max(0, elementAt(list, first) - 1);
    let hi = m === 0 ? 0 : Math.min(m - 1, lastElementAt(list, last) + 1);
    for (let extra = 0; hi < m - 1 && !text.slice(list[hi]!.end, list[hi + 1]!.getStart(sf)).includes("\n"); extra++) hi = extra < MAX_SAME_LINE ? hi + 1 : m - 1;
    const from = m === 0 || lo === 0 ? scope.start : list[lo]!.pos;
    const to = m === 0 || hi === m - 1 ? scope.end : list[hi]!.end;
    const shifted = g.edits.map((e) => ({ ...e, start: e.start - from, end: e.end - from }));
    let slice = applyEdits(text.slice(from, to), shifted);
    // The context goes first: appended after the slice, a marker could complete a construct the
    // edit left open (`if (a)` + `export {}`). A shebang must stay on the first line.
    const shebang = from === 0 && slice.startsWith("#!") ? /^#![^\n]*/.exec(slice)![0] : "";
    const open = m === 0 || lo === 0 ? "" : scope.open;
    const close = m === 0 || hi === m - 1 ? "" : scope.close;
    const prefix = `${shebang}${shebang ? "\n" : ""}${scope.head}`;
    slice = `${prefix}${open}${slice.slice(shebang.length)}${close}`;
    const parsed = parseBare(path, slice);
    const diags = parseDiagnostics(parsed);
    if (diags.length > 0) return `${diags.length} in the edited statements`;
    // Inside a block or class, the wrapper must still be one statement that ends with the slice:
    // an edit that closes it early (`}` … `{`) would otherwise borrow the wrapper's own `}`.
    if (scope.open !== "") {
      const wrapperStart = shebang.length + (shebang ? 1 : 0) + (scope.head.startsWith("export {};") ? scope.head.length : 0);
      const w = parsed.statements[parsed.statements.length - 1];
      if (!w || w.getStart(parsed) !== wrapperStart || w.end !== slice.length) return "the edits change the structure around them";
    }
  }
  return undefined;
}

interface EarlyError {
  key: string;
  start: number;
  message: string;
}

// The binder is not in TypeScript's public typings, but every build of it exports it: it reports
// what a program-less parse cannot, a name declared twice in one scope (TS2451, TS2300) and
// strict-mode misuse, which JavaScript engines refuse at load as SyntaxErrors.
const bindSourceFile = (ts as unknown as { bindSourceFile?: (sf: ts.SourceFile, options: ts.CompilerOptions) => void }).bindSourceFile;

/** The file's syntax errors and the binder's early errors, keyed by code and message. */
function earlyErrors(path: string, text: string): EarlyError[] {
  const sf = parseBare(path, text);
  const diags: readonly ts.DiagnosticWithLocation[] = [...parseDiagnostics(sf)];
  bindSourceFile?.(sf, {});
  const bound = (sf as unknown as { bindDiagnostics?: ts.DiagnosticWithLocation[] }).bindDiagnostics ?? [];
  return [...diags, ...bound].map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, " ");
    return { key: `TS${d.code} ${message}`, start: d.start, message: `TS${d.code} ${message}` };
  });
}

/**
 * An error that `after` has and `before` did not, found without a program: a syntax error, or an
 * early error of the binder such as `Cannot redeclare block-scoped variable 'settled'` (two fixes
 * applied together that each declare one name in a block). Errors are counted by code and message,
 * so ones already in `before` that only moved do not count. Undefined when there is none.
 *
 * @example
 * newEarlyError("/a.ts", "f();", "const a = 1; const a = 2; f();")
 * // → { message: "TS2451 Cannot redeclare block-scoped variable 'a'.", line: 1 }
 */
export function newEarlyError(path: string, before: string, after: string): { message: string; line: number } | undefined {
  return newEarlyErrorCheck(path, before)(after);
}

/** `newEarlyError` against one `before`, its errors found once, for many `after` texts. */
export function newEarlyErrorCheck(path: string, before: string): (after: string) => { message: string; line: number } | undefined {
  const had = new Map<string, number>();
  for (const e of earlyErrors(path, before)) had.set(e.key, (had.get(e.key) ?? 0) + 1);
  return (after) => {
    const left = new Map(had);
    for (const e of earlyErrors(path, after).sort((a, b) => a.start - b.start)) {
      const n = left.get(e.key) ?? 0;
      if (n > 0) {
        left.set(e.key, n - 1);
        continue;
      }
      return { message: e.message, line: after.slice(0, e.start).split("\n").length };
    }
    return undefined;
  };
}
