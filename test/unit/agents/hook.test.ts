import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { formatForAgent, undoReplacements } from "../../../src/agents/hook";
import type { LocatedFinding } from "../../../src/engine/audit";
import { analyze, defaultConfig, MemoryProjectHost } from "../../../src/engine";
import { secretSpans } from "../../../src/engine/redact";
import { BundledCli, type Run } from "./cli-bundle";

const REPO = path.resolve(__dirname, "../../..");
const fixture = (family: string, name: string, file: string) => fs.readFileSync(path.join(REPO, "test/fixtures", family, name, file), "utf8");

/**
 * The PostToolUse input of a Write, copied verbatim from Claude Code's hooks reference,
 * https://code.claude.com/docs/en/hooks#posttooluse-input (fetched 2026-10-08).
 */
const CLAUDE_POST_TOOL_USE_EXAMPLE = `{
  "session_id": "abc123",
  "transcript_path": "/Users/.../.claude/projects/.../00893aaf-19fa-41d2-8238-13269b9b3ca0.jsonl",
  "cwd": "/Users/...",
  "permission_mode": "default",
  "hook_event_name": "PostToolUse",
  "tool_name": "Write",
  "tool_input": {
    "file_path": "/path/to/file.txt",
    "content": "file content"
  },
  "tool_response": {
    "filePath": "/path/to/file.txt",
    "type": "create"
  },
  "tool_use_id": "toolu_01ABC123...",
  "duration_ms": 12
}`;

/**
 * Cursor's afterFileEdit input: the common fields and the event's own, copied verbatim from
 * https://cursor.com/docs/hooks ("Common schema", "afterFileEdit").
 */
const CURSOR_COMMON = `{
  "conversation_id": "string",
  "generation_id": "string",
  "model": "string",
  "model_id": "string",
  "model_params": [{ "id": "string", "value": "string" }],
  "hook_event_name": "string",
  "cursor_version": "string",
  "workspace_roots": ["<path>"],
  "user_email": "string | null",
  "transcript_path": "string | null"
}`;
const CURSOR_AFTER_FILE_EDIT = `{
  "file_path": "<absolute path>",
  "edits": [{ "old_string": "<search>", "new_string": "<replace>" }]
}`;
/** postToolUse, from the same page; Cursor documents no Write example, so the Shell one's fields carry a file's. */
const CURSOR_POST_TOOL_USE = `{
  "tool_name": "Shell",
  "tool_input": { "command": "npm test" },
  "tool_output": "{\\"exitCode\\":0,\\"stdout\\":\\"All tests passed\\"}",
  "tool_use_id": "abc123",
  "cwd": "/project",
  "duration": 5432
}`;

const EMPTY_CATCH = "export function save(orderId: string) {\n  try {\n    db.save(orderId);\n  } catch (e) {}\n}\ndeclare const db: { save(id: string): void };\n";
const CLEAN = "export function save(orderId: string) {\n  db.save(orderId);\n}\ndeclare const db: { save(id: string): void };\n";

let cli: BundledCli;
const hook = (agent: string, input: string, cwd: string, env: Record<string, string> = {}): Run => cli.run(cwd, ["hook", agent], input, env);

/** The engine's message for the only finding of `code` in `text` at `file` (the engine owns the wording). */
function messageOf(file: string, text: string, code: string): string {
  const found = analyze({ path: file, text, config: defaultConfig(path.dirname(file)), project: new MemoryProjectHost(), fixes: false }).findings.filter((f) => f.code === code);
  assert.equal(found.length, 1, `one ${code} in the text`);
  return found[0]!.message;
}

