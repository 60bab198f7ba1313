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
 */
export function checkFix(path: string, text: string, fix: Fix, errorsBefore: number): string | undefined {
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
  const errorsAfter = parseDiagnostics(parseBare(path, output)).length;
  if (errorsAfter > errorsBefore) return `the fixed text has ${errorsAfter - errorsBefore} new syntax error(s)`;
  return undefined;
}
