// Keeps the bundles ASCII. V8 stores a script's source text for as long as the script lives, one
// byte per character when every character is Latin-1 and two bytes otherwise: one "…" in a regex
// doubled dist/engine.js (11 MB, TypeScript included) to 23 MB of every CLI run's, worker's and
// extension host's heap. esbuild (charset "ascii", its default) escapes strings and templates but
// leaves regular expression literals and the comments it keeps as written; this plugin escapes
// those two in the source it loads, and `assertAscii` makes the build fail if anything else slips
// through.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const NON_ASCII = /[^\x00-\x7f]/;
const LOADERS = { ".ts": "ts", ".mts": "ts", ".cts": "ts", ".tsx": "tsx", ".js": "js", ".mjs": "js", ".cjs": "js", ".jsx": "jsx" };

let ts;
const hex = (c) => "\\u" + c.toString(16).padStart(4, "0");

/**
 * A regular expression literal with every non-ASCII UTF-16 unit written as `\uXXXX`: the same
 * pattern with and without the `u` flag (a surrogate pair of escapes is one code point under `u`,
 * two units without it, as the raw characters were). A non-ASCII character escaped by an odd run
 * of backslashes (`\…`, an identity escape, only legal without `u`) loses that backslash.
 */
export function escapeRegexLiteral(literal) {
  let out = "";
  for (let i = 0; i < literal.length; i++) {
    const c = literal.charCodeAt(i);
    if (c < 0x80) {
      out += literal[i];
      continue;
    }
    let slashes = 0;
    for (let j = out.length - 1; j >= 0 && out[j] === "\\"; j--) slashes++;
    if (slashes % 2 === 1) out = out.slice(0, -1);
    out += hex(c);
  }
  return out;
}

/** The source with regex literals and comments made ASCII; strings, templates and the rest as they were. */
export function asciiSource(text, fileName) {
  ts ??= createRequire(import.meta.url)("typescript");
  const ext = fileName.slice(fileName.lastIndexOf("."));
  const kind = ext === ".tsx" ? ts.ScriptKind.TSX : ext === ".jsx" ? ts.ScriptKind.JSX : /^\.[cm]?js$/.test(ext) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  // Every token that carries text of its own; any other non-ASCII character is in a comment.
  const tokens = [];
  const visit = (node) => {
    if (ts.isRegularExpressionLiteral(node) || ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node) || ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || node.kind === ts.SyntaxKind.JsxText) {
      tokens.push({ start: node.getStart(sf), end: node.end, regex: ts.isRegularExpressionLiteral(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  tokens.sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  const comment = (to) => {
    // Inside a comment any spelling will do; `\uXXXX` cannot close it.
    for (; at < to; at++) {
      const c = text.charCodeAt(at);
      out += c < 0x80 ? text[at] : hex(c);
    }
  };
  for (const t of tokens) {
    comment(t.start);
    const token = text.slice(t.start, t.end);
    out += t.regex && NON_ASCII.test(token) ? escapeRegexLiteral(token) : token;
    at = t.end;
  }
  comment(text.length);
  return out;
}

/** esbuild plugin: loads source files with non-ASCII regex literals or comments through {@link asciiSource}. */
export const asciiPlugin = {
  name: "ascii-source",
  setup(b) {
    b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (a) => {
      if (a.namespace !== "file") return undefined;
      const text = readFileSync(a.path, "utf8");
      if (!NON_ASCII.test(text)) return undefined;
      return { contents: asciiSource(text, a.path), loader: LOADERS[a.path.slice(a.path.lastIndexOf("."))] ?? "js" };
    });
  },
};

/** Fails the build when a bundle still holds a non-ASCII character (see the top of this file). */
export function assertAscii(file) {
  const text = readFileSync(file, "utf8");
  const m = NON_ASCII.exec(text);
  if (!m) return;
  const line = text.slice(0, m.index).split("\n").length;
  throw new Error(`build: ${file}:${line} holds a non-ASCII character (${JSON.stringify(m[0])}); V8 would keep the whole bundle's source at two bytes per character. Escape it (scripts/build/ascii.mjs).`);
}
