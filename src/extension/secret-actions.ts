import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import type { Finding, Fix, TextEdit } from "../engine";

/** Runs a local `git` query (no network); false when git is missing or says no. */
function git(args: string[], cwd: string): boolean {
  try {
    execFileSync("git", args, { cwd, stdio: "ignore", timeout: 2000 });
    return true;
  } catch {
    return false; // not a repository, git absent, or the answer is "no": all mean "no" here
  }
}

const cache = new Map<string, { at: number; value: boolean }>();
function cached(key: string, compute: () => boolean): boolean {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < 10_000) return hit.value;
  const value = compute();
  cache.set(key, { at: Date.now(), value });
  return value;
}

/** True when git tracks the file: its secret is then in the history whatever the fix does. */
export function isTrackedByGit(file: string): boolean {
  return cached(`tracked:${file}`, () => git(["ls-files", "--error-unmatch", "--", path.basename(file)], path.dirname(file)));
}

/** True when git ignores the path (so a value written there is not committed). */
export function isIgnoredByGit(file: string): boolean {
  return cached(`ignored:${file}`, () => fs.existsSync(path.dirname(file)) && git(["check-ignore", "-q", "--", file], path.dirname(file)));
}

export const HISTORY_NOTE = " (the file is tracked by git: the secret is in its history, rotate it)";

/** The project's env example file, as the profile finds it (`.env.example`, `.env.sample`, …). */
const ENV_EXAMPLE_RE = /^(?:\.env\.(?:example|sample|template|dist|local\.example)|env\.example)$/;

/** The `NAME` a move fix adds to the env example file, with that file's path. */
function movedName(fix: Fix): { name: string; example: string } | undefined {
  if (!fix.title.startsWith("Move secret to")) return undefined;
  for (const e of fix.edits) {
    if (e.file === undefined || !ENV_EXAMPLE_RE.test(path.basename(e.file))) continue;
    const m = /^([A-Z][A-Z0-9_]*)=$/m.exec(e.text);
    if (m) return { name: m[1]!, example: e.file };
  }
  return undefined;
}

/** The literal's value when the finding spans a plain quoted string (no escapes), else undefined. */
function plainValue(text: string, finding: Finding): string | undefined {
  const raw = text.slice(finding.range.start, finding.range.end);
  const m = /^(["'])([^"'\\\r\n]*)\1$/.exec(raw);
  return m ? m[2] : undefined;
}

/**
 * Editor-only additions to the move-to-environment fix of `hardcoded-secret` (issue: the CLI
 * never writes secrets anywhere):
 * - when the file is tracked by git, the fix's title warns that the secret is in the history;
 * - an extra, never preferred action also writes `NAME=value` into `.env`, offered only when
 *   git ignores that `.env`.
 * Returns the fixes to show, in order, with the extra edits to `.env` for the offered one.
 */
export function secretFixes(doc: vscode.TextDocument, finding: Finding, fixes: readonly Fix[]): Fix[] {
  if (finding.ruleId !== "hardcoded-secret" || doc.uri.scheme !== "file") return [...fixes];
  const tracked = isTrackedByGit(doc.uri.fsPath);
  const out: Fix[] = [];
  for (const fix of fixes) {
    const moved = movedName(fix);
    out.push(moved && tracked ? { ...fix, title: fix.title + HISTORY_NOTE } : fix);
    if (!moved) continue;
    const value = plainValue(doc.getText(), finding);
    const envFile = path.join(path.dirname(moved.example), ".env");
    if (value === undefined || !isIgnoredByGit(envFile)) continue;
    const current = fs.existsSync(envFile) ? fs.readFileSync(envFile, "utf8") : undefined;
    if (current !== undefined && new RegExp(`^${moved.name}=`, "m").test(current)) continue;
    const line = `${moved.name}=${value}\n`;
    const envEdit: TextEdit =
      current === undefined
        ? { file: envFile, start: 0, end: 0, text: line, create: true }
        : { file: envFile, start: current.length, end: current.length, text: current.length > 0 && !current.endsWith("\n") ? `\n${line}` : line };
    out.push({ title: `${fix.title.replace(HISTORY_NOTE, "")} and put its value in .env (ignored by git)`, kind: "suggestion", edits: [...fix.edits, envEdit] });
  }
  return out;
}
