/**
 * The CLI's CI features through the built dist/cli.js: `--cache` (same report as without it,
 * unchanged files reused, exactly the right files invalidated, a corrupt cache rebuilt with a
 * warning), `--shard i/n` with `merge` (the slices are disjoint, cover the list, and merge into
 * the unsharded report, in JSON and SARIF; a missing or doubled shard is refused), and `--stdin`.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "../../..");
const CLI = path.join(REPO, "dist/cli.js");

function run(cwd: string, args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", timeout: 120_000, input: opts.input, env: { ...process.env, ...opts.env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SWALLOW = (i: number) => `export function f${i}() {\n  try {\n    g();\n  } catch (e) {}\n}\n`;
const SECRET_MOVE = 'export const stripe = "sk_live_' + "4eC39HqLyjWDarjtT1zdp7dc" + '";\n';

describe("cli: --cache, --shard, merge, --stdin", function () {
  this.timeout(180_000);
  const dirs: string[] = [];
  const mk = (files: Record<string, string>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-ci-"));
    dirs.push(dir);
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    return dir;
  };
  before(() => assert.ok(fs.existsSync(CLI), "dist/cli.js is missing: run `npm run build` first (npm test does)"));
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  const stats = (r: { stderr: string }) => {
    const m = /cache: (\d+) hits, (\d+) misses/.exec(r.stderr);
    assert.ok(m, `no cache statistics in:\n${r.stderr}`);
    return { hits: Number(m[1]), misses: Number(m[2]) };
  };
  const cached = (dir: string, format = "json") => run(dir, ["audit", ".", "--cache", "--format", format], { env: { HH_DEBUG_CACHE: "1" } });

  it("--cache: the second run reuses every file and prints the same report as a run without the cache", () => {
    const d = mk({ "package.json": '{ "name": "x" }', "src/a.ts": SWALLOW(1), "src/b.ts": SWALLOW(2), "src/c.ts": SECRET_MOVE });
    const plain = run(d, ["audit", ".", "--format", "json"]);
    const first = cached(d);
    const second = cached(d);
    assert.deepEqual(stats(first), { hits: 0, misses: 3 });
    assert.deepEqual(stats(second), { hits: 3, misses: 0 });
    assert.equal(first.stdout, plain.stdout);
    assert.equal(second.stdout, plain.stdout);
    assert.equal(second.code, plain.code);
    assert.ok(fs.existsSync(path.join(d, ".hardeninghints-cache")));
  });

  it("--cache: a changed file, a changed config and a changed package.json invalidate exactly their files", () => {
    const d = mk({ "a/package.json": '{ "name": "a" }', "a/x.ts": SWALLOW(1), "a/y.ts": SWALLOW(2), "b/package.json": '{ "name": "b" }', "b/z.ts": SWALLOW(3) });
    cached(d);
    fs.appendFileSync(path.join(d, "a/x.ts"), "// touched\n");
    assert.deepEqual(stats(cached(d)), { hits: 2, misses: 1 });
    // The project profile of a/ changes (a logger dependency): a/'s two files, not b/'s.
    fs.writeFileSync(path.join(d, "a/package.json"), '{ "name": "a", "dependencies": { "pino": "9.0.0" } }');
    assert.deepEqual(stats(cached(d)), { hits: 1, misses: 2 });
    // A config in b/ changes b/'s files only.
    fs.writeFileSync(path.join(d, "b/.hardeninghints.json"), '{ "rules": { "swallowed-exception": "error" } }');
    const r = cached(d);
    assert.deepEqual(stats(r), { hits: 2, misses: 1 });
    assert.equal(r.code, 1, "the new severity is in the verdict");
  });

  it("--cache: a file the analysis read (the env example a fix edits) invalidates the files that read it", () => {
    const d = mk({ "package.json": '{ "name": "x" }', "src/c.ts": SECRET_MOVE, "src/d.ts": SWALLOW(1), ".env.example": "OTHER=1\n" });
    const first = cached(d);
    fs.writeFileSync(path.join(d, ".env.example"), "OTHER=1\nSTRIPE=\n");
    const second = cached(d);
    assert.deepEqual(stats(second), { hits: 1, misses: 1 }, `first run: ${first.stderr}`);
    assert.equal(second.stdout, run(d, ["audit", ".", "--format", "json"]).stdout);
  });

  it("--cache: a changed tsconfig paths alias invalidates every file that followed it, not only the first to read the config", () => {
    const controller = 'import { login } from "@auth/auth.service";\nexport async function loginController(req, res) {\n  res.json(await login(req.body));\n}\n';
    const d = mk({
      "package.json": '{ "name": "x", "dependencies": { "express": "^4.19.0" } }',
      "tsconfig.json": '{ "compilerOptions": { "paths": { "@auth/*": ["./src/auth/*"] } } }',
      "src/auth/a.controller.ts": controller,
      "src/auth/b.controller.ts": controller,
      "src/auth/auth.service.ts": "export async function login(body) {\n  validateLoginInput(body);\n  return User.findOne({ email: body.email });\n}\n",
      "src/legacy/auth.service.ts": "export async function login(body) {\n  const user = await User.findOne({ email: body.email });\n  validateLoginInput(body);\n  return user;\n}\n",
    });
    const first = cached(d);
    assert.deepEqual(JSON.parse(first.stdout).findings, []);
    // The alias now reaches the service that queries first: both controllers are analysed again.
    fs.writeFileSync(path.join(d, "tsconfig.json"), '{ "compilerOptions": { "paths": { "@auth/*": ["./src/legacy/*"] } } }');
    const second = cached(d);
    assert.deepEqual(stats(second), { hits: 2, misses: 2 });
    assert.equal(second.stdout, run(d, ["audit", ".", "--format", "json"]).stdout);
    assert.deepEqual(JSON.parse(second.stdout).findings.map((f: { file: string }) => f.file), ["src/auth/a.controller.ts", "src/auth/b.controller.ts"]);
  });

  it("--cache: a workspace package's changed entry invalidates the files that imported it, not a file whose bare imports name no package of the workspace", () => {
    const controller = 'import { login } from "@acme/auth";\nexport async function loginController(req, res) {\n  res.json(await login(req.body));\n}\n';
    const d = mk({
      "package.json": '{ "name": "acme", "private": true }',
      "pnpm-workspace.yaml": "packages:\n  - apps/*\n  - packages/*\n",
      "apps/api/package.json": '{ "name": "@acme/api", "dependencies": { "express": "^4.19.0", "@acme/auth": "workspace:*" } }',
      "apps/api/src/a.controller.ts": controller,
      "apps/api/src/b.controller.ts": controller,
      "apps/api/src/health.ts": 'import express from "express";\nexport const app = express();\napp.get("/health", (req, res) => res.send("ok"));\n',
      "packages/auth/package.json": '{ "name": "@acme/auth", "exports": "./lib/index.ts" }',
      "packages/auth/lib/index.ts": "export async function login(body) {\n  validateLoginInput(body);\n  return User.findOne({ email: body.email });\n}\n",
      "packages/auth/lib/legacy.ts": "export async function login(body) {\n  const user = await User.findOne({ email: body.email });\n  validateLoginInput(body);\n  return user;\n}\n",
    });
    const first = cached(d);
    assert.deepEqual(JSON.parse(first.stdout).findings, []);
    // The package's entry is now the service that queries first: both controllers are analysed again; the health route and the package's own modules are not.
    fs.writeFileSync(path.join(d, "packages/auth/package.json"), '{ "name": "@acme/auth", "exports": "./lib/legacy.ts" }');
    const second = cached(d);
    assert.equal(second.stdout, run(d, ["audit", ".", "--format", "json"]).stdout);
    assert.deepEqual(JSON.parse(second.stdout).findings.map((f: { file: string }) => f.file), ["apps/api/src/a.controller.ts", "apps/api/src/b.controller.ts"]);
    assert.deepEqual(stats(second), { hits: 3, misses: 2 });
  });

  it("--cache: a route module added to a folder the rule searched invalidates the controller it registers", () => {
    const d = mk({
      "package.json": '{ "name": "x", "dependencies": { "express": "^4.19.0", "joi": "^17.13.0" } }',
      "src/controllers/users.ts": "export async function createUser(req, res) {\n  await db.user.create({ data: req.body });\n  res.sendStatus(201);\n}\n",
      "src/routes/health.ts": 'export const health = (req, res) => res.send("ok");\n',
    });
    const first = cached(d);
    assert.equal(JSON.parse(first.stdout).findings.length, 1, first.stdout);
    // The route that registers the handler behind a validation middleware: the body is validated there.
    fs.writeFileSync(path.join(d, "src/routes/users.ts"), 'import { Router } from "express";\nimport { createUser } from "../controllers/users";\nconst router = Router();\nrouter.post("/", validate(userSchema), createUser);\nexport default router;\n');
    const second = cached(d);
    assert.deepEqual(stats(second), { hits: 1, misses: 2 });
    assert.equal(second.stdout, run(d, ["audit", ".", "--format", "json"]).stdout);
    assert.deepEqual(JSON.parse(second.stdout).findings, []);
  });

  it("--cache with worker threads: the workers' results are stored with what they read, and reused", () => {
    const files: Record<string, string> = { "package.json": '{ "name": "x" }' };
    for (let i = 0; i < 60; i++) files[`src/f${i}.ts`] = SWALLOW(i);
    const d = mk(files);
    const plain = run(d, ["audit", ".", "--format", "json", "--jobs", "1"]);
    const args = ["audit", ".", "--cache", "--format", "json", "--jobs", "2"];
    const first = run(d, args, { env: { HH_DEBUG_CACHE: "1" } });
    const second = run(d, args, { env: { HH_DEBUG_CACHE: "1" } });
    assert.deepEqual([stats(first), stats(second)], [
      { hits: 0, misses: 60 },
      { hits: 60, misses: 0 },
    ]);
    assert.equal(first.stdout, plain.stdout);
    assert.equal(second.stdout, plain.stdout);
  });

  it("--cache: a corrupt cache is rebuilt with a warning, never trusted", () => {
    const d = mk({ "src/a.ts": SWALLOW(1) });
    const loc = path.join(d, "my.cache");
    for (const broken of ["{ not json", '{ "format": 4, "entries": { "x": { "key": 5 } } }', '{ "format": 3, "entries": {} }', '{ "format": 99, "entries": {} }']) {
      fs.writeFileSync(loc, broken);
      const r = run(d, ["audit", ".", "--cache-location", "my.cache", "--format", "json"], { env: { HH_DEBUG_CACHE: "1" } });
      assert.match(r.stderr, /warning: cache .*my\.cache is corrupt or from another version; it is rebuilt/);
      assert.deepEqual(stats(r), { hits: 0, misses: 1 });
      assert.equal(r.stdout, run(d, ["audit", ".", "--format", "json"]).stdout);
      assert.equal(JSON.parse(fs.readFileSync(loc, "utf8")).format, 4, "rewritten in the current format");
    }
  });

  it("--shard: the slices are disjoint and complete, and merge gives the unsharded JSON and SARIF reports", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 23; i++) files[`src/m${i}/f.ts`] = SWALLOW(i);
    files["src/keys.ts"] = SECRET_MOVE;
    const d = mk(files);
    for (const format of ["json", "sarif"]) {
      const whole = run(d, ["audit", ".", "--format", format]);
      const parts = [1, 2, 3].map((i) => {
        const r = run(d, ["audit", ".", "--format", format, "--shard", `${i}/3`, "--output", `s${i}.${format}`]);
        assert.ok(r.code === 0 || r.code === 1, r.stderr); // 1: the shard holding the live key
        return JSON.parse(fs.readFileSync(path.join(d, `s${i}.${format}`), "utf8"));
      });
      if (format === "json") {
        const names = parts.map((p: { findings: { file: string }[] }) => new Set(p.findings.map((f) => f.file)));
        assert.ok(
          names.every((n) => n.size > 0),
          "every slice holds files",
        );
        assert.equal(names.reduce((a, n) => a + n.size, 0), new Set(names.flatMap((n) => [...n])).size, "disjoint");
        assert.deepEqual(
          parts.map((p: { shard: unknown }) => p.shard),
          [1, 2, 3].map((index) => ({ index, count: 3, total: 24 })),
        );
      } else {
        assert.deepEqual(
          parts.map((p: { runs: { automationDetails: { id: string } }[] }) => p.runs[0]!.automationDetails.id),
          ["hardening-hints/shard-1-of-3/", "hardening-hints/shard-2-of-3/", "hardening-hints/shard-3-of-3/"],
        );
      }
      const merged = run(d, ["merge", `s3.${format}`, `s1.${format}`, `s2.${format}`]);
      assert.equal(merged.code, 0, merged.stderr);
      assert.deepEqual(JSON.parse(merged.stdout), JSON.parse(whole.stdout), `${format}: merged shards equal the unsharded run`);
    }
  });

  it("merge refuses a missing shard, a doubled shard and a report that is not a shard", () => {
    const d = mk({ "a.ts": SWALLOW(1), "b.ts": SWALLOW(2), "c.ts": SWALLOW(3) });
    for (const i of [1, 2]) run(d, ["audit", ".", "--format", "json", "--shard", `${i}/2`, "--output", `s${i}.json`]);
    run(d, ["audit", ".", "--format", "json", "--output", "whole.json"]);
    const cases: [string[], RegExp][] = [
      [["s1.json"], /shard 2\/2 missing: the merge would not be the whole run/],
      [["s1.json", "s1.json", "s2.json"], /s1\.json and s1\.json are both shard 1\/2/],
      [["s1.json", "whole.json"], /whole\.json is not the report of a sharded run/],
      [["nope.json"], /cannot read nope\.json \(ENOENT\)/],
    ];
    for (const [files, message] of cases) {
      const r = run(d, ["merge", ...files]);
      assert.equal(r.code, 2, `${files.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
  });

  it("--shard and --stdin: usage errors are precise", () => {
    const d = mk({ "a.ts": SWALLOW(1) });
    for (const [args, message] of [
      [["--shard", "0/3"], /--shard needs I\/N with 1 <= I <= N/],
      [["--shard", "4/3"], /--shard needs I\/N/],
      [["--shard", "x"], /--shard needs I\/N/],
      [["--stdin", "a.ts"], /--stdin reads one source from standard input/],
      [["--stdin-filename", "a.ts"], /--stdin-filename needs --stdin/],
      [["--stdin", "--fix"], /--stdin cannot be used with --fix/],
    ] as [string[], RegExp][]) {
      const r = run(d, ["audit", ...args]);
      assert.equal(r.code, 2, args.join(" "));
      assert.match(r.stderr, message);
    }
  });

  it("--stdin: the source comes from standard input, is configured and reported as --stdin-filename", () => {
    const d = mk({ "src/.hardeninghints.json": '{ "rules": { "swallowed-exception": "error" } }', "src/a.ts": "export {};\n" });
    const r = run(d, ["audit", "--stdin", "--stdin-filename", "src/staged.ts"], { input: SWALLOW(1) });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^src\/staged\.ts:4:15  error  .+swallowed-exception\/emptyCatch\n/);
    assert.doesNotMatch(r.stdout, /a\.ts/, "only the standard input is audited");
    const clean = run(d, ["audit", "--stdin", "--stdin-filename", "src/staged.ts"], { input: "export const x = 1;\n" });
    assert.deepEqual([clean.code, clean.stdout], [0, "✔ no problems in 1 file\n"]);
  });
});
