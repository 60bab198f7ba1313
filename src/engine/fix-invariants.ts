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
  if (applyEdits(text, own) === text) return "the fix does not change the text";
  // A clean slice is trusted; a broken one is confirmed on the whole file, since edits far apart
  // can open and close one construct (`function f() {` … `}`) and each slice alone then fails.
  if (sf && errorsBefore === 0 && syntaxErrorsInTouchedStatements(path, text, own, sf) === undefined) return undefined;
  const errorsAfter = parseDiagnostics(parseBare(path, applyEdits(text, own))).length;
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

/** A list of statements or class members whose elements parse the same wherever the list starts. */
interface ListScope {
  elements: readonly ts.Node[];
  /** The list's first and last offsets: the file's bounds at top level, else the elements' own. */
  start: number;
  end: number;
  /** Text around the slice that recreates the parsing context: an async/generator function, a class. */
  prefix: string;
  suffix: string;
}

function isFunctionBodyOwner(n: ts.Node): n is ts.FunctionLikeDeclaration {
  return ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n) || ts.isConstructorDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n);
}

function isDeclared(n: ts.Node): boolean {
  return ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword);
}

function functionWrapper(fn: ts.FunctionLikeDeclaration): string {
  const isAsync = ts.canHaveModifiers(fn) && !!ts.getModifiers(fn)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  // Arrow functions never have a yield context, whatever encloses them.
  const isGenerator = !ts.isArrowFunction(fn) && !!fn.asteriskToken;
  return `${isAsync ? "async " : ""}function${isGenerator ? "*" : ""} __hh() {\n`;
}

/**
 * The deepest statement or member list whose elements tile `[start, end]`: a function body (as a
 * function with the same async/generator flags), a block inside one (in its function's context),
 * a class body, or the file. Ambient code, namespaces, static blocks and `switch` cases are not
 * entered (their parsing context is not worth recreating).
 */
function deepestList(sf: ts.SourceFile, start: number, end: number, isModule: boolean): ListScope {
  const moduleMarker = isModule ? "export {};\n" : "";
  let best: ListScope = { elements: sf.statements, start: 0, end: sf.text.length, prefix: moduleMarker, suffix: "" };
  let fn: ts.FunctionLikeDeclaration | undefined;
  let node: ts.Node = sf;
  for (let depth = 0; depth < 500; depth++) {
    let next: ts.Node | undefined;
    ts.forEachChild(node, (c) => {
      if (c.pos <= start && end <= c.end) {
        next = c;
        return true;
      }
      return undefined;
    });
    if (!next || isDeclared(next) || ts.isModuleDeclaration(next) || ts.isClassStaticBlockDeclaration(next)) break;
    node = next;
    if (isFunctionBodyOwner(node)) fn = node;
    const list = ts.isBlock(node) ? node.statements : ts.isClassLike(node) ? node.members : undefined;
    if (!list || list.length === 0 || start < list[0]!.pos || end > list[list.length - 1]!.end) continue;
    if (ts.isClassLike(node)) best = { elements: list, start: list[0]!.pos, end: list[list.length - 1]!.end, prefix: "class __hh {\n", suffix: "\n}" };
    else if (fn) best = { elements: list, start: list[0]!.pos, end: list[list.length - 1]!.end, prefix: functionWrapper(fn), suffix: "\n}" };
    else best = { elements: list, start: list[0]!.pos, end: list[list.length - 1]!.end, prefix: `${moduleMarker}{\n`, suffix: "\n}" };
  }
  return best;
}

/**
 * Re-parses only what a fix touches, for a file that parsed without errors. Statements (and class
 * members) tile their list, each with its leading trivia, and each parses the same from its own
 * start whatever precedes it. So the edited elements of the deepest list holding the edits, plus
 * one unchanged neighbour on each side (which catches a changed element swallowing, or being
 * swallowed by, the next one), are parsed as a file of their own, wrapped to recreate the context
 * that changes parsing: an async or generator function for `await` and `yield`, a class for
 * members, a module for top-level `await`. An unterminated string, comment or brace then fails at
 * the slice's end instead of running on. Edits far apart are grouped by top-level statement and
 * checked group by group. Returns the first new error, if any.
 */
export function syntaxErrorsInTouchedStatements(path: string, text: string, edits: readonly TextEdit[], sf: ts.SourceFile): string | undefined {
  const stmts = sf.statements;
  const n = stmts.length;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups: { lo: number; hi: number; edits: TextEdit[] }[] = [];
  for (const e of sorted) {
    const lo = n === 0 ? 0 : Math.max(0, elementAt(stmts, e.start) - 1);
    const hi = n === 0 ? 0 : Math.min(n - 1, elementAt(stmts, e.end) + 1);
    const last = groups[groups.length - 1];
    if (last && lo <= last.hi + 1) {
      last.hi = Math.max(last.hi, hi);
      last.edits.push(e);
    } else groups.push({ lo, hi, edits: [e] });
  }
  const isModule = (sf as unknown as { externalModuleIndicator?: unknown }).externalModuleIndicator !== undefined;
  for (const g of groups) {
    const first = g.edits[0]!.start;
    const last = Math.max(...g.edits.map((e) => e.end));
    const scope = deepestList(sf, first, last, isModule);
    const list = scope.elements;
    const m = list.length;
    const lo = m === 0 ? 0 : Math.max(0, elementAt(list, first) - 1);
    const hi = m === 0 ? 0 : Math.min(m - 1, elementAt(list, last) + 1);
    const from = m === 0 || lo === 0 ? scope.start : list[lo]!.pos;
    const to = m === 0 || hi === m - 1 ? scope.end : list[hi]!.end;
    const shifted = g.edits.map((e) => ({ ...e, start: e.start - from, end: e.end - from }));
    let slice = applyEdits(text.slice(from, to), shifted);
    // The context goes first: appended after the slice, a marker could complete a construct the
    // edit left open (`if (a)` + `export {}`). A shebang must stay on the first line.
    const shebang = from === 0 && slice.startsWith("#!") ? /^#![^\n]*/.exec(slice)![0] : "";
    slice = `${shebang}${shebang ? "\n" : ""}${scope.prefix}${slice.slice(shebang.length)}${scope.suffix}`;
    const diags = parseDiagnostics(parseBare(path, slice));
    if (diags.length > 0) return `${diags.length} in the edited statements`;
  }
  return undefined;
}
