import * as fs from "node:fs";
import * as path from "node:path";
import { writeSideFile } from "../cli/fix-files";
import { decodeFile, encodeFile, readSnapshot, writeFileCarefully, type FileEncoding, type ReadSnapshot } from "../cli/write";
import { allRules, analyze, applyEdits, bulkFixOf, decodeSource, FsProjectHost, isAnalyzablePath, unfixableOnDisk, type Problem, type ResolvedConfig, type RuleModule, type Severity, type TextEdit } from "../engine";
import { auditPaths, locate, type AuditedFile, type AuditResult, type LocatedFinding, type LocatedFix } from "../engine/audit";
import { ConfigResolver } from "../engine/files";
import { familyDocs, headingSection, introSection } from "./docs";
import type { AuditInput, ExplainInput, FixesInput, RulesInput } from "./schemas";
import { insideWorkspace, relativeTo, ToolError, type Workspace } from "./workspace";

export { ToolError, type Workspace } from "./workspace";

/**
 * The four agent tools over the engine, shared by the MCP server (src/mcp/server.ts) and the
 * VS Code language-model tools (src/extension/agent-tools.ts). They detect nothing themselves:
 * findings come from `analyze`/`auditPaths`, already redacted, and through `locate`, which drops
 * every fix whose text would carry a secret of the file (the JSON and SARIF outputs do the same).
 * Inputs are validated by the schemas in ./schemas; wrong values throw {@link ToolError}.
 */

const DEFAULT_LIMIT = 100;
const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

function problemsOut(ws: Workspace, problems: readonly Problem[]) {
  return problems.map((p) => ({ kind: p.kind, ...(p.file ? { file: relativeTo(ws, p.file) } : {}), message: p.message }));
}

function fixSummary(fix: LocatedFix, index: number) {
  return { index, title: fix.title, kind: fix.kind, preferred: fix.isPreferred === true };
}

function findingOut(ws: Workspace, file: string, f: LocatedFinding) {
  return {
    file: relativeTo(ws, file),
    line: f.loc.start.line,
    column: f.loc.start.column,
    endLine: f.loc.end.line,
    endColumn: f.loc.end.column,
    code: f.code,
    severity: f.severity,
    confidence: f.confidence ?? "high",
    ...(f.confidenceReason ? { confidenceReason: f.confidenceReason } : {}),
    message: f.message,
    docsUrl: f.docsUrl,
    fingerprint: f.fingerprint,
    ...(f.suppression ? { suppressed: f.suppression.justification } : {}),
    fixes: f.fixes.map(fixSummary),
  };
}

/** The configuration that governs `p` (a file or folder), read fresh: the agent may have just edited it. */
function configAt(ws: Workspace, p: string | undefined): { config: ResolvedConfig; file?: string; problems: Problem[] } {
  const abs = insideWorkspace(ws, p ?? ".");
  const resolver = new ConfigResolver(allRules, undefined, ws.root);
  // A folder's own config counts: probe a name inside it (as the file lister does).
  const probe = fs.statSync(abs, { throwIfNoEntry: false })?.isDirectory() ? path.join(abs, "\u0000") : abs;
  const config = resolver.forFile(probe);
  return { config, file: resolver.configFileFor(probe), problems: resolver.problems };
}

function severityIn(config: ResolvedConfig, rule: RuleModule, caseId: string): Severity {
  const rc = config.rules[rule.id];
  return rc?.caseSeverity[caseId] ?? rc?.severity ?? rule.cases[caseId]?.severity ?? rule.severity;
}

function analyzableFile(ws: Workspace, p: string): string {
  const file = insideWorkspace(ws, p);
  if (!isAnalyzablePath(file)) throw new ToolError(`${p} is not a TypeScript or JavaScript file (.ts, .tsx, .js, .jsx, .mts, .cts, .mjs, .cjs)`);
  return file;
}

/** Analyzes `text` as the content of `file` (the project around it is read from disk, the file itself from `text`). */
function analyzeText(ws: Workspace, file: string, text: string, unfixable?: Problem): { result: AuditedFile; problems: Problem[] } {
  const resolver = new ConfigResolver(allRules, undefined, ws.root);
  const config = resolver.forFile(file);
  const project = new FsProjectHost((p) => (p === file ? text : undefined));
  return { result: locate(analyze({ path: file, text, config, project, fixes: true, unfixable }), text, ws.root), problems: resolver.problems };
}

