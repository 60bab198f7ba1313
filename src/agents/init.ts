import * as fs from "node:fs";
import * as path from "node:path";
import { findNodeAtLocation, getNodeValue, parseTree, type Node, type ParseError } from "jsonc-parser";
import { decodeFile, encodeFile, readSnapshot, writeFileCarefully, type FileEncoding, type ReadSnapshot } from "../cli/write";
import { runAgents } from "./cli";

/**
 * `hardening-hints init --agent claude-code|cursor|copilot`: adds our entry to the agent's own
 * configuration file, and nothing else. An existing file keeps every byte of its own (entries,
 * order, comments, indentation, line endings, BOM): the entry is inserted after the last one of
 * its list or object, in the file's layout. Running it twice adds nothing. A file that is not
 * JSON(C), or whose shape is not what the agent reads, is left alone with a message that says
 * what to add by hand. Files are written like `--fix` writes (src/cli/write.ts): a temporary
 * file renamed over the old one.
 */

export type InitAgent = "claude-code" | "cursor" | "copilot";

/** What the agent runs; `npx` finds the project's own copy (a devDependency). */
export const CLAUDE_HOOK_COMMAND = "npx hardening-hints hook claude-code";
export const CURSOR_HOOK_COMMAND = "npx hardening-hints hook cursor";
export const MCP_SERVER_NAME = "hardening-hints";

interface Entry {
  /** Where the entry goes: an array, or an object when `key` is given. */
  container: string[];
  key?: string;
  value: unknown;
  /** The whole file when it does not exist yet. */
  newFile: unknown;
  /** True when the file already has our entry (in whatever form the user left it). */
  present: (root: unknown) => boolean;
}

interface Setup {
  file: string;
  entry: Entry;
  describe: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const at = (v: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), v);
const commands = (v: unknown): string[] => (Array.isArray(v) ? v.flatMap((h) => [at(h, "command"), ...(Array.isArray(at(h, "hooks")) ? (at(h, "hooks") as unknown[]).map((x) => at(x, "command")) : [])]).filter((c): c is string => typeof c === "string") : []);

const CLAUDE_ENTRY = { matcher: "Write|Edit|MultiEdit", hooks: [{ type: "command", command: CLAUDE_HOOK_COMMAND }] };
const CURSOR_ENTRY = { command: CURSOR_HOOK_COMMAND, matcher: "Write" };
const MCP_ENTRY = { type: "stdio", command: "npx", args: ["hardening-hints", "mcp"] };

/** The file and entry each agent reads. */
export function setupFor(agent: InitAgent): Setup {
  switch (agent) {
    case "claude-code":
      return {
        file: ".claude/settings.json",
        describe: `a PostToolUse hook on Write|Edit|MultiEdit that runs \`${CLAUDE_HOOK_COMMAND}\``,
        entry: {
          container: ["hooks", "PostToolUse"],
          value: CLAUDE_ENTRY,
          newFile: { hooks: { PostToolUse: [CLAUDE_ENTRY] } },
          present: (root) => commands(at(root, "hooks", "PostToolUse")).some((c) => c.includes("hardening-hints hook claude-code")),
        },
      };
    case "cursor":
      return {
        file: ".cursor/hooks.json",
        describe: `a postToolUse hook on Write that runs \`${CURSOR_HOOK_COMMAND}\``,
        entry: {
          container: ["hooks", "postToolUse"],
          value: CURSOR_ENTRY,
          newFile: { version: 1, hooks: { postToolUse: [CURSOR_ENTRY] } },
          // Set up by hand on afterFileEdit counts too: a second hook would report every edit twice.
          present: (root) => [at(root, "hooks", "postToolUse"), at(root, "hooks", "afterFileEdit")].some((list) => commands(list).some((c) => c.includes("hardening-hints hook cursor"))),
        },
      };
    case "copilot":
      return {
        file: ".vscode/mcp.json",
        describe: `the MCP server "${MCP_SERVER_NAME}" (\`npx hardening-hints mcp\`)`,
        entry: {
          container: ["servers"],
          key: MCP_SERVER_NAME,
          value: MCP_ENTRY,
          newFile: { servers: { [MCP_SERVER_NAME]: MCP_ENTRY } },
          present: (root) => {
            const servers = at(root, "servers");
            if (!isObject(servers)) return false;
            if (MCP_SERVER_NAME in servers) return true;
            // Any server that runs our `mcp` command: `npx hardening-hints mcp`, `node …/hardening-hints/dist/cli.js mcp`.
            return Object.values(servers).some((s) => {
              const words = [at(s, "command"), ...(Array.isArray(at(s, "args")) ? (at(s, "args") as unknown[]) : [])].flatMap((x) => (typeof x === "string" ? x.split(/\s+/) : []));
              return words.some((w, i) => w.includes("hardening-hints") && words[i + 1] === "mcp");
            });
          },
        },
      };
  }
}

