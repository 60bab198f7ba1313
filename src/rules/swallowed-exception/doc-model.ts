/**
 * A rich-text editor's document model, which lives in memory (production docmost cell-chevron.tsx:86,
 * dnd-extension.ts:248, link-view.tsx:105):
 *
 *   import { TextSelection } from "@tiptap/pm/state";
 *   try { const $inside = editor.state.doc.resolve(cellPos + 1); editor.view.dispatch(editor.state.tr.setSelection(TextSelection.near($inside, 1))); } catch {}
 *   try { return editor.view.posAtDOM(wrapperRef.current, 0); } catch { return null; }
 *
 * ProseMirror (and Tiptap over it), Lexical, Slate, CodeMirror 6 and Yjs keep the document, its
 * selection and the transactions that change them as values of the page: resolving a position,
 * making a selection, stepping a transaction and dispatching it to the view compute and re-render;
 * sending a collaborator the change is the provider's own asynchronous work, which cannot throw into
 * the catch. Their failures are range errors of data in hand, as a parse's are. So, in a file that
 * imports one of those libraries, a call on a value reached through the model's own links (`state`,
 * `view`, `doc`, `tr`, `selection`, `schema`, ProseMirror's `$`-named resolved positions, an
 * `editorView`/`pmState`) computes
 * only, as does a named import of the library (`TextSelection.near`) and of a fractional-index
 * package (`generateKeyBetween`: string work). `editor.commands.…`, `editor.chain()…` and plugins'
 * own methods are not read: a command may upload or save.
 */
import type { ts as TS } from "../../engine/ts";
import { ts } from "../../engine/ts";
import type { ImportBinding } from "../../engine/ast";

// Packages of an in-memory document model (and of string keys for ordering its items).
const DOC_MODEL_PACKAGE_RE = /^(?:prosemirror-(?:model|state|transform|view|tables|commands|keymap|history|inputrules|schema-[\w-]+)|@tiptap\/(?:pm(?:\/[\w-]+)?|core|react|vue-3|vue-2)|yjs|lexical|@lexical\/(?:selection|utils|list|table|rich-text|text|html|markdown)|slate|slate-react|slate-history|@codemirror\/(?:state|view)|fractional-indexing(?:-jittered)?)$/;

// The model's own links: the editor state, the view, the document, a transaction, the selection, the schema.
const MODEL_LINK_RE = /^(?:state|view|doc|tr|transaction|selection|schema|\$\w+|(?:editor|pm|prosemirror|cm)(?:View|State))$/;

// Methods that reach outside the model even on its values (a view's DOM focus is harmless; these are not).
const NOT_MODEL_METHOD_RE = /^(?:then|catch|finally|fetch|send|post|emit|save|upload\w*)$/;

/** Whether the file imports a document-model package (type imports included: `import type { Editor }`). */
export function importsDocModel(imports: ReadonlyMap<string, ImportBinding>): boolean {
  for (const b of imports.values()) if (DOC_MODEL_PACKAGE_RE.test(b.spec)) return true;
  return false;
}

/** Whether an import specifier is a document-model package. */
export function isDocModelPackage(spec: string): boolean {
  return DOC_MODEL_PACKAGE_RE.test(spec);
}

/**
 * `editor.state.doc.resolve(p)`, `state.tr.setSelection(sel)`, `view.dispatch(tr)`, `$from.node(d)`: a
 * method called on a value the receiver chain reaches through one of the model's links, in a file
 * that imports the model's package (see the module comment).
 */
export function callsTheDocModel(callee: TS.PropertyAccessExpression, imports: ReadonlyMap<string, ImportBinding>): boolean {
  if (NOT_MODEL_METHOD_RE.test(callee.name.text) || !importsDocModel(imports)) return false;
  for (let e: ts.Expression = callee.expression; ; ) {
    if (ts.isIdentifier(e)) return MODEL_LINK_RE.test(e.text);
    if (ts.isPropertyAccessExpression(e)) {
      if (MODEL_LINK_RE.test(e.name.text)) return true;
      e = e.expression;
    } else if (ts.isNonNullExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
    else if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
      // `state.doc.resolve(p).node(d)`: a value the model's own method handed back.
      return callsTheDocModel(e.expression, imports);
    } else return false;
  }
}
