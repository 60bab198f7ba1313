import * as vscode from "vscode";
import type { AnalysisResult, Finding, Fix, TextEdit } from "../engine";
import type { DocumentAnalyzer } from "./analyzer";
import { folderGlobOf } from "./config-edit";
import { docsTitle, ignoreFileTitle, ignoreLineTitle, orderFixes, turnOffFolderTitle, turnOffTitle } from "./convert";
import { codeOf } from "./diagnostics";
import { SHOW_DOCS_COMMAND } from "./docs-view";
import { loadEngine } from "./engine";
import { secretFixes } from "./secret-actions";
import { configTargetOf, folderOffWorkspaceEdit, SAVE_CONFIG_COMMAND, severityWorkspaceEdit } from "./rule-config";
import { readSettings } from "./settings";
import { positionsOf, uriForPath } from "./uris";


/** `source.fixAll.hardeningHints`, for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append("hardeningHints");

/** Selects the reason placeholder after an ignore action inserted its directive. */
export const SELECT_PLACEHOLDER_COMMAND = "hardeningHints.selectPlaceholder";

/** Findings of the engine's own directive checks: ignoring them with a directive makes no sense. */
const DIRECTIVE_RULE = "ignore-directive";

/**
 * Converts engine edits to a WorkspaceEdit. Edits to other files (`.env.example`) use that
 * file's open buffer or disk text for positions; `create` makes the file within the same,
 * undoable edit. Nothing is written to disk here.
 */
export function toWorkspaceEdit(doc: vscode.TextDocument, edits: readonly TextEdit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const e of edits) {
    if (e.file === undefined) {
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.text);
      continue;
    }
    const uri = uriForPath(e.file, doc.uri);
    if (e.create) {
      edit.createFile(uri, { ignoreIfExists: true });
      edit.insert(uri, new vscode.Position(0, 0), e.text);
      continue;
    }
    const at = positionsOf(e.file);
    if (!at) throw new Error(`${e.file} cannot be read to place the fix's edit`);
    edit.replace(uri, new vscode.Range(at(e.start), at(e.end)), e.text);
  }
  return edit;
}

function fixAction(doc: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = toWorkspaceEdit(doc, fix.edits);
  action.diagnostics = [diagnostic];
  if (fix.isPreferred) action.isPreferred = true;
  action.command = placeholderCommand(doc, fix.edits);
  return action;
}

/**
 * The command that selects an edit's placeholder (`<reason>`) once the edit is applied, so
 * that typing replaces it: the snippet experience, with a plain undoable WorkspaceEdit.
 */
function placeholderCommand(doc: vscode.TextDocument, edits: readonly TextEdit[]): vscode.Command | undefined {
  const own = edits.filter((e) => e.file === undefined);
  const target = own.find((e) => e.placeholder && e.text.includes(e.placeholder));
  if (!target?.placeholder) return undefined;
  // Offsets after the edit: earlier edits in this document shift the placeholder by their length change.
  const shift = own.filter((e) => e !== target && e.start <= target.start).reduce((n, e) => n + e.text.length - (e.end - e.start), 0);
  const offset = target.start + shift + target.text.indexOf(target.placeholder);
  return { title: "Select the placeholder", command: SELECT_PLACEHOLDER_COMMAND, arguments: [doc.uri, offset, target.placeholder.length] };
}

/** An ignore action: the directive edit, then the `<reason>` placeholder is selected. */
function ignoreAction(doc: vscode.TextDocument, title: string, edit: TextEdit, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = toWorkspaceEdit(doc, [edit]);
  action.diagnostics = [diagnostic];
  action.command = placeholderCommand(doc, [edit]);
  return action;
}

/**
 * "Turn off family/case for this project…": one undoable edit of the `.hardeninghints.json` in
 * effect (created with `$schema` when there is none), then saved so that the engine reads it.
 */
function turnOffAction(config: vscode.Uri, code: string, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  return configAction(turnOffTitle(code), config, severityWorkspaceEdit(config, code, "off"), diagnostic);
}

/**
 * "Turn off family/case for this folder…": the same config gets an `overrides` entry for the
 * file's folder (`<dir>/**`, relative to the config). Not offered for a file in the config's own
 * folder, where it would be the project turn-off.
 */
function turnOffFolderAction(doc: vscode.TextDocument, config: vscode.Uri, code: string, diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
  const glob = folderGlobOf(config.fsPath, doc.uri.fsPath);
  return glob === undefined ? undefined : configAction(turnOffFolderTitle(code), config, folderOffWorkspaceEdit(config, glob, code), diagnostic);
}

function configAction(title: string, config: vscode.Uri, edit: vscode.WorkspaceEdit, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = edit;
  action.command = { title: "Save the configuration", command: SAVE_CONFIG_COMMAND, arguments: [config] };
  action.diagnostics = [diagnostic];
  return action;
}

/**
 * Quick fixes per finding in a fixed order (preferred safe fix, other safe fixes, suggestions,
 * ignore line, ignore file, turn off for the folder, turn off for the project, docs) and `source.fixAll.hardeningHints`. Everything is built from
 * an analysis of the document's current version. A file that is not valid UTF-8 on disk gets no
 * action that edits it (no fix, no ignore directive): only the turn-offs and the docs.
 */
