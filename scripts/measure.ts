/**
 * Precision and recall of each rule family on the labelled sets in test/labelled/<family>/.
 * Usage: npx tsx scripts/measure.ts [--json] [family…]
 * See test/labelled/README.md for the label format.
 * `--real` scores the labelled real repositories instead (scripts/measure-real.ts, eval/real/README.md).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { analyze } from "../src/engine/analyze";
import { defaultConfig } from "../src/engine/config/load";
import { FsProjectHost } from "../src/engine/project-host";
import { isAnalyzablePath } from "../src/engine/walk";
import { REAL_FAMILIES, main as measureReal } from "./measure-real";

/** The families scored on test/labelled/<family>/: every family of the engine (measure-real's FAMILIES are the real corpus's defaults). */
export const FAMILIES = REAL_FAMILIES;

export interface FamilyScore {
  family: string;
  files: number;
  labels: number;
  findings: number;
  truePositives: number;
  falsePositives: { file: string; line: number; code: string; message: string }[];
  falseNegatives: { file: string; line: number; code: string }[];
  precision: number;
  recall: number;
}

const LABEL_RE = /\/\/\s*hh-expect:\s*(.+)$/;

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(abs));
    else if (isAnalyzablePath(abs)) out.push(abs);
  }
  return out;
}

/** Labels: 1-based line → expected codes. */
function readLabels(text: string): Map<number, string[]> {
  const labels = new Map<number, string[]>();
  const lines = text.split(/\r?\n/);
  let pending: string[] = [];
  lines.forEach((line, i) => {
    const m = LABEL_RE.exec(line);
    if (m && line.trim().startsWith("//")) {
      pending.push(...m[1]!.split(",").map((c) => c.trim()).filter(Boolean));
      return;
    }
    if (pending.length > 0) {
      labels.set(i + 1, pending);
      pending = [];
    }
  });
  return labels;
}

export function measureFamily(root: string, family: string): FamilyScore {
  const dir = path.join(root, family);
  const files = fs.existsSync(dir) ? listFiles(dir) : [];
  const host = new FsProjectHost();
  const score: FamilyScore = { family, files: files.length, labels: 0, findings: 0, truePositives: 0, falsePositives: [], falseNegatives: [], precision: 1, recall: 1 };
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    const labels = readLabels(text);
    const expected = new Map<string, number>();
    for (const [line, codes] of labels) for (const code of codes) if (code.startsWith(`${family}/`)) expected.set(`${line} ${code}`, (expected.get(`${line} ${code}`) ?? 0) + 1);
    score.labels += [...expected.values()].reduce((a, b) => a + b, 0);
    const config = defaultConfig(root);
    const result = analyze({ path: file, text, config: { ...config, ignore: [] }, project: host, fixes: false });
    const rel = path.relative(root, file);
    for (const f of result.findings) {
      if (f.ruleId !== family || f.suppression) continue;
      score.findings++;
      const line = text.slice(0, f.range.start).split("\n").length;
      const key = `${line} ${f.code}`;
      const left = expected.get(key) ?? 0;
      if (left > 0) {
        score.truePositives++;
        expected.set(key, left - 1);
      } else score.falsePositives.push({ file: rel, line, code: f.code, message: f.message });
    }
    for (const [key, left] of expected) {
      const [line, code] = key.split(" ");
      for (let i = 0; i < left; i++) score.falseNegatives.push({ file: rel, line: Number(line), code: code! });
    }
  }
  score.precision = score.findings === 0 ? 1 : score.truePositives / score.findings;
  score.recall = score.labels === 0 ? 1 : score.truePositives / score.labels;
  return score;
}

export const LABELLED_ROOT = path.resolve(__dirname, "../test/labelled");

if (require.main === module && process.argv.includes("--real")) {
  process.exitCode = measureReal(process.argv.slice(2).filter((a) => a !== "--real"));
} else if (require.main === module) {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const families = args.filter((a) => !a.startsWith("--"));
  const scores = (families.length ? families : FAMILIES).map((f) => measureFamily(LABELLED_ROOT, f));
  if (json) process.stdout.write(JSON.stringify(scores, null, 2) + "\n");
  else {
    for (const s of scores) {
      process.stdout.write(`${s.family.padEnd(22)} files ${String(s.files).padStart(3)}  labels ${String(s.labels).padStart(4)}  findings ${String(s.findings).padStart(4)}  TP ${String(s.truePositives).padStart(4)}  precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}\n`);
      for (const fp of s.falsePositives) process.stdout.write(`  FP ${fp.file}:${fp.line} ${fp.code} ${fp.message}\n`);
      for (const fn of s.falseNegatives) process.stdout.write(`  FN ${fn.file}:${fn.line} ${fn.code}\n`);
    }
  }
}
