import * as path from "node:path";
import { allRules, analyze, isAnalyzablePath, isIgnored, severityText, FsProjectHost } from "../engine";
import { auditFile, locate, type AuditedFile, type LocatedFinding } from "../engine/audit";
import { ConfigResolver } from "../engine/files";
import { printable } from "../cli/escape";
import { insideWorkspace, relativeTo, ToolError, type Workspace } from "../mcp/workspace";

/**
 * `hardening-hints hook claude-code|cursor`: the check a coding agent runs on its own edit.
 * It reads the agent's hook JSON on standard input, audits only the file the tool just wrote
 * (its project's profile, no project scan), and hands the findings that edit introduced back to
 * the agent in the form its host feeds into the conversation:
 * - Claude Code (PostToolUse, https://code.claude.com/docs/en/hooks#posttooluse): exit 2 with the
 *   findings on stderr, which Claude Code shows to Claude; exit 0 when clean. Exit 1 is Claude
 *   Code's non-blocking error (shown to the user, not to Claude): our own failure or bad input.
 * - Cursor (https://cursor.com/docs/hooks): `postToolUse` returns `{ "additional_context": … }` on
 *   stdout, which Cursor adds to the conversation after the tool result. `afterFileEdit` has no
 *   output Cursor reads, so its findings only reach the Hooks output channel (stderr, exit 0).
 * Findings count when their severity is warning or error and no directive silences them; `info`
 * (the debatable cases) never interrupts the agent. Messages come from the engine, which masks
 * secrets; no source text is printed.
 */

export type HookAgent = "claude-code" | "cursor";

/** Claude Code's file-writing tools (MultiEdit in older versions). NotebookEdit writes .ipynb only. */
const CLAUDE_EDIT_TOOLS = new Set(["Write", "Edit", "MultiEdit"]);
/** More findings than this go to a one-line remainder: Claude Code caps hook output at 10,000 characters. */
const MAX_LISTED = 15;

