import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { version } from "../../../package.json";
import { parseArgs } from "../../../src/cli/args";
import { auditTool, ToolError } from "../../../src/mcp/tools";
import { allRules, analyze, defaultConfig, MemoryProjectHost } from "../../../src/engine";
import { secretSpans } from "../../../src/engine/redact";

const REPO = path.resolve(__dirname, "../../..");
const FIXTURES = path.join(REPO, "test/fixtures");
const TSX = path.join(REPO, "node_modules/tsx/dist/cli.mjs");

type Answer = { isError: boolean; text: string; json: any };

/**
 * The CLI's `mcp` command from source (tsx), driven over real stdio by the SDK's own client, as
 * an agent's host does: one server per workspace, every call a JSON-RPC round trip.
 */
class Session {
  private constructor(
    readonly client: Client,
    readonly stderr: string[],
  ) {}

  static async start(root: string, cwd = root): Promise<Session> {
    const transport = new StdioClientTransport({ command: process.execPath, args: [TSX, path.join(REPO, "src/cli/index.ts"), "mcp", "--root", root], cwd, stderr: "pipe" });
    const stderr: string[] = [];
    transport.stderr?.on("data", (d: Buffer) => stderr.push(d.toString()));
    const client = new Client({ name: "hardening-hints-test", version: "0" });
    await client.connect(transport);
    return new Session(client, stderr);
  }

  async call(name: string, args: Record<string, unknown>): Promise<Answer> {
    const r = await this.client.callTool({ name, arguments: args });
    const text = (r.content as { type: string; text: string }[]).map((c) => c.text).join("");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err: unknown) {
      void err; // an error answer is plain text
    }
    return { isError: r.isError === true, text, json };
  }
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

const fixture = (family: string, name: string, file: string) => fs.readFileSync(path.join(FIXTURES, family, name, file), "utf8");

const EMPTY_CATCH = "export function save(orderId: string) {\n  try {\n    db.save(orderId);\n  } catch (e) {}\n}\ndeclare const db: { save(id: string): void };\n";

