/**
 * Where a comment line may go in JSX (issue 11, session 25, prodall28): an inserted line that
 * starts among a JSX element's children is JSX text, so a `// …` comment there renders as text or
 * breaks the parse (production rallly: "Mark as not a secret…" above `<Trans i18nKey="…" />` inside
 * `<DialogTitle>`). There a comment must be an empty expression, `{/* … *\/}`. Between the
 * attributes of a tag, and anywhere in code, a `//` line is a comment.
 */
import { ts } from "./ts";
import { innermostNodeAt, scriptKindOf } from "./walk";

/**
 * True when `pos`, the first character of a line after its indentation, is among a JSX element's
 * or fragment's children: in JSX text, at the start of a child element or expression, or at the
 * closing tag.
 */
export function startsInJsxChildren(sf: ts.SourceFile, pos: number): boolean {
  for (let n: ts.Node | undefined = innermostNodeAt(sf, pos); n && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isJsxText(n) || ts.isJsxClosingElement(n) || ts.isJsxClosingFragment(n)) return true;
    const p = n.parent;
    if (p && (ts.isJsxElement(p) || ts.isJsxFragment(p)) && p.children.some((c) => c === n)) return n.getStart(sf) === pos;
  }
  return false;
}

/** The last parse `jsxSourceOf` made: the editor asks once per diagnostic under the cursor, for the same text. */
let lastParse: { readonly fileName: string; readonly text: string; readonly sf: ts.SourceFile } | undefined;

/**
 * The source file to judge a line by: the one given, or a parse of `text` when `fileName` names a
 * file that may hold JSX (`.tsx`, `.jsx`, `.js`, `.mjs`, `.cjs`, where React code is written too).
 * Undefined for TypeScript without JSX or text that cannot hold `<`. The last parse is kept, so
 * several ignore edits asked for one unchanged text parse it once.
 */
export function jsxSourceOf(text: string, source: ts.SourceFile | string | undefined): ts.SourceFile | undefined {
  if (source === undefined) return undefined;
  if (typeof source !== "string") return source;
  const kind = scriptKindOf(source);
  if (kind === undefined || kind === ts.ScriptKind.TS || text.indexOf("<") === -1) return undefined;
  if (lastParse?.fileName === source && lastParse.text === text) return lastParse.sf;
  const sf = ts.createSourceFile(source, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true, kind);
  lastParse = { fileName: source, text, sf };
  return sf;
}
