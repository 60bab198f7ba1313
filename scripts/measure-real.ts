/**
 * Precision and recall on real repositories labelled by hand (eval/real/repos/*.json; the
 * format is in eval/real/README.md). Each repository is materialised at its pinned commit from
 * its fetch mirror into /tmp/hh-real/<owner>__<name>, the engine runs over the labelled files
 * only (config resolved as the CLI does, every fix built), and findings are matched to labels.
 *
 * Usage: npx tsx scripts/measure-real.ts [--json] [--write] [--check] [--show-held]
 *                                        [--part tune|held] [--repo owner/name]…
 *                                        [--min-severity info|warning|error]
 *   (or `npm run measure -- --real …`)
 *   --check      validate the label files only (no materialising, no engine run)
 *   --table      print the corpus table of eval/real/README.md (Markdown, from the label files)
 *   --json       print the results as JSON instead of the table
 *   --write      also write eval/real/results.json (figures and file:line sites only)
 *   --show-held  list the unmatched sites of held repositories too (counts are always shown)
 *   --min-severity  findings below this effective severity do not count as findings (labels
 *                unchanged): `warning` scores what a user sees at warning level, where
 *                low-confidence findings are one step lower (default `info`: every finding)
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { allRules } from "../src/engine/analyze";
import { auditFile } from "../src/engine/audit";
import { isIgnored } from "../src/engine/config/load";
import { ConfigResolver } from "../src/engine/files";
import { FsProjectHost } from "../src/engine/project-host";
import type { FindingSeverity } from "../src/engine/types";
import { isAnalyzablePath } from "../src/engine/walk";
import { isScannedJsonPath } from "../src/engine/json-config";
import { familyRules } from "../src/rules";

/**
 * The families a label file is exhaustive for when it does not say (`"families"` absent): the
 * three the corpus started with. Also the families of test/labelled that scripts/measure.ts scores.
 */
export const FAMILIES = ["swallowed-exception", "unvalidated-boundary", "hardcoded-secret"] as const;
/** Every family a label file may name; a family with no rule in the engine yet scores recall 0. */
export const REAL_FAMILIES = [...FAMILIES, "unbounded-call"] as const;
export type Family = (typeof REAL_FAMILIES)[number];
export type Part = "tune" | "held";
export type Verdict = "finding" | "clean";

export interface Label {
  line: number;
  code: string;
  verdict: Verdict;
  note?: string;
}

export interface LabelChange {
  file: string;
  line: number;
  code: string;
  /** `note`: only the note changed (a label marked debatable); `line`: moved to the line the README names. */
  change: "added" | "removed" | "verdict" | "note" | "line";
  reason: string;
  at: string;
}

/** A later labelling round that added families to a file already labelled (when, by whom). */
export interface LabelRound {
  families: Family[];
  labelledAt: string;
  labeller: string;
}

/** A `files` entry: a list of labels, or an object naming the families this one file is exhaustive for. */
export type FileEntry = Label[] | { families: Family[]; labels: Label[] };

/** A validated label file, normalised: every `files` entry is a list, `fileFamilies` says what each file is exhaustive for. */
export interface RepoLabels {
  repo: string;
  commit: string;
  part: Part;
  stack: string[];
  aiBuilt: boolean;
  why: string;
  labelledAt: string;
  labeller: string;
  /** The families every listed file is exhaustive for, unless its entry says otherwise (default: FAMILIES). */
  families: Family[];
  rounds: LabelRound[];
  files: Record<string, Label[]>;
  /** Per file: the families it is exhaustive for; findings of other families in it are not scored. */
  fileFamilies: Record<string, Family[]>;
  changes: LabelChange[];
}

export interface Validation {
  errors: string[];
  /** Not fatal: a case id the rule does not declare (yet). */
  warnings: string[];
  labels?: RepoLabels;
}

/** A finding reduced to what matching needs (lines are 1-based). */
export interface SiteFinding {
  family: string;
  code: string;
  line: number;
  endLine: number;
}

export interface MatchedPair {
  finding: SiteFinding;
  label: Label;
}

export interface FileMatch {
  matched: MatchedPair[];
  /** Findings matching no "finding" label; `onClean` is the clean label the finding sits on. */
  falsePositives: { finding: SiteFinding; onClean?: Label }[];
  /** "finding" labels no finding matched. */
  falseNegatives: Label[];
}

const REPO_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;
const COMMIT_RE = /^[0-9a-f]{40}$/;
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const TOP_KEYS = ["repo", "commit", "part", "stack", "aiBuilt", "why", "labelledAt", "labeller", "families", "rounds", "files", "changes", "heldUntil"];
const OPTIONAL_KEYS = ["families", "rounds", "changes", "heldUntil"];
const ROUND_KEYS = ["families", "labelledAt", "labeller"];
const FILE_ENTRY_KEYS = ["families", "labels"];
const LABEL_KEYS = ["line", "code", "verdict", "note"];
const CHANGE_KEYS = ["file", "line", "code", "change", "reason", "at"];

/** `family` of a label or finding code (`family/case` or `family`). */
export function familyOf(code: string): string {
  const slash = code.indexOf("/");
  return slash === -1 ? code : code.slice(0, slash);
}

/** `eval/real/repos/<owner>__<name>.json` for `owner/name`. */
export function labelFileName(repo: string): string {
  return `${repo.replace("/", "__")}.json`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], where: string, errors: string[]): void {
  for (const key of Object.keys(obj)) if (!allowed.includes(key)) errors.push(`${where}: unknown key "${key}" (allowed: ${allowed.join(", ")})`);
}

function checkString(obj: Record<string, unknown>, key: string, where: string, errors: string[], nonEmpty = true): void {
  const v = obj[key];
  if (typeof v !== "string") errors.push(`${where}.${key}: expected a string, got ${describe(v)}`);
  else if (nonEmpty && v.trim() === "") errors.push(`${where}.${key}: must not be empty`);
}

