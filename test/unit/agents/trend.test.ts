/**
 * `hardening-hints trend` on a small git repository built here, with commits dated over several
 * months: the exact table, new and fixed per period, results reused by blob id, a rename that is
 * neither new nor fixed, ignored files, unparsable blobs reported, the working tree and the index
 * untouched, JSON, the HTML page, and the lines for the agents section.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { agentsTrend, computeTrend, parseEvery, parseSince, periodsOf, trendLines, type TrendReport } from "../../../src/agents/trend";
import { runTrend } from "../../../src/agents/trend-cli";
import { auditPaths } from "../../../src/engine/audit";
import { parseArgs } from "../../../src/cli/args";

const SWALLOW = (name: string) => `export function ${name}() {\n  try {\n    work();\n  } catch (e) {}\n}\n`;
// Split so that this test file holds no secret-shaped literal.
const SECRET = 'export const stripe = "sk_live_' + "4eC39HqLyjWDarjtT1zdp7dc" + '";\n';

function git(dir: string, args: string[], date?: string): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@example.invalid", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@example.invalid", ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
  return execFileSync("git", ["-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", ...args], { cwd: dir, env, encoding: "utf8" });
}

function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

function commit(dir: string, date: string, message: string, files: Record<string, string | Buffer> = {}): void {
  write(dir, files);
  git(dir, ["add", "-A", "-f", "."]);
  git(dir, ["commit", "-q", "--allow-empty", "-m", message], date);
}

/** Runs the CLI in this process; stdout, stderr and the exit code. */
function trend(cwd: string, args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const code = runTrend(args, { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe("agents: trend", function () {
  this.timeout(60_000);
  let repo: string;
  const tmp: string[] = [];

  before(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), "hh-trend-"));
    tmp.push(repo);
    git(repo, ["init", "-q"]);
    commit(repo, "2026-01-10T12:00:00Z", "start", {
      "package.json": '{ "name": "shop", "version": "1.0.0" }\n',
      ".gitignore": "generated/\n",
      ".hardeninghints.json": '{ "ignore": ["legacy/**"] }\n',
      "src/jobs/a.ts": SWALLOW("a"),
      "src/config.ts": SECRET,
    });
    commit(repo, "2026-02-12T12:00:00Z", "jobs: add b; <script>alert(1)</script> & secret out", {
      "src/jobs/b.ts": SWALLOW("b1") + SWALLOW("b2"),
      "src/config.ts": "export const stripe = process.env.STRIPE_KEY;\n",
    });
    // March: a rename, an ignored folder, an ignored config glob, a syntax error, a binary blob.
    fs.mkdirSync(path.join(repo, "src/workers"));
    fs.renameSync(path.join(repo, "src/jobs/a.ts"), path.join(repo, "src/workers/a.ts"));
    commit(repo, "2026-03-15T12:00:00Z", "move a; broken files", {
      "src/broken.ts": "export function (\n",
      "src/blob.ts": Buffer.from([0x63, 0x6f, 0x6e, 0x00, 0x73, 0x74]),
      "generated/x.ts": SWALLOW("x"),
      "legacy/old.ts": SWALLOW("old"),
    });
    commit(repo, "2026-03-20T12:00:00Z", "later in march", { "README.md": "shop\n" });
    commit(repo, "2026-04-05T12:00:00Z", "fix b2", { "src/jobs/b.ts": SWALLOW("b1") + "export function b2() {\n  work();\n}\n" });
    // Uncommitted work: a new swallow in a tracked file and an untracked file; the trend must not see them.
    write(repo, { "src/jobs/b.ts": SWALLOW("b1") + SWALLOW("b2") + SWALLOW("b3"), "src/new.ts": SWALLOW("n") });
  });
  after(() => tmp.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it("periods: calendar months in UTC, the last one partial; weeks from Monday; N days", () => {
    const t = (iso: string) => Date.parse(iso) / 1000;
    const months = periodsOf(t("2026-01-20T00:00:00Z"), t("2026-03-10T08:00:00Z"), parseEvery("month"));
    assert.deepEqual(
      months.map((p) => [p.label, new Date(p.end * 1000).toISOString(), p.complete]),
      [
        ["2026-01", "2026-02-01T00:00:00.000Z", true],
        ["2026-02", "2026-03-01T00:00:00.000Z", true],
        ["2026-03", "2026-03-10T08:00:00.000Z", false],
      ],
    );
    assert.deepEqual(periodsOf(t("2026-01-07T00:00:00Z"), t("2026-01-19T00:00:00Z"), parseEvery("week")).map((p) => p.label), ["2026-01-05", "2026-01-12"]);
    assert.deepEqual(periodsOf(t("2026-01-01T00:00:00Z"), t("2026-01-10T00:00:00Z"), parseEvery("3 days")).map((p) => p.label), ["2026-01-01", "2026-01-04", "2026-01-07"]);
    assert.equal(new Date(parseSince("6 months", t("2026-12-03T04:00:00Z")) * 1000).toISOString(), "2026-06-03T04:00:00.000Z");
    assert.throws(() => parseEvery("fortnight"), /--every must be month, week or N days/);
    assert.throws(() => parseSince("last tuesday", 0), /--since must be a date/);
  });

  it("prints the exact table of findings per family per period, with new and fixed", () => {
    const r = trend(repo, ["--since", "2026-01-01", "--until", "2026-05-01"]);
    assert.equal(r.code, 0, r.stderr);
    const ids = git(repo, ["log", "--format=%h", "--abbrev=7"]).trim().split("\n"); // newest first
    const [c5, , c3, c2, c1] = ids;
    assert.equal(
      r.stdout,
      [
        `Findings per period in ${path.basename(repo)} (HEAD, first parent: the last commit of each period)`,
        "",
        "period   commit   hardcoded-secret  swallowed-exception  unbounded-call  unvalidated-boundary  total      problems",
        "(start)  -        0                 0                    0               0                     0",
        `2026-01  ${c1}  1 (+1)            1 (+1)               0               0                     2 (+2)     0`,
        `2026-02  ${c2}  0 (-1)            3 (+2)               0               0                     3 (+2 -1)  0`,
        `2026-03  ${ids[1]}  0                 3                    0               0                     3          2`,
        `2026-04  ${c5}  0                 2 (-1)               0               0                     2 (-1)     2`,
        "",
        "in 2026-04: 1 swallowed exception fixed",
        "",
        "Fixed in 2026-04:",
        "  src/jobs/b.ts:9:15  swallowed-exception/emptyCatch  The catch in b2 drops the error: when the code fails, nobody finds out and it carries on as if it worked. Log the error or rethrow it.",
        "",
        "Files not fully analyzed (periods):",
        `  src/blob.ts: binary: skipped, binary content (NUL byte at offset 3) (2026-03, 2026-04)`,
        `  src/broken.ts: parseError: 1:17: syntax error: Identifier expected. (and 1 more); rules ran on the recovered tree (2026-03, 2026-04)`,
        "",
      ].join("\n"),
    );
    assert.ok(c3);
    // Linear: each blob analyzed once; unchanged ones (same blob, config, profile) reused.
    assert.match(r.stderr, /^trend: 4 commits read, 8 blobs analyzed, 7 reused /m);
  });

  it("a renamed file's findings are neither new nor fixed; ignored files and uncommitted work do not count", () => {
    const report = computeTrend({ root: repo, since: "2026-03-01", until: Date.parse("2026-04-01T00:00:00Z") / 1000 });
    const march = report.periods[0]!;
    assert.equal(march.moved, 1);
    assert.deepEqual([march.newFindings, march.fixedFindings], [[], []]);
    assert.deepEqual(march.counts, { "hardcoded-secret": 0, "swallowed-exception": 3, "unbounded-call": 0, "unvalidated-boundary": 0 });
    assert.equal(march.files, 5); // config, broken, blob, workers/a, jobs/b: not generated/ (.gitignore) nor legacy/ (config)
    const now = computeTrend({ root: repo, since: "2026-04-01" });
    assert.equal(now.periods[now.periods.length - 1]!.counts["swallowed-exception"], 2, "the working tree's uncommitted swallows are not counted");
  });

  it("leaves the working tree and the index untouched", () => {
    const status = git(repo, ["status", "--porcelain"]);
    const index = fs.statSync(path.join(repo, ".git", "index")).mtimeMs;
    const file = fs.statSync(path.join(repo, "src/jobs/b.ts")).mtimeMs;
    const text = fs.readFileSync(path.join(repo, "src/jobs/b.ts"), "utf8");
    assert.equal(trend(repo, ["--since", "2026-01-01", "--until", "2026-05-01", "--html", path.join(repo, "..", `${path.basename(repo)}.html`)]).code, 0);
    tmp.push(path.join(repo, "..", `${path.basename(repo)}.html`));
    assert.equal(fs.statSync(path.join(repo, ".git", "index")).mtimeMs, index);
    assert.equal(fs.statSync(path.join(repo, "src/jobs/b.ts")).mtimeMs, file);
    assert.equal(fs.readFileSync(path.join(repo, "src/jobs/b.ts"), "utf8"), text);
    assert.equal(git(repo, ["status", "--porcelain"]), status);
    assert.equal(status, " M src/jobs/b.ts\n?? src/new.ts\n");
  });

  it("--format json carries every period, the findings that came and went, and the problems", () => {
    const r = trend(repo, ["--since", "2026-01-01", "--until", "2026-05-01", "--format", "json"]);
    const report = JSON.parse(r.stdout) as TrendReport & { lines: string[] };
    assert.deepEqual(
      report.periods.map((p) => [p.label, p.total, p.new["swallowed-exception"], p.fixed["hardcoded-secret"], p.problems.map((x) => `${x.file} ${x.kind}`)]),
      [
        ["2026-01", 2, 1, 0, []],
        ["2026-02", 3, 2, 1, []],
        ["2026-03", 3, 0, 0, ["src/blob.ts binary", "src/broken.ts parseError"]],
        ["2026-04", 2, 0, 0, ["src/blob.ts binary", "src/broken.ts parseError"]],
      ],
    );
    assert.deepEqual(
      report.periods[1]!.newFindings.map((f) => `${f.file}:${f.line} ${f.code}`),
      ["src/jobs/b.ts:4 swallowed-exception/emptyCatch", "src/jobs/b.ts:9 swallowed-exception/emptyCatch"],
    );
    assert.equal(report.periods[0]!.newFindings.find((f) => f.ruleId === "hardcoded-secret")?.file, "src/config.ts");
    assert.ok(!r.stdout.includes("4eC39HqLyjWDarjtT1zdp7dc"), "the secret's value is in no output");
    assert.deepEqual(report.lines, ["in 2026-04: 1 swallowed exception fixed"]);
    assert.match(report.periods[0]!.newFindings[0]!.fingerprint, /^[0-9a-f]{32}$/);
  });

  it("--html writes one self-contained page: an inline SVG chart, no script, nothing loaded, text escaped", () => {
    const out = path.join(repo, "..", `${path.basename(repo)}-page.html`);
    tmp.push(out);
    assert.equal(trend(repo, ["--since", "2026-01-01", "--until", "2026-05-01", "--html", out, "--format", "json"]).code, 0);
    const html = fs.readFileSync(out, "utf8");
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<svg viewBox="0 0 760 280"[^>]*>[\s\S]*<polyline[\s\S]*<\/svg>/);
    assert.doesNotMatch(html, /\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    assert.doesNotMatch(html, /https?:\/\//);
    assert.doesNotMatch(html, /<script|<link|@import|url\(/i);
    assert.ok(html.includes("&#60;script&#62;alert(1)&#60;/script&#62; &#38; secret out"), "the commit subject is escaped");
    assert.ok(!fs.readdirSync(path.dirname(out)).some((n) => n.startsWith(`.${path.basename(out)}.hh-`)), "no temporary file is left");
  });

  it("agents lines: new findings by family and folder, since last month while the month runs", () => {
    const report = computeTrend({ root: repo, since: "2026-02-01", until: Date.parse("2026-02-20T00:00:00Z") / 1000 });
    assert.deepEqual(trendLines(report), ["since last month: 2 new swallowed exceptions in src/jobs", "since last month: 1 hard-coded secret fixed"]);
    const quiet = computeTrend({ root: repo, since: "2026-03-20", every: "3 days", until: Date.parse("2026-03-25T00:00:00Z") / 1000 });
    assert.deepEqual(trendLines(quiet), ["since 2026-03-23: no new findings"]);
  });

  it("agentsTrend: from the start of last month to HEAD, for a repository's top folder only", () => {
    const now = Date.parse("2026-04-20T00:00:00Z") / 1000;
    assert.deepEqual(agentsTrend(repo, now), { since: "the start of last month (2026-03-01)", lines: ["1 swallowed exception fixed"] });
    assert.equal(agentsTrend(path.join(repo, "src"), now), undefined, "a folder inside the repository (a fixture) gets no trend");
    assert.equal(agentsTrend(repo, Date.parse("2026-02-20T00:00:00Z") / 1000), undefined, "no commit before last month: nothing to compare with");
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), "hh-trend-plain-"));
    tmp.push(plain);
    assert.equal(agentsTrend(plain, now), undefined, "not in a repository");
  });

  it("the CLI: `trend ...` parses to the trend command; a usage error and a folder outside git exit 2", () => {
    assert.deepEqual(parseArgs(["trend", "--since", "6 months", "--html", "t.html"]).trendArgv, ["--since", "6 months", "--html", "t.html"]);
    assert.equal(parseArgs(["trend"]).command, "trend");
    const bad = trend(repo, ["--every", "fortnight"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--every must be month, week or N days[\s\S]*Usage: hardening-hints trend/);
    assert.equal(trend(repo, ["src"]).code, 2);
    assert.match(trend(repo, ["--help"]).stdout, /^Usage: hardening-hints trend/);
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), "hh-trend-nogit-"));
    tmp.push(plain);
    const outside = trend(plain, []);
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /^hardening-hints: trend: .*not a git repository/i);
  });

  it("a reused result is the result a fresh audit of that commit's checkout gives, across profile changes", async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-trend-profile-"));
    tmp.push(dir);
    git(dir, ["init", "-q"]);
    const pkg = (deps: Record<string, string>) => JSON.stringify({ name: "app", dependencies: deps }) + "\n";
    const files = {
      "src/server.ts": 'import express from "express";\nconst app = express();\napp.post("/users", async (req, res) => {\n  await db.users.insert(req.body);\n  res.json({ ok: true });\n});\n',
      "src/fetcher.ts": 'export async function load() {\n  const r = await fetch("https://api.example.com/items");\n  return r.json();\n}\n',
      "src/page.tsx": '"use client";\nexport async function Page() {\n  try {\n    await fetch("/api/x");\n  } catch (e) {}\n  return null;\n}\n',
      "src/jobs/a.ts": SWALLOW("a"),
    };
    commit(dir, "2026-01-01T12:00:00Z", "base", { "package.json": pkg({ express: "^4.19.0" }), ...files });
    commit(dir, "2026-01-02T12:00:00Z", "an unrelated dependency", { "package.json": pkg({ express: "^4.19.0", "left-pad": "^1.3.0" }) });
    // A front-end app now: the fetch runs in the browser, where no timeout is asked for.
    commit(dir, "2026-01-03T12:00:00Z", "react", { "package.json": pkg({ "left-pad": "^1.3.0", react: "^18.0.0", vite: "^5.0.0" }) });
    commit(dir, "2026-01-04T12:00:00Z", "next and zod", { "package.json": pkg({ next: "^14.0.0", react: "^18.0.0", zod: "^3.23.0" }) });
    commit(dir, "2026-01-05T12:00:00Z", "workers", { "wrangler.toml": 'name = "app"\n', "src/jobs/b.ts": SWALLOW("b") });
    const report = computeTrend({ root: dir, since: "2026-01-01", every: "day", until: Date.parse("2026-01-06T00:00:00Z") / 1000, keepFindings: true });
    assert.equal(report.stats.commits, 5);
    assert.ok(report.stats.blobsReused > 0 && report.stats.blobsAnalyzed < 4 * 5 + 1, `reuse happened: ${JSON.stringify(report.stats)}`);
    for (const p of report.periods) {
      const tree = fs.mkdtempSync(path.join(os.tmpdir(), "hh-trend-tree-"));
      tmp.push(tree);
      execFileSync("sh", ["-c", `git -C '${dir}' archive ${p.commit!.id} | tar -x -C '${tree}'`]);
      const audit = await auditPaths([tree], { cwd: tree, fixes: false });
      const fresh = audit.results.flatMap((r) => r.findings.filter((f) => !f.suppression).map((f) => `${path.relative(tree, r.path)}:${f.loc.start.line}:${f.loc.start.column} ${f.code}`)).sort();
      const trended = p.findings!.map((f) => `${f.file}:${f.line}:${f.column} ${f.code}`).sort();
      assert.deepEqual(trended, fresh, `${p.label} (${p.commit!.subject})`);
    }
    assert.deepEqual(
      report.periods.map((p) => p.counts["unbounded-call"]),
      [1, 1, 0, 1, 1],
      "the fetch is server code with express, browser code in a Vite app, server code again under Next.js and in a Worker",
    );
    // The unrelated dependency changed the profile of every file, yet nothing had to be analyzed again.
    const again = computeTrend({ root: dir, since: "2026-01-01", every: "day", until: Date.parse("2026-01-03T00:00:00Z") / 1000 });
    assert.deepEqual([again.stats.commits, again.stats.blobsAnalyzed, again.stats.blobsReused], [2, 4, 4]);
  });

});