describe("mcp: hardening-hints mcp over stdio with the SDK client", function () {
  this.timeout(120_000);
  let base: string;
  let ws: string;
  let session: Session;

  before(async () => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "hh-mcp-")));
    ws = path.join(base, "ws");
    writeTree(ws, {
      "package.json": JSON.stringify({ name: "shop", type: "module" }),
      ".hardeninghints.json": JSON.stringify({ rules: { "swallowed-exception/emptyCatch": "error", "swallowed-exception/catchReturnsDefault": "off" } }),
      "scripts/clean.mjs": fixture("swallowed-exception", "ng.cli-script", "input.mjs"),
      "src/save.ts": EMPTY_CATCH,
      "src/app.ts": fixture("hardcoded-secret", "ng.express-app", "input.ts"),
      "README.md": "not code\n",
      "src/ignored.ts": EMPTY_CATCH.replace("  } catch", "    // hardening-hints-ignore-next-line swallowed-exception/emptyCatch -- best effort\n  } catch"),
    });
    writeTree(base, { "outside/victim.ts": EMPTY_CATCH });
    fs.symlinkSync(path.join(base, "outside"), path.join(ws, "linked"));
    session = await Session.start(ws);
  });
  after(async () => {
    await session?.client.close();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it("initializes: names the server with the package version and offers tools", () => {
    assert.deepEqual(session.client.getServerVersion(), { name: "hardening-hints", title: "Hardening Hints", version });
    assert.ok(session.client.getServerCapabilities()?.tools, "the tools capability");
    assert.match(session.client.getInstructions() ?? "", /audit/);
  });

  it("lists the four tools; only fixes may write", async () => {
    const { tools } = await session.client.listTools();
    assert.deepEqual(
      tools.map((t) => [t.name, t.annotations?.readOnlyHint]),
      [
        ["audit", true],
        ["explain", true],
        ["fixes", false],
        ["rules", true],
      ],
    );
    const fixes = tools.find((t) => t.name === "fixes")!;
    assert.deepEqual(fixes.inputSchema.required, ["path"]);
    assert.equal((fixes.inputSchema.properties as Record<string, { type: string }>).apply!.type, "boolean");
  });

  it("audit of a fixture gives the hand-reviewed findings with positions, codes and docs links", async () => {
    const a = await session.call("audit", { paths: ["scripts/clean.mjs"] });
    assert.equal(a.isError, false, a.text);
    // catchReturnsDefault is off in this project's .hardeninghints.json.
    const expected = (JSON.parse(fixture("swallowed-exception", "ng.cli-script", "findings.json")) as { case: string; line: number; column: number; endLine: number; endColumn: number }[]).filter((f) => f.case !== "catchReturnsDefault");
    // The fixture's findings.json is its own family's (other families may find more in it).
    const own = a.json.findings.filter((f: any) => f.code.startsWith("swallowed-exception/"));
    assert.deepEqual(
      own.map((f: any) => ({ case: f.code.split("/")[1], line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn })),
      expected.map((f) => ({ case: f.case, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn })),
    );
    for (const f of own) {
      assert.equal(f.file, "scripts/clean.mjs");
      assert.equal(f.docsUrl, `https://github.com/hardening-hints/hardening-hints/blob/main/docs/rules/swallowed-exception.md#${f.code.split("/")[1].toLowerCase()}`);
      assert.match(f.fingerprint, /^[0-9a-f]{32}$/);
    }
    assert.deepEqual(a.json.summary, { files: 1, analyzed: 1, errors: 0, warnings: a.json.findings.length, info: 0, suppressed: 0 });
  });

  it("audit of a whole workspace puts errors first and honours limit", async () => {
    const a = await session.call("audit", { limit: 1 });
    assert.equal(a.isError, false, a.text);
    assert.equal(a.json.findings.length, 1);
    assert.equal(a.json.findings[0].severity, "error");
    assert.equal(a.json.summary.shown, 1);
    assert.match(a.json.summary.note, /more findings; raise `limit`/);
    assert.equal(a.json.summary.files, 4, "README.md is not a source file");
  });

  it("audit of a file's text (an unsaved version) uses that file's configuration", async () => {
    const a = await session.call("audit", { text: EMPTY_CATCH.replace("save", "store"), path: "src/new.ts" });
    assert.equal(a.isError, false, a.text);
    assert.deepEqual(
      a.json.findings.map((f: any) => [f.file, f.code, f.severity, f.line, f.column, f.message]),
      [["src/new.ts", "swallowed-exception/emptyCatch", "error", 4, 15, "The catch in store drops the error: when the code fails, nobody finds out and it carries on as if it worked. Log the error or rethrow it."]],
    );
    assert.equal(fs.existsSync(path.join(ws, "src/new.ts")), false, "nothing is written");
  });

  it("audit: a low-confidence finding is one step below its severity (warning → info) and says why", async () => {
    const text = 'export function readPort(raw: string): number {\n  try {\n    return Number(JSON.parse(raw).port);\n  } catch (err) {\n    console.error("Could not read the port", err);\n  }\n  return 3000;\n}\n';
    const a = await session.call("audit", { text, path: "src/port.ts" });
    assert.equal(a.isError, false, a.text);
    assert.deepEqual(
      a.json.findings.map((f: any) => [f.code, f.severity, f.confidence, f.confidenceReason]),
      [["swallowed-exception/logAndContinue", "info", "low", "syncTry"]],
    );
  });

  it("masks secrets as every other output does: no secret of the file in any answer", async () => {
    const text = fixture("hardcoded-secret", "ng.express-app", "input.ts");
    const file = path.join(ws, "src/app.ts");
    const secrets = secretSpans(analyze({ path: file, text, config: defaultConfig(ws), project: new MemoryProjectHost(), fixes: true }).findings, text);
    assert.ok(secrets.length >= 2, "the fixture holds secrets");
    const answers = [
      await session.call("audit", { paths: ["src/app.ts"] }),
      await session.call("audit", { text, path: "src/app.ts" }),
      await session.call("fixes", { path: "src/app.ts" }),
      await session.call("fixes", { path: "src/app.ts", text }),
    ];
    for (const a of answers) {
      assert.equal(a.isError, false, a.text);
      assert.ok(a.json.findings.filter((f: any) => f.code.startsWith("hardcoded-secret/")).length >= 2, "the secrets are reported (their messages never hold them)");
      for (const s of secrets) assert.ok(!a.text.includes(s), `a secret of ${s.length} chars leaked into an answer`);
    }
  });

  it("masks the secrets of every hardcoded-secret fixture in audit and fixes answers", async () => {
    const dir = path.join(FIXTURES, "hardcoded-secret");
    let checked = 0;
    for (const name of fs.readdirSync(dir).filter((n) => n.startsWith("ng."))) {
      const input = fs.readdirSync(path.join(dir, name)).find((f) => f.startsWith("input."))!;
      const text = fs.readFileSync(path.join(dir, name, input), "utf8");
      const rel = `fixtures/${name}/${input}`;
      const secrets = secretSpans(analyze({ path: path.join(ws, rel), text, config: defaultConfig(ws), project: new MemoryProjectHost(), fixes: true }).findings, text);
      for (const a of [await session.call("audit", { text, path: rel }), await session.call("fixes", { path: rel, text })]) {
        assert.equal(a.isError, false, a.text);
        for (const s of secrets) assert.ok(!a.text.includes(s), `${name}: a secret of ${s.length} chars leaked`);
      }
      checked += secrets.length;
    }
    assert.ok(checked >= 10, `only ${checked} secrets were checked`);
  });

  it("explain: a case's docs with examples and this project's severity for it", async () => {
    const e = await session.call("explain", { code: "emptyCatch" });
    assert.equal(e.isError, false, e.text);
    assert.equal(e.json.code, "swallowed-exception/emptyCatch");
    assert.equal(e.json.fix, "safe");
    assert.match(e.json.docs, /^### emptyCatch\n/);
    assert.match(e.json.docs, /```ts invalid\n[\s\S]*catch \(e\) \{\}/);
    assert.ok(!e.json.docs.includes("### logAndContinue"), "only the case's own section");
    assert.deepEqual(e.json.project, {
      configFile: ".hardeninghints.json",
      severity: { "swallowed-exception/emptyCatch": { project: "error", default: "warning" } },
      options: {},
      defaultOptions: {},
    });
    const family = await session.call("explain", { code: "hardcoded-secret" });
    assert.equal(family.json.code, "hardcoded-secret");
    assert.match(family.json.docs, /## Why it matters[\s\S]*## Options/);
    assert.equal(Object.keys(family.json.project.severity).length, Object.keys(allRules.find((r) => r.id === "hardcoded-secret")!.cases).length);
  });

  it("rules: every family and case with its severity in this project", async () => {
    const r = await session.call("rules", {});
    assert.equal(r.isError, false, r.text);
    assert.equal(r.json.configFile, ".hardeninghints.json");
    assert.deepEqual(
      r.json.families.map((f: any) => f.id),
      allRules.map((x) => x.id),
    );
    const cases = new Map<string, any>(r.json.families.flatMap((f: any) => f.cases.map((c: any) => [c.code, c])));
    assert.deepEqual(cases.get("swallowed-exception/emptyCatch"), { code: "swallowed-exception/emptyCatch", severity: "error", default: "warning", fix: "safe", description: "An empty catch, or one whose only statements are no-ops" });
    assert.equal(cases.get("swallowed-exception/catchReturnsDefault").severity, "off");
    assert.equal(cases.size, allRules.reduce((n, x) => n + Object.keys(x.cases).length, 0));
  });

  it("fixes: lists the edits with their safety kind and writes nothing", async () => {
    const before = fs.readFileSync(path.join(ws, "src/save.ts"), "utf8");
    const f = await session.call("fixes", { path: "src/save.ts", line: 4, column: 15 });
    assert.equal(f.isError, false, f.text);
    assert.equal(f.json.findings.length, 1);
    assert.deepEqual(
      f.json.findings[0].fixes.map((x: any) => [x.index, x.title, x.kind, x.preferred]),
      [
        [0, "Log the error with console", "safe", true],
        [1, "Log with console and rethrow", "suggestion", false],
        [2, "Mark as intentionally ignored…", "suggestion", false],
      ],
    );
    assert.deepEqual(f.json.findings[0].fixes[0].edits, [{ file: "src/save.ts", start: { line: 4, column: 16 }, end: { line: 4, column: 16 }, text: '\n    console.error("db.save failed", { orderId }, e);\n  ' }]);
    assert.match(f.json.note, /nothing was written/);
    assert.equal(fs.readFileSync(path.join(ws, "src/save.ts"), "utf8"), before);
  });

  it("fixes with apply: true writes the preferred safe fix, until the fixture equals its fix-all output", async () => {
    // One finding at a time, as an agent would, picked by the fingerprint `audit` gave.
    for (let round = 0; round < 10; round++) {
      const a = await session.call("audit", { paths: ["scripts/clean.mjs"] });
      const next = a.json.findings.find((f: any) => f.fixes.some((x: any) => x.kind === "safe"));
      if (!next) break;
      const w = await session.call("fixes", { path: "scripts/clean.mjs", fingerprint: next.fingerprint, apply: true });
      assert.equal(w.isError, false, w.text);
      assert.equal(w.json.applied.kind, "safe");
      assert.deepEqual(w.json.written, ["scripts/clean.mjs"]);
    }
    // The fixture's output was made with every case on; catchReturnsDefault (off here) has no safe fix.
    assert.equal(fs.readFileSync(path.join(ws, "scripts/clean.mjs"), "utf8"), fixture("swallowed-exception", "ng.cli-script", "output.mjs"));
  });

  it("fixes with apply: true and a suggestion's index writes that suggestion", async () => {
    writeTree(ws, { "src/rethrow.ts": EMPTY_CATCH });
    const w = await session.call("fixes", { path: "src/rethrow.ts", code: "swallowed-exception/emptyCatch", apply: true, fix: 1 });
    assert.equal(w.isError, false, w.text);
    assert.deepEqual(w.json.applied, { title: "Log with console and rethrow", kind: "suggestion" });
    assert.deepEqual(w.json.written, ["src/rethrow.ts"]);
    assert.deepEqual(w.json.findingsAfter, [], "the answer shows the file as it is now: the rethrow settled it");
    assert.equal(fs.readFileSync(path.join(ws, "src/rethrow.ts"), "utf8"), EMPTY_CATCH.replace("catch (e) {}", 'catch (e) {\n    console.error("db.save failed", { orderId }, e);\n    throw e;\n  }'));
  });

  it("fixes on a file that is not valid UTF-8: the findings without fixes, the reason, and nothing written with apply", async () => {
    const latin1 = Buffer.from(EMPTY_CATCH.replace("db.save(orderId);", 'db.save(orderId, "£");'), "latin1");
    const file = path.join(ws, "src/latin1.ts");
    fs.writeFileSync(file, latin1);
    const f = await session.call("fixes", { path: "src/latin1.ts" });
    assert.equal(f.isError, false, f.text);
    assert.deepEqual(f.json.findings.map((x: any) => [x.code, x.fixes.length]), [["swallowed-exception/emptyCatch", 0]]);
    const byte = EMPTY_CATCH.indexOf("db.save(orderId);") + 'db.save(orderId, "'.length;
    assert.deepEqual(f.json.problems, [{ kind: "notUtf8", file: "src/latin1.ts", message: `${file}: not valid UTF-8 at byte ${byte}: analysed, fixes not offered` }]);
    const w = await session.call("fixes", { path: "src/latin1.ts", apply: true });
    assert.equal(w.isError, true, w.text);
    assert.match(w.text, new RegExp(`src/latin1\\.ts: not valid UTF-8 at byte ${byte}: analysed, fixes not offered: nothing was written`));
    const a = await session.call("audit", { paths: ["src/latin1.ts"] });
    assert.deepEqual(a.json.findings.map((x: any) => x.code), ["swallowed-exception/emptyCatch"]);
    assert.deepEqual(fs.readFileSync(file), latin1);
  });

  it("refuses to read or write outside the workspace, also through a symbolic link", async () => {
    const victim = path.join(base, "outside/victim.ts");
    const before = fs.readFileSync(victim, "utf8");
    for (const p of ["../outside/victim.ts", victim, "linked/victim.ts"]) {
      const w = await session.call("fixes", { path: p, apply: true });
      assert.equal(w.isError, true, `${p}: ${w.text}`);
      assert.match(w.text, /is outside the workspace .*; this server only reads and writes inside it/);
      const a = await session.call("audit", { paths: [p] });
      assert.equal(a.isError, true, `${p}: ${a.text}`);
    }
    assert.equal(fs.readFileSync(victim, "utf8"), before);
  });

  it("bad arguments give clear tool errors, not a crash", async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ["audit", { bogus: 1 }, /Input validation error: .*Unrecognized key: "bogus"/],
      ["audit", { limit: 0 }, /Input validation error: .*limit/],
      ["audit", { paths: ["src"], text: "x" }, /give either `paths` or `text`/],
      ["audit", { paths: ["nope"] }, /nope does not exist in the workspace/],
      ["audit", { text: "x", path: "README.md" }, /README\.md is not a TypeScript or JavaScript file/],
      ["explain", {}, /Input validation error: .*code/],
      ["explain", { code: "no-such-rule" }, /no rule family or case "no-such-rule"; known families: hardcoded-secret, /],
      ["explain", { code: "swallowed-exception/nope" }, /swallowed-exception has no case "nope"; its cases: emptyCatch, /],
      ["fixes", { path: "src/save.ts", fix: 0 }, /`fix` picks the fix to apply: it needs `apply: true`/],
      ["fixes", { path: "src/save.ts", text: EMPTY_CATCH, apply: true }, /cannot be combined with `text`/],
      ["fixes", { path: "src/app.ts", apply: true }, /`apply` needs exactly one finding, and \d+ match/],
      ["fixes", { path: "src/save.ts", line: 4, apply: true, fix: 9 }, /swallowed-exception\/emptyCatch has 3 fix\(es\): `fix` must be from 0 to 2/],
      ["fixes", { path: "src/missing.ts" }, /src\/missing\.ts cannot be read \(ENOENT\)/],
      ["fixes", { path: "src/ignored.ts", apply: true }, /swallowed-exception\/emptyCatch at 5:15 is suppressed \(best effort\); nothing to fix/],
      ["nope", {}, /Tool nope not found/],
    ];
    for (const [name, args, message] of cases) {
      const r = await session.call(name, args);
      assert.equal(r.isError, true, `${name} ${JSON.stringify(args)} should fail: ${r.text}`);
      assert.match(r.text, message);
    }
    // The server is still serving.
    assert.equal((await session.call("rules", {})).isError, false);
  });
});

describe("mcp: the tools in process", () => {
  it("a cancelled audit stops and says so", async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "hh-mcp-cancel-")));
    try {
      writeTree(dir, { "a.ts": EMPTY_CATCH });
      await assert.rejects(auditTool({ root: dir }, {}, () => true), (err: unknown) => err instanceof ToolError && err.message === "the audit was cancelled");
      assert.equal((await auditTool({ root: dir }, {}, () => false)).findings.length, 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("mcp: the command line", function () {
  this.timeout(60_000);

  it("parses mcp [--root DIR] and refuses anything else", () => {
    assert.deepEqual([parseArgs(["mcp"]).command, parseArgs(["mcp"]).root], ["mcp", undefined]);
    assert.equal(parseArgs(["mcp", "--root", "app"]).root, "app");
    assert.equal(parseArgs(["mcp", "--root=app"]).root, "app");
    assert.throws(() => parseArgs(["mcp", "--format", "json"]), /mcp takes only --root DIR, not --format/);
    assert.throws(() => parseArgs(["mcp", "--root"]), /--root needs a value/);
  });

  it("mcp --root on a missing folder is a usage error (exit 2), before any protocol", async () => {
    const { spawnSync } = await import("node:child_process");
    const r = spawnSync(process.execPath, [TSX, path.join(REPO, "src/cli/index.ts"), "mcp", "--root", path.join(os.tmpdir(), "hh-mcp-missing-folder")], { encoding: "utf8", input: "" });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /mcp --root .*hh-mcp-missing-folder is not a folder/);
    assert.equal(r.stdout, "");
  });

  it("serves the working directory by default and exits 0 when the client closes", async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "hh-mcp-cwd-")));
    try {
      writeTree(dir, { "a.ts": EMPTY_CATCH });
      const transport = new StdioClientTransport({ command: process.execPath, args: [TSX, path.join(REPO, "src/cli/index.ts"), "mcp"], cwd: dir, stderr: "pipe" });
      const client = new Client({ name: "t", version: "0" });
      await client.connect(transport);
      const r = await client.callTool({ name: "audit", arguments: {} });
      const json = JSON.parse((r.content as { text: string }[])[0]!.text);
      assert.equal(json.root, dir);
      assert.deepEqual(
        json.findings.map((f: any) => f.file),
        ["a.ts"],
      );
      const exited = new Promise<number | null>((resolve) => transport["_process"]?.once("exit", (code: number | null) => resolve(code)));
      await client.close();
      assert.equal(await exited, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