function checkLine(v: unknown, where: string, errors: string[]): void {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) errors.push(`${where}.line: expected an integer ≥ 1, got ${describe(v)}`);
}

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (Array.isArray(v)) return "an array";
  return v === null ? "null" : `${typeof v} ${JSON.stringify(v)}`.slice(0, 60);
}

/** Known case ids per family, from the rules' metadata. */
function knownCases(): Map<string, Set<string>> {
  return new Map(familyRules.map((r) => [r.id, new Set(Object.keys(r.cases))]));
}

function isFamily(v: unknown): v is Family {
  return typeof v === "string" && (REAL_FAMILIES as readonly string[]).includes(v);
}

/** Checks `code`; returns its family when it is one the scorer knows. */
function checkCode(code: unknown, where: string, errors: string[], warnings: string[], cases: Map<string, Set<string>>): Family | undefined {
  if (typeof code !== "string") {
    errors.push(`${where}.code: expected "family" or "family/case", got ${describe(code)}`);
    return undefined;
  }
  const family = familyOf(code);
  if (!isFamily(family)) {
    errors.push(`${where}.code: unknown family "${family}" (one of ${REAL_FAMILIES.join(", ")})`);
    return undefined;
  }
  const caseId = code.slice(family.length + 1);
  // A family the engine has no rule for yet gets one warning per label file (see validateRepoLabels), not one per label.
  if (code.includes("/") && cases.has(family) && !cases.get(family)!.has(caseId)) warnings.push(`${where}.code: "${code}" is not a case the rule declares (matching uses the family only)`);
  return family;
}

/** Checks a `"families"` list (non-empty, known, no repeats); returns it when valid. */
function checkFamilies(v: unknown, where: string, errors: string[]): Family[] | undefined {
  if (!Array.isArray(v) || v.length === 0) {
    errors.push(`${where}.families: expected a non-empty array of families (${REAL_FAMILIES.join(", ")}), got ${describe(v)}`);
    return undefined;
  }
  let ok = true;
  v.forEach((f, i) => {
    if (!isFamily(f)) {
      errors.push(`${where}.families[${i}]: unknown family ${describe(f)} (one of ${REAL_FAMILIES.join(", ")})`);
      ok = false;
    } else if (v.indexOf(f) !== i) {
      errors.push(`${where}.families[${i}]: "${f}" is listed twice`);
      ok = false;
    }
  });
  return ok ? (v as Family[]) : undefined;
}

/**
 * Checks one label file's shape (see eval/real/README.md). `fileName` is the base name, which
 * must be `<owner>__<name>.json` for the file's `repo`. Every message starts with `fileName`.
 */
export function validateRepoLabels(fileName: string, value: unknown, cases = knownCases()): Validation {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!isObject(value)) return { errors: [`${fileName}: expected a JSON object at the top, got ${describe(value)}`], warnings };
  checkKeys(value, TOP_KEYS, fileName, errors);
  for (const key of TOP_KEYS) if (!OPTIONAL_KEYS.includes(key) && !(key in value)) errors.push(`${fileName}: missing "${key}"`);
  const { repo, commit, part, stack, aiBuilt, labelledAt, files, changes, rounds } = value;
  const families = "families" in value ? checkFamilies(value.families, fileName, errors) : [...FAMILIES];
  const normalisedFiles: Record<string, Label[]> = {};
  const fileFamilies: Record<string, Family[]> = {};
  const labelled = new Set<Family>(); // families with at least one label
  if ("repo" in value) {
    if (typeof repo !== "string" || !REPO_RE.test(repo)) errors.push(`${fileName}.repo: expected "owner/name", got ${describe(repo)}`);
    else if (labelFileName(repo) !== fileName) errors.push(`${fileName}: the file for ${repo} must be named ${labelFileName(repo)}`);
  }
  if ("commit" in value && (typeof commit !== "string" || !COMMIT_RE.test(commit))) errors.push(`${fileName}.commit: expected 40 lower-case hex digits, got ${describe(commit)}`);
  if ("part" in value && part !== "tune" && part !== "held") errors.push(`${fileName}.part: expected "tune" or "held", got ${describe(part)}`);
  if ("stack" in value && (!Array.isArray(stack) || stack.length === 0 || stack.some((s) => typeof s !== "string" || s === ""))) errors.push(`${fileName}.stack: expected a non-empty array of strings`);
  if ("aiBuilt" in value && typeof aiBuilt !== "boolean") errors.push(`${fileName}.aiBuilt: expected true or false, got ${describe(aiBuilt)}`);
  for (const key of ["why", "labeller"]) if (key in value) checkString(value, key, fileName, errors);
  // A repository that was held and is now tune says when and at which engine it was last measured blind.
  if ("heldUntil" in value) {
    checkString(value, "heldUntil", fileName, errors);
    if (part !== "tune") errors.push(`${fileName}.heldUntil: only a tune repository was held until a date (this one is ${describe(part)})`);
  }
  if ("labelledAt" in value) checkIso(labelledAt, fileName, errors);
  if ("rounds" in value) {
    if (!Array.isArray(rounds)) errors.push(`${fileName}.rounds: expected an array, got ${describe(rounds)}`);
    else rounds.forEach((r, i) => validateRound(r, `${fileName}.rounds[${i}]`, errors));
  }
  if ("files" in value) {
    if (!isObject(files)) errors.push(`${fileName}.files: expected an object of path → labels, got ${describe(files)}`);
    else {
      if (Object.keys(files).length === 0) errors.push(`${fileName}.files: no file is listed`);
      for (const [file, entry] of Object.entries(files)) {
        const where = `${fileName}.files["${file}"]`;
        let labels: unknown = entry;
        let own = families;
        if (isObject(entry)) {
          checkKeys(entry, FILE_ENTRY_KEYS, where, errors);
          for (const key of FILE_ENTRY_KEYS) if (!(key in entry)) errors.push(`${where}: missing "${key}"`);
          own = "families" in entry ? checkFamilies(entry.families, where, errors) : undefined;
          labels = entry.labels;
        }
        const found = validateFileLabels(file, labels, where, errors, warnings, cases);
        if (!own) continue;
        fileFamilies[file] = own;
        normalisedFiles[file] = Array.isArray(labels) ? (labels as Label[]) : [];
        found.forEach((family, i) => {
          if (family) labelled.add(family);
          if (family && !own.includes(family)) errors.push(`${where}[${i}].code: family "${family}" is not one this file is labelled for (${own.join(", ")}); add it to "families", which makes the file exhaustive for it`);
        });
      }
    }
  }
  for (const family of labelled) {
    if (!cases.has(family)) warnings.push(`${fileName}: family "${family}" has no rule in the engine yet; its labels are scored with no findings (recall 0)`);
  }
  if ("changes" in value) {
    if (!Array.isArray(changes)) errors.push(`${fileName}.changes: expected an array, got ${describe(changes)}`);
    else changes.forEach((c, i) => validateChange(c, `${fileName}.changes[${i}]`, errors, warnings, cases));
  }
  if (errors.length > 0 || !families) return { errors, warnings };
  const raw = value as unknown as RepoLabels;
  return {
    errors,
    warnings,
    labels: { ...raw, families, rounds: (rounds as LabelRound[] | undefined) ?? [], files: normalisedFiles, fileFamilies, changes: (changes as LabelChange[] | undefined) ?? [] },
  };
}