export interface TextEdit {
  offset: number;
  length: number;
  content: string;
}

interface Layout {
  eol: string;
  unit: string;
}

function layoutOf(text: string): Layout {
  const m = /\n([ \t]+)\S/.exec(text);
  return { eol: text.includes("\r\n") ? "\r\n" : "\n", unit: m ? (m[1]!.startsWith("\t") ? "\t" : m[1]!) : "  " };
}

function indentOfLine(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(text.lastIndexOf("\n", offset - 1) + 1))![0];
}

/** `value` (with `key` in an object) as text at `indent`: multi-line, or compact for a one-line container. */
function render(value: unknown, key: string | undefined, indent: string, lay: Layout, compact: boolean): string {
  const body = compact ? JSON.stringify(value) : JSON.stringify(value, null, lay.unit).split("\n").join(lay.eol + indent);
  return key === undefined ? body : `${JSON.stringify(key)}:${compact ? "" : " "}${body}`;
}

/**
 * The insertion of one entry after the last one of `container` (an object or an array), in the
 * container's layout. A comment that closes the last entry's line stays on that line.
 */
export function appendEdits(text: string, container: Node, key: string | undefined, value: unknown): TextEdit[] {
  const lay = layoutOf(text);
  const open = container.offset;
  const close = container.offset + container.length - 1;
  const kids = container.children ?? [];
  const last = kids[kids.length - 1];
  if (!last) {
    const inner = text.slice(open + 1, close);
    const outer = indentOfLine(text, open);
    const indent = outer + lay.unit;
    const entry = `${lay.eol}${indent}${render(value, key, indent, lay, false)}`;
    // Only blank space inside: the entry goes on its own lines; comments inside stay after it.
    return [inner.trim() === "" ? { offset: open + 1, length: inner.length, content: `${entry}${lay.eol}${outer}` } : { offset: open + 1, length: 0, content: entry }];
  }
  let end = last.offset + last.length;
  const trailingComma = /^\s*,/.exec(text.slice(end));
  const comma = trailingComma ? "" : ",";
  if (trailingComma) end += trailingComma[0].length;
  if (!text.slice(open, end).includes("\n")) return [{ offset: end, length: 0, content: `${comma} ${render(value, key, "", lay, true)}` }];
  const indent = indentOfLine(text, last.offset);
  const rest = /^[^\r\n]*/.exec(text.slice(end))![0];
  const lineEnd = /^\s*(\/\/.*|\/\*.*\*\/\s*)$/.test(rest) ? end + rest.length : end;
  const entry = `${lay.eol}${indent}${render(value, key, indent, lay, false)}`;
  if (lineEnd === end) return [{ offset: end, length: 0, content: `${comma}${entry}` }];
  return [...(comma ? [{ offset: end, length: 0, content: comma }] : []), { offset: lineEnd, length: 0, content: entry }];
}

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  return out;
}

export type Planned = { kind: "unchanged" } | { kind: "edit"; text: string } | { kind: "refused"; why: string };

/** The new text of the file (`undefined`: it does not exist), or why it is left alone. */
export function planEntry(text: string | undefined, entry: Entry): Planned {
  if (text === undefined || text.trim() === "") return { kind: "edit", text: JSON.stringify(entry.newFile, null, 2) + "\n" };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (!root || errors.length > 0) return { kind: "refused", why: "is not valid JSON" };
  if (root.type !== "object") return { kind: "refused", why: "does not hold a JSON object" };
  if (entry.present(getNodeValue(root))) return { kind: "unchanged" };
  // The deepest part of the path that exists; the rest is created with the entry inside it.
  let depth = entry.container.length;
  let node: Node | undefined = findNodeAtLocation(root, entry.container);
  while (!node) {
    depth--;
    node = depth === 0 ? root : findNodeAtLocation(root, entry.container.slice(0, depth));
  }
  const full = depth === entry.container.length;
  const wanted = full ? (entry.key === undefined ? "array" : "object") : "object";
  if (node.type !== wanted) return { kind: "refused", why: `has "${entry.container.slice(0, depth).join(".") || "(root)"}" that is not ${wanted === "array" ? "a list" : "an object"}` };
  if (full) return { kind: "edit", text: applyTextEdits(text, appendEdits(text, node, entry.key, entry.value)) };
  // Build the missing levels around the entry: { "PostToolUse": [entry] }, { "hooks": { … } }.
  const missing = entry.container.slice(depth);
  let value: unknown = entry.key === undefined ? [entry.value] : { [entry.key]: entry.value };
  for (const k of missing.slice(1).reverse()) value = { [k]: value };
  return { kind: "edit", text: applyTextEdits(text, appendEdits(text, node, missing[0], value)) };
}

