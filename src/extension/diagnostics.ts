import * as vscode from "vscode";
import type { Finding, RelatedLocation } from "../engine";
// Straight from the module, not the engine index: a value import of "../engine" bundles the whole
// engine (and TypeScript) into the extension, which must load it lazily on the first analysis.
import { messageWithConfidence } from "../engine/confidence";
import { severityNumber } from "./convert";
import { docsLinkUri } from "./docs-view";
import { shownSeverity, type DecorationThreshold } from "./noise";
import { positionsOf, uriForPath } from "./uris";

/** The `source` of every diagnostic the extension publishes (tests filter on it). */
export const DIAGNOSTIC_SOURCE = "Hardening Hints";

/** Converts an offset range of some file to a `vscode.Range`; `file` is absent for the finding's own file. */
export type RangeOf = (range: { start: number; end: number }, file?: string) => vscode.Range | undefined;

/**
 * Finding → Diagnostic: `code` links to the case's docs (inside VS Code), `relatedInformation` points at the
 * second place that explains the finding, and only an unused directive is tagged Unnecessary.
 * @example toDiagnostic(finding, uri, (r) => new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end)))
 */
export function toDiagnostic(finding: Finding, uri: vscode.Uri, rangeOf: RangeOf, own?: vscode.Range, threshold: DecorationThreshold = "warning"): vscode.Diagnostic {
  const range = own ?? rangeOf(finding.range) ?? new vscode.Range(0, 0, 0, 0);
  // Below `hardeningHints.explorerDecorations`, shown as Information: VS Code's Explorer ignores that level.
  const d = new vscode.Diagnostic(range, messageWithConfidence(finding), severityNumber(shownSeverity(finding.severity, threshold)) as number as vscode.DiagnosticSeverity);
  d.source = DIAGNOSTIC_SOURCE;
  // The link opens the docs shipped in the extension, at the case (docs-view.ts).
  d.code = { value: finding.code, target: docsLinkUri(finding.code) };
  const related = finding.related.map((r) => relatedInfo(r, uri, rangeOf)).filter((r): r is vscode.DiagnosticRelatedInformation => r !== undefined);
  if (related.length > 0) d.relatedInformation = related;
  if (finding.code === "ignore-directive/unusedDirective") d.tags = [vscode.DiagnosticTag.Unnecessary];
  return d;
}

function relatedInfo(r: RelatedLocation, uri: vscode.Uri, rangeOf: RangeOf): vscode.DiagnosticRelatedInformation | undefined {
  const range = rangeOf(r.range, r.file);
  if (!range) return undefined;
  const target = r.file === undefined ? uri : uriForPath(r.file, uri);
  return new vscode.DiagnosticRelatedInformation(new vscode.Location(target, range), r.message);
}

/** A `RangeOf` for an open document; other files are read (open buffer first, then disk). */
export function rangeOfDocument(doc: vscode.TextDocument): RangeOf {
  return (r, file) => {
    if (file === undefined) return new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end));
    const at = positionsOf(file);
    return at ? new vscode.Range(at(r.start), at(r.end)) : undefined;
  };
}

/** A `RangeOf` for a file that is not open (workspace audit results). */
export function rangeOfFile(fsPath: string): RangeOf {
  let own: ((o: number) => vscode.Position) | undefined | null = null;
  return (r, file) => {
    const at = file === undefined ? (own === null ? (own = positionsOf(fsPath)) : own) : positionsOf(file);
    return at ? new vscode.Range(at(r.start), at(r.end)) : undefined;
  };
}

/** The diagnostics of one file: suppressed findings stay out of the Problems panel (SARIF still has them). */
export function toDiagnostics(findings: readonly Finding[], uri: vscode.Uri, rangeOf: RangeOf, threshold?: DecorationThreshold): vscode.Diagnostic[] {
  return findings.filter((f) => !f.suppression).map((f) => toDiagnostic(f, uri, rangeOf, undefined, threshold));
}

/** The `family/case` of a diagnostic of ours, or undefined for anyone else's. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const c = d.code;
  return typeof c === "object" && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}