function checkIso(v: unknown, where: string, errors: string[]): void {
  if (typeof v !== "string" || !ISO_RE.test(v) || Number.isNaN(Date.parse(v))) errors.push(`${where}.labelledAt: expected an ISO time such as 2026-12-02T20:10:00Z, got ${describe(v)}`);
}

function validateRound(round: unknown, where: string, errors: string[]): void {
  if (!isObject(round)) {
    errors.push(`${where}: expected an object, got ${describe(round)}`);
    return;
  }
  checkKeys(round, ROUND_KEYS, where, errors);
  checkFamilies(round.families, where, errors);
  checkIso(round.labelledAt, where, errors);
  checkString(round, "labeller", where, errors);
}

/** Checks one file's labels; returns each label's family (undefined where the code is wrong). */
function validateFileLabels(file: string, labels: unknown, where: string, errors: string[], warnings: string[], cases: Map<string, Set<string>>): (Family | undefined)[] {
  if (file === "" || file.startsWith("/") || file.includes("\\") || file.split("/").some((seg) => seg === ".." || seg === "." || seg === "")) {
    errors.push(`${where}: expected a path relative to the repository root with forward slashes`);
  }
  if (!Array.isArray(labels)) {
    errors.push(`${where}: expected an array of labels, got ${describe(labels)}`);
    return [];
  }
  return labels.map((label, i) => {
    const at = `${where}[${i}]`;
    if (!isObject(label)) {
      errors.push(`${at}: expected an object, got ${describe(label)}`);
      return undefined;
    }
    checkKeys(label, LABEL_KEYS, at, errors);
    checkLine(label.line, at, errors);
    const family = checkCode(label.code, at, errors, warnings, cases);
    if (label.verdict !== "finding" && label.verdict !== "clean") errors.push(`${at}.verdict: expected "finding" or "clean", got ${describe(label.verdict)}`);
    if ("note" in label && typeof label.note !== "string") errors.push(`${at}.note: expected a string, got ${describe(label.note)}`);
    return family;
  });
}

const CHANGE_KINDS = ["added", "removed", "verdict", "note", "line"];

function validateChange(change: unknown, where: string, errors: string[], warnings: string[], cases: Map<string, Set<string>>): void {
  if (!isObject(change)) {
    errors.push(`${where}: expected an object, got ${describe(change)}`);
    return;
  }
  checkKeys(change, CHANGE_KEYS, where, errors);
  checkString(change, "file", where, errors);
  checkLine(change.line, where, errors);
  checkCode(change.code, where, errors, warnings, cases);
  if (!CHANGE_KINDS.includes(change.change as string)) errors.push(`${where}.change: expected one of ${CHANGE_KINDS.map((k) => `"${k}"`).join(", ")}, got ${describe(change.change)}`);
  checkString(change, "reason", where, errors);
  if (typeof change.at !== "string" || !ISO_RE.test(change.at)) errors.push(`${where}.at: expected an ISO time, got ${describe(change.at)}`);
}

/** True when `label` lies in the finding's window: [start line - 1, end line]. */
export function inWindow(finding: SiteFinding, labelLine: number): boolean {
  return labelLine >= finding.line - 1 && labelLine <= finding.endLine;
}

/**
 * Matches one file's findings to its labels: same family, one-to-one, a finding can take a
 * "finding" label lying in its window. The matching has maximum size (augmenting paths);
 * each finding tries the nearest label line to its start first, findings in line order.
 */
export function matchFile(findings: readonly SiteFinding[], labels: readonly Label[]): FileMatch {
  const order = findings.map((f, i) => i).sort((a, b) => findings[a]!.line - findings[b]!.line || findings[a]!.endLine - findings[b]!.endLine || a - b);
  const wanted = labels.map((l, i) => i).filter((i) => labels[i]!.verdict === "finding");
  const candidates = findings.map((f) =>
    wanted
      .filter((li) => familyOf(labels[li]!.code) === f.family && inWindow(f, labels[li]!.line))
      .sort((a, b) => Math.abs(labels[a]!.line - f.line) - Math.abs(labels[b]!.line - f.line) || labels[a]!.line - labels[b]!.line || a - b),
  );
  const labelTakenBy = new Map<number, number>();
  const tryAssign = (fi: number, seen: Set<number>): boolean => {
    for (const li of candidates[fi]!) {
      if (seen.has(li)) continue;
      seen.add(li);
      const holder = labelTakenBy.get(li);
      if (holder === undefined || tryAssign(holder, seen)) {
        labelTakenBy.set(li, fi);
        return true;
      }
    }
    return false;
  };
  for (const fi of order) tryAssign(fi, new Set());
  const findingTook = new Map([...labelTakenBy].map(([li, fi]) => [fi, li]));
  const result: FileMatch = { matched: [], falsePositives: [], falseNegatives: [] };
  for (const fi of order) {
    const f = findings[fi]!;
    const li = findingTook.get(fi);
    if (li !== undefined) result.matched.push({ finding: f, label: labels[li]! });
    else {
      const onClean = labels
        .filter((l) => l.verdict === "clean" && familyOf(l.code) === f.family && inWindow(f, l.line))
        .sort((a, b) => Math.abs(a.line - f.line) - Math.abs(b.line - f.line))[0];
      result.falsePositives.push(onClean ? { finding: f, onClean } : { finding: f });
    }
  }
  wanted.forEach((li) => {
    if (!labelTakenBy.has(li)) result.falseNegatives.push(labels[li]!);
  });
  result.falseNegatives.sort((a, b) => a.line - b.line);
  return result;
}

