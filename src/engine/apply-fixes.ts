import { analyze, type AnalyzeInput } from "./analyze";
import { applyEdits, newEarlyErrorCheck } from "./fix-invariants";
import type { Finding, Fix, TextEdit } from "./types";

export interface AppliedFixes {
  output: string;
  applied: Fix[];
  /** Fixes left for a later pass because they overlapped an applied one. */
  skipped: Fix[];
  /** Edits to other files (e.g. `.env.example`) of the applied fixes. */
  otherFileEdits: TextEdit[];
}

function span(fix: Fix): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const e of fix.edits) {
    if (e.file !== undefined) continue;
    if (e.start < start) start = e.start;
    if (e.end > end) end = e.end;
  }
  return { start, end };
}

/**
 * ESLint's policy (source-code-fixer.js): sort fixes by position, apply those that do not
 * overlap an earlier one, leave the rest for the next pass. A fix that edits another file
 * already edited in this batch also waits, so its offsets stay valid.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): AppliedFixes {
  const sorted = [...fixes].sort((a, b) => span(a).start - span(b).start || span(a).end - span(b).end);
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  const edits: TextEdit[] = [];
  const otherFileEdits: TextEdit[] = [];
  const otherFiles = new Set<string>();
  let lastEnd = -1;
  for (const fix of sorted) {
    const { start, end } = span(fix);
    const others = fix.edits.filter((e) => e.file !== undefined);
    const own = start !== Infinity;
    if ((own && start < lastEnd) || (own && start === lastEnd && start === end) || others.some((e) => otherFiles.has(e.file!))) {
      skipped.push(fix);
      continue;
    }
    for (const e of fix.edits) (e.file === undefined ? edits : otherFileEdits).push(e);
    for (const e of others) otherFiles.add(e.file!);
    if (own) lastEnd = end;
    applied.push(fix);
  }
  return { output: applyEdits(text, edits), applied, skipped, otherFileEdits };
}

/** A safe fix left out of a bulk application: applied with the others, it broke the file. */
export interface DroppedFix {
  fix: Fix;
  /** The error it gave with the fixes kept before it, e.g. `TS2451 Cannot redeclare block-scoped variable 'settled'.` */
  why: string;
}

export interface SoundlyAppliedFixes extends AppliedFixes {
  /** Fixes not applied because, with the others, they gave an error the file did not have. */
  dropped: DroppedFix[];
}

/**
 * `applyFixes`, then a guard on the result as a whole: each fix was checked alone, but two of
 * them together can break the file (two `const settled` in one block). When the combined output
 * has a syntax error or a binder early error (a name declared twice in one scope) that `text`
 * did not, the fixes are applied one at a time in order, keeping only those that leave the file
 * sound; the others are returned in `dropped`, with the error they gave.
 */
export function applyFixesSoundly(path: string, text: string, fixes: readonly Fix[]): SoundlyAppliedFixes {
  const all = applyFixes(text, fixes);
  if (all.applied.length === 0) return { ...all, dropped: [] };
  const newError = newEarlyErrorCheck(path, text);
  if (!newError(all.output)) return { ...all, dropped: [] };
  const kept: Fix[] = [];
  const dropped: DroppedFix[] = [];
  let output = text;
  for (const fix of all.applied) {
    const tried = applyFixes(text, [...kept, fix]);
    const error = newError(tried.output);
    if (error) dropped.push({ fix, why: error.message });
    else {
      kept.push(fix);
      output = tried.output;
    }
  }
  const otherFileEdits = kept.flatMap((f) => f.edits.filter((e) => e.file !== undefined));
  return { output, applied: kept, skipped: all.skipped, otherFileEdits, dropped };
}

/** The fix "fix all" uses for a finding: its preferred safe fix, else its first safe fix. */
export function bulkFixOf(finding: Finding): Fix | undefined {
  if (finding.suppression) return undefined;
  return finding.fixes.find((f) => f.kind === "safe" && f.isPreferred) ?? finding.fixes.find((f) => f.kind === "safe");
}

