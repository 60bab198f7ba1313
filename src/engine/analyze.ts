import { ts } from "./ts";
import { familyRules } from "../rules";
import { docsUrl } from "./define-rule";
import { configForPath } from "./config/load";
import { checkFix } from "./fix-invariants";
import { enforceFixSafety } from "./fix-safety";
import { labelSecretFixes } from "./redact";
import { isScannedJsonPath } from "./json-config";
import { isTestFile, skipReason, tooLarge } from "./source";
import { applyDirectives, directiveRule, parseDirectives } from "./suppress";
import { dropTreeMemos } from "./tree-memo";

export { isTestFile };
import { lowered } from "./confidence";
import type { AnalysisResult, Finding, FindingSeverity, Fix, Problem, ProjectHost, ResolvedConfig, RuleContext, RuleModule, RuleReport, Severity, Visitors } from "./types";
import { bracketsDeeperThan, clearListedTree, lastTreeDepth, listNodes, NodeList, parse, parseDiagnostics, setListedTree } from "./walk";
import { profileCacheFor } from "../profile/cache";
import type { ProjectProfile } from "../profile/types";

/** Every rule the engine knows: the families, then the engine's own directive checks. */
export const allRules: readonly RuleModule[] = [...familyRules, directiveRule];

export interface AnalyzeInput {
  /** Absolute path; its extension picks the script kind. */
  path: string;
  text: string;
  config: ResolvedConfig;
  project: ProjectHost;
  /** The project profile; by default the one cached for `project` (see src/profile). */
  profile?: ProjectProfile;
  /** Build and verify fixes (default true). The CLI's text output does not need them. */
  fixes?: boolean;
  /** Only these rules (for tests and the benchmark); default every family. */
  rules?: readonly RuleModule[];
  /** When given, accumulates milliseconds per rule id (ESLint TIMING style). */
  timing?: Map<string, number>;
  /** Checked before the parse and after the walk. */
  isCancelled?: () => boolean;
  /**
   * Set when `text` is not exactly the file's bytes (a file that is not valid UTF-8, read with
   * U+FFFD for each invalid byte: {@link decodeSource}): findings carry no fix, since writing
   * the text back would change bytes nobody touched, and this problem is reported.
   */
  unfixable?: Problem;
}

function fill(template: string, data: Record<string, string | number> | undefined, where: string): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    const value = data?.[key];
    if (value === undefined) throw new Error(`${where}: message placeholder {{${key}}} was not given in data`);
    return String(value);
  });
}

function severityOf(rule: RuleModule, caseId: string, config: ResolvedConfig): Severity {
  const rc = config.rules[rule.id];
  return rc?.caseSeverity[caseId] ?? rc?.severity ?? rule.cases[caseId]?.severity ?? rule.severity;
}

/** True when at least one case of the rule is not off. */
export function isRuleEnabled(rule: RuleModule, config: ResolvedConfig): boolean {
  return Object.keys(rule.cases).some((c) => severityOf(rule, c, config) !== "off");
}

/**
 * The family rules `config` leaves on, worked out once per configuration (a file's overrides give
 * it a configuration of its own, kept by configForPath) rather than reading every case's severity
 * for every file. A caller's own rule list (tests, the benchmark) is filtered each time.
 */
function enabledRules(from: readonly RuleModule[], config: ResolvedConfig): readonly RuleModule[] {
  if (from !== familyRules) return from.filter((r) => isRuleEnabled(r, config));
  let rules = enabledFamilies.get(config);
  if (rules === undefined) enabledFamilies.set(config, (rules = from.filter((r) => isRuleEnabled(r, config))));
  return rules;
}
const enabledFamilies = new WeakMap<ResolvedConfig, readonly RuleModule[]>();