export interface Site {
  repo: string;
  file: string;
  line: number;
  code: string;
  note?: string;
}

export interface Score {
  labels: number;
  findingLabels: number;
  cleanLabels: number;
  findings: number;
  tp: number;
  fp: number;
  fn: number;
  /** False positives sitting on a "clean" label. */
  fpOnClean: number;
  /** Matched pairs whose label names a case other than the finding's. */
  caseDiffers: number;
  precision: number | null;
  recall: number | null;
}

export function emptyScore(): Score {
  return { labels: 0, findingLabels: 0, cleanLabels: 0, findings: 0, tp: 0, fp: 0, fn: 0, fpOnClean: 0, caseDiffers: 0, precision: null, recall: null };
}

/**
 * A label its labeller marked as arguable (eval/real/README.md asks for one such label at every
 * debatable site, finding or clean): the note starts with "debatable", or says so further on
 * ("… (debatable)", "… (debatable: enrichment)", "… . Debatable: …"), as 154 notes of the
 * corpus did on 2026-12-05. A negated word ("not debatable", "non-debatable") does not count.
 */
export function isDebatable(label: Label): boolean {
  const note = label.note ?? "";
  if (/^\s*debatable\b/i.test(note)) return true;
  for (const m of note.matchAll(/\bdebatable\b/gi)) {
    if (!/\b(?:not|non|never)[\s-]+$/i.test(note.slice(0, m.index))) return true;
  }
  return false;
}

/**
 * Adds one file's labels and match into `score` (for one family, or all when `family` is
 * undefined). With `decidedOnly`, debatable labels are left out on both sides: not counted as
 * labels, a finding matched to one is neither TP nor FP, a finding on a debatable clean label
 * is not an FP, and a missed debatable finding is not an FN. A finding on no label stays an FP.
 */
export function addToScore(score: Score, labels: readonly Label[], match: FileMatch, family?: string, decidedOnly = false): void {
  const mine = (code: string): boolean => family === undefined || familyOf(code) === family;
  const counted = (l: Label | undefined): boolean => !decidedOnly || l === undefined || !isDebatable(l);
  for (const l of labels) {
    if (!mine(l.code) || !counted(l)) continue;
    score.labels++;
    if (l.verdict === "finding") score.findingLabels++;
    else score.cleanLabels++;
  }
  for (const m of match.matched) {
    if (!mine(m.finding.code) || !counted(m.label)) continue;
    score.tp++;
    score.findings++;
    if (m.label.code.includes("/") && m.label.code !== m.finding.code) score.caseDiffers++;
  }
  for (const fp of match.falsePositives) {
    if (!mine(fp.finding.code) || !counted(fp.onClean)) continue;
    score.fp++;
    score.findings++;
    if (fp.onClean) score.fpOnClean++;
  }
  for (const fn of match.falseNegatives) if (mine(fn.code) && counted(fn)) score.fn++;
  score.precision = score.findings === 0 ? null : score.tp / score.findings;
  score.recall = score.findingLabels === 0 ? null : score.tp / score.findingLabels;
}

export interface FixCounts {
  /** Findings with at least one safe fix. */
  findingsWithSafe: number;
  safe: number;
  suggestion: number;
}

export interface RepoResult {
  repo: string;
  part: Part;
  commit: string;
  status: "scored" | "not fetched" | "error";
  message?: string;
  files: number;
  byFamily: Record<string, Score>;
  /** The same, debatable labels left out on both sides (addToScore's `decidedOnly`). */
  byFamilyDecided: Record<string, Score>;
  fixes: Record<string, FixCounts>;
  falsePositives: (Site & { onClean?: string })[];
  falseNegatives: Site[];
  caseDiffers: (Site & { labelCode: string })[];
  /** True positives per finding code. */
  tpByCode: Record<string, number>;
  /** Labels per label code (`family/case` or `family`), scored files only. */
  labelsByCode: Record<string, { finding: number; clean: number }>;
  /** Engine problems on the labelled files (fixRejected, ruleCrash, parseError, …). */
  problems: string[];
}

const MIRROR_ROOT = "/work/.mirror";
const WORK_ROOT = "/tmp/hh-real";
/**
 * Held trees are materialised apart, so that a developer's scan of the tune trees under
 * WORK_ROOT never runs over a held repository (session 24: a scan of /tmp/hh-real/* did).
 */
const HELD_WORK_ROOT = "/tmp/hh-held";

function isGitDir(dir: string): boolean {
  return fs.existsSync(path.join(dir, "HEAD")) && fs.existsSync(path.join(dir, "objects"));
}