export interface FixAllResult {
  output: string;
  passes: number;
  /** Codes of the findings whose fixes were applied, in order. */
  fixed: string[];
  /** True when a pass found nothing more to fix before the pass limit. */
  converged: boolean;
  /**
   * Why the passes stopped: nothing left to fix (`fixedPoint`), the file does not parse
   * (`parseError`: nothing is fixed on a guessed tree), or `passLimit` with `left` safe fixes
   * still offered.
   */
  stop: "fixedPoint" | "parseError" | "passLimit";
  /** Safe fixes still offered when the pass limit stopped the passes (0 otherwise). */
  left: number;
  /**
   * Safe fixes a pass left out because, applied with the others, they broke the file (see
   * `applyFixesSoundly`) and that no later pass applied; their findings stay reported.
   */
  dropped: { code: string; title: string; why: string; /** 1-based line of the fix in `output`. */ line: number }[];
}

/** The safe fix "fix all" applies for each finding, with the finding's code. */
function bulkFixes(findings: readonly Finding[]): Map<Fix, string> {
  const chosen = new Map<Fix, string>();
  for (const f of findings) {
    const fix = bulkFixOf(f);
    if (fix) chosen.set(fix, f.code);
  }
  return chosen;
}

/** `offset` of the text before `edits` (applied together), in the text after them. */
function shifted(offset: number, edits: readonly TextEdit[]): number {
  let delta = 0;
  for (const e of edits) if (e.file === undefined && e.end <= offset) delta += e.text.length - (e.end - e.start);
  return offset + delta;
}

/**
 * Applies every safe fix, re-running the analysis after each pass until nothing is left to
 * fix (a fixed point) or `maxPasses` is reached, which the result says (`stop`, `left`).
 * Edits to other files go through `applyOtherFileEdits`, which must update what
 * `input.project` reads so the next pass sees them. A fix a pass leaves out because it broke
 * the file with the others is offered again by the next pass on the file as the others left it;
 * the ones no later pass applied are in `dropped`.
 */
export function fixAll(input: AnalyzeInput, applyOtherFileEdits: (edits: TextEdit[]) => void, maxPasses = 10): FixAllResult {
  let text = input.text;
  const fixed: string[] = [];
  // Left-out fixes by where they start in `text`; a later pass that fixes the spot clears it.
  let leftOut = new Map<number, { code: string; title: string; why: string }>();
  const done = (passes: number, stop: FixAllResult["stop"], left = 0): FixAllResult => {
    const dropped = [...leftOut].sort(([a], [b]) => a - b).map(([at, d]) => ({ ...d, line: text.slice(0, at).split("\n").length }));
    return { output: text, passes, fixed, converged: stop !== "passLimit", stop, left, dropped };
  };
  for (let pass = 1; ; pass++) {
    const result = analyze({ ...input, text, fixes: true });
    // Like ESLint, do not fix a file that does not parse: the edits would land on a guessed tree.
    if (result.problems.some((p) => p.kind === "parseError")) return done(pass - 1, "parseError");
    const chosen = bulkFixes(result.findings);
    if (chosen.size === 0) return done(pass - 1, "fixedPoint");
    if (pass > maxPasses) return done(maxPasses, "passLimit", chosen.size);
    const applied = applyFixesSoundly(input.path, text, [...chosen.keys()]);
    for (const fix of applied.applied) if (leftOut.get(span(fix).start)?.code === chosen.get(fix)) leftOut.delete(span(fix).start);
    for (const d of applied.dropped) leftOut.set(span(d.fix).start, { code: chosen.get(d.fix)!, title: d.fix.title, why: d.why });
    if (applied.applied.length === 0) return done(pass - 1, "fixedPoint");
    for (const fix of applied.applied) fixed.push(chosen.get(fix)!);
    if (applied.otherFileEdits.length > 0) applyOtherFileEdits(applied.otherFileEdits);
    const edits = applied.applied.flatMap((f) => f.edits);
    leftOut = new Map([...leftOut].map(([at, d]) => [shifted(at, edits), d]));
    text = applied.output;
  }
}
