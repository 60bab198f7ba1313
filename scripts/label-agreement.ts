/**
 * How far two labellers agree on the same code (issue 11): the ceiling a rule can reach on labels.
 *
 * eval/real/agreement/<owner>__<name>.json is a second labelling, made blind, of files an
 * eval/real/repos/ label file covers. Per family, the two labellings are matched site by site (same
 * file, lines at most one apart) and read as if the second labeller were a tool scored against the
 * first: precision, recall, and Cohen's kappa on the sites both looked at. Counts only: held
 * repositories' sites are never printed.
 *
 * Usage: npx tsx scripts/label-agreement.ts [--json] [--part tune|held] [--repo owner/name]…
 * (`--part` keeps the repositories whose first labelling is in that part: a retired slice is tune;
 * `--repo`, repeatable, keeps only the repositories named, e.g. one held round.)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { REAL_FAMILIES as FAMILIES, familyOf, isDebatable, validateRepoLabels, type Label, type RepoLabels } from "./measure-real";

export interface Agreement {
  /** Sites both labelled a finding. */
  bothFinding: number;
  /** The first said finding, the second clean. */
  firstOnly: number;
  /** The first said clean, the second finding. */
  secondOnly: number;
  bothClean: number;
  /** Findings of the first at a site the second did not label, and the reverse. */
  firstUnmatched: number;
  secondUnmatched: number;
}

export function emptyAgreement(): Agreement {
  return { bothFinding: 0, firstOnly: 0, secondOnly: 0, bothClean: 0, firstUnmatched: 0, secondUnmatched: 0 };
}

/** Pairs each label of `a` with the nearest unpaired label of `b` at most one line away (nearest first). */
function pair(a: readonly Label[], b: readonly Label[]): [Label | undefined, Label | undefined][] {
  const candidates: [number, number, number][] = [];
  a.forEach((x, i) => b.forEach((y, j) => {
    const d = Math.abs(x.line - y.line);
    if (d <= 1) candidates.push([d, i, j]);
  }));
  candidates.sort((p, q) => p[0] - q[0] || p[1] - q[1] || p[2] - q[2]);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: [Label | undefined, Label | undefined][] = [];
  for (const [, i, j] of candidates) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    pairs.push([a[i], b[j]]);
  }
  a.forEach((x, i) => { if (!usedA.has(i)) pairs.push([x, undefined]); });
  b.forEach((y, j) => { if (!usedB.has(j)) pairs.push([undefined, y]); });
  return pairs;
}

/**
 * Adds the agreement of two labellings of one repository to `into`, per family, over the files
 * and families both cover. With `decidedOnly`, a site either labeller called debatable
 * (measure-real's isDebatable) is left out.
 */
export function addAgreement(first: RepoLabels, second: RepoLabels, into: Map<string, Agreement>, decidedOnly = false): void {
  for (const file of Object.keys(second.files)) {
    if (!(file in first.files)) continue;
    for (const family of FAMILIES) {
      if (!first.fileFamilies[file]!.includes(family) || !second.fileFamilies[file]!.includes(family)) continue;
      const of = (labels: readonly Label[]) => labels.filter((l) => familyOf(l.code) === family);
      const score = into.get(family) ?? emptyAgreement();
      into.set(family, score);
      for (const [x, y] of pair(of(first.files[file]!), of(second.files[file]!))) {
        if (decidedOnly && ((x && isDebatable(x)) || (y && isDebatable(y)))) continue;
        if (x && y) {
          if (x.verdict === "finding" && y.verdict === "finding") score.bothFinding++;
          else if (x.verdict === "finding") score.firstOnly++;
          else if (y.verdict === "finding") score.secondOnly++;
          else score.bothClean++;
        } else if (x?.verdict === "finding") score.firstUnmatched++;
        else if (y?.verdict === "finding") score.secondUnmatched++;
      }
    }
  }
}