/** The bare git directory of the fetch mirror of `owner/name`, or undefined. */
export function findMirror(repo: string, root = MIRROR_ROOT): string | undefined {
  const want = repo.replace("/", "+").toLowerCase();
  let entries: string[];
  try {
    entries = fs.readdirSync(root);
  } catch {
    return undefined; // no mirror root at all: nothing fetched
  }
  const name = entries.find((e) => e === repo.replace("/", "+")) ?? entries.find((e) => e.toLowerCase() === want);
  if (!name) return undefined;
  const queue = [path.join(root, name)];
  for (let depth = 0; depth < 3 && queue.length > 0; depth++) {
    for (const dir of queue.splice(0)) {
      if (isGitDir(dir)) return dir;
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) queue.push(path.join(dir, e.name));
    }
  }
  return undefined;
}

/** Extracts `commit` of the mirror into <workRoot>/<owner>__<name> (/tmp/hh-real, held ones /tmp/hh-held), unless already there. */
function materialise(repo: string, commit: string, mirror: string, workRoot: string): string {
  const dest = path.join(workRoot, repo.replace("/", "__"));
  const stamp = `${dest}.commit`;
  if (fs.existsSync(dest) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8").trim() === commit) return dest;
  try {
    execFileSync("git", ["--git-dir", mirror, "cat-file", "-e", `${commit}^{commit}`], { stdio: "pipe" });
  } catch {
    throw new Error(`commit ${commit} is not in the mirror ${mirror} (fetch again, or pin the snapshot's HEAD)`);
  }
  const tmp = `${dest}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  try {
    const tar = execFileSync("git", ["--git-dir", mirror, "archive", "--format=tar", commit], { maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "pipe"] });
    execFileSync("tar", ["-x", "-C", tmp], { input: tar, maxBuffer: 1 << 30 });
  } catch {
    extractPresentBlobs(mirror, commit, tmp); // a snapshot lacks its largest files (fonts, packs): take the rest
  }
  fs.rmSync(dest, { recursive: true, force: true });
  fs.rmSync(stamp, { force: true });
  fs.renameSync(tmp, dest);
  fs.writeFileSync(stamp, `${commit}\n`);
  return dest;
}

/**
 * Writes every blob of `commit` that the mirror holds into `dest`, skipping the absent ones
 * (the fetch tool leaves out files of 4 MiB and more, which makes `git archive` fail).
 */
export function extractPresentBlobs(mirror: string, commit: string, dest: string): void {
  const git = (args: string[], input?: string): Buffer => execFileSync("git", ["--git-dir", mirror, ...args], { input, maxBuffer: 1 << 30, stdio: ["pipe", "pipe", "ignore"] });
  const entries = git(["ls-tree", "-r", "-z", commit])
    .toString("utf8")
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const [meta, file] = [line.slice(0, line.indexOf("\t")), line.slice(line.indexOf("\t") + 1)];
      const [mode, type, id] = meta.split(" ");
      return { mode: mode!, type: type!, id: id!, file };
    })
    .filter((e) => e.type === "blob" && e.mode !== "120000");
  const present = git(["cat-file", "--batch-check"], entries.map((e) => e.id).join("\n") + "\n")
    .toString("utf8")
    .split("\n")
    .map((line) => !line.endsWith(" missing"));
  entries.forEach((e, i) => {
    if (!present[i]) return;
    const out = path.join(dest, ...e.file.split("/"));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, git(["cat-file", "blob", e.id]));
  });
}

function emptyRepoResult(labels: RepoLabels): RepoResult {
  const byFamily: Record<string, Score> = {};
  const byFamilyDecided: Record<string, Score> = {};
  const fixes: Record<string, FixCounts> = {};
  for (const f of REAL_FAMILIES) {
    byFamily[f] = emptyScore();
    byFamilyDecided[f] = emptyScore();
    fixes[f] = { findingsWithSafe: 0, safe: 0, suggestion: 0 };
  }
  return { repo: labels.repo, part: labels.part, commit: labels.commit, status: "scored", files: 0, byFamily, byFamilyDecided, fixes, falsePositives: [], falseNegatives: [], caseDiffers: [], tpByCode: {}, labelsByCode: {}, problems: [] };
}

/** Where the fetch mirrors are, and where the trees are materialised (tests use temporary folders). */
export interface Roots {
  mirrors: string;
  work: string;
}

const SEVERITY_RANK: Record<FindingSeverity, number> = { info: 0, warning: 1, error: 2 };

/**
 * Runs the engine over the labelled files of one repository and scores them. Findings whose
 * effective severity is below `minSeverity` do not count (as a user filtering at that level).
 */
export function scoreRepo(labels: RepoLabels, host = new FsProjectHost(), roots: Roots = { mirrors: MIRROR_ROOT, work: labels.part === "held" ? HELD_WORK_ROOT : WORK_ROOT }, minSeverity: FindingSeverity = "info"): RepoResult {
  const result = emptyRepoResult(labels);
  const mirror = findMirror(labels.repo, roots.mirrors);
  if (!mirror) return { ...result, status: "not fetched", message: `not fetched: run the fetch tool for github:${labels.repo}` };
  let root: string;
  try {
    root = materialise(labels.repo, labels.commit, mirror, roots.work);
  } catch (err: unknown) {
    return { ...result, status: "error", message: err instanceof Error ? err.message : String(err) };
  }
  const resolver = new ConfigResolver(allRules, undefined, root);
  for (const [rel, fileLabels] of Object.entries(labels.files).sort(([a], [b]) => a.localeCompare(b))) {
    const abs = path.join(root, ...rel.split("/"));
    if (!fs.existsSync(abs)) {
      result.problems.push(`${rel}: not in the tree at ${labels.commit.slice(0, 12)}; its ${fileLabels.length} labels are not scored`);
      continue;
    }
    // JSON configuration files are scored as the audit scans them (hardcoded-secret's configFile case).
    if (!isAnalyzablePath(abs) && !isScannedJsonPath(abs, root)) {
      result.problems.push(`${rel}: neither a TS/JS source file nor a scanned JSON configuration file; its ${fileLabels.length} labels are not scored`);
      continue;
    }
    // Named explicitly, an ignored file is still analyzed (as the CLI does); an audit of the repository would skip it.
    if (isIgnored(abs, resolver.forFile(abs))) result.problems.push(`${rel}: ignored by the configuration, so an audit of the repository skips it (scored as analyzed)`);
    const audited = auditFile(abs, resolver, host, true, root);
    for (const p of audited.problems) result.problems.push(`${rel}: ${p.kind}: ${p.message.replace(root + path.sep, "")}`);
    const text = fs.readFileSync(abs, "utf8");
    const lineCount = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    for (const l of fileLabels) if (l.line > lineCount) result.problems.push(`${rel}:${l.line}: label past the end of the file (${lineCount} lines)`);
    result.files++;
    // Only the families this file is labelled for are scored: its silence says nothing about the others.
    const families: readonly string[] = labels.fileFamilies[rel] ?? labels.families;
    const found = audited.findings.filter((f) => families.includes(f.ruleId) && !f.suppression && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[minSeverity]);
    const sites: SiteFinding[] = found.map((f) => ({ family: f.ruleId, code: f.code, line: f.loc.start.line, endLine: f.loc.end.line }));
    for (const f of found) {
      const counts = result.fixes[f.ruleId]!;
      const safe = f.fixes.filter((x) => x.kind === "safe").length;
      counts.safe += safe;
      counts.suggestion += f.fixes.length - safe;
      if (safe > 0) counts.findingsWithSafe++;
    }
    const match = matchFile(sites, fileLabels);
    for (const l of fileLabels) (result.labelsByCode[l.code] ??= { finding: 0, clean: 0 })[l.verdict]++;
    for (const family of families) {
      addToScore(result.byFamily[family]!, fileLabels, match, family);
      addToScore(result.byFamilyDecided[family]!, fileLabels, match, family, true);
    }
    for (const fp of match.falsePositives) {
      const site = { repo: labels.repo, file: rel, line: fp.finding.line, code: fp.finding.code };
      result.falsePositives.push(fp.onClean ? { ...site, onClean: fp.onClean.note ?? fp.onClean.code } : site);
    }
    for (const fn of match.falseNegatives) result.falseNegatives.push({ repo: labels.repo, file: rel, line: fn.line, code: fn.code, ...(fn.note ? { note: fn.note } : {}) });
    for (const m of match.matched) {
      result.tpByCode[m.finding.code] = (result.tpByCode[m.finding.code] ?? 0) + 1;
      if (m.label.code.includes("/") && m.label.code !== m.finding.code) result.caseDiffers.push({ repo: labels.repo, file: rel, line: m.finding.line, code: m.finding.code, labelCode: m.label.code });
    }
  }
  return result;
}

/** Sums scores: every field added, precision and recall recomputed. */
export function sumScores(scores: readonly Score[]): Score {
  const total = emptyScore();
  for (const s of scores) {
    for (const k of ["labels", "findingLabels", "cleanLabels", "findings", "tp", "fp", "fn", "fpOnClean", "caseDiffers"] as const) total[k] += s[k];
  }
  total.precision = total.findings === 0 ? null : total.tp / total.findings;
  total.recall = total.findingLabels === 0 ? null : total.tp / total.findingLabels;
  return total;
}

export type Scope = Part | "all";

export interface Summary {
  /** scope → family (or "all") → score, over scored repositories only. */
  scores: Record<Scope, Record<string, Score>>;
  /** The same with debatable labels left out on both sides (RepoResult.byFamilyDecided). */
  decided: Record<Scope, Record<string, Score>>;
  fixes: Record<string, FixCounts>;
  repos: { repo: string; part: Part; status: RepoResult["status"]; files: number; labels: number }[];
  /**
   * Per code, tune part only (held repositories would leak what they hold): TP and FP by the
   * finding's code, FN and labels by the label's code (`family/case` or `family`).
   */
  byCase: Record<string, CaseCount>;
}

export interface CaseCount {
  findingLabels: number;
  cleanLabels: number;
  tp: number;
  fp: number;
  fn: number;
  /** TP / (TP + FP), null when nothing of this code was found. */
  precision: number | null;
  /** TP / (TP + FN), null when there is neither. */
  recall: number | null;
}

/** Labels and TP/FP/FN per code over the scored repositories. */
export function countByCase(results: readonly RepoResult[]): Summary["byCase"] {
  const byCase: Summary["byCase"] = {};
  const at = (code: string) => (byCase[code] ??= { findingLabels: 0, cleanLabels: 0, tp: 0, fp: 0, fn: 0, precision: null, recall: null });
  for (const r of results) {
    if (r.status !== "scored") continue;
    for (const [code, n] of Object.entries(r.labelsByCode)) {
      at(code).findingLabels += n.finding;
      at(code).cleanLabels += n.clean;
    }
    for (const [code, n] of Object.entries(r.tpByCode)) at(code).tp += n;
    for (const fp of r.falsePositives) at(fp.code).fp++;
    for (const fn of r.falseNegatives) at(fn.code).fn++;
  }
  for (const c of Object.values(byCase)) {
    c.precision = c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp);
    c.recall = c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn);
  }
  return Object.fromEntries(Object.entries(byCase).sort(([a], [b]) => a.localeCompare(b)));
}

export function summarise(results: readonly RepoResult[]): Summary {
  const scores = {} as Summary["scores"];
  const decided = {} as Summary["decided"];
  for (const scope of ["tune", "held", "all"] as const) {
    const inScope = results.filter((r) => r.status === "scored" && (scope === "all" || r.part === scope));
    const rowOf = (pick: (r: RepoResult) => Record<string, Score>): Record<string, Score> => {
      const row: Record<string, Score> = {};
      for (const f of REAL_FAMILIES) row[f] = sumScores(inScope.map((r) => pick(r)[f] ?? emptyScore()));
      row.all = sumScores(REAL_FAMILIES.map((f) => row[f]!));
      return row;
    };
    scores[scope] = rowOf((r) => r.byFamily);
    decided[scope] = rowOf((r) => r.byFamilyDecided);
  }
  const fixes: Record<string, FixCounts> = {};
  for (const f of REAL_FAMILIES) {
    fixes[f] = { findingsWithSafe: 0, safe: 0, suggestion: 0 };
    for (const r of results) for (const k of ["findingsWithSafe", "safe", "suggestion"] as const) fixes[f]![k] += r.fixes[f]?.[k] ?? 0;
  }
  const repos = results.map((r) => ({ repo: r.repo, part: r.part, status: r.status, files: r.files, labels: sumScores(Object.values(r.byFamily)).labels }));
  return { scores, decided, fixes, repos, byCase: countByCase(results.filter((r) => r.part === "tune")) };
}

function pct(v: number | null): string {
  return v === null ? "   -  " : `${(v * 100).toFixed(1).padStart(5)}%`;
}

/** The text report: one row per scope and family, then the unmatched sites. */
export function formatTable(results: readonly RepoResult[], showHeld: boolean): string {
  const s = summarise(results);
  const out: string[] = [];
  const head = `${"part".padEnd(5)} ${"family".padEnd(21)} ${"labels".padStart(6)} ${"find".padStart(5)} ${"clean".padStart(5)} ${"found".padStart(5)} ${"TP".padStart(4)} ${"FP".padStart(4)} ${"FN".padStart(4)} ${"FP@cl".padStart(5)} ${"precis.".padStart(7)} ${"recall".padStart(7)}`;
  const table = (scores: Summary["scores"]): void => {
    out.push(head, "-".repeat(head.length));
    for (const scope of ["tune", "held", "all"] as const) {
      for (const fam of [...REAL_FAMILIES, "all"]) {
        const x = scores[scope][fam]!;
        out.push(`${scope.padEnd(5)} ${fam.padEnd(21)} ${String(x.labels).padStart(6)} ${String(x.findingLabels).padStart(5)} ${String(x.cleanLabels).padStart(5)} ${String(x.findings).padStart(5)} ${String(x.tp).padStart(4)} ${String(x.fp).padStart(4)} ${String(x.fn).padStart(4)} ${String(x.fpOnClean).padStart(5)} ${pct(x.precision).padStart(7)} ${pct(x.recall).padStart(7)}`);
      }
    }
  };
  table(s.scores);
  out.push("", "Decided labels only (labels whose note marks them debatable left out on both sides):");
  table(s.decided);
  out.push("", "Fixes on findings in labelled files (safe / suggestion; findings with a safe fix):");
  for (const f of REAL_FAMILIES) out.push(`  ${f.padEnd(21)} safe ${String(s.fixes[f]!.safe).padStart(4)}  suggestion ${String(s.fixes[f]!.suggestion).padStart(4)}  findings with a safe fix ${s.fixes[f]!.findingsWithSafe}`);
  const caseTables: [string, Summary["byCase"]][] = [["tune part", s.byCase]];
  if (showHeld) caseTables.push(["held part", countByCase(results.filter((r) => r.part === "held"))], ["every part", countByCase(results)]);
  for (const [title, byCase] of caseTables) {
    out.push("", `By case, ${title} (labels find+clean and FN by the label's code, TP and FP by the finding's code):`);
    for (const [code, c] of Object.entries(byCase)) {
      out.push(`  ${code.padEnd(48)} labels ${String(c.findingLabels).padStart(3)}+${String(c.cleanLabels).padEnd(3)}  TP ${String(c.tp).padStart(3)}  FP ${String(c.fp).padStart(3)}  FN ${String(c.fn).padStart(3)}  P ${pct(c.precision)}  R ${pct(c.recall)}`);
    }
  }
  out.push("", "Repositories:");
  for (const r of results) {
    const labels = sumScores(Object.values(r.byFamily)).labels;
    out.push(`  ${r.part.padEnd(4)} ${r.repo.padEnd(48)} ${r.status === "scored" ? `${r.files} files, ${labels} labels` : `${r.status.toUpperCase()}: ${r.message}`}`);
  }
  for (const r of results) {
    if (r.status !== "scored") continue;
    const hidden = r.part === "held" && !showHeld;
    const count = r.falsePositives.length + r.falseNegatives.length;
    if (count === 0 && r.problems.length === 0 && r.caseDiffers.length === 0) continue;
    out.push("", `${r.repo} (${r.part})`);
    if (hidden) {
      out.push(`  ${r.falsePositives.length} FP, ${r.falseNegatives.length} FN, ${r.problems.length} problems (held: sites shown only with --show-held)`);
      continue;
    }
    for (const fp of r.falsePositives) out.push(`  FP ${fp.file}:${fp.line} ${fp.code}${fp.onClean !== undefined ? `  [on a clean label: ${fp.onClean}]` : ""}`);
    for (const fn of r.falseNegatives) out.push(`  FN ${fn.file}:${fn.line} ${fn.code}${fn.note ? `  (${fn.note})` : ""}`);
    for (const c of r.caseDiffers) out.push(`  case ${c.file}:${c.line} found ${c.code}, labelled ${c.labelCode}`);
    for (const p of r.problems) out.push(`  problem ${p}`);
  }
  return out.join("\n") + "\n";
}

/** What --json prints and --write stores: figures and file:line sites (held sites only when asked). */
export function toJson(results: readonly RepoResult[], showHeld: boolean, engineCommit?: string): unknown {
  const summary = summarise(results);
  return {
    ...(engineCommit ? { engineCommit } : {}),
    families: REAL_FAMILIES,
    scores: summary.scores,
    decided: summary.decided,
    fixes: summary.fixes,
    byCase: summary.byCase,
    ...(showHeld ? { byCaseHeld: countByCase(results.filter((r) => r.part === "held")), byCaseEveryPart: countByCase(results) } : {}),
    repos: results.map((r) => {
      const hidden = r.part === "held" && !showHeld;
      return {
        repo: r.repo,
        part: r.part,
        commit: r.commit,
        status: r.status,
        ...(r.message ? { message: r.message } : {}),
        files: r.files,
        byFamily: r.byFamily,
        byFamilyDecided: r.byFamilyDecided,
        fixes: r.fixes,
        ...(hidden
          ? { unmatched: { falsePositives: r.falsePositives.length, falseNegatives: r.falseNegatives.length, problems: r.problems.length } }
          : { falsePositives: r.falsePositives.map(({ repo: _r, ...rest }) => rest), falseNegatives: r.falseNegatives.map(({ repo: _r, note: _n, ...rest }) => rest), caseDiffers: r.caseDiffers.map(({ repo: _r, ...rest }) => rest), problems: r.problems }),
      };
    }),
  };
}

/** Short names of the families in the corpus table. */
const SHORT: Record<Family, string> = { "swallowed-exception": "se", "unvalidated-boundary": "ub", "hardcoded-secret": "hs", "unbounded-call": "uc" };

/** The corpus table of eval/real/README.md: one row per label file, held and tune apart. */
export function corpusTable(labels: readonly RepoLabels[]): string {
  const rows = [...labels].sort((a, b) => a.part.localeCompare(b.part) || a.repo.localeCompare(b.repo));
  const count = (ls: readonly Label[]): string => {
    const findings = ls.filter((l) => l.verdict === "finding").length;
    return `${ls.length} (${findings} + ${ls.length - findings})`;
  };
  const out = [
    "| repo | commit | part | stack | AI-built | families | files | labels (finding + clean) | of them unbounded-call |",
    "| --- | --- | --- | --- | --- | --- | ---: | ---: | ---: |",
  ];
  for (const r of rows) {
    const all = Object.values(r.files).flat();
    const families = REAL_FAMILIES.filter((f) => Object.values(r.fileFamilies).some((fs) => fs.includes(f))).map((f) => SHORT[f]);
    const uc = all.filter((l) => familyOf(l.code) === "unbounded-call");
    out.push(`| ${r.repo} | ${r.commit.slice(0, 12)} | ${r.part} | ${r.stack.join(", ")} | ${r.aiBuilt ? "yes" : "no"} | ${families.join(", ")} | ${Object.keys(r.files).length} | ${count(all)} | ${count(uc)} |`);
  }
  return out.join("\n") + "\n";
}

export const REAL_ROOT = path.resolve(__dirname, "../eval/real");

/** Reads and validates every eval/real/repos/*.json. */
export function loadLabelFiles(dir = path.join(REAL_ROOT, "repos")): { labels: RepoLabels[]; errors: string[]; warnings: string[] } {
  const labels: RepoLabels[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith(".json")).sort() : [];
  for (const name of names) {
    let value: unknown;
    try {
      value = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
    } catch (err: unknown) {
      errors.push(`${name}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
      continue;
    }
    const v = validateRepoLabels(name, value);
    errors.push(...v.errors);
    warnings.push(...v.warnings);
    if (v.labels) labels.push(v.labels);
  }
  return { labels, errors, warnings };
}

