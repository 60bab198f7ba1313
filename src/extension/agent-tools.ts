import * as path from "node:path";
import * as vscode from "vscode";
import type { LocatedFix } from "../engine/audit";
import type { ToolName } from "../mcp/schemas";
import type { FixHost, ReadSource, Workspace } from "../mcp/tools";
import { toWorkspaceEdit } from "./code-actions";
import { loadEngine } from "./engine";
import { openDocumentOf, uriForPath } from "./uris";

/** `contributes.mcpServerDefinitionProviders[0].id` in package.json. */
export const MCP_PROVIDER_ID = "hardeningHints.mcpServers";

/** The language-model tool name of an agent tool: `hardeningHints_audit` (package.json `languageModelTools`). */
export function lmToolName(name: ToolName): string {
  return `hardeningHints_${name}`;
}

const TOOL_NAMES: readonly ToolName[] = ["audit", "explain", "fixes", "rules"];
const LOCAL_SCHEMES = new Set(["file", "vscode-remote"]);

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** The workspace folder a tool call works in: the one holding an absolute `path`, else the first. */
function workspaceFor(p: string | undefined): Workspace {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => LOCAL_SCHEMES.has(f.uri.scheme));
  if (folders.length === 0) throw new Error("Hardening Hints works on a workspace folder on disk: open a folder first");
  const holder = p !== undefined && path.isAbsolute(p) ? folders.find((f) => isInside(f.uri.fsPath, p)) : undefined;
  return { root: (holder ?? folders[0]!).uri.fsPath };
}

/**
 * The editor's side of `fixes`: analyze open documents as their buffers hold them, and apply a
 * fix as one undoable workspace edit, then save, so the disk (which `audit` reads) agrees.
 */
function editorFixHost(ws: Workspace): FixHost {
  return {
    buffer: (file) => openDocumentOf(file)?.getText(),
    write: async (file: string, source: ReadSource, fix: LocatedFix) => {
      const doc = await vscode.workspace.openTextDocument(uriForPath(file));
      if (doc.getText() !== source.text) throw new Error(`${path.relative(ws.root, file)} changed while the fix was computed; call fixes again`);
      if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(doc, fix.edits)))) throw new Error(`the editor refused the edit to ${path.relative(ws.root, file)}`);
      const files = [file, ...new Set(fix.edits.flatMap((e) => (e.file !== undefined ? [e.file] : [])))];
      for (const f of files) await openDocumentOf(f)?.save();
      return files.map((f) => path.relative(ws.root, f).split(path.sep).join("/"));
    },
  };
}

/** Runs one tool on the engine (loaded on first use, like every analysis). */
async function run(name: ToolName, raw: unknown, token: vscode.CancellationToken): Promise<unknown> {
  const engine = loadEngine();
  switch (name) {
    case "audit": {
      const input = engine.parseToolInput("audit", raw);
      const ws = workspaceFor(input.path ?? input.paths?.[0]);
      // One open file with unsaved changes: audit what the user sees, not the disk.
      const only = input.paths?.length === 1 ? openDocumentOf(path.resolve(ws.root, input.paths[0]!)) : undefined;
      if (only?.isDirty) return engine.auditTool(ws, { text: only.getText(), path: only.uri.fsPath, limit: input.limit });
      return engine.auditTool(ws, input, () => token.isCancellationRequested);
    }
    case "explain": {
      const input = engine.parseToolInput("explain", raw);
      return engine.explainTool(workspaceFor(input.path), input);
    }
    case "fixes": {
      const input = engine.parseToolInput("fixes", raw);
      const ws = workspaceFor(input.path);
      return engine.fixesTool(ws, input, editorFixHost(ws));
    }
    case "rules": {
      const input = engine.parseToolInput("rules", raw);
      return engine.rulesTool(workspaceFor(input.path), input);
    }
  }
}

class AgentTool implements vscode.LanguageModelTool<Record<string, unknown>> {
  constructor(private readonly name: ToolName) {}

