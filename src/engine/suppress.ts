import { ts } from "./ts";
import { defineRule } from "./define-rule";
import type { Finding, Range, TextEdit } from "./types";
import { innermostNodeAt } from "./walk";

/**
 * Inline directives, one grammar in every surface (ESLint's muscle memory):
 *   // hardening-hints-ignore-next-line <code>[, <code>] -- <reason>
 *   // hardening-hints-ignore-line <code> -- <reason>
 *   /* hardening-hints-ignore-file <code> -- <reason> *\/
 * A code is a family (`hardcoded-secret`) or a case (`hardcoded-secret/envFallbackLiteral`);
 * no code means every rule.
 */
export const DIRECTIVE_MARKER = "hardening-hints-ignore";

/** Metadata of the findings the directives themselves produce. */
export const directiveRule = defineRule({
  id: "ignore-directive",
  docs: { description: "Ignore directives must give a reason and must silence something" },
  severity: "warning",
  cases: {
    missingReason: { message: "Ignore directive gives no reason; add one after `--`", fix: "none", description: "An ignore directive without a reason after `--`" },
    unusedDirective: { message: "Ignore directive for `{{code}}` silences nothing; remove it", fix: "safe", description: "An ignore directive that silences no finding" },
    unknownCode: { message: "Ignore directive names unknown rule or case `{{code}}`", fix: "none", description: "An ignore directive that names no known rule or case" },
  },
  create: () => ({}),
});

export type DirectiveKind = "next-line" | "line" | "file";

export interface Directive {
  kind: DirectiveKind;
  /** Codes as written; empty means every rule. */
  codes: string[];
  reason: string;
  /** The comment's range. */
  range: Range;
  /** 0-based line the directive applies to (-1 for file directives). */
  targetLine: number;
  /** Codes that silenced at least one finding. */
  used: Set<string>;
}

// Linear: one optional kind suffix, then everything to the end of the comment text.
const DIRECTIVE_RE = /hardening-hints-ignore(-next-line|-line|-file)?(?![\w-])([^\n]*)/;

const LITERAL_KINDS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.JsxText,
]);

/** The comment holding `pos`, or undefined when `pos` is in code, a string or JSX text. */
function isInsideComment(sf: ts.SourceFile, text: string, pos: number): Range | undefined {
  const node = innermostNodeAt(sf, pos);
  if (LITERAL_KINDS.has(node.kind) && node.getStart(sf) <= pos) return undefined;
  // Inside an open block comment (even one whose line also holds `//`), the block is the comment.
  let open = text.lastIndexOf("/*", pos);
  if (open !== -1 && text.lastIndexOf("*/", pos) < open) {
    // Block comments do not nest: `/* a /* directive */` is one comment that starts at the first `/*`.
    while (open > 0) {
      const prev = text.lastIndexOf("/*", open - 1);
      if (prev === -1 || prev >= open || text.lastIndexOf("*/", open) > prev) break;
      open = prev;
    }
    const close = text.indexOf("*/", pos);
    return { start: open, end: close === -1 ? text.length : close + 2 };
  }
  const lineStart = lineStartBefore(text, pos);
  const lineComment = text.slice(lineStart, pos).indexOf("//");
  if (lineComment !== -1) return { start: lineStart + lineComment, end: lineEndAfter(text, pos) };
  return undefined;
}

function lineStartBefore(text: string, pos: number): number {
  return text.lastIndexOf("\n", pos - 1) + 1;
}

function lineEndAfter(text: string, pos: number): number {
  const nl = text.indexOf("\n", pos);
  const end = nl === -1 ? text.length : nl;
  return text[end - 1] === "\r" ? end - 1 : end;
}