export class HardeningCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  /**
   * The sound "fix all" of an analysis (it parses and binds the file twice): code actions are asked
   * for on every cursor move over a diagnostic, the analysis only when the document changes.
   */
  private readonly soundFixes = new WeakMap<AnalysisResult, { applied: Fix[]; dropped: number }>();

  constructor(private readonly analyzer: DocumentAnalyzer) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, token: vscode.CancellationToken): vscode.CodeAction[] {
    const only = context.only;
    if (!readSettings(doc.uri).enable) return [];
    if (only && FIX_ALL_KIND.intersects(only) && !only.contains(vscode.CodeActionKind.QuickFix)) {
      const all = this.fixAll(doc, FIX_ALL_KIND);
      return all ? [all.action] : [];
    }
    if (only && !vscode.CodeActionKind.QuickFix.intersects(only)) return [];
    const ours = context.diagnostics.filter((d) => codeOf(d) !== undefined);
    if (ours.length === 0 || token.isCancellationRequested) return [];
    const analysis = this.analyzer.current(doc).result;
    if (!analysis) return [];
    // A file on disk that is not valid UTF-8 (analyzer.ts): the engine gave no fix, and an ignore
    // directive saved through the buffer would overwrite its bytes just the same.
    const editable = !analysis.problems.some((p) => p.kind === "notUtf8");
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const finding = this.match(doc, analysis.findings, diagnostic);
      if (finding) actions.push(...this.actionsFor(doc, finding, diagnostic, editable));
    }
    // Then one "fix all" for the file, as vscode-eslint does, when it does more than the fix above.
    const all = this.fixAll(doc, vscode.CodeActionKind.QuickFix);
    if (all && actions.length > 0 && all.count > 1) actions.push(all.action);
    return actions;
  }

  /** The finding a diagnostic shows, matched on code and exact range in the current text. */
  private match(doc: vscode.TextDocument, findings: readonly Finding[], d: vscode.Diagnostic): Finding | undefined {
    const code = codeOf(d);
    const start = doc.offsetAt(d.range.start);
    const end = doc.offsetAt(d.range.end);
    return findings.find((f) => !f.suppression && f.code === code && f.range.start === start && f.range.end === end);
  }

  private actionsFor(doc: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic, editable: boolean): vscode.CodeAction[] {
    const text = doc.getText();
    const eol = doc.eol === vscode.EndOfLine.CRLF ? "\r\n" : "\n";
    const line = editable && finding.ruleId !== DIRECTIVE_RULE ? loadEngine().ignoreLineEdit(text, finding.range.start, finding.code, eol, doc.fileName) : undefined;
    // A rule's "Mark as …" suggestion can make exactly the ignore-line edit: the menu then shows it
    // once, as the "Ignore … for this line" entry every finding has (CLI and SARIF keep the rule's fix).
    const sameAsLine = (f: Fix) => !!line && f.kind === "suggestion" && f.edits.length === 1 && f.edits[0]!.file === undefined && f.edits[0]!.start === line.start && f.edits[0]!.end === line.end && f.edits[0]!.text === line.text;
    const actions = orderFixes(secretFixes(doc, finding, finding.fixes)).filter((f) => !sameAsLine(f)).map((fix) => fixAction(doc, fix, diagnostic));
    if (line) {
      if (line.text !== "" || line.start !== line.end) actions.push(ignoreAction(doc, ignoreLineTitle(finding.code), line, diagnostic));
      actions.push(ignoreAction(doc, ignoreFileTitle(finding.code), loadEngine().ignoreFileEdit(text, finding.code, eol), diagnostic));
    }
    if (finding.ruleId !== DIRECTIVE_RULE) {
      const config = configTargetOf(doc.uri);
      const folder = turnOffFolderAction(doc, config, finding.code, diagnostic);
      if (folder) actions.push(folder);
      actions.push(turnOffAction(config, finding.code, diagnostic));
    }
    const docs = new vscode.CodeAction(docsTitle(finding.code), vscode.CodeActionKind.QuickFix);
    docs.command = { title: docsTitle(finding.code), command: SHOW_DOCS_COMMAND, arguments: [finding.code] };
    docs.diagnostics = [diagnostic];
    actions.push(docs);
    return actions;
  }

  /**
   * One pass of every safe fix that does not overlap another (the engine's `applyFixes` policy),
   * less any that would break the file with the others (`applyFixesSoundly`); the title counts
   * those left out, whose diagnostics stay.
   */
  private fixAll(doc: vscode.TextDocument, kind: vscode.CodeActionKind): { action: vscode.CodeAction; count: number } | undefined {
    const analysis = this.analyzer.current(doc).result;
    if (!analysis || !analysis.analyzed) return undefined;
    let sound = this.soundFixes.get(analysis);
    if (!sound) {
      const engine = loadEngine();
      const chosen = analysis.findings.map((f) => engine.bulkFixOf(f)).filter((f): f is Fix => f !== undefined);
      const { applied, dropped } = chosen.length > 0 ? engine.applyFixesSoundly(doc.fileName, doc.getText(), chosen) : { applied: [], dropped: [] };
      sound = { applied, dropped: dropped.length };
      this.soundFixes.set(analysis, sound);
    }
    const { applied, dropped } = sound;
    if (applied.length === 0) return undefined;
    const leftOut = dropped > 0 ? `; ${dropped} left out that would break the file with the others` : "";
    const action = new vscode.CodeAction(`Fix all safe Hardening Hints problems in this file (${applied.length}${leftOut})`, kind);
    action.edit = toWorkspaceEdit(doc, applied.flatMap((f) => f.edits));
    return { action, count: applied.length };
  }
}