  async invoke(options: vscode.LanguageModelToolInvocationOptions<Record<string, unknown>>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const result = await run(this.name, options.input, token);
    return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(JSON.stringify(result))]);
  }

  prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<Record<string, unknown>>): vscode.PreparedToolInvocation {
    const target = typeof options.input.path === "string" ? options.input.path : undefined;
    if (this.name === "fixes" && options.input.apply === true) {
      // The only tool that writes asks first, as the editor's own edit tools do.
      const which = typeof options.input.fix === "number" ? `fix #${options.input.fix}` : "the preferred safe fix";
      return { invocationMessage: `Applying a Hardening Hints fix to ${target}`, confirmationMessages: { title: "Apply a Hardening Hints fix?", message: `Write ${which} for the finding picked in \`${target}\`.` } };
    }
    return { invocationMessage: `Hardening Hints: ${this.name}${target ? ` ${target}` : ""}` };
  }
}

/**
 * The MCP provider API of VS Code 1.101, declared here because the @types/vscode in use predates
 * it (package.json `engines.vscode` is ^1.101.0, so every host that loads us has it).
 */
interface McpStdioServerDefinition {
  readonly label: string;
  command: string;
  args: string[];
  env: Record<string, string | number | null>;
  cwd?: vscode.Uri;
  version?: string;
}
interface McpApi {
  registerMcpServerDefinitionProvider(
    id: string,
    provider: { onDidChangeMcpServerDefinitions?: vscode.Event<void>; provideMcpServerDefinitions(token: vscode.CancellationToken): vscode.ProviderResult<McpStdioServerDefinition[]> },
  ): vscode.Disposable;
}
type McpStdioServerDefinitionCtor = new (label: string, command: string, args?: string[], env?: Record<string, string | number | null>, version?: string) => McpStdioServerDefinition;

/**
 * One MCP server per workspace folder on disk: this extension's own dist/cli.js, run by the
 * extension host's runtime (`process.execPath`: Node on a remote or code-server host, the
 * editor's Electron on the desktop, where ELECTRON_RUN_AS_NODE makes it behave as Node), so no
 * `node` on PATH is needed and no one edits an MCP configuration file.
 */
export function mcpServerDefinitions(extensionUri: vscode.Uri, version: string): McpStdioServerDefinition[] {
  const Definition = (vscode as unknown as { McpStdioServerDefinition: McpStdioServerDefinitionCtor }).McpStdioServerDefinition;
  const cli = vscode.Uri.joinPath(extensionUri, "dist", "cli.js").fsPath;
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => LOCAL_SCHEMES.has(f.uri.scheme));
  return folders.map((f) => {
    const d = new Definition(folders.length === 1 ? "Hardening Hints" : `Hardening Hints (${f.name})`, process.execPath, [cli, "mcp", "--root", f.uri.fsPath], { ELECTRON_RUN_AS_NODE: "1" }, version);
    d.cwd = f.uri;
    return d;
  });
}

export interface McpProvider {
  onDidChangeMcpServerDefinitions: vscode.Event<void>;
  provideMcpServerDefinitions(): McpStdioServerDefinition[];
}

/** Registers the four language-model tools and the MCP server provider; returns the provider (the host tests ask it). */
export function registerAgentTools(context: vscode.ExtensionContext): { disposables: vscode.Disposable[]; mcpProvider: McpProvider } {
  const changed = new vscode.EventEmitter<void>();
  const version = String(context.extension.packageJSON.version);
  const mcpProvider: McpProvider = { onDidChangeMcpServerDefinitions: changed.event, provideMcpServerDefinitions: () => mcpServerDefinitions(context.extensionUri, version) };
  const disposables: vscode.Disposable[] = [
    ...TOOL_NAMES.map((name) => vscode.lm.registerTool(lmToolName(name), new AgentTool(name))),
    changed,
    vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
    (vscode.lm as unknown as McpApi).registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, mcpProvider),
  ];
  return { disposables, mcpProvider };
}
