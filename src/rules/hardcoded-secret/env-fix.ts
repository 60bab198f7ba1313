/**
 * The "Move to an environment variable" fix: the literal becomes a read of `process.env.NAME`
 * that fails fast when unset, typed `string` (an IIFE that throws has type `never`, so
 * `string | undefined ?? never` is `string`), and `NAME=` is added to the `.env.example` next
 * to the nearest package.json.
 */
import * as path from "node:path";
import type { FileStyle } from "../../fixes/text";
import { quote } from "../../fixes/text";
import type { ProjectHost, TextEdit } from "../../engine/types";

/** `(() => { throw new Error("NAME is not set"); })()` in the file's quote and semicolon style. */
export function failFast(name: string, style: FileStyle): string {
  return `(() => { throw new Error(${quote(`${name} is not set`, style.quote)})${style.semi} })()`;
}

/** `process.env.NAME ?? (() => { throw … })()`: a `string` that throws when the variable is unset. */
export function requiredEnvRead(name: string, style: FileStyle, access = "process.env"): string {
  return `${access}.${name} ?? ${failFast(name, style)}`;
}

/** Directory of the nearest package.json at or above `file`'s folder, or undefined. */
export function nearestPackageDir(project: ProjectHost, file: string): string | undefined {
  const p = file.includes("\\") && !file.includes("/") ? path.win32 : path.posix;
  let dir = p.dirname(file);
  for (let i = 0; i < 40; i++) {
    if (project.fileExists(p.join(dir, "package.json"))) return dir;
    const up = p.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

/** Parsed dependencies of the nearest package.json (empty when absent or malformed). */
export function packageDependencies(project: ProjectHost, file: string): Set<string> {
  const dir = nearestPackageDir(project, file);
  const out = new Set<string>();
  if (dir === undefined) return out;
  const p = file.includes("\\") && !file.includes("/") ? path.win32 : path.posix;
  const text = project.readFile(p.join(dir, "package.json"));
  if (text === undefined) return out;
  try {
    // hardening-hints-ignore-next-line unvalidated-boundary/jsonParseExternal -- the project's own package.json; every field read is checked with typeof before use
    const json = JSON.parse(text) as Record<string, unknown>;
    for (const key of ["dependencies", "devDependencies", "peerDependencies"]) {
      const deps = json[key];
      if (deps && typeof deps === "object") for (const name of Object.keys(deps)) out.add(name);
    }
  } catch (err: unknown) {
    void err; // a malformed package.json gives no framework hints
  }
  return out;
}

/**
 * The edit that adds `NAME=` (no value) to `.env.example` next to the nearest package.json,
 * creating the file when needed; undefined when there is no package.json or the name is listed.
 */
export function envExampleEdit(project: ProjectHost, file: string, name: string): TextEdit | undefined {
  const dir = nearestPackageDir(project, file);
  if (dir === undefined) return undefined;
  const p = file.includes("\\") && !file.includes("/") ? path.win32 : path.posix;
  const target = p.join(dir, ".env.example");
  const current = project.readFile(target);
  if (current === undefined) return { file: target, start: 0, end: 0, text: `${name}=\n`, create: true };
  const listed = new RegExp(`^\\s*(?:export\\s+)?${name}\\s*=`, "m");
  if (listed.test(current)) return undefined;
  const eol = current.includes("\r\n") ? "\r\n" : "\n";
  const lead = current.length === 0 || current.endsWith("\n") ? "" : eol;
  return { file: target, start: current.length, end: current.length, text: `${lead}${name}=${eol}` };
}