/** `audit`: findings of paths (default: the whole workspace) or of a file's text. */
export async function auditTool(ws: Workspace, input: AuditInput, isCancelled?: () => boolean) {
  if (input.text !== undefined && input.paths !== undefined) throw new ToolError("give either `paths` or `text` (with `path`), not both");
  if (input.text === undefined && input.path !== undefined) throw new ToolError("`path` names the file of `text`; to audit files on disk use `paths`");
  let audit: Pick<AuditResult, "results" | "problems">;
  if (input.text !== undefined) {
    const file = analyzableFile(ws, input.path ?? "untitled.ts");
    const { result, problems } = analyzeText(ws, file, input.text);
    audit = { results: [result], problems };
  } else {
    const paths = (input.paths ?? ["."]).map((p) => {
      const abs = insideWorkspace(ws, p);
      if (!fs.existsSync(abs)) throw new ToolError(`${p} does not exist in the workspace ${ws.root}`);
      return abs;
    });
    const result = await auditPaths(paths, { cwd: ws.root, fixes: true, isCancelled });
    if (result.cancelled) throw new ToolError("the audit was cancelled");
    audit = result;
  }
  const all = audit.results.flatMap((r) => r.findings.map((f) => ({ file: r.path, f })));
  const active = all.filter((x) => !x.f.suppression);
  // Most severe first, so a limited answer keeps the errors; then file, line, column (stable).
  active.sort((a, b) => SEVERITY_RANK[a.f.severity]! - SEVERITY_RANK[b.f.severity]! || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.f.range.start - b.f.range.start || (a.f.code < b.f.code ? -1 : 1));
  const limit = input.limit ?? DEFAULT_LIMIT;
  const count = (s: string) => active.filter((x) => x.f.severity === s).length;
  return {
    root: ws.root,
    summary: {
      files: audit.results.length,
      analyzed: audit.results.filter((r) => r.analyzed).length,
      errors: count("error"),
      warnings: count("warning"),
      info: count("info"),
      suppressed: all.length - active.length,
      ...(active.length > limit ? { shown: limit, note: `${active.length - limit} more findings; raise \`limit\` or narrow \`paths\`` } : {}),
    },
    findings: active.slice(0, limit).map((x) => findingOut(ws, x.file, x.f)),
    problems: problemsOut(ws, [...audit.problems, ...audit.results.flatMap((r) => r.problems)]),
  };
}

interface ResolvedCode {
  rule: RuleModule;
  caseId?: string;
}

function resolveCode(code: string): ResolvedCode {
  const [family, caseId, extra] = code.trim().split("/");
  const known = () => `known families: ${allRules.map((r) => r.id).join(", ")} (the \`rules\` tool lists every case)`;
  if (extra !== undefined) throw new ToolError(`"${code}" is not a code: write \`family\` or \`family/case\`; ${known()}`);
  if (caseId !== undefined) {
    const rule = allRules.find((r) => r.id === family);
    if (!rule) throw new ToolError(`no rule family "${family}"; ${known()}`);
    if (!(caseId in rule.cases)) throw new ToolError(`${family} has no case "${caseId}"; its cases: ${Object.keys(rule.cases).join(", ")}`);
    return { rule, caseId };
  }
  const rule = allRules.find((r) => r.id === family);
  if (rule) return { rule };
  const owners = allRules.filter((r) => family! in r.cases);
  if (owners.length === 1) return { rule: owners[0]!, caseId: family };
  if (owners.length > 1) throw new ToolError(`"${family}" is a case of ${owners.map((r) => r.id).join(" and ")}: write \`family/${family}\``);
  throw new ToolError(`no rule family or case "${code}"; ${known()}`);
}