/** Finds every directive in the file. Cheap when there is none (one indexOf). */
export function parseDirectives(sf: ts.SourceFile, text: string): Directive[] {
  const out: Directive[] = [];
  for (let at = text.indexOf(DIRECTIVE_MARKER); at !== -1; at = text.indexOf(DIRECTIVE_MARKER, at + DIRECTIVE_MARKER.length)) {
    const comment = isInsideComment(sf, text, at);
    if (!comment) continue;
    // As with eslint-disable, the directive must open the comment: prose that mentions it is not one.
    if (!/^[\s*]*$/.test(text.slice(comment.start + 2, at))) continue;
    const m = DIRECTIVE_RE.exec(text.slice(at, comment.end));
    if (!m) continue;
    const kind: DirectiveKind = m[1] === "-line" ? "line" : m[1] === "-file" ? "file" : m[1] === "-next-line" ? "next-line" : "next-line";
    // A bare `hardening-hints-ignore` reads as next-line, like eslint-disable-next-line's intent.
    let body = (m[2] ?? "").replace(/\*\/\s*$/, "");
    let reason = "";
    const dash = body.indexOf("--");
    if (dash !== -1) {
      reason = body.slice(dash + 2).trim();
      body = body.slice(0, dash);
    }
    const codes = body.split(/[\s,]+/).map((c) => c.trim()).filter((c) => c.length > 0);
    const line = sf.getLineAndCharacterOfPosition(comment.end).line;
    out.push({ kind, codes, reason, range: comment, targetLine: kind === "file" ? -1 : kind === "line" ? sf.getLineAndCharacterOfPosition(comment.start).line : line + 1, used: new Set() });
  }
  return out;
}

function covers(code: string, finding: Finding): boolean {
  return code === finding.ruleId || code === finding.code;
}

/**
 * Marks findings silenced by directives (they stay in the result, with `suppression`, so that
 * SARIF can emit them) and returns the directives for the unused/missing-reason checks.
 */
export function applyDirectives(sf: ts.SourceFile, findings: Finding[], directives: Directive[]): void {
  if (directives.length === 0) return;
  for (const f of findings) {
    if (f.suppression) continue;
    const line = sf.getLineAndCharacterOfPosition(f.range.start).line;
    for (const d of directives) {
      if (d.kind !== "file" && d.targetLine !== line) continue;
      const code = d.codes.length === 0 ? "*" : d.codes.find((c) => covers(c, f));
      if (!code) continue;
      d.used.add(code);
      f.suppression = { kind: "inSource", justification: d.reason };
      break;
    }
  }
}

/**
 * The edit that adds `code` to the ignore-next-line directive above the finding's line, or
 * inserts one. Lines are TypeScript's (the same line map the directives are applied with), read
 * from the text alone: no parse.
 */
export function ignoreLineEdit(text: string, findingStart: number, code: string, eol: string): TextEdit {
  // TypeScript's line functions read only `text` (and cache `lineMap` on it); the declared
  // interface also names a method they never call.
  const lines = { text } as ts.SourceFileLike;
  const line = ts.getLineAndCharacterOfPosition(lines, findingStart).line;
  const lineStart = ts.getPositionOfLineAndCharacter(lines, line, 0);
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  if (line > 0) {
    const prevStart = ts.getPositionOfLineAndCharacter(lines, line - 1, 0);
    const prev = text.slice(prevStart, lineStart).replace(/\r?\n$/, "");
    const m = /^([ \t]*\/\/\s*hardening-hints-ignore-next-line)([^\n]*?)(\s--.*)?$/.exec(prev);
    if (m) {
      const codesText = (m[2] ?? "").trim();
      if (codesText.split(/[\s,]+/).includes(code)) return { start: lineStart, end: lineStart, text: "" };
      const at = prevStart + m[1]!.length + (m[2] ?? "").length;
      return { start: at, end: at, text: codesText ? `, ${code}` : ` ${code}` };
    }
  }
  const reason = "<reason>";
  return { start: lineStart, end: lineStart, text: `${indent}// hardening-hints-ignore-next-line ${code} -- ${reason}${eol}`, placeholder: reason };
}

/** The edit that inserts a file-level directive at the top (after a shebang). */
export function ignoreFileEdit(text: string, code: string, eol: string): TextEdit {
  const at = text.startsWith("#!") ? (text.indexOf("\n") === -1 ? text.length : text.indexOf("\n") + 1) : 0;
  const reason = "<reason>";
  const prefix = at === text.length && at > 0 && !text.endsWith("\n") ? eol : "";
  return { start: at, end: at, text: `${prefix}/* hardening-hints-ignore-file ${code} -- ${reason} */${eol}`, placeholder: reason };
}