export interface HookIo {
  cwd: string;
  /** Claude Code's CLAUDE_PROJECT_DIR, the project root it sets for hook commands. */
  projectDir?: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

interface Replacement {
  oldText: string;
  newText: string;
  all: boolean;
}

/** What the hook needs from the agent's JSON: the file written and how to tell what was there before. */
export interface HookEdit {
  /** Absolute path of the written file. */
  file: string;
  /** The folder the agent works in; files outside it are not checked. */
  root: string;
  /** The file's text before the edit when the host gives it ("" for a new file). */
  before?: string;
  /** The replacements the edit made, in order, to undo when `before` is not given. */
  replacements?: Replacement[];
}

export type ParsedHook = { kind: "edit"; edit: HookEdit; cursorEvent?: "postToolUse" | "afterFileEdit" } | { kind: "skip"; why: string } | { kind: "invalid"; why: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

function replacementsOf(edits: unknown): Replacement[] | undefined {
  if (!Array.isArray(edits)) return undefined;
  const out: Replacement[] = [];
  for (const e of edits) {
    if (!isObject(e) || typeof e.old_string !== "string" || typeof e.new_string !== "string") return undefined;
    out.push({ oldText: e.old_string, newText: e.new_string, all: e.replace_all === true });
  }
  return out;
}

function parseClaude(input: Record<string, unknown>, cwd: string, projectDir?: string): ParsedHook {
  const event = str(input.hook_event_name);
  if (event !== undefined && event !== "PostToolUse") return { kind: "skip", why: `hook event ${event} is not PostToolUse` };
  const tool = str(input.tool_name);
  if (!tool || !CLAUDE_EDIT_TOOLS.has(tool)) return { kind: "skip", why: `tool ${tool ?? "(none)"} does not write a source file` };
  const toolInput = isObject(input.tool_input) ? input.tool_input : {};
  const response = isObject(input.tool_response) ? input.tool_response : {};
  const file = str(toolInput.file_path) ?? str(response.filePath);
  if (!file) return { kind: "invalid", why: `the ${tool} input has no tool_input.file_path` };
  // The project, not the shell's folder: `cwd` follows the agent's `cd`, CLAUDE_PROJECT_DIR does not.
  const root = projectDir ?? str(input.cwd) ?? cwd;
  const edit: HookEdit = { file: path.resolve(root, file), root };
  // The Edit tool's result carries the file as it was; a created file had nothing before it.
  if (typeof response.originalFile === "string") edit.before = response.originalFile;
  else if (tool === "Write" && response.type === "create") edit.before = "";
  else if (tool === "Edit" && typeof toolInput.old_string === "string" && typeof toolInput.new_string === "string") {
    edit.replacements = [{ oldText: toolInput.old_string, newText: toolInput.new_string, all: toolInput.replace_all === true }];
  } else if (tool === "MultiEdit") edit.replacements = replacementsOf(toolInput.edits);
  return { kind: "edit", edit };
}

function cursorRoot(input: Record<string, unknown>, file: string | undefined, cwd: string): string {
  const roots = Array.isArray(input.workspace_roots) ? input.workspace_roots.filter((r): r is string => typeof r === "string" && r !== "") : [];
  // A multi-root workspace: the root that holds the file (the longest, for nested roots).
  const holding = file ? roots.filter((r) => !path.relative(r, file).startsWith("..") && !path.isAbsolute(path.relative(r, file))).sort((a, b) => b.length - a.length) : [];
  return holding[0] ?? str(input.cwd) ?? roots[0] ?? cwd;
}

function parseCursor(input: Record<string, unknown>, cwd: string): ParsedHook {
  const event = str(input.hook_event_name);
  if (event === "afterFileEdit") {
    const file = str(input.file_path);
    if (!file) return { kind: "invalid", why: "the afterFileEdit input has no file_path" };
    const root = cursorRoot(input, path.resolve(cwd, file), cwd);
    return { kind: "edit", cursorEvent: "afterFileEdit", edit: { file: path.resolve(root, file), root, replacements: replacementsOf(input.edits) } };
  }
  if (event === "postToolUse") {
    // Cursor passes built-in tools' input as an object (MCP tools' as a JSON string: not an edit).
    const toolInput = isObject(input.tool_input) ? input.tool_input : {};
    const file = str(toolInput.file_path) ?? str(toolInput.path) ?? str(toolInput.target_file);
    if (!file) return { kind: "skip", why: `tool ${str(input.tool_name) ?? "(none)"} names no file` };
    const root = cursorRoot(input, path.resolve(str(input.cwd) ?? cwd, file), cwd);
    return { kind: "edit", cursorEvent: "postToolUse", edit: { file: path.resolve(root, file), root } };
  }
  return { kind: "skip", why: `hook event ${event ?? "(none)"} is neither postToolUse nor afterFileEdit` };
}

/** Reads the host's JSON. Never throws: bad input is `invalid`, with the reason. */
export function parseHookInput(agent: HookAgent, text: string, cwd: string, projectDir?: string): ParsedHook {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (err: unknown) {
    return { kind: "invalid", why: `standard input is not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (!isObject(input)) return { kind: "invalid", why: "standard input is not a JSON object" };
  return agent === "claude-code" ? parseClaude(input, cwd, projectDir) : parseCursor(input, cwd);
}

/**
 * The text before the edit, from the text after it: each replacement undone, last first. Only
 * where that is unambiguous (the new text occurs once, or the edit replaced every occurrence);
 * otherwise undefined, and every finding of the file counts.
 */
export function undoReplacements(after: string, replacements: readonly Replacement[]): string | undefined {
  let text = after;
  for (const r of [...replacements].reverse()) {
    if (r.newText === "") return undefined; // a deletion leaves nothing to find
    const at = text.indexOf(r.newText);
    if (at === -1) return undefined;
    if (r.all) text = text.split(r.newText).join(r.oldText);
    else if (text.indexOf(r.newText, at + 1) !== -1) return undefined;
    else text = text.slice(0, at) + r.oldText + text.slice(at + r.newText.length);
  }
  return text;
}

export interface HookReport {
  /** The findings to act on, in file order. */
  findings: LocatedFinding[];
  /** True when they are the findings the edit added; false when every finding of the file counts. */
  onlyNew: boolean;
  /** Why the file was not checked (not TS/JS, outside the workspace, ignored, too large…), if it was not. */
  skipped?: string;
  /** Configuration errors: the check did not run. */
  configErrors: string[];
}

const counts = (f: LocatedFinding) => !f.suppression && (f.severity === "warning" || f.severity === "error");

/** Audits the edited file and keeps the findings that count (see the module comment). */
export function checkEdit(edit: HookEdit): HookReport {
  const ws: Workspace = { root: edit.root };
  const none = (skipped: string): HookReport => ({ findings: [], onlyNew: false, skipped, configErrors: [] });
  try {
    insideWorkspace(ws, edit.file);
  } catch (err: unknown) {
    if (err instanceof ToolError) return none(`${edit.file} is outside ${edit.root}`);
    throw err;
  }
  if (!isAnalyzablePath(edit.file)) return none(`${relativeTo(ws, edit.file)} is not a TS/JS source file`);
  const resolver = new ConfigResolver(allRules, undefined, edit.root);
  const config = resolver.forFile(edit.file);
  const configErrors = resolver.problems.filter((p) => p.kind === "configError").map((p) => p.message);
  if (configErrors.length > 0) return { findings: [], onlyNew: false, configErrors };
  if (isIgnored(edit.file, config)) return none(`${relativeTo(ws, edit.file)} is ignored by the configuration`);
  const host = new FsProjectHost();
  const after: AuditedFile = auditFile(edit.file, resolver, host, true, edit.root);
  if (!after.analyzed) return none(after.problems.map((p) => p.message).join("; ") || `${relativeTo(ws, edit.file)} was not analyzed`);
  const current = after.findings.filter(counts);
  const text = edit.before ?? (edit.replacements ? undoReplacementsOfFile(host, edit) : undefined);
  if (text === undefined) return { findings: current, onlyNew: false, configErrors: [] };
  // Findings are matched by the fingerprints the baseline uses: the line's text, not its number.
  const before = locate(analyze({ path: edit.file, text, config, project: host, fixes: false }), text, edit.root);
  const left = new Map<string, number>();
  for (const f of before.findings.filter(counts)) left.set(f.fingerprint, (left.get(f.fingerprint) ?? 0) + 1);
  const added = current.filter((f) => {
    const n = left.get(f.fingerprint) ?? 0;
    if (n > 0) left.set(f.fingerprint, n - 1);
    return n === 0;
  });
  return { findings: added, onlyNew: true, configErrors: [] };
}

function undoReplacementsOfFile(host: FsProjectHost, edit: HookEdit): string | undefined {
  const now = host.readFile(edit.file);
  return now === undefined ? undefined : undoReplacements(now, edit.replacements!);
}

/** The text the agent reads: where, what, the safe fix or the suggestion, the docs; then how to silence one on purpose. */
export function formatForAgent(report: HookReport, file: string, root: string): string {
  const rel = printable(relativeTo({ root }, file));
  const n = report.findings.length;
  const lines = [
    `Hardening Hints: ${n} ${report.onlyNew ? "new " : ""}problem${n === 1 ? "" : "s"} in ${rel}${report.onlyNew ? " after this edit" : ""}. Fix ${n === 1 ? "it" : "them"} before you go on:`,
  ];
  for (const f of report.findings.slice(0, MAX_LISTED)) {
    lines.push("", `${rel}:${f.loc.start.line}:${f.loc.start.column} ${severityText(f)} ${f.code}`, `  ${printable(f.message)}`);
    const safe = f.fixes.find((x) => x.kind === "safe" && x.isPreferred) ?? f.fixes.find((x) => x.kind === "safe");
    // A title that ends in "…" asks for input ("Mark as intentionally ignored…" needs a reason):
    // that is the directive below, for code that is right, not a fix to hand the agent.
    const fixes = f.fixes.filter((x) => x.kind === "suggestion" && !x.title.endsWith("…"));
    const suggestion = fixes.find((x) => x.isPreferred) ?? fixes[0];
    if (safe) lines.push(`  Safe fix: ${printable(safe.title)} (\`npx hardening-hints audit --fix ${rel}\` applies the safe fixes)`);
    if (suggestion) lines.push(`  Suggested fix (check it fits): ${printable(suggestion.title)}`);
    lines.push(`  Docs: ${f.docsUrl}`);
  }
  if (n > MAX_LISTED) lines.push("", `…and ${n - MAX_LISTED} more: run \`npx hardening-hints audit ${rel}\` to see them all.`);
  lines.push("", `If the code is right as it is, say why in a directive on the line above it: // hardening-hints-ignore-next-line <code> -- <reason>`);
  return lines.join("\n") + "\n";
}

/**
 * Runs the hook on the host's JSON and returns the exit code. 0: nothing to say (clean, or not a
 * file we check); 2 (Claude Code): findings on stderr for the agent; 1: bad input or a broken
 * configuration, which the host shows the user without stopping the agent.
 */
export function runHook(agent: HookAgent, stdinText: string, io: HookIo): number {
  const parsed = parseHookInput(agent, stdinText, io.cwd, io.projectDir);
  const cursorOut = (context?: string) => {
    if (agent === "cursor") io.stdout(JSON.stringify(context === undefined ? {} : { additional_context: context }) + "\n");
  };
  if (parsed.kind === "invalid") {
    io.stderr(`hardening-hints hook ${agent}: ${printable(parsed.why)}; nothing was checked. Is the hook registered for the right event (hardening-hints init --agent ${agent})?\n`);
    cursorOut();
    return 1;
  }
  if (parsed.kind === "skip") {
    cursorOut();
    return 0;
  }
  const report = checkEdit(parsed.edit);
  if (report.configErrors.length > 0) {
    for (const m of report.configErrors) io.stderr(`hardening-hints hook ${agent}: ${printable(m)}; nothing was checked\n`);
    cursorOut();
    return 1;
  }
  if (report.findings.length === 0) {
    cursorOut();
    return 0;
  }
  const text = formatForAgent(report, parsed.edit.file, parsed.edit.root);
  if (agent === "claude-code") {
    io.stderr(text);
    return 2;
  }
  if (parsed.cursorEvent === "postToolUse") cursorOut(text);
  else {
    // afterFileEdit: Cursor reads no output from it; the Hooks output channel shows stderr.
    io.stderr(text);
    cursorOut();
  }
  return 0;
}

/**
 * The CLI entry: reads standard input whole, then {@link runHook}. An error of ours (a crash in
 * the engine, stdin that cannot be read) is exit 1, never 2: Claude Code would hand exit 2's
 * stderr to the agent as if it were a finding.
 */
export async function runHookCommand(agent: HookAgent, io: HookIo & { readStdin?: () => Promise<Uint8Array> }): Promise<number> {
  try {
    const text = Buffer.from((await io.readStdin?.()) ?? new Uint8Array()).toString("utf8");
    return runHook(agent, text, { ...io, projectDir: io.projectDir ?? (process.env.CLAUDE_PROJECT_DIR || undefined) });
  } catch (err: unknown) {
    io.stderr(`hardening-hints hook ${agent}: internal error, nothing was checked (${printable(err instanceof Error ? err.message : String(err))})\n`);
    if (agent === "cursor") io.stdout("{}\n");
    return 1;
  }
}
