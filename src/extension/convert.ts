/**
 * The adapter's pure conversions, free of the `vscode` module so that unit tests run without a host.
 */

export type RunMode = "onType" | "onSave";
export type TraceLevel = "off" | "messages" | "verbose";

/** `hardeningHints.*` for one resource, normalized once: unknown values fall back to defaults. */
export interface Settings {
  enable: boolean;
  run: RunMode;
  debounceMs: number;
  maxFileSizeKb: number;
  trace: TraceLevel;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ enable: true, run: "onType", debounceMs: 300, maxFileSizeKb: 1024, trace: "off" });

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

/**
 * Normalizes raw setting values (the vscode-eslint `Enum.from` idea): a typo in settings.json
 * degrades to the default instead of reaching the scheduler.
 * @example normalizeSettings({ run: "onsave", debounceMs: -5 }) // { run: "onType", debounceMs: 0, … }
 */
export function normalizeSettings(raw: Partial<Record<keyof Settings, unknown>>): Settings {
  return {
    enable: typeof raw.enable === "boolean" ? raw.enable : DEFAULT_SETTINGS.enable,
    run: oneOf(raw.run, ["onType", "onSave"] as const, DEFAULT_SETTINGS.run),
    debounceMs: clampInt(raw.debounceMs, 0, 10_000, DEFAULT_SETTINGS.debounceMs),
    maxFileSizeKb: clampInt(raw.maxFileSizeKb, 1, 1_000_000, DEFAULT_SETTINGS.maxFileSizeKb),
    trace: oneOf(raw.trace, ["off", "messages", "verbose"] as const, DEFAULT_SETTINGS.trace),
  };
}


/** VS Code's `DiagnosticSeverity` numbers, without importing `vscode`. */
export const enum SeverityNumber {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

/** Finding severity → `DiagnosticSeverity` value. */
export function severityNumber(severity: "info" | "warning" | "error"): SeverityNumber {
  return severity === "error" ? SeverityNumber.Error : severity === "warning" ? SeverityNumber.Warning : SeverityNumber.Information;
}

/** 0-based line/character, the shape of `vscode.Position`. */
export interface LineChar {
  line: number;
  character: number;
}

/**
 * Offset → line/character for text that is not open in an editor (audit results of unopened
 * files, related locations in other files). Lines break at `\n`, `\r\n` and `\r`, as in VS Code.
 * @example new LineIndex("a\nbc").positionAt(3) // { line: 1, character: 1 }
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10) this.starts.push(i + 1);
    }
  }

  positionAt(offset: number): LineChar {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }
}

/** The kinds of a fix the quick-fix menu offers, in their fixed order (vscode-eslint's order). */
export type ActionSlot = "preferred" | "safe" | "suggestion" | "ignoreLine" | "ignoreFile" | "docs";

const SLOT_ORDER: Record<ActionSlot, number> = { preferred: 0, safe: 1, suggestion: 2, ignoreLine: 3, ignoreFile: 4, docs: 5 };

/**
 * Sorts fixes into the menu order: the preferred fix, other safe fixes, suggestions. Stable within
 * a slot. The preferred fix is the best safe one, or a suggestion where the safe fix is not
 * what a reviewer wants (a 500 answer where a handler's catch leaves the request unanswered);
 * the bulk paths still apply only safe fixes.
 */
export function orderFixes<T extends { kind: "safe" | "suggestion"; isPreferred?: boolean }>(fixes: readonly T[]): T[] {
  const slot = (f: T): ActionSlot => (f.isPreferred ? "preferred" : f.kind === "safe" ? "safe" : "suggestion");
  return fixes
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SLOT_ORDER[slot(a.f)] - SLOT_ORDER[slot(b.f)] || a.i - b.i)
    .map((x) => x.f);
}

/** Titles of the actions every finding gets after its own fixes: plain text, as the lightbulb menu shows it. */
export function ignoreLineTitle(code: string): string {
  return `Ignore ${code} for this line…`;
}
export function ignoreFileTitle(code: string): string {
  return `Ignore ${code} for this file…`;
}
export function turnOffTitle(code: string): string {
  return `Turn off ${code} for this project…`;
}
export function turnOffFolderTitle(code: string): string {
  return `Turn off ${code} for this folder…`;
}
export function docsTitle(code: string): string {
  return `Show documentation for ${code}`;
}

export interface AuditSummaryInput {
  /** Codes (`family/case`) of the unsuppressed findings. */
  codes: readonly string[];
  filesWithFindings: number;
  filesChecked: number;
  durationMs: number;
  cancelled: boolean;
}

/**
 * The message that ends a workspace audit: findings per family, files, time.
 * @example auditSummary({ codes: ["a/x", "a/y", "b/z"], filesWithFindings: 2, filesChecked: 9, durationMs: 1234, cancelled: false })
 * // "Hardening Hints: 3 findings in 2 of 9 files (a: 2, b: 1) in 1.2 s"
 */
export function auditSummary(s: AuditSummaryInput): string {
  const perFamily = new Map<string, number>();
  for (const code of s.codes) {
    const family = code.split("/")[0]!;
    perFamily.set(family, (perFamily.get(family) ?? 0) + 1);
  }
  const families = [...perFamily.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([f, n]) => `${f}: ${n}`);
  const time = `${(s.durationMs / 1000).toFixed(1)} s`;
  const files = `${s.filesChecked} file${s.filesChecked === 1 ? "" : "s"}`;
  const n = s.codes.length;
  const found = n === 0 ? "no findings" : `${n} finding${n === 1 ? "" : "s"} in ${s.filesWithFindings} of ${files} (${families.join(", ")})`;
  if (s.cancelled) return `Hardening Hints: audit cancelled after ${files} in ${time}; ${found} so far`;
  return n === 0 ? `Hardening Hints: no findings in ${files} in ${time}` : `Hardening Hints: ${found} in ${time}`;
}

/** Languages the extension analyzes (the activation languages). */
export const LANGUAGE_IDS: readonly string[] = ["typescript", "typescriptreact", "javascript", "javascriptreact"];
