import type { Confidence, FindingSeverity } from "./types";

/** One severity step lower, for a low-confidence finding: error → warning, warning → info (info stays). */
export function lowered(severity: FindingSeverity): FindingSeverity {
  return severity === "error" ? "warning" : "info";
}

/** How the text surfaces (CLI table, agent hook) print a finding's level: `info (low confidence)`. */
export function severityText(f: { severity: FindingSeverity; confidence?: Confidence }): string {
  return f.confidence === "low" ? `${f.severity} (low confidence)` : f.severity;
}

/** A message as the editor and ESLint show it: low-confidence findings say so, as their level is lowered. */
export function messageWithConfidence(f: { message: string; confidence?: Confidence }): string {
  return f.confidence === "low" ? `${f.message} (low confidence)` : f.message;
}