/** `explain`: a family or case, its docs section with examples, and this project's configuration for it. */
export function explainTool(ws: Workspace, input: ExplainInput) {
  const { rule, caseId } = resolveCode(input.code);
  const { config, file, problems } = configAt(ws, input.path);
  const markdown = familyDocs(rule.id);
  const meta = caseId !== undefined ? rule.cases[caseId]! : undefined;
  const docs = markdown === undefined ? undefined : caseId !== undefined ? headingSection(markdown, 3, caseId) : [introSection(markdown), headingSection(markdown, 2, "Options")].filter(Boolean).join("\n\n");
  const cases = Object.entries(rule.cases).filter(([id]) => caseId === undefined || id === caseId);
  return {
    code: caseId !== undefined ? `${rule.id}/${caseId}` : rule.id,
    description: meta?.description ?? rule.docs.description,
    ...(meta ? { message: meta.message, fix: meta.fix } : {}),
    docsUrl: caseId !== undefined ? `${rule.docs.url}#${caseId.toLowerCase()}` : rule.docs.url,
    docs: docs ?? "(the docs page is not shipped with this installation; see docsUrl)",
    project: {
      configFile: file ? relativeTo(ws, file) : null,
      severity: Object.fromEntries(cases.map(([id, c]) => [`${rule.id}/${id}`, { project: severityIn(config, rule, id), default: c.severity ?? rule.severity }])),
      options: config.rules[rule.id]?.options ?? rule.options.defaults,
      defaultOptions: rule.options.defaults,
      ...(problems.length > 0 ? { problems: problemsOut(ws, problems), note: "the configuration is invalid: the defaults apply" } : {}),
    },
  };
}

/** `rules`: every family and case with its severity in this project. */
export function rulesTool(ws: Workspace, input: RulesInput) {
  const { config, file, problems } = configAt(ws, input.path);
  return {
    configFile: file ? relativeTo(ws, file) : null,
    ...(problems.length > 0 ? { problems: problemsOut(ws, problems), note: "the configuration is invalid: the defaults apply" } : {}),
    families: allRules.map((rule) => {
      const cases = Object.entries(rule.cases).map(([id, c]) => ({ code: `${rule.id}/${id}`, severity: severityIn(config, rule, id), default: c.severity ?? rule.severity, fix: c.fix, description: c.description }));
      return { id: rule.id, description: rule.docs.description, docsUrl: rule.docs.url, enabled: cases.some((c) => c.severity !== "off"), cases };
    }),
  };
}

function editOut(ws: Workspace, file: string, e: LocatedFix["edits"][number]) {
  const where = e.loc ? { start: e.loc.start, end: e.loc.end } : { startOffset: e.start, endOffset: e.end, ...(e.create ? { create: true } : {}) };
  return { file: relativeTo(ws, e.file ?? file), ...where, text: e.text };
}

function matches(f: LocatedFinding, input: FixesInput): boolean {
  if (input.fingerprint !== undefined && f.fingerprint !== input.fingerprint) return false;
  if (input.code !== undefined && f.code !== input.code && f.ruleId !== input.code) return false;
  if (input.line !== undefined) {
    if (input.line < f.loc.start.line || input.line > f.loc.end.line) return false;
    if (input.column !== undefined && input.line === f.loc.start.line && input.column < f.loc.start.column) return false;
    if (input.column !== undefined && input.line === f.loc.end.line && input.column > f.loc.end.column) return false;
  } else if (input.column !== undefined) throw new ToolError("`column` needs `line`");
  return true;
}

export interface ReadSource {
  text: string;
  /** Present when read from disk: a write is refused if the file changed since. */
  snapshot?: ReadSnapshot;
  encoding?: FileEncoding;
  /** The file is not valid UTF-8: analysed from a lossy reading, no fix offered or written. */
  unfixable?: Problem;
}

