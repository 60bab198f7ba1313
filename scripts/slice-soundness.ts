/**
 * Checks the sliced fix check (src/engine/fix-invariants.ts) against whole-file parses on real
 * code: random edits (the snippets fixes insert, and the ones that break syntax) at statement and
 * member boundaries of every third bench-corpus file that parses cleanly. Prints how often each
 * verdict occurred; "unsound" (a clean slice while the whole file breaks) must be 0. Not part of
 * `npm test`: it needs the bench corpus (`npm run bench` installs it) and takes about 4 minutes.
 *
 *   npx tsx scripts/slice-soundness.ts      SEED=n, OFF=0|1|2 (which third), MAX_MS (time budget)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { applyEdits, syntaxErrorsInTouchedStatements } from "../src/engine/fix-invariants";
import { ts } from "../src/engine/ts";
import { parse, parseBare, parseDiagnostics, walk } from "../src/engine/walk";
let a = Number(process.env.SEED ?? 1);
const next = () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
const SNIPPETS = ["{", "}", "(", ")", "[", "]", "/*", "*/", "`", "'", '"', "//", "\n(x)", "\n[1].map(f)", "x\n", ";", "", " + ", "\nexport const q = 1;\n", "\nawait y;\n", "\nyield 1;\n", "\nreturn 1;\n", "<div>", "</div>", "\nconst { a } = b;\n", "=>", "\n@Dec() ", "\nfunction f() {", "\n}\n", "if (a)", "else", "async ", "#x", "static ", "get ", "?.", "<T>", "as any", "satisfies X", "\nlet x = await\n"];
const list = execFileSync(process.execPath, [path.join(__dirname, "../bench/files.mjs")], { encoding: "utf8", maxBuffer: 1 << 28 }).trim().split("\n");
let broken = 0, fine = 0, conf = 0, bad = 0, files = 0;
const t0 = Date.now();
for (let k = Number(process.env.OFF ?? 0); k < list.length && Date.now() - t0 < Number(process.env.MAX_MS ?? 240_000); k += 3) {
  const file = list[k]!; const text = fs.readFileSync(file, "utf8");
  if (text.length > 150_000) continue;
  const sf = parse(file, text);
  if (parseDiagnostics(sf).length) continue;
  files++;
  const b: number[] = [];
  walk(sf, (n) => { const l = ts.isBlock(n) || ts.isSourceFile(n) ? n.statements : ts.isClassLike(n) ? n.members : undefined; for (const el of l ?? []) b.push(el.end, el.getStart(sf)); });
  for (let r = 0; r < 12; r++) {
    const at = () => (next() < 0.6 && b.length ? pick(b) : Math.floor(next() * (text.length + 1)));
    const edits = Array.from({ length: 1 + Math.floor(next() * 3) }, () => { const s = at(); const e = next() < 0.25 ? Math.min(text.length, s + Math.floor(next() * 30)) : s; return { start: s, end: e, text: pick(SNIPPETS) }; }).sort((x, y) => x.start - y.start || x.end - y.end);
    if (edits.some((e, i) => i > 0 && edits[i - 1]!.end > e.start)) continue;
    const out = applyEdits(text, edits); if (out === text) continue;
    const whole = parseDiagnostics(parseBare(file, out)).length > 0;
    const sliced = syntaxErrorsInTouchedStatements(file, text, edits, sf) !== undefined;
    if (whole) broken++; else fine++;
    if (sliced && !whole) conf++;
    if (!sliced && whole) { bad++; if (bad <= 5) console.log("UNSOUND", file, JSON.stringify(edits)); }
  }
}
console.log({ files, broken, fine, confirmations: conf, unsound: bad });
if (files === 0) {
  console.error("slice-soundness: no corpus files (run `npm run bench` once to install bench/corpus)");
  process.exitCode = 2;
} else if (bad > 0) process.exitCode = 1;
