import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { analyze } from "../../../src/engine/analyze";
import { defaultConfig } from "../../../src/engine/config/load";
import { FsProjectHost } from "../../../src/engine/project-host";
import { isAnalyzablePath } from "../../../src/engine/walk";

const REPO = path.resolve(__dirname, "../../..");
const CLI = path.join(REPO, "dist/cli.js");
const SECRETS = path.join(REPO, "test/fixtures/hardcoded-secret/secrets.json");
const SOURCES = [path.join(REPO, "test/fixtures/hardcoded-secret"), path.join(REPO, "test/labelled/hardcoded-secret")];

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : isAnalyzablePath(e.name) ? [path.join(dir, e.name)] : []));
}

function leaks(output: string, secrets: readonly string[]): string[] {
  return secrets.filter((s) => output.includes(s));
}

/**
 * One test, every surface: no fabricated fixture secret may appear in full in the engine's
 * messages and fix titles, the CLI's text, JSON, SARIF, stderr, --fix-dry-run diff, or a
 * baseline. (The editor's log is checked by the real-host suite.)
 */
describe("meta: secret hygiene across surfaces", function () {
  this.timeout(180_000);
  let secrets: string[] = [];
  let work = "";

  before(() => {
    assert.ok(fs.existsSync(SECRETS), `${SECRETS} lists the fixture secrets; it is missing`);
    secrets = (JSON.parse(fs.readFileSync(SECRETS, "utf8")) as string[]).filter((s) => s.length >= 8);
    assert.ok(secrets.length >= 20, "expected the fixture secrets list to hold the fabricated values");
    // Work on a copy outside test/, so the files are analyzed as ordinary (non-test) code.
    work = fs.mkdtempSync(path.join(os.tmpdir(), "hh-hygiene-"));
    for (const src of SOURCES) {
      for (const f of files(src)) {
        const dest = path.join(work, "src", path.basename(src), path.relative(src, f).split(path.sep).join("__"));
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.copyFileSync(f, dest);
      }
    }
    fs.writeFileSync(path.join(work, "package.json"), '{ "name": "hygiene" }\n');
  });
  after(() => work && fs.rmSync(work, { recursive: true, force: true }));

  it("the inputs really contain the secrets (so the checks below can fail)", () => {
    const all = files(work).map((f) => fs.readFileSync(f, "utf8")).join("\n");
    const present = secrets.filter((s) => all.includes(s));
    assert.ok(present.length >= secrets.length * 0.8, `only ${present.length} of ${secrets.length} secrets are in the inputs`);
  });

  it("engine: messages, related messages and fix titles", () => {
    const out: string[] = [];
    const host = new FsProjectHost();
    for (const f of files(work)) {
      const r = analyze({ path: f, text: fs.readFileSync(f, "utf8"), config: defaultConfig(work), project: host });
      for (const x of r.findings) out.push(x.message, ...x.related.map((y) => y.message), ...x.fixes.map((y) => y.title));
      for (const p of r.problems) out.push(p.message);
    }
    assert.ok(out.length > 20, "expected findings on the fixtures");
    assert.deepEqual(leaks(out.join("\n"), secrets), []);
  });

  for (const format of ["text", "json", "sarif"]) {
    it(`CLI --format ${format}: stdout and stderr`, () => {
      const r = spawnSync(process.execPath, [CLI, "audit", "src", "--format", format], { cwd: work, encoding: "utf8" });
      assert.equal(r.status, 1, r.stderr);
      assert.deepEqual(leaks(r.stdout + r.stderr, secrets), []);
    });
  }

  it("CLI --fix-dry-run diff and a baseline file", () => {
    const dry = spawnSync(process.execPath, [CLI, "audit", "src", "--fix-dry-run"], { cwd: work, encoding: "utf8" });
    assert.match(dry.stdout, /^--- a\//m, "expected a diff");
    assert.deepEqual(leaks(dry.stdout + dry.stderr, secrets), []);
    spawnSync(process.execPath, [CLI, "audit", "src", "--baseline", "b.json", "--update-baseline"], { cwd: work, encoding: "utf8" });
    assert.deepEqual(leaks(fs.readFileSync(path.join(work, "b.json"), "utf8"), secrets), []);
  });
});
