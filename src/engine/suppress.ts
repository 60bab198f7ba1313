import { ts } from "./ts";
import { defineRule } from "./define-rule";
import type { Finding, Range, TextEdit } from "./types";
import { innermostNodeAt } from "./walk";
import { jsxSourceOf, startsInJsxChildren } from "./jsx-comment";

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
    missingReason: { message: "This ignore directive gives no reason: nobody can tell later why the finding is silenced. Add one after the two dashes (-- reason).", fix: "none", description: "An ignore directive without a reason after `--`" },
    unusedDirective: { message: "This ignore directive for {{code}} silences nothing: it would hide a real finding added here later. Remove it.", fix: "safe", description: "An ignore directive that silences no finding" },
    unknownCode: { message: "This ignore directive names {{code}}, which is no rule or case of Hardening Hints, so it silences nothing. Fix the name or remove it.", fix: "none", description: "An ignore directive that names no known rule or case" },
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

/** Sorted offsets of every occurrence of `needle` in `text` (one pass). */
function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) out.push(at);
  return out;
}

/** Index of the last element of sorted `list` that is < `pos`, or -1 (binary search). */
function lastBefore(list: readonly number[], pos: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Finds the comment around a position. Every lookup is O(log n) over offsets listed once per
 * file, so that a file full of directives stays linear (a backward text search per directive
 * made 11,000 directives quadratic, and one block comment full of them cubic).
 */
class CommentFinder {
  private readonly opens: number[];
  private readonly closes: number[];
  private lineStart = -1;
  private lineSlash = -1;

  constructor(
    private readonly sf: ts.SourceFile,
    private readonly text: string,
  ) {
    this.opens = occurrences(text, "/*");
    this.closes = occurrences(text, "*/");
  }

  /** The comment holding `pos`, or undefined when `pos` is in code, a string or JSX text. */
  at(pos: number): Range | undefined {
    const { sf, text, opens, closes } = this;
    const node = innermostNodeAt(sf, pos);
    if (LITERAL_KINDS.has(node.kind) && node.getStart(sf) <= pos) return undefined;
    // Inside an open block comment (even one whose line also holds `//`), the block is the comment.
    // Block comments do not nest: the comment opens at the first `/*` after the last `*/` before `pos`.
    const o = lastBefore(opens, pos + 1);
    const c = lastBefore(closes, pos + 1);
    const lastClose = c === -1 ? -1 : closes[c]!;
    if (o !== -1 && opens[o]! > lastClose) {
      const open = opens[lastBefore(opens, lastClose === -1 ? 0 : lastClose + 2) + 1]!;
      const close = c + 1 < closes.length ? closes[c + 1]! : -1;
      return { start: open, end: close === -1 ? text.length : close + 2 };
    }
    const lineStart = text.lastIndexOf("\n", pos - 1) + 1;
    if (lineStart !== this.lineStart) {
      // The first `//` of the line, found once per line however many directives it holds.
      this.lineStart = lineStart;
      const nl = text.indexOf("\n", lineStart);
      const slash = text.indexOf("//", lineStart);
      this.lineSlash = slash !== -1 && (nl === -1 || slash < nl) ? slash : -1;
    }
    if (this.lineSlash !== -1 && this.lineSlash < pos) return { start: this.lineSlash, end: lineEndAfter(text, pos) };
    return undefined;
  }
}

function lineEndAfter(text: string, pos: number): number {
  const nl = text.indexOf("\n", pos);
  const end = nl === -1 ? text.length : nl;
  return text[end - 1] === "\r" ? end - 1 : end;
}

/** Finds every directive in the file. Cheap when there is none (one indexOf); linear when there are many. */
export function parseDirectives(sf: ts.SourceFile, text: string): Directive[] {
  const out: Directive[] = [];
  let finder: CommentFinder | undefined;
  let previous: Range | undefined;
  for (let at = text.indexOf(DIRECTIVE_MARKER); at !== -1; at = text.indexOf(DIRECTIVE_MARKER, at + DIRECTIVE_MARKER.length)) {
    // A second marker in the comment that held the last one does not open its comment.
    if (previous && at >= previous.start && at < previous.end) continue;
    finder ??= new CommentFinder(sf, text);
    const comment = finder.at(at);
    if (!comment) continue;
    previous = comment;
    // As with eslint-disable, the directive must open the comment: prose that mentions it is not one.
    if (!/^[\s*]*$/.test(text.slice(comment.start + 2, at))) continue;
    const m = DIRECTIVE_RE.exec(text.slice(at, Math.min(comment.end, lineEndAfter(text, at))));
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

/** Two lists already in document order, merged (the first directive that covers a finding takes it). */
function inDocumentOrder(a: readonly Directive[], b: readonly Directive[]): Directive[] {
  if (b.length === 0) return a as Directive[];
  const out: Directive[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.range.start < b[j]!.range.start)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/**
 * Marks findings silenced by directives (they stay in the result, with `suppression`, so that
 * SARIF can emit them) and returns the directives for the unused/missing-reason checks.
 */
export function applyDirectives(sf: ts.SourceFile, findings: Finding[], directives: Directive[]): void {
  if (directives.length === 0) return;
  // Directives by target line (file directives under -1, kept in order), so each finding looks
  // at its own line's directives only: linear however many directives the file holds.
  const byLine = new Map<number, Directive[]>();
  const fileWide: Directive[] = [];
  for (const d of directives) {
    if (d.kind === "file") fileWide.push(d);
    else {
      const list = byLine.get(d.targetLine);
      if (list) list.push(d);
      else byLine.set(d.targetLine, [d]);
    }
  }
  for (const f of findings) {
    if (f.suppression) continue;
    const line = sf.getLineAndCharacterOfPosition(f.range.start).line;
    const own = byLine.get(line);
    const candidates = own ? inDocumentOrder(own, fileWide) : fileWide;
    for (const d of candidates) {
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
 * from the text alone. With `source` (the file's parse, or its name to parse a file that may hold
 * JSX), a line that starts among a JSX element's children gets the directive as `{/* … *\/}`,
 * since a `//` line there is JSX text (jsx-comment.ts).
 */
export function ignoreLineEdit(text: string, findingStart: number, code: string, eol: string, source?: ts.SourceFile | string): TextEdit {
  // TypeScript's line functions read only `text` (and cache `lineMap` on it); the declared
  // interface also names a method they never call.
  const lines = { text } as ts.SourceFileLike;
  const line = ts.getLineAndCharacterOfPosition(lines, findingStart).line;
  const lineStart = ts.getPositionOfLineAndCharacter(lines, line, 0);
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  if (line > 0) {
    const prevStart = ts.getPositionOfLineAndCharacter(lines, line - 1, 0);
    const prev = text.slice(prevStart, lineStart).replace(/\r?\n$/, "");
    // `// hardening-hints-ignore-next-line a -- why`, or its JSX form `{/* hardening-hints-ignore-next-line a -- why */}`.
    const m = /^([ \t]*\/\/\s*hardening-hints-ignore-next-line)([^\n]*?)(\s--.*)?$/.exec(prev) ?? jsxDirective(prev);
    if (m) {
      const codesText = (m[2] ?? "").trim();
      if (codesText.split(/[\s,]+/).includes(code)) return { start: lineStart, end: lineStart, text: "" };
      const at = prevStart + m[1]!.length + (m[2] ?? "").length;
      return { start: at, end: at, text: codesText ? `, ${code}` : ` ${code}` };
    }
  }
  const reason = "<reason>";
  const sf = jsxSourceOf(text, source);
  if (sf && startsInJsxChildren(sf, lineStart + indent.length)) {
    return { start: lineStart, end: lineStart, text: `${indent}{/* hardening-hints-ignore-next-line ${code} -- ${reason} */}${eol}`, placeholder: reason };
  }
  return { start: lineStart, end: lineStart, text: `${indent}// hardening-hints-ignore-next-line ${code} -- ${reason}${eol}`, placeholder: reason };
}

/**
 * `{/* hardening-hints-ignore-next-line a -- why *\/}`: the directive's head and its codes, as the `//`
 * form's match. The closing `*\/}` is cut off first: a pattern that must find it after a lazy run
 * backtracks quadratically on a long line that lacks it.
 */
function jsxDirective(line: string): RegExpExecArray | null {
  const body = line.trimEnd();
  if (!body.endsWith("*/}")) return null;
  return /^([ \t]*\{\/\*\s*hardening-hints-ignore-next-line)([^\n]*?)(\s--.*)?$/.exec(body.slice(0, -3).trimEnd());
}

/** The edit that inserts a file-level directive at the top (after a shebang). */
export function ignoreFileEdit(text: string, code: string, eol: string): TextEdit {
  const at = text.startsWith("#!") ? (text.indexOf("\n") === -1 ? text.length : text.indexOf("\n") + 1) : 0;
  const reason = "<reason>";
  const prefix = at === text.length && at > 0 && !text.endsWith("\n") ? eol : "";
  return { start: at, end: at, text: `${prefix}/* hardening-hints-ignore-file ${code} -- ${reason} */${eol}`, placeholder: reason };
}