describe("agents: hardening-hints hook", function () {
  this.timeout(60_000);
  let base: string;
  let ws: string;

  const claudeWrite = (file: string, type = "create") => {
    const input = JSON.parse(CLAUDE_POST_TOOL_USE_EXAMPLE);
    input.cwd = ws;
    input.tool_input = { file_path: file, content: fs.readFileSync(file, "utf8") };
    input.tool_response = { filePath: file, type };
    return JSON.stringify(input);
  };
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    fs.writeFileSync(path.join(ws, rel), text);
    return path.join(ws, rel);
  };

  before(async () => {
    cli = await BundledCli.build();
  });
  after(() => cli?.dispose());
  beforeEach(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "hh-hook-")));
    ws = path.join(base, "ws");
    write("package.json", JSON.stringify({ name: "shop" }));
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  describe("claude-code (PostToolUse)", () => {
    it("the documented example as it is: a .txt file outside the project is not checked (exit 0, silent)", () => {
      assert.deepEqual(hook("claude-code", CLAUDE_POST_TOOL_USE_EXAMPLE, ws), { status: 0, stdout: "", stderr: "" });
    });

    it("a Write that adds an empty catch: exit 2, the finding on stderr for Claude", () => {
      const file = write("src/save.ts", EMPTY_CATCH);
      const r = hook("claude-code", claudeWrite(file), ws);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, "");
      assert.equal(
        r.stderr,
        [
          "Hardening Hints: 1 new problem in src/save.ts after this edit. Fix it before you go on:",
          "",
          "src/save.ts:4:15 warning swallowed-exception/emptyCatch",
          `  ${messageOf(file, EMPTY_CATCH, "swallowed-exception/emptyCatch")}`,
          "  Safe fix: Log the error with console (`npx hardening-hints audit --fix src/save.ts` applies the safe fixes)",
          "  Suggested fix (check it fits): Log with console and rethrow",
          "  Docs: https://github.com/hardening-hints/hardening-hints/blob/main/docs/rules/swallowed-exception.md#emptycatch",
          "",
          "If the code is right as it is, say why in a directive on the line above it: // hardening-hints-ignore-next-line <code> -- <reason>",
          "",
        ].join("\n"),
      );
    });

    it("a Write whose only finding has low confidence (reported at info): exit 0, nothing printed", () => {
      const parse = 'export function readPort(raw: string): number {\n  try {\n    return Number(JSON.parse(raw).port);\n  } catch (err) {\n    console.error("Could not read the port", err);\n  }\n  return 3000;\n}\n';
      const file = write("src/port.ts", parse);
      const found = analyze({ path: file, text: parse, config: defaultConfig(ws), project: new MemoryProjectHost(), fixes: false }).findings;
      assert.deepEqual(found.map((f) => [f.code, f.severity, f.confidence]), [["swallowed-exception/logAndContinue", "info", "low"]]);
      assert.deepEqual(hook("claude-code", claudeWrite(file), ws), { status: 0, stdout: "", stderr: "" });
    });

    it("a clean Write: exit 0, nothing printed", () => {
      const file = write("src/save.ts", CLEAN);
      assert.deepEqual(hook("claude-code", claudeWrite(file), ws), { status: 0, stdout: "", stderr: "" });
    });

    it("an Edit reports only what it added: an old finding of the file is not the agent's doing", () => {
      const before = EMPTY_CATCH + "export function load() {\n  return 1;\n}\n";
      const oldString = "export function load() {\n  return 1;\n}\n";
      const harmless = "export function load() {\n  return 2;\n}\n";
      const file = write("src/save.ts", before.replace(oldString, harmless));
      const edit = (old_string: string, new_string: string, extra: Record<string, unknown> = {}) => JSON.stringify({ ...JSON.parse(CLAUDE_POST_TOOL_USE_EXAMPLE), cwd: ws, tool_name: "Edit", tool_input: { file_path: file, old_string, new_string, replace_all: false }, tool_response: { filePath: file, ...extra } });
      assert.deepEqual(hook("claude-code", edit(oldString, harmless), ws), { status: 0, stdout: "", stderr: "" }, "the existing empty catch is not new");

      const adding = "export function load() {\n  try {\n    return save(2);\n  } catch (err) {}\n}\n";
      fs.writeFileSync(file, before.replace(oldString, adding));
      const r = hook("claude-code", edit(oldString, adding), ws);
      assert.equal(r.status, 2);
      assert.deepEqual(r.stderr.split("\n").filter((l) => /^src\//.test(l)), ["src/save.ts:10:17 warning swallowed-exception/emptyCatch"], "only the catch this edit wrote");
      assert.match(r.stderr, /^Hardening Hints: 1 new problem in src\/save\.ts after this edit/);

      // The Edit tool's result may carry the file as it was: it is used as given.
      const withOriginal = hook("claude-code", edit("x", "y", { originalFile: CLEAN }), ws);
      assert.equal(withOriginal.status, 2);
      assert.deepEqual(withOriginal.stderr.split("\n").filter((l) => /^src\//.test(l)), ["src/save.ts:4:15 warning swallowed-exception/emptyCatch", "src/save.ts:10:17 warning swallowed-exception/emptyCatch"]);
    });

    it("a Write over an existing file with nothing to compare to reports every finding of the file", () => {
      const file = write("src/save.ts", EMPTY_CATCH);
      const r = hook("claude-code", claudeWrite(file, "update"), ws);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^Hardening Hints: 1 problem in src\/save\.ts\. Fix it before you go on:\n/);
    });

    it("files that are not TS/JS, outside the project, or ignored by the configuration are not checked", () => {
      const readme = write("README.md", "try {} catch {}\n");
      assert.deepEqual(hook("claude-code", claudeWrite(readme), ws), { status: 0, stdout: "", stderr: "" });
      fs.mkdirSync(path.join(base, "other"));
      fs.writeFileSync(path.join(base, "other/save.ts"), EMPTY_CATCH);
      assert.deepEqual(hook("claude-code", claudeWrite(path.join(base, "other/save.ts")), ws), { status: 0, stdout: "", stderr: "" });
      const generated = write("generated/save.ts", EMPTY_CATCH);
      write(".hardeninghints.json", JSON.stringify({ ignore: ["generated/**"] }));
      assert.deepEqual(hook("claude-code", claudeWrite(generated), ws), { status: 0, stdout: "", stderr: "" });
    });

    it("respects the configuration and directives: off, info and silenced findings do not interrupt the agent", () => {
      const file = write("src/save.ts", EMPTY_CATCH);
      write(".hardeninghints.json", JSON.stringify({ rules: { "swallowed-exception/emptyCatch": "info" } }));
      assert.deepEqual(hook("claude-code", claudeWrite(file), ws), { status: 0, stdout: "", stderr: "" }, "info is never a reason to stop");
      write(".hardeninghints.json", JSON.stringify({ rules: { "swallowed-exception/emptyCatch": "error" } }));
      assert.match(hook("claude-code", claudeWrite(file), ws).stderr, /^src\/save\.ts:4:15 error swallowed-exception\/emptyCatch$/m);
      fs.writeFileSync(file, EMPTY_CATCH.replace("  } catch", "    // hardening-hints-ignore-next-line swallowed-exception/emptyCatch -- best effort cache write\n  } catch"));
      assert.deepEqual(hook("claude-code", claudeWrite(file), ws), { status: 0, stdout: "", stderr: "" });
    });

    it("never prints a secret: the findings are there, the secrets of the file are not", () => {
      const text = fixture("hardcoded-secret", "ng.express-app", "input.ts");
      const file = write("src/app.ts", text);
      const secrets = secretSpans(analyze({ path: file, text, config: defaultConfig(ws), project: new MemoryProjectHost(), fixes: true }).findings, text);
      assert.ok(secrets.length >= 2, "the fixture holds secrets");
      const r = hook("claude-code", claudeWrite(file), ws);
      assert.equal(r.status, 2);
      assert.ok((r.stderr.match(/^src\/app\.ts:\d+:\d+ (warning|error) hardcoded-secret\//gm) ?? []).length >= 2, r.stderr);
      for (const s of secrets) assert.ok(!r.stderr.includes(s), `a secret of ${s.length} chars leaked`);
    });

    it("malformed input or a broken configuration: exit 1 (Claude Code's non-blocking error), never 2", () => {
      const bad = hook("claude-code", "{ not json", ws);
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, /^hardening-hints hook claude-code: standard input is not JSON \(.+\); nothing was checked\. Is the hook registered for the right event \(hardening-hints init --agent claude-code\)\?\n$/);
      assert.equal(hook("claude-code", "[1]", ws).status, 1);
      const noPath = hook("claude-code", JSON.stringify({ hook_event_name: "PostToolUse", tool_name: "Edit", tool_input: {} }), ws);
      assert.equal(noPath.status, 1);
      assert.match(noPath.stderr, /the Edit input has no tool_input\.file_path/);
      const file = write("src/save.ts", EMPTY_CATCH);
      write(".hardeninghints.json", "{ broken");
      const broken = hook("claude-code", claudeWrite(file), ws);
      assert.equal(broken.status, 1);
      assert.match(broken.stderr, /nothing was checked\n$/);
    });

    it("the project is CLAUDE_PROJECT_DIR when Claude Code sets it: cwd follows the agent's cd", () => {
      const file = write("lib/save.ts", EMPTY_CATCH);
      fs.mkdirSync(path.join(ws, "src"));
      const input = JSON.stringify({ ...JSON.parse(claudeWrite(file)), cwd: path.join(ws, "src") });
      assert.deepEqual(hook("claude-code", input, path.join(ws, "src")), { status: 0, stdout: "", stderr: "" }, "without it, lib/ is outside cwd");
      const r = hook("claude-code", input, path.join(ws, "src"), { CLAUDE_PROJECT_DIR: ws });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^Hardening Hints: 1 new problem in lib\/save\.ts after this edit/);
    });

    it("other events and tools are not ours: exit 0, silent", () => {
      const file = write("src/save.ts", EMPTY_CATCH);
      const pre = { ...JSON.parse(claudeWrite(file)), hook_event_name: "PreToolUse" };
      assert.deepEqual(hook("claude-code", JSON.stringify(pre), ws), { status: 0, stdout: "", stderr: "" });
      const read = { ...JSON.parse(claudeWrite(file)), tool_name: "Read" };
      assert.deepEqual(hook("claude-code", JSON.stringify(read), ws), { status: 0, stdout: "", stderr: "" });
    });
  });

  describe("cursor", () => {
    const cursorInput = (event: string, own: string, fill: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(CURSOR_COMMON), ...JSON.parse(own), hook_event_name: event, workspace_roots: [ws], ...fill });

    it("postToolUse: the findings go back to the agent as additional_context (exit 0); clean is {}", () => {
      const file = write("src/save.ts", EMPTY_CATCH);
      const r = hook("cursor", cursorInput("postToolUse", CURSOR_POST_TOOL_USE, { tool_name: "Write", tool_input: { file_path: file }, cwd: ws }), ws);
      assert.equal(r.status, 0);
      assert.equal(r.stderr, "");
      const out = JSON.parse(r.stdout);
      assert.deepEqual(Object.keys(out), ["additional_context"]);
      assert.match(out.additional_context, /^Hardening Hints: 1 problem in src\/save\.ts\. Fix it before you go on:\n\nsrc\/save\.ts:4:15 warning swallowed-exception\/emptyCatch\n/);
      fs.writeFileSync(file, CLEAN);
      assert.deepEqual(hook("cursor", cursorInput("postToolUse", CURSOR_POST_TOOL_USE, { tool_name: "Write", tool_input: { file_path: file }, cwd: ws }), ws), { status: 0, stdout: "{}\n", stderr: "" });
      assert.deepEqual(hook("cursor", cursorInput("postToolUse", CURSOR_POST_TOOL_USE, {}), ws), { status: 0, stdout: "{}\n", stderr: "" }, "the documented Shell example names no file");
    });

    it("afterFileEdit: Cursor reads no output from it, so the new findings go to its Hooks channel (stderr)", () => {
      const file = write("src/save.ts", EMPTY_CATCH);
      const r = hook("cursor", cursorInput("afterFileEdit", CURSOR_AFTER_FILE_EDIT, { file_path: file, edits: [{ old_string: "", new_string: EMPTY_CATCH }] }), ws);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, "{}\n");
      assert.match(r.stderr, /^Hardening Hints: 1 new problem in src\/save\.ts after this edit\. Fix it before you go on:\n\nsrc\/save\.ts:4:15 warning swallowed-exception\/emptyCatch\n/);
      fs.writeFileSync(file, EMPTY_CATCH.replace("db.save(orderId);", "db.save(orderId); // saved"));
      const harmless = hook("cursor", cursorInput("afterFileEdit", CURSOR_AFTER_FILE_EDIT, { file_path: file, edits: [{ old_string: "db.save(orderId);", new_string: "db.save(orderId); // saved" }] }), ws);
      assert.deepEqual(harmless, { status: 0, stdout: "{}\n", stderr: "" }, "an edit that adds nothing says nothing");
    });

    it("a secret is masked, malformed input is exit 1 with {} so Cursor goes on", () => {
      const text = fixture("hardcoded-secret", "ng.express-app", "input.ts");
      const file = write("src/app.ts", text);
      const secrets = secretSpans(analyze({ path: file, text, config: defaultConfig(ws), project: new MemoryProjectHost(), fixes: true }).findings, text);
      const r = hook("cursor", cursorInput("postToolUse", CURSOR_POST_TOOL_USE, { tool_name: "Write", tool_input: { file_path: file }, cwd: ws }), ws);
      const context = JSON.parse(r.stdout).additional_context as string;
      assert.match(context, /hardcoded-secret\//);
      for (const s of secrets) assert.ok(!r.stdout.includes(s), `a secret of ${s.length} chars leaked`);
      const bad = hook("cursor", "not json", ws);
      assert.equal(bad.status, 1);
      assert.equal(bad.stdout, "{}\n");
      assert.match(bad.stderr, /^hardening-hints hook cursor: standard input is not JSON/);
    });
  });

  it("formatForAgent hands over real fixes only: a suggestion that asks for a reason (\"Mark as…\") is the directive line's job", () => {
    const finding = (fixes: { title: string; kind: "safe" | "suggestion"; isPreferred?: boolean }[]) =>
      ({ ruleId: "swallowed-exception", caseId: "emptyCatch", code: "swallowed-exception/emptyCatch", severity: "warning", message: "m", range: { start: 0, end: 1 }, related: [], docsUrl: "d", fingerprint: "f", loc: { start: { line: 1, column: 2 }, end: { line: 1, column: 3 } }, fixes: fixes.map((x) => ({ ...x, edits: [] })) }) as unknown as LocatedFinding;
    const text = (f: LocatedFinding) => formatForAgent({ findings: [f], onlyNew: true, configErrors: [] }, "/p/a.ts", "/p").split("\n").slice(2, -3);
    assert.deepEqual(text(finding([{ title: "Mark as intentionally ignored…", kind: "suggestion", isPreferred: true }])), ["a.ts:1:2 warning swallowed-exception/emptyCatch", "  m", "  Docs: d"]);
    assert.deepEqual(text(finding([{ title: "Log it", kind: "safe" }, { title: "Mark as intentionally ignored…", kind: "suggestion", isPreferred: true }, { title: "Rethrow", kind: "suggestion" }])), [
      "a.ts:1:2 warning swallowed-exception/emptyCatch",
      "  m",
      "  Safe fix: Log it (`npx hardening-hints audit --fix a.ts` applies the safe fixes)",
      "  Suggested fix (check it fits): Rethrow",
      "  Docs: d",
    ]);
  });

  describe("undoReplacements: the text before an edit, where it is certain", () => {
    it("undoes each replacement, last first", () => {
      assert.equal(undoReplacements("a X c Y", [{ oldText: "b", newText: "X", all: false }, { oldText: "d", newText: "Y", all: false }]), "a b c d");
      assert.equal(undoReplacements("X and X", [{ oldText: "b", newText: "X", all: true }]), "b and b");
    });
    it("gives up where the new text is ambiguous, missing or empty", () => {
      assert.equal(undoReplacements("X and X", [{ oldText: "b", newText: "X", all: false }]), undefined);
      assert.equal(undoReplacements("abc", [{ oldText: "b", newText: "Z", all: false }]), undefined);
      assert.equal(undoReplacements("ac", [{ oldText: "b", newText: "", all: false }]), undefined);
    });
  });
});
