import type { ts } from "./ts";
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

/** Index of the first statement that ends at or after `pos` (statements tile the text in order). */
function statementAt(stmts: readonly ts.Statement[], pos: number): number {
  let lo = 0;
  let hi = stmts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stmts[mid]!.end < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Re-parses only what a fix touches, for a file that parsed without errors. Top-level statements
 * tile the file (each with its leading trivia), and each parses the same from its own start
 * whatever precedes it, so the edited statements plus one unchanged neighbour on each side (which
 * catches a changed statement swallowing, or being swallowed by, the next one) are parsed as a
 * file of their own, as a module when the file is one. An unterminated string, comment or brace
 * then fails at the slice's end instead of running on. Returns the first new error, if any.
 * A file that is one big statement (a UMD wrapper) is parsed whole, as before.
 */
export function syntaxErrorsInTouchedStatements(path: string, text: string, edits: readonly TextEdit[], sf: ts.SourceFile): string | undefined {
  const stmts = sf.statements;
  const n = stmts.length;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups: { lo: number; hi: number; edits: TextEdit[] }[] = [];
  for (const e of sorted) {
    const lo = n === 0 ? 0 : Math.max(0, statementAt(stmts, e.start) - 1);
    const hi = n === 0 ? 0 : Math.min(n - 1, statementAt(stmts, e.end) + 1);
    const last = groups[groups.length - 1];
    if (last && lo <= last.hi + 1) {
      last.hi = Math.max(last.hi, hi);
      last.edits.push(e);
    } else groups.push({ lo, hi, edits: [e] });
  }
  const isModule = (sf as unknown as { externalModuleIndicator?: unknown }).externalModuleIndicator !== undefined;
  for (const g of groups) {
    const from = n === 0 || g.lo === 0 ? 0 : stmts[g.lo]!.pos;
    const to = n === 0 || g.hi === n - 1 ? text.length : stmts[g.hi]!.end;
    const shifted = g.edits.map((e) => ({ ...e, start: e.start - from, end: e.end - from }));
    let slice = applyEdits(text.slice(from, to), shifted);
    // As a module when the file is one (top-level `await` parses differently). The marker goes
    // first: appended, it could complete a construct the edit left open (`if (a)` + `export {}`).
    if (isModule) slice = slice.startsWith("#!") ? slice.replace(/^#![^\n]*/, (line) => `${line}\nexport {};`) : `export {};\n${slice}`;
    const diags = parseDiagnostics(parseBare(path, slice));
    if (diags.length > 0) return `${diags.length} in the edited statements`;
  }
  return undefined;
}
