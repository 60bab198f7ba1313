import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { analyze } from "../../src/engine/analyze";
import { fixAll } from "../../src/engine/apply-fixes";
import { normalize } from "../../src/engine/config/load";
import { applyEdits } from "../../src/engine/fix-invariants";
import { MemoryProjectHost } from "../../src/engine/project-host";
import type { Finding, RuleModule, TextEdit } from "../../src/engine/types";
import { recordTitles, underLabel } from "./rule-tester";
import { isAnalyzablePath } from "../../src/engine/walk";

const UPDATE = process.env.UPDATE_SNAPSHOTS === "1";

export interface FixtureFinding {
  case: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const nl = before.lastIndexOf("\n");
  return { line: before.split("\n").length, column: offset - nl };
}

function toFixtureFinding(f: Finding, text: string): FixtureFinding {
  const s = lineCol(text, f.range.start);
  const e = lineCol(text, f.range.end);
  return { case: f.caseId, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/**
 * Realistic fixture folders, secretlint style: `<ok|ng>.<name>/input.<ext>` with a hand-reviewed
 * `findings.json`, an `output.<ext>` after all safe fixes (absent when none applies), an
 * optional `options.json` and an optional `package.json` (the project's). `ok.` folders must have no finding. `UPDATE_SNAPSHOTS=1` rewrites the
 * expectations for a person to review in the diff; a snapshot is valid only once read.
 */
export function runFixtures(rule: RuleModule, dir: string): void {
  const folders = fs.existsSync(dir) ? fs.readdirSync(dir).filter((d) => /^(ok|ng)\./.test(d)).sort() : [];
  describe(`${rule.id} fixtures`, () => {
    it("has fixture folders", () => assert.ok(folders.length > 0, `no ok./ng. fixture folders in ${dir}`));
    for (const folder of folders) {
      it(folder, () => underLabel(`${rule.id} fixture › ${folder}`, () => {
        const abs = path.join(dir, folder);
        const input = fs.readdirSync(abs).find((f) => f.startsWith("input.") && isAnalyzablePath(f));
        assert.ok(input, `${folder}: no input.<ts|tsx|js|jsx|mjs|cjs|mts|cts> file`);
        const ext = path.extname(input);
        const text = fs.readFileSync(path.join(abs, input), "utf8");
        const optionsFile = path.join(abs, "options.json");
        const options = fs.existsSync(optionsFile) ? (JSON.parse(fs.readFileSync(optionsFile, "utf8")) as Record<string, unknown>) : undefined;
        // The fixture is analyzed as if it lived at src/<name><ext> of a project with a package.json.
        const virtualPath = `/project/src/${folder.replace(/^(ok|ng)\./, "")}${ext}`;
        // An optional package.json in the folder stands for the project's (e.g. to declare zod).
        const pkgFile = path.join(abs, "package.json");
        const pkg = fs.existsSync(pkgFile) ? fs.readFileSync(pkgFile, "utf8") : '{ "name": "fixture" }\n';
        const host = () => new MemoryProjectHost(new Map([["/project/package.json", pkg]]));
        const config = normalize((options ? { rules: { [rule.id]: options } } : {}) as never, "/project", [rule]);
        const input0 = { path: virtualPath, text, config, project: host(), rules: [rule] };
        const result = analyze(input0);
        recordTitles(result.findings);
        const broken = result.problems.filter((p) => p.kind === "ruleCrash" || p.kind === "fixRejected");
        assert.deepEqual(broken.map((p) => p.message), [], `${folder}: rule crashed or offered an invalid fix`);
        const actual = result.findings.filter((f) => !f.suppression).map((f) => toFixtureFinding(f, text));
        const fixHost = host();
        const fixed = fixAll({ ...input0, project: fixHost }, (edits: TextEdit[]) => {
          for (const e of edits) fixHost.files.set(e.file!, applyEdits(e.create ? "" : fixHost.readFile(e.file!) ?? "", [{ ...e, file: undefined }]));
        });
        const findingsFile = path.join(abs, "findings.json");
        const outputFile = path.join(abs, `output${ext}`);
        if (UPDATE) {
          fs.writeFileSync(findingsFile, JSON.stringify(actual, null, 2) + "\n");
          if (fixed.output !== text) fs.writeFileSync(outputFile, fixed.output);
          else fs.rmSync(outputFile, { force: true });
        }
        if (folder.startsWith("ok.")) {
          assert.deepEqual(actual, [], `${folder}: an ok. fixture must have no finding`);
          return;
        }
        assert.ok(fs.existsSync(findingsFile), `${folder}: missing findings.json (run with UPDATE_SNAPSHOTS=1 and review it)`);
        const expected = JSON.parse(fs.readFileSync(findingsFile, "utf8")) as FixtureFinding[];
        assert.ok(expected.length > 0, `${folder}: an ng. fixture must expect findings`);
        assert.deepEqual(actual, expected, `${folder}: findings differ from findings.json`);
        assert.ok(fixed.converged, `${folder}: safe fixes did not converge`);
        if (fs.existsSync(outputFile)) assert.equal(fixed.output, fs.readFileSync(outputFile, "utf8"), `${folder}: output after safe fixes differs`);
        else assert.equal(fixed.output, text, `${folder}: safe fixes changed the file but there is no output${ext}`);
      }));
    }
  });
}
