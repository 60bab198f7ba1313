/**
 * Style detection shared by fix builders: fixes match the file's end of line, indentation,
 * quotes and semicolons, the way vscode-eslint's disable-comment edits respect indentation.
 */

/** "\r\n" when the file's first line break is CRLF, else "\n". */
export function detectEol(text: string): string {
  const nl = text.indexOf("\n");
  return nl > 0 && text[nl - 1] === "\r" ? "\r\n" : "\n";
}

/** The indentation unit: a tab, or the smallest non-zero run of leading spaces (default 2). */
export function detectIndentUnit(text: string): string {
  let smallest = Infinity;
  let tabs = 0;
  let spaces = 0;
  // Not the ` * ` of a block comment's continuation lines (one space, whatever the code's indentation).
  const re = /^([ \t]+)[^\s*]/gm;
  let count = 0;
  for (let m = re.exec(text); m && count < 400; m = re.exec(text), count++) {
    const ws = m[1]!;
    if (ws[0] === "\t") tabs++;
    else {
      spaces++;
      if (ws.length < smallest) smallest = ws.length;
    }
  }
  if (tabs > spaces) return "\t";
  return " ".repeat(Number.isFinite(smallest) && smallest <= 8 ? smallest : 2);
}

/** Leading whitespace of the line holding `pos`. */
export function lineIndentAt(text: string, pos: number): string {
  const start = text.lastIndexOf("\n", pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, start + 200))![0];
}

/** Offset of the start of the line holding `pos`. */
export function lineStartAt(text: string, pos: number): number {
  return text.lastIndexOf("\n", pos - 1) + 1;
}

/** The quote the file uses most for string literals in imports and calls (default double). */
export function detectQuote(text: string): '"' | "'" {
  let single = 0;
  let double = 0;
  const re = /(?:from\s+|require\(|import\(|\(\s*)(["'])/g;
  let count = 0;
  for (let m = re.exec(text); m && count < 200; m = re.exec(text), count++) {
    if (m[1] === "'") single++;
    else double++;
  }
  return single > double ? "'" : '"';
}

/** False when most statements end without a semicolon (standard style). */
export function usesSemicolons(text: string): boolean {
  let withSemi = 0;
  let without = 0;
  const re = /[^\s{}(,;:[]([;]?)[ \t]*\r?\n/g;
  let count = 0;
  for (let m = re.exec(text); m && count < 400; m = re.exec(text), count++) {
    if (m[1] === ";") withSemi++;
    else without++;
  }
  return withSemi === 0 && without > 0 ? false : withSemi * 4 >= without;
}

/** A string literal in the file's quote style, escaping as needed. */
export function quote(value: string, q: '"' | "'"): string {
  const escaped = value.replace(/\\/g, "\\\\").replace(new RegExp(q, "g"), `\\${q}`).replace(/\n/g, "\\n").replace(/\r/g, "\\r");
  return `${q}${escaped}${q}`;
}

export interface FileStyle {
  eol: string;
  indentUnit: string;
  quote: '"' | "'";
  semi: string;
}

let lastText: string | undefined;
let lastStyle: FileStyle | undefined;

/**
 * All style facts at once; compute it only when a fix is built (never on the hot path). The
 * last answer is kept: a file with thousands of findings builds thousands of fixes over the same
 * text, and rescanning it for each made JSON output quadratic.
 */
export function detectStyle(text: string): FileStyle {
  if (text === lastText && lastStyle) return lastStyle;
  const style: FileStyle = Object.freeze({ eol: detectEol(text), indentUnit: detectIndentUnit(text), quote: detectQuote(text), semi: usesSemicolons(text) ? ";" : "" });
  lastText = text;
  lastStyle = style;
  return style;
}
