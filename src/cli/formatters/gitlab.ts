/** What a GitLab Code Quality issue is made from: a finding of the JSON report (or of a merged one). */
export interface GitlabInput {
  /** Relative to the working directory, with `/`: GitLab wants it relative to the project. */
  file: string;
  line: number;
  code: string;
  severity: "info" | "warning" | "error";
  message: string;
  fingerprint: string;
  suppression?: unknown;
}

/** GitLab's scale is Code Climate's (info, minor, major, critical, blocker); ours has three steps. */
const SEVERITY = { info: "info", warning: "minor", error: "major" } as const;

/**
 * GitLab Code Quality report (`artifacts:reports:codequality`, https://docs.gitlab.com/ci/testing/code_quality/):
 * an array of issues with `description`, `check_name`, `fingerprint`, `severity` and
 * `location.path` + `location.lines.begin`. Suppressed findings (an inline directive, the
 * baseline) are left out: the format has no suppression, and GitLab would show them as new.
 * The fingerprint is the one the baseline and SARIF use (unique per finding, no source text).
 */
export function formatGitlab(findings: readonly GitlabInput[]): string {
  const issues = findings
    .filter((f) => !f.suppression)
    .map((f) => ({
      description: f.message,
      check_name: f.code,
      fingerprint: f.fingerprint,
      severity: SEVERITY[f.severity],
      location: { path: f.file, lines: { begin: f.line } },
    }));
  return JSON.stringify(issues, null, 2) + "\n";
}