/** The second labelling scored as a tool against the first: precision, recall, and kappa on co-labelled sites. */
export function agreementFigures(s: Agreement): { precision: number; recall: number; kappa: number; sites: number } {
  const found = s.bothFinding + s.secondOnly + s.secondUnmatched;
  const wanted = s.bothFinding + s.firstOnly + s.firstUnmatched;
  const n = s.bothFinding + s.firstOnly + s.secondOnly + s.bothClean;
  const observed = n ? (s.bothFinding + s.bothClean) / n : NaN;
  const pFirst = n ? (s.bothFinding + s.firstOnly) / n : NaN;
  const pSecond = n ? (s.bothFinding + s.secondOnly) / n : NaN;
  const chance = pFirst * pSecond + (1 - pFirst) * (1 - pSecond);
  return {
    precision: found ? s.bothFinding / found : NaN,
    recall: wanted ? s.bothFinding / wanted : NaN,
    kappa: chance === 1 ? NaN : (observed - chance) / (1 - chance),
    sites: n,
  };
}

function load(file: string): RepoLabels {
  const v = validateRepoLabels(path.basename(file), JSON.parse(fs.readFileSync(file, "utf8")));
  if (!v.labels) throw new Error(`${file}: ${v.errors.join("; ")}`);
  return v.labels;
}

/** The pairs whose first labelling is in `part` (all of them without one): a retired slice is tune. */
export function inPart<T extends { first: RepoLabels }>(pairs: readonly T[], part: string | undefined): T[] {
  return pairs.filter((x) => part === undefined || x.first.part === part);
}

function main(): void {
  const root = path.join(__dirname, "..", "eval", "real");
  const dir = path.join(root, "agreement");
  const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort() : [];
  if (names.length === 0) {
    console.error(`label-agreement: no second labellings in ${dir}`);
    process.exit(2);
  }
  const partAt = process.argv.indexOf("--part");
  const part = partAt === -1 ? undefined : process.argv[partAt + 1];
  if (part !== undefined && part !== "tune" && part !== "held") {
    console.error(`label-agreement: --part takes tune or held, got ${part ?? "nothing"}`);
    process.exit(2);
  }
  const named = process.argv.flatMap((arg, i) => (process.argv[i - 1] === "--repo" ? [arg] : []));
  const pairs = inPart(names.map((name) => ({ name, first: load(path.join(root, "repos", name)), second: load(path.join(dir, name)) })), part)
    .filter((x) => named.length === 0 || named.includes(x.first.repo));
  const repos = pairs.map((x) => x.name);
  const rowsOf = (decidedOnly: boolean) => {
    const byFamily = new Map<string, Agreement>();
    for (const { first, second } of pairs) addAgreement(first, second, byFamily, decidedOnly);
    return FAMILIES.filter((f) => byFamily.has(f)).map((f) => ({ family: f, ...byFamily.get(f)!, ...agreementFigures(byFamily.get(f)!) }));
  };
  const rows = rowsOf(false);
  const decided = rowsOf(true);
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ repositories: repos.map((n) => n.replace(/\.json$/, "").replace("__", "/")), rows, decided }, null, 2));
    return;
  }
  const pct = (x: number) => (Number.isNaN(x) ? "   -  " : `${(100 * x).toFixed(1).padStart(5)}%`);
  console.log(`Second labelling of ${repos.length} repositories scored against the first (counts only)\n`);
  const table = (title: string, list: typeof rows): void => {
    console.log(title);
    console.log("family                 both-F  1st-F/2nd-C  1st-C/2nd-F  both-C  1st-F unlab.  2nd-F unlab.  precision  recall   kappa");
    for (const r of list) {
      console.log(`${r.family.padEnd(22)} ${String(r.bothFinding).padStart(6)}  ${String(r.firstOnly).padStart(11)}  ${String(r.secondOnly).padStart(11)}  ${String(r.bothClean).padStart(6)}  ${String(r.firstUnmatched).padStart(12)}  ${String(r.secondUnmatched).padStart(12)}  ${pct(r.precision).padStart(9)}  ${pct(r.recall)}  ${Number.isNaN(r.kappa) ? "  -  " : r.kappa.toFixed(2).padStart(5)}`);
    }
  };
  table("Every site:", rows);
  table("\nDecided sites only (a site either labeller called debatable left out):", decided);
}

if (require.main === module) main();