export interface InitIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export interface InitOutcome {
  file: string;
  status: "created" | "updated" | "unchanged" | "refused" | "failed";
  message: string;
}

/** Adds the agent's entry under `root`. Never throws for a file problem: the outcome says what happened. */
export function initAgent(agent: InitAgent, root: string): InitOutcome {
  const setup = setupFor(agent);
  const file = path.join(root, ...setup.file.split("/"));
  let before: ReadSnapshot | undefined;
  let text: string | undefined;
  let encoding: FileEncoding = { charset: "utf8", bom: false, eol: "\n" };
  try {
    before = readSnapshot(file);
  } catch (err: unknown) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") before = undefined; // not there yet: it is created
    else return { file: setup.file, status: "failed", message: `cannot read ${setup.file} (${code ?? String(err)})` };
  }
  if (before) {
    const decoded = decodeFile(before.bytes);
    if (!decoded.ok) return { file: setup.file, status: "refused", message: `${setup.file} ${decoded.why}; left as it is` };
    text = decoded.text;
    encoding = decoded.encoding;
  }
  const plan = planEntry(text, setup.entry);
  const snippet = JSON.stringify(setup.entry.key === undefined ? setup.entry.value : { [setup.entry.key]: setup.entry.value }, null, 2);
  if (plan.kind === "unchanged") return { file: setup.file, status: "unchanged", message: `${setup.file} already has ${setup.describe}; nothing changed` };
  if (plan.kind === "refused") return { file: setup.file, status: "refused", message: `${setup.file} ${plan.why}; left as it is. Add this under "${setup.entry.container.join('" → "')}" by hand:\n${snippet}` };
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (err: unknown) {
    return { file: setup.file, status: "failed", message: `cannot create the folder of ${setup.file} (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
  const written = writeFileCarefully(file, encodeFile(plan.text, encoding), { root, before });
  if (!written.ok) return { file: setup.file, status: "failed", message: `${setup.file} ${written.why}; not written` };
  return { file: setup.file, status: before ? "updated" : "created", message: `${before ? "added" : "created"} ${setup.file} with ${setup.describe}` };
}

/**
 * The CLI runner: one line per file written or left alone; exit 0, or 2 when a file could not be
 * set up. For Copilot it then writes the instructions section (`hardening-hints agents`, see
 * src/agents/instructions.ts) into `.github/copilot-instructions.md`, created if missing, and
 * AGENTS.md, which VS Code's agent mode reads too.
 */
export async function runInit(agent: InitAgent, root: string, io: InitIo): Promise<number> {
  if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    io.stderr(`hardening-hints: init --root ${root} is not a folder\n`);
    return 2;
  }
  const outcome = initAgent(agent, root);
  const bad = outcome.status === "refused" || outcome.status === "failed";
  if (bad) io.stderr(`hardening-hints: ${outcome.message}\n`);
  else io.stdout(`${outcome.message}\n`);
  let code = bad ? 2 : 0;
  if (agent === "copilot") {
    const instructions = path.join(root, ".github", "copilot-instructions.md");
    if (!fs.existsSync(instructions)) {
      fs.mkdirSync(path.dirname(instructions), { recursive: true });
      const made = writeFileCarefully(instructions, new Uint8Array(), { root });
      if (!made.ok) {
        io.stderr(`hardening-hints: .github/copilot-instructions.md ${made.why}; not written\n`);
        return 2;
      }
    }
    code = Math.max(code, await runAgents({ root, check: false }, { cwd: root, stdout: io.stdout, stderr: io.stderr }));
  }
  return code;
}