interface Pending {
  finding: Finding;
  rule: RuleModule;
  fixes: RuleReport["fixes"];
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Analyzes one file: parse once, one walk dispatching node kinds to every enabled rule,
 * directives applied, fixes built and checked. Never throws: odd input becomes a problem.
 */
export function analyze(input: AnalyzeInput): AnalysisResult {
  try {
    return analyzeFile(input);
  } finally {
    dropTreeMemos(); // what the rules memoized about this file's trees goes with them (tree-memo.ts)
  }
}

function analyzeFile(input: AnalyzeInput): AnalysisResult {
  // The file's own configuration: the config's `overrides` that match its path applied.
  const config = configForPath(input.config, input.path);
  if (config !== input.config) input = { ...input, config };
  const { path, text } = input;
  const problems: Problem[] = [];
  const result = (analyzed: boolean, findings: Finding[] = []): AnalysisResult => ({ path, findings, problems, analyzed });
  // A JSON file: only the secret scan reads it, and only a configuration file (json-config.ts; the folder audited and
  // the config root may see the path differently; a `.jsonc` only for Wrangler's); one long line is no minified bundle
  // there. It is never parsed as code.
  if (/\.jsonc?$/i.test(path)) return isScannedJsonPath(path, config.root) ? scannedJson(input, problems) : result(false);
  const skip = skipReason(text, path, config.maxFileSizeKb, config.root);
  if (skip) {
    problems.push(skip);
    return result(false);
  }
  if (input.isCancelled?.()) return result(false);
  if (input.unfixable) {
    problems.push(input.unfixable);
    input = { ...input, fixes: false };
  }
  // Absurd nesting is refused by a fixed limit before the (recursive) parser and the rules see
  // it, so the verdict never depends on how much stack a thread happens to have: the main thread
  // and a worker, text and JSON output, all stop at the same place.
  if (bracketsDeeperThan(text, MAX_BRACKET_DEPTH)) return unparsed(input, problems, `${path}: not analyzed, brackets nested more than ${MAX_BRACKET_DEPTH} deep`);
  let sf: ts.SourceFile;
  const nodes = takeNodeList();
  try {
    sf = parse(path, text, nodes, visitedKinds);
  } catch (err: unknown) {
    // The TS parser recurses; other absurd nesting (thousands of `!` or `?:`) can still exhaust the stack.
    giveNodeList(nodes);
    return unparsed(input, problems, `${path}: cannot be parsed (${errorText(err)})`);
  }
  if (lastTreeDepth > MAX_TREE_DEPTH) {
    giveNodeList(nodes);
    return unparsed(input, problems, `${path}: not analyzed, syntax nested ${lastTreeDepth} levels deep (the limit is ${MAX_TREE_DEPTH})`);
  }
  const syntax = parseDiagnostics(sf);
  if (syntax.length > 0) {
    const first = syntax[0]!;
    const lc = sf.getLineAndCharacterOfPosition(first.start);
    const msg = ts.flattenDiagnosticMessageText(first.messageText, " ");
    problems.push({
      kind: "parseError",
      file: path,
      range: { start: first.start, end: first.start + first.length },
      message: `${path}:${lc.line + 1}:${lc.character + 1}: syntax error: ${msg}${syntax.length > 1 ? ` (and ${syntax.length - 1} more)` : ""}; rules ran on the recovered tree`,
    });
  }

  const rules = enabledRules(input.rules ?? familyRules, config);
  const pending: Pending[] = [];
  const crashed = new Set<number>();
  const crash = (i: number, err: unknown) => {
    if (crashed.has(i)) return;
    crashed.add(i);
    const rule = rules[i]!;
    problems.push({ kind: "ruleCrash", file: path, ruleId: rule.id, message: `${path}: rule ${rule.id} crashed and was stopped for this file: ${errorText(err)}` });
  };
  const isModule = /\.m[jt]s$/i.test(path) || (!/\.c[jt]s$/i.test(path) && (sf as unknown as { externalModuleIndicator?: unknown }).externalModuleIndicator !== undefined);
  const profile = input.profile ?? profileCacheFor(input.project).get(path);
  const testFile = isTestFile(path, config.root, profile.dependencies);

  // kind -> handlers, built once per file: the walk does one array lookup per node it lists.
  let unlisted = false;
  const table = takeTable();
  const tableKinds: number[] = [];
  const visitorsOf: Visitors[] = [];
  rules.forEach((rule, i) => {
    const ruleConfig = config.rules[rule.id];
    const ctx: RuleContext = {
      path,
      text,
      sourceFile: sf,
      options: ruleConfig?.options ?? (rule.options.defaults as Record<string, unknown>),
      project: input.project,
      profile,
      isTestFile: testFile,
      isModule,
      report(r: RuleReport) {
        const meta = rule.cases[r.case];
        if (!meta) throw new Error(`rule ${rule.id} reported undeclared case "${r.case}"`);
        const severity = severityOf(rule, r.case, config);
        const range = r.range ?? (r.node ? { start: r.node.getStart(sf), end: r.node.getEnd() } : undefined);
        if (!range) throw new Error(`rule ${rule.id}/${r.case} reported with neither node nor range`);
        const message = fill(meta.message, r.data, `${rule.id}/${r.case}`);
        if (severity === "off") return;
        pending.push({
          rule,
          fixes: r.fixes,
          finding: {
            ruleId: rule.id,
            caseId: r.case,
            code: `${rule.id}/${r.case}`,
            severity: r.lowConfidence ? lowered(severity) : severity,
            ...(r.lowConfidence ? { confidence: "low" as const, confidenceReason: r.lowConfidence } : {}),
            message,
            range,
            related: r.related ?? [],
            fixes: [],
            docsUrl: docsUrl(rule.id, r.case),
          },
        });
      },
    };
    let visitors: Visitors;
    try {
      visitors = rule.create(ctx);
    } catch (err: unknown) {
      crash(i, err);
      visitors = {};
    }
    visitorsOf.push(visitors);
    // Every kind read by index: `Object.keys` on a visitors object (integer keys up to ~360 give
    // it a sparse backing store of ~470 slots) allocated a string per key, for every rule and file.
    for (let kind = 0; kind < KIND_COUNT; kind++) {
      const fn = visitors[kind];
      if (!fn) continue;
      if (visitedKinds[kind] !== 1) {
        visitedKinds[kind] = 1;
        unlisted = true;
      }
      let handlers = table[kind];
      if (handlers === undefined) {
        table[kind] = handlers = [];
        tableKinds.push(kind);
      }
      handlers.push({ rule: i, fn: input.timing ? timed(input.timing, rule.id, fn) : fn });
    }
  });

  const hook = (name: "onFile" | "onFileExit") => {
    visitorsOf.forEach((v, i) => {
      const fn = v[name];
      if (!fn || crashed.has(i)) return;
      try {
        if (input.timing) timed(input.timing, rules[i]!.id, fn)(sf);
        else fn();
      } catch (err: unknown) {
        crash(i, err);
      }
    });
  };

  // A kind no file's visitors asked for before (the first file, a rule's visitor for one kind of
  // file only): the parse left its nodes out, so the list is made again from the linked tree.
  if (unlisted) {
    nodes.clear();
    listNodes(sf, nodes, visitedKinds);
  }

  // Rules' whole-file questions read the list too (walkKinds), until the last hook has run.
  setListedTree(sf, nodes, visitedKinds);
  try {
    hook("onFile");
    // The walk: the parse listed the visited nodes in pre-order, so dispatch is one loop over an array.
    for (let n = 0, all = nodes.nodes; n < nodes.length; n++) {
      const node = all[n]!;
      const handlers = table[node.kind];
      if (handlers === undefined) continue;
      for (let h = 0; h < handlers.length; h++) {
        const entry = handlers[h]!;
        if (crashed.size > 0 && crashed.has(entry.rule)) continue;
        try {
          entry.fn(node);
        } catch (err: unknown) {
          crash(entry.rule, err);
        }
      }
    }
    giveTable(table, tableKinds);
    hook("onFileExit");
  } finally {
    clearListedTree();
    giveNodeList(nodes);
  }

  // A crashed rule's findings are dropped with it: half a rule's output is worse than none.
  const crashedIds = new Set([...crashed].map((i) => rules[i]!.id));
  const findings: Finding[] = [];
  const errorsBefore = syntax.length;
  for (const p of pending) {
    if (crashedIds.has(p.rule.id)) continue;
    if (input.fixes !== false && p.fixes) {
      try {
        p.finding.fixes = checkedFixes(p, path, text, errorsBefore, problems, sf);
      } catch (err: unknown) {
        // The finding stands without fixes. Not a crash: text output builds no fixes, and the
        // verdict must not depend on the output format.
        problems.push({ kind: "fixRejected", file: path, ruleId: p.rule.id, range: p.finding.range, message: `${path}: the fixes for ${p.finding.code} could not be built: ${errorText(err)}` });
      }
    }
    findings.push(p.finding);
  }

  if (input.fixes !== false) labelSecretFixes(findings, text); // a fix that copies a secret says so (redact.ts)
  directiveFindings(sf, text, config, findings, input.rules ?? familyRules);
  if (input.unfixable) for (const f of findings) f.fixes = []; // the directive checks build theirs eagerly
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (input.isCancelled?.()) return result(false);
  return result(true, findings);
}

/** Deeper bracket nesting than any hand-written code has; the parser is not run past it. */
export const MAX_BRACKET_DEPTH = 500;
/** Deeper syntax than any hand-written code has (a 3,000-long `.then()` chain is 6,000 deep); rules are not run past it. */
export const MAX_TREE_DEPTH = 1_500;

/**
 * A file the engine cannot parse or walk: a parse problem (it fails the CLI run by default), and
 * the rules that can read plain text (the secret scan) still run, so a key above the bad part is found.
 */
function unparsed(input: AnalyzeInput, problems: Problem[], message: string): AnalysisResult {
  const { path, text, config } = input;
  problems.push({ kind: "parseError", file: path, message });
  const findings: Finding[] = [];
  for (const rule of (input.rules ?? familyRules).filter((r) => r.scanText && isRuleEnabled(r, config))) {
    try {
      rule.scanText!(text, (r) => {
        const f = rangeFinding(rule, r, config);
        if (f) findings.push(f);
      });
    } catch (err: unknown) {
      problems.push({ kind: "ruleCrash", file: path, ruleId: rule.id, message: `${path}: rule ${rule.id} crashed on the text scan: ${errorText(err)}` });
    }
  }
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { path, findings, problems, analyzed: false };
}

/** A report with a range and no node (a text or JSON scan) as a finding: no fixes; undefined when its case is off or undeclared. */
function rangeFinding(rule: RuleModule, r: RuleReport, config: ResolvedConfig): Finding | undefined {
  const severity = severityOf(rule, r.case, config);
  const meta = rule.cases[r.case];
  if (!meta || severity === "off" || !r.range) return undefined;
  const low = r.lowConfidence ? { confidence: "low" as const, confidenceReason: r.lowConfidence } : {};
  return { ruleId: rule.id, caseId: r.case, code: `${rule.id}/${r.case}`, severity: r.lowConfidence ? lowered(severity) : severity, ...low, message: fill(meta.message, r.data, `${rule.id}/${r.case}`), range: r.range, related: [], fixes: [], docsUrl: docsUrl(rule.id, r.case) };
}

/** A JSON configuration file: the rules' `scanJson` only, no parse of code, no directives (JSON has no comments), no fixes. */
function scannedJson(input: AnalyzeInput, problems: Problem[]): AnalysisResult {
  const { path, text, config } = input;
  const large = tooLarge(text, path, config.maxFileSizeKb);
  if (large) {
    problems.push(large);
    return { path, findings: [], problems, analyzed: false };
  }
  // The JSON parser recurses like the TS one: absurd nesting is refused before it, by the same limit.
  if (bracketsDeeperThan(text, MAX_BRACKET_DEPTH)) {
    problems.push({ kind: "parseError", file: path, message: `${path}: not analyzed, brackets nested more than ${MAX_BRACKET_DEPTH} deep` });
    return { path, findings: [], problems, analyzed: false };
  }
  const findings: Finding[] = [];
  for (const rule of (input.rules ?? familyRules).filter((r) => r.scanJson && isRuleEnabled(r, config))) {
    const options = config.rules[rule.id]?.options ?? (rule.options.defaults as Record<string, unknown>);
    try {
      rule.scanJson!({ path, text, options, project: input.project, root: config.root }, (r) => {
        if (!rule.cases[r.case]) throw new Error(`rule ${rule.id} reported undeclared case "${r.case}"`);
        const f = rangeFinding(rule, r, config);
        if (f) findings.push(f);
      });
    } catch (err: unknown) {
      problems.push({ kind: "ruleCrash", file: path, ruleId: rule.id, message: `${path}: rule ${rule.id} crashed on the JSON scan: ${errorText(err)}` });
    }
  }
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (input.isCancelled?.()) return { path, findings: [], problems, analyzed: false };
  return { path, findings, problems, analyzed: true };
}

type Handler = { rule: number; fn: (node: ts.Node) => void };
/** Node kinds are `0 .. KIND_COUNT - 1`. */
const KIND_COUNT: number = ts.SyntaxKind.Count;

/** One dispatch table reused across files, like the node list: a fresh sparse array per file grew a backing store of ~470 slots. */
let spareTable: Array<Handler[] | undefined> | undefined = new Array<Handler[] | undefined>(KIND_COUNT).fill(undefined);
function takeTable(): Array<Handler[] | undefined> {
  const table = spareTable ?? new Array<Handler[] | undefined>(KIND_COUNT).fill(undefined);
  spareTable = undefined;
  return table;
}
function giveTable(table: Array<Handler[] | undefined>, kinds: readonly number[]): void {
  for (const kind of kinds) table[kind] = undefined;
  spareTable = table;
}

/**
 * The node kinds some rule's visitors asked for, on any file so far (a union that only grows): the
 * parse lists only nodes of these kinds for the dispatch loop, about a third of the tree.
 */
const visitedKinds = new Uint8Array(KIND_COUNT);

/** One node list reused across files (analyze is not re-entrant, but a nested call gets its own). */
let spareNodes: NodeList | undefined = new NodeList();
function takeNodeList(): NodeList {
  const list = spareNodes ?? new NodeList();
  spareNodes = undefined;
  return list;
}
function giveNodeList(list: NodeList): void {
  list.clear();
  spareNodes = list;
}

function timed(timing: Map<string, number>, id: string, fn: (node: any) => void): (node: any) => void {
  return (node) => {
    const t0 = performance.now();
    try {
      fn(node);
    } finally {
      timing.set(id, (timing.get(id) ?? 0) + performance.now() - t0);
    }
  };
}

/** Enforces the declared fix capability and the fix invariants; rejects loudly. */
function checkedFixes(p: Pending, path: string, text: string, errorsBefore: number, problems: Problem[], sf: ts.SourceFile): Fix[] {
  const raw = typeof p.fixes === "function" ? p.fixes() : p.fixes ?? [];
  const declared = p.rule.cases[p.finding.caseId]!.fix;
  const out: Fix[] = [];
  for (const fix of raw) {
    if (declared === "none") throw new Error(`${p.finding.code} is declared fix "none" but offered "${fix.title}"`);
    if (fix.kind === "safe" && declared === "suggestion") throw new Error(`${p.finding.code} is declared suggestion-only but offered a safe fix "${fix.title}"`);
    const why = checkFix(path, text, fix, errorsBefore, sf);
    if (why && errorsBefore > 0) continue; // half-typed code: a recovered tree can yield odd edits; offer none rather than a bad one
    if (why) {
      problems.push({ kind: "fixRejected", file: path, ruleId: p.rule.id, range: p.finding.range, message: `${path}: fix "${fix.title}" for ${p.finding.code} was rejected: ${why}` });
      continue;
    }
    // Defence in depth: a safe fix that does more than add information is only suggested.
    out.push(enforceFixSafety(fix, text, path, p.finding.code, sf));
  }
  if (out.filter((f) => f.isPreferred).length > 1) throw new Error(`${p.finding.code}: more than one preferred fix`);
  return out;
}

/** Applies directives, then reports missing reasons, unknown codes and unused directives. */
function directiveFindings(sf: ts.SourceFile, text: string, config: ResolvedConfig, findings: Finding[], ran: readonly RuleModule[]): void {
  if (text.indexOf("hardening-hints-ignore") === -1) return;
  const directives = parseDirectives(sf, text);
  applyDirectives(sf, findings, directives);
  const known = new Set<string>();
  for (const r of [...allRules, ...ran]) {
    known.add(r.id);
    for (const c of Object.keys(r.cases)) known.add(`${r.id}/${c}`);
  }
  const add = (caseId: keyof typeof directiveRule.cases, range: { start: number; end: number }, data: Record<string, string> | undefined, fixes: Fix[]) => {
    const severity = severityOf(directiveRule, caseId, config);
    if (severity === "off") return;
    findings.push({
      ruleId: directiveRule.id,
      caseId,
      code: `${directiveRule.id}/${caseId}`,
      severity: severity as FindingSeverity,
      message: fill(directiveRule.cases[caseId].message, data, directiveRule.id),
      range,
      related: [],
      fixes,
      docsUrl: docsUrl(directiveRule.id, caseId),
    });
  };
  for (const d of directives) {
    if (config.requireDirectiveReason && d.reason === "") add("missingReason", d.range, undefined, []);
    for (const code of d.codes) if (!known.has(code)) add("unknownCode", d.range, { code }, []);
    if (!config.reportUnusedDirectives) continue;
    const unused = d.codes.length === 0 ? (d.used.size === 0 ? ["*"] : []) : d.codes.filter((c) => known.has(c) && !d.used.has(c));
    for (const code of unused) {
      // Removing the whole comment is safe only when nothing in it is used.
      const all = unused.length === (d.codes.length || 1);
      const lineStart = text.lastIndexOf("\n", d.range.start - 1) + 1;
      const ownLine = text.slice(lineStart, d.range.start).trim() === "";
      let end = d.range.end;
      if (ownLine && text[end] === "\r") end++;
      if (ownLine && text[end] === "\n") end++;
      const fixes: Fix[] = all ? [{ title: "Remove the unused directive", kind: "safe", isPreferred: true, edits: [{ start: ownLine ? lineStart : d.range.start, end, text: "" }] }] : [];
      add("unusedDirective", d.range, { code: code === "*" ? "all rules" : code }, fixes);
    }
  }
}