function readSource(file: string, p: string): ReadSource {
  let snapshot: ReadSnapshot;
  try {
    snapshot = readSnapshot(file);
  } catch (err: unknown) {
    throw new ToolError(`${p} cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const decoded = decodeFile(snapshot.bytes);
  if (decoded.ok) return { text: decoded.text, snapshot, encoding: decoded.encoding };
  // A few bytes that are not UTF-8 (a Windows-1252 `£`): findings, but nothing to write.
  const lossy = decodeSource(snapshot.bytes, file);
  if (!lossy.ok || !lossy.unfixable) throw new ToolError(`${p} is ${decoded.why}`);
  return { text: lossy.text, unfixable: lossy.unfixable };
}

/**
 * How `fixes` reads and writes files. The MCP server uses the disk ({@link writeFix}); the editor
 * passes its open buffers and applies the fix as an undoable workspace edit.
 */
export interface FixHost {
  /** The text of an open, possibly unsaved, document; undefined to read the file. */
  buffer?(file: string): string | undefined;
  write?(file: string, source: ReadSource, fix: LocatedFix): Promise<string[]> | string[];
}

/** `fixes`: the fixes offered for the findings picked; with `apply`, writes one of them. */
export async function fixesTool(ws: Workspace, input: FixesInput, host: FixHost = {}) {
  const file = analyzableFile(ws, input.path);
  if (input.apply && input.text !== undefined) throw new ToolError("`apply` writes the file on disk; it cannot be combined with `text`");
  if (input.fix !== undefined && !input.apply) throw new ToolError("`fix` picks the fix to apply: it needs `apply: true`");
  const open = input.text === undefined ? host.buffer?.(file) : undefined;
  const source: ReadSource = input.text !== undefined ? { text: input.text } : open !== undefined ? { text: open, unfixable: unfixableOnDisk(open, file) } : readSource(file, input.path);
  const { result, problems } = analyzeText(ws, file, source.text, source.unfixable);
  const picked = result.findings.filter((f) => matches(f, input));
  const findings = picked.map((f) => ({
    ...findingOut(ws, file, f),
    fixes: f.fixes.map((fix, i) => ({ ...fixSummary(fix, i), edits: fix.edits.map((e) => editOut(ws, file, e)) })),
  }));
  const base = { file: relativeTo(ws, file), findings, problems: problemsOut(ws, [...problems, ...result.problems]) };
  if (!input.apply) return { ...base, note: "nothing was written; pass `apply: true` (and `fix`) to write one fix" };

  if (picked.length !== 1) {
    throw new ToolError(`\`apply\` needs exactly one finding, and ${picked.length} match in ${input.path}; pick it with \`line\` and \`column\`, \`code\` or \`fingerprint\``);
  }
  const finding = picked[0]!;
  if (source.unfixable) throw new ToolError(`${source.unfixable.message.replace(file, input.path)}: nothing was written`);
  if (finding.suppression) throw new ToolError(`${finding.code} at ${finding.loc.start.line}:${finding.loc.start.column} is suppressed (${finding.suppression.justification}); nothing to fix`);
  const fix = input.fix !== undefined ? finding.fixes[input.fix] : bulkFixOf(finding);
  if (!fix) {
    throw new ToolError(
      input.fix !== undefined ? `${finding.code} has ${finding.fixes.length} fix(es): \`fix\` must be from 0 to ${finding.fixes.length - 1}` : `${finding.code} has no safe fix; read the suggestions and pick one with \`fix\``,
    );
  }
  // Every target is checked before anything is written.
  for (const e of fix.edits) if (e.file !== undefined) insideWorkspace(ws, e.file);
  const written = await (host.write ?? ((f, src, x) => writeFix(ws, f, src, x)))(file, source, fix);
  // The file as it is now, so the agent sees what is left without another call.
  const after = analyzeText(ws, file, host.buffer?.(file) ?? readSource(file, input.path).text).result;
  return { file: base.file, applied: { title: fix.title, kind: fix.kind }, written, findingsAfter: after.findings.map((f) => findingOut(ws, file, f)) };
}

/** Writes a fix like --fix does (src/cli/write.ts): carefully, never outside the workspace, never over a file changed since it was read. */
function writeFix(ws: Workspace, file: string, source: ReadSource, fix: LocatedFix): string[] {
  const own = fix.edits.filter((e) => e.file === undefined);
  const bySide = new Map<string, TextEdit[]>();
  for (const e of fix.edits) if (e.file !== undefined) bySide.set(e.file, [...(bySide.get(e.file) ?? []), e]);
  const written: string[] = [];
  if (own.length > 0) {
    if (!source.snapshot || !source.encoding) throw new ToolError(`${relativeTo(ws, file)} was not read from disk: nothing was written`);
    const out = writeFileCarefully(file, encodeFile(applyEdits(source.text, own), source.encoding), { root: ws.root, before: source.snapshot });
    if (!out.ok) throw new ToolError(`${relativeTo(ws, file)} was not written: it ${out.why}`);
    written.push(relativeTo(ws, file));
  }
  for (const [side, edits] of bySide) {
    const why = writeSideFile(side, edits, ws.root, {});
    if (why !== undefined) throw new ToolError(`${relativeTo(ws, side)} was not written: it ${why}${written.length > 0 ? ` (${written.join(", ")} was)` : ""}`);
    written.push(relativeTo(ws, side));
  }
  return written;
}
