import { ts } from "../engine/ts";
import type { TextEdit } from "../engine/types";
import type { FileStyle } from "./text";

/** Style of the import to add: the file's quotes/semicolons/EOL, and ESM or CommonJS. */
export interface ImportStyle extends Pick<FileStyle, "eol" | "quote" | "semi"> {
  /** False for CommonJS files: a `const { name } = require("module")` is added instead. */
  module: boolean;
}

function requireOf(init: ts.Expression | undefined, moduleName: string): boolean {
  return !!init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === "require" && init.arguments.length === 1 && ts.isStringLiteral(init.arguments[0]!) && init.arguments[0]!.text === moduleName;
}

/**
 * Edits that make `name` available from `moduleName`: nothing when it is already imported,
 * a merge into an existing import (or destructured `require`) of the module, else a new
 * import after the last import (after directives and leading comments when there is none).
 * @example addNamedImport(text, sf, "zod", "z", { eol: "\n", quote: '"', semi: ";", module: true })
 *   // [{ start: 0, end: 0, text: 'import { z } from "zod";\n' }]
 */
export function addNamedImport(text: string, sf: ts.SourceFile, moduleName: string, name: string, style: ImportStyle): TextEdit[] {
  let lastImportEnd = -1;
  let lastRequireEnd = -1;
  let mergeTarget: ts.NamedImports | ts.ObjectBindingPattern | undefined;
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      lastImportEnd = st.end;
      if (!ts.isStringLiteral(st.moduleSpecifier) || st.moduleSpecifier.text !== moduleName) continue;
      const clause = st.importClause;
      if (!clause) continue;
      if (clause.name?.text === name && !clause.isTypeOnly) return [];
      const nb = clause.namedBindings;
      if (nb && ts.isNamespaceImport(nb) && nb.name.text === name) return [];
      if (nb && ts.isNamedImports(nb) && !clause.isTypeOnly) {
        if (nb.elements.some((el) => el.name.text === name && !el.isTypeOnly)) return [];
        mergeTarget ??= nb;
      }
      continue;
    }
    if (ts.isVariableStatement(st)) {
      let isRequire = false;
      for (const d of st.declarationList.declarations) {
        if (!requireOf(d.initializer, moduleName)) {
          if (d.initializer && ts.isCallExpression(d.initializer) && ts.isIdentifier(d.initializer.expression) && d.initializer.expression.text === "require") isRequire = true;
          continue;
        }
        isRequire = true;
        if (ts.isIdentifier(d.name) && d.name.text === name) return [];
        if (ts.isObjectBindingPattern(d.name)) {
          if (d.name.elements.some((el) => ts.isIdentifier(el.name) && el.name.text === name)) return [];
          mergeTarget ??= d.name;
        }
      }
      if (isRequire) lastRequireEnd = st.end;
    }
  }
  if (mergeTarget) {
    const els = mergeTarget.elements;
    if (els.length === 0) {
      const open = mergeTarget.getStart(sf) + 1;
      return [{ start: open, end: mergeTarget.getEnd() - 1, text: ` ${name} ` }];
    }
    const last = els[els.length - 1]!;
    const lastStart = last.getStart(sf);
    const lineStart = text.lastIndexOf("\n", lastStart - 1) + 1;
    const indent = text.slice(lineStart, lastStart);
    // A multi-line list (`import {\n  A,\n  B,\n} from …`, prettier's form): the name on its own line, at the same indentation, with the list's trailing comma.
    if (indent.trim() === "" && lineStart > mergeTarget.getStart(sf)) {
      if (els.hasTrailingComma) {
        const comma = text.indexOf(",", last.getEnd()) + 1;
        return [{ start: comma, end: comma, text: `${style.eol}${indent}${name},` }];
      }
      return [{ start: last.getEnd(), end: last.getEnd(), text: `,${style.eol}${indent}${name}` }];
    }
    return [{ start: last.getEnd(), end: last.getEnd(), text: `, ${name}` }];
  }
  const q = style.quote;
  const line = style.module ? `import { ${name} } from ${q}${moduleName}${q}${style.semi}` : `const { ${name} } = require(${q}${moduleName}${q})${style.semi}`;
  const after = style.module ? lastImportEnd : Math.max(lastRequireEnd, lastImportEnd);
  if (after >= 0) return [{ start: after, end: after, text: `${style.eol}${line}` }];
  return [{ start: insertionPoint(text, sf), end: insertionPoint(text, sf), text: `${line}${style.eol}${needsBlankLine(text, sf) ? style.eol : ""}` }];
}

/**
 * Edits that bind the default export of `moduleName` to `name`: nothing when the file already
 * does, else `import name from "…"` (or `const name = require("…")`) after the last import.
 */
export function addDefaultImport(text: string, sf: ts.SourceFile, moduleName: string, name: string, style: ImportStyle): TextEdit[] {
  let lastImportEnd = -1;
  let lastRequireEnd = -1;
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      lastImportEnd = st.end;
      if (ts.isStringLiteral(st.moduleSpecifier) && st.moduleSpecifier.text === moduleName && st.importClause?.name?.text === name) return [];
    } else if (ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => d.initializer && ts.isCallExpression(d.initializer) && ts.isIdentifier(d.initializer.expression) && d.initializer.expression.text === "require")) {
      lastRequireEnd = st.end;
      if (st.declarationList.declarations.some((d) => requireOf(d.initializer, moduleName) && ts.isIdentifier(d.name) && d.name.text === name)) return [];
    }
  }
  const q = style.quote;
  const line = style.module ? `import ${name} from ${q}${moduleName}${q}${style.semi}` : `const ${name} = require(${q}${moduleName}${q})${style.semi}`;
  const after = style.module ? lastImportEnd : Math.max(lastRequireEnd, lastImportEnd);
  if (after >= 0) return [{ start: after, end: after, text: `${style.eol}${line}` }];
  const at = insertionPoint(text, sf);
  return [{ start: at, end: at, text: `${line}${style.eol}${needsBlankLine(text, sf) ? style.eol : ""}` }];
}

/** After a shebang, leading `"use strict"`/`"use client"` directives and the file's header comments. */
function insertionPoint(text: string, sf: ts.SourceFile): number {
  let pos = 0;
  for (const st of sf.statements) {
    if (ts.isExpressionStatement(st) && ts.isStringLiteral(st.expression)) {
      pos = nextLine(text, st.end);
      continue;
    }
    break;
  }
  if (pos === 0) {
    if (text.startsWith("#!")) pos = nextLine(text, 0);
    const first = sf.statements[0];
    const comments = first ? ts.getLeadingCommentRanges(text, first.pos) : undefined;
    // Keep a header comment (license, JSDoc of the file) above the import when it is followed by a blank line.
    if (comments && comments.length > 0) {
      const c = comments[0]!;
      const rest = text.slice(c.end, first!.getStart(sf));
      if (/\n\s*\n/.test(rest)) pos = lineStartOf(text, first!.getStart(sf));
    }
  }
  return pos;
}

function lineStartOf(text: string, pos: number): number {
  return text.lastIndexOf("\n", pos - 1) + 1;
}

function nextLine(text: string, from: number): number {
  const nl = text.indexOf("\n", from);
  return nl === -1 ? text.length : nl + 1;
}

function needsBlankLine(text: string, sf: ts.SourceFile): boolean {
  const at = insertionPoint(text, sf);
  const rest = text.slice(at, at + 2);
  return rest !== "" && !/^\r?\n/.test(rest);
}