/** HEAD of this checkout, marked `+dirty` when src/ has uncommitted changes (the figures are of the working tree). */
function engineCommit(): string | undefined {
  const git = (...args: string[]): string => execFileSync("git", ["-C", path.resolve(__dirname, ".."), ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  try {
    return git("rev-parse", "HEAD") + (git("status", "--porcelain", "--", "src") ? "+dirty" : "");
  } catch {
    return undefined; // not a git checkout: the figures are still written, without the commit
  }
}

/** Entry point (also reached through `scripts/measure.ts --real`). Returns the exit code. */
export function main(args: readonly string[]): number {
  const flag = (name: string): boolean => args.includes(name);
  const values = (name: string): string[] => args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]!] : []));
  const withValue = ["--part", "--repo", "--min-severity"];
  const known = new Set(["--json", "--write", "--check", "--table", "--show-held", ...withValue]);
  const unknown = args.filter((a, i) => a.startsWith("--") && !known.has(a) && !(i > 0 && withValue.includes(args[i - 1]!)));
  if (unknown.length > 0) {
    process.stderr.write(`measure-real: unknown option ${unknown.join(", ")}\n`);
    return 2;
  }
  const minSeverity = values("--min-severity")[0] ?? "info";
  if (!(minSeverity in SEVERITY_RANK)) {
    process.stderr.write(`measure-real: --min-severity takes info, warning or error, not ${minSeverity}\n`);
    return 2;
  }
  const { labels, errors, warnings } = loadLabelFiles();
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  for (const e of errors) process.stderr.write(`error: ${e}\n`);
  if (flag("--check")) {
    process.stdout.write(`${labels.length} label files valid, ${errors.length} errors, ${warnings.length} warnings\n`);
    return errors.length > 0 ? 1 : 0;
  }
  if (flag("--table")) {
    process.stdout.write(corpusTable(labels));
    return errors.length > 0 ? 1 : 0;
  }
  const parts = values("--part");
  const repos = values("--repo");
  const chosen = labels.filter((l) => (parts.length === 0 || parts.includes(l.part)) && (repos.length === 0 || repos.includes(l.repo)));
  const host = new FsProjectHost();
  const results = chosen.map((l) => scoreRepo(l, host, undefined, minSeverity as FindingSeverity));
  if (minSeverity !== "info") process.stderr.write(`measure-real: findings below ${minSeverity} are not counted\n`);
  const showHeld = flag("--show-held");
  if (flag("--json")) process.stdout.write(JSON.stringify(toJson(results, showHeld), null, 2) + "\n");
  else process.stdout.write(formatTable(results, showHeld));
  if (flag("--write")) {
    const out = path.join(REAL_ROOT, "results.json");
    fs.writeFileSync(out, JSON.stringify(toJson(results, false, engineCommit()), null, 2) + "\n");
    process.stderr.write(`wrote ${path.relative(process.cwd(), out)}\n`);
  }
  const notFetched = results.filter((r) => r.status !== "scored").length;
  if (notFetched > 0) process.stderr.write(`${notFetched} of ${results.length} repositories not scored (see above)\n`);
  return errors.length > 0 ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
