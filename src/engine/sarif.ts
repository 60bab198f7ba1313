import * as path from "node:path";
import { allRules } from "./analyze";
import type { AuditResult, Located, LocatedFinding } from "./audit";
import { docsUrl } from "./define-rule";
import type { FindingSeverity, Problem } from "./types";

export const TOOL_NAME = "Hardening Hints";
export const INFORMATION_URI = "https://github.com/hardening-hints/hardening-hints";

const LEVEL: Record<FindingSeverity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

function region(loc: Located) {
  return { startLine: loc.start.line, startColumn: loc.start.column, endLine: loc.end.line, endColumn: loc.end.column };
}

function relUri(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).map(encodeURIComponent).join("/");
}

/** Every rule/case as a SARIF reportingDescriptor, in a stable order (ruleIndex refers to it). */
export function sarifRules() {
  const rules = [];
  for (const rule of allRules) {
    for (const [caseId, meta] of Object.entries(rule.cases)) {
      rules.push({
        id: `${rule.id}/${caseId}`,
        name: caseId,
        shortDescription: { text: meta.description },
        fullDescription: { text: `${rule.docs.description}: ${meta.description}` },
        helpUri: docsUrl(rule.id, caseId),
        defaultConfiguration: { level: LEVEL[meta.severity ?? rule.severity] },
        properties: { family: rule.id, fix: meta.fix },
      });
    }
  }
  return rules;
}

function notification(p: Problem, root: string) {
  return {
    level: p.kind === "configError" || p.kind === "ruleCrash" ? "error" : p.kind === "fixRejected" ? "warning" : "note",
    message: { text: p.message },
    descriptor: { id: p.kind },
    ...(p.file ? { locations: [{ physicalLocation: { artifactLocation: { uri: relUri(root, p.file), uriBaseId: "%SRCROOT%" } } }] } : {}),
    ...(p.ruleId ? { associatedRule: { id: p.ruleId } } : {}),
  };
}

/**
 * SARIF 2.1.0 as GitHub code scanning and the SARIF Viewer read it (sarif-js-sdk as the model):
 * real tool version, one rule per family/case, relative URIs under %SRCROOT%, 1-based regions,
 * fixes as artifactChanges, suppressed results with `suppressions`, problems as notifications,
 * `results` always present, stable order, no timestamps (so output is diffable).
 *
 * `shard`: the report of one slice of a sharded run (`--shard i/n`). Its run gets its own
 * category (`automationDetails.id`), so that code scanning keeps every shard's upload, and says
 * which slice it holds, so that `hardening-hints merge` can check the slices make the whole run.
 */
export function toSarif(audit: AuditResult, opts: { version: string; shard?: { index: number; count: number; total: number } }) {
  const rules = sarifRules();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const root = audit.root;
  const located: { file: string; f: LocatedFinding }[] = [];
  const fileProblems: Problem[] = [];
  for (const r of audit.results) {
    for (const f of r.findings) located.push({ file: r.path, f });
    fileProblems.push(...r.problems);
  }
  located.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.f.loc.start.line - b.f.loc.start.line || a.f.loc.start.column - b.f.loc.start.column || (a.f.code < b.f.code ? -1 : a.f.code > b.f.code ? 1 : 0));
  const results = located.map(({ file, f }) => {
    const artifactLocation = { uri: relUri(root, file), uriBaseId: "%SRCROOT%" };
    return {
      ruleId: f.code,
      ruleIndex: index.get(f.code) ?? -1,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation, region: region(f.loc) } }],
      ...(f.related.length
        ? {
            relatedLocations: f.related.map((r, i) => ({
              id: i + 1,
              message: { text: r.message },
              physicalLocation: { artifactLocation: r.file ? { uri: relUri(root, r.file), uriBaseId: "%SRCROOT%" } : artifactLocation, ...(r.loc ? { region: region(r.loc) } : {}) },
            })),
          }
        : {}),
      partialFingerprints: { "hardeningHints/v1": f.fingerprint },
      ...(f.fixes.length
        ? {
            fixes: f.fixes.map((fix) => {
              const byFile = new Map<string, typeof fix.edits>();
              for (const e of fix.edits) byFile.set(e.file ?? file, [...(byFile.get(e.file ?? file) ?? []), e]);
              return {
                description: { text: fix.title },
                properties: { kind: fix.kind, isPreferred: fix.isPreferred === true },
                artifactChanges: [...byFile].map(([target, edits]) => ({
                  artifactLocation: { uri: relUri(root, target), uriBaseId: "%SRCROOT%" },
                  replacements: edits.map((e) => ({
                    deletedRegion: { charOffset: e.start, charLength: e.end - e.start, ...(e.loc ? region(e.loc) : {}) },
                    insertedContent: { text: e.text },
                  })),
                })),
              };
            }),
          }
        : {}),
      // `level` is already the lowered one for a low-confidence finding; the reason says why.
      ...(f.confidence === "low" ? { properties: { confidence: "low", ...(f.confidenceReason ? { confidenceReason: f.confidenceReason } : {}) } } : {}),
      ...(f.suppression ? { suppressions: [{ kind: f.suppression.kind, justification: f.suppression.justification }] } : {}),
    };
  });
  const configProblems = audit.problems.filter((p) => p.kind === "configError" || p.kind === "ruleCrash");
  const crashes = fileProblems.filter((p) => p.kind === "ruleCrash" || p.kind === "fixRejected");
  const skipped = fileProblems.filter((p) => p.kind !== "ruleCrash" && p.kind !== "fixRejected");
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: opts.version, semanticVersion: opts.version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { "%SRCROOT%": { uri: `file://${root.split(path.sep).map(encodeURIComponent).join("/")}/` } },
        columnKind: "utf16CodeUnits",
        ...(opts.shard
          ? {
              automationDetails: { id: `hardening-hints/shard-${opts.shard.index}-of-${opts.shard.count}/` },
              properties: { shard: { ...opts.shard, files: audit.results.length } },
            }
          : {}),
        invocations: [
          {
            executionSuccessful: configProblems.length === 0 && crashes.every((p) => p.kind !== "ruleCrash"),
            toolConfigurationNotifications: [...configProblems, ...crashes, ...audit.problems.filter((p) => p.kind !== "configError" && p.kind !== "ruleCrash")].map((p) => notification(p, root)),
            toolExecutionNotifications: skipped.map((p) => notification(p, root)),
          },
        ],
        results,
      },
    ],
  };
}
