/**
 * The "Move secret to an environment variable" fix, fitted to the project: the read the file's
 * runtime has (`process.env.NAME`, `Deno.env.get("NAME")`, `Bun.env.NAME`, a Workers `env`
 * binding), failing fast when unset and typed `string` (an IIFE that throws has type `never`,
 * so `string | undefined ?? never` is `string`), and `NAME=` added to the project's own env
 * example file (`.env.example`, `.env.sample`, …). Reading the environment changes behaviour,
 * so the move is always a suggestion.
 */
import * as path from "node:path";
import { ts } from "../../engine/ts";
import type { FileStyle } from "../../fixes/text";
import { quote } from "../../fixes/text";
import type { ProjectHost, TextEdit } from "../../engine/types";
import type { ProjectProfile } from "../../profile/types";

/** `(() => { throw new Error("NAME is not set"); })()` in the file's quote and semicolon style. */
export function failFast(name: string, style: FileStyle): string {
  return `(() => { throw new Error(${quote(`${name} is not set`, style.quote)})${style.semi} })()`;
}

/** How this file reads its environment, and what else the read needs. */
export interface EnvAccess {
  /** The expression that reads `name` (without the fail-fast part). */
  read(name: string): string;
  /** What the title shows: `process.env.NAME`, `Deno.env.get("NAME")`, `env.NAME`. */
  shown(name: string): string;
  /** False when the env example file is not where this runtime's secrets are listed (Workers). */
  listInExample: boolean;
  /** Edits the read needs besides the replacement (a member added to the Workers `Env` interface). */
  extra?(names: readonly string[]): { edits: TextEdit[]; note: string };
}

/** `process.env.NAME ?? (() => { throw … })()`: a `string` that throws when the variable is unset. */
export function requiredEnvRead(access: EnvAccess, name: string, style: FileStyle): string {
  return `${access.read(name)} ?? ${failFast(name, style)}`;
}

/** `process.env`, `import.meta.env`, `Bun.env`: property reads on an env object. */
export function propertyAccess(object: string): EnvAccess {
  return { read: (n) => `${object}.${n}`, shown: (n) => `${object}.${n}`, listInExample: true };
}

function denoAccess(style: FileStyle): EnvAccess {
  const read = (n: string) => `Deno.env.get(${quote(n, style.quote)})`;
  return { read, shown: read, listInExample: true };
}

/**
 * The read for a file of this runtime, or undefined when the runtime gives the code at `node`
 * no way to read a secret (a Workers module outside a handler that receives `env`).
 */
export function envAccessFor(runtime: ProjectProfile["runtime"], text: string, node: ts.Node, sf: ts.SourceFile, style: FileStyle): EnvAccess | undefined {
  switch (runtime) {
    case "deno":
      return denoAccess(style);
    case "workers":
      return workersAccess(node, sf);
    case "bun":
      // Bun has both; follow the file when it already reads `Bun.env`.
      return propertyAccess(text.includes("Bun.env") ? "Bun.env" : "process.env");
    default:
      return propertyAccess("process.env");
  }
}

/**
 * Cloudflare Workers have no `process.env`: secrets are bindings on the `env` parameter of the
 * handler (`fetch(request, env, ctx)`). The nearest enclosing function with an `env` parameter
 * gives the read; its type, when an interface of this file, gets the new member so the read
 * type-checks; any other declared type is named in the title as what is missing.
 */
function workersAccess(node: ts.Node, sf: ts.SourceFile): EnvAccess | undefined {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (!ts.isFunctionLike(p)) continue;
    const param = p.parameters.find((x) => ts.isIdentifier(x.name) && x.name.text === "env");
    if (!param) continue;
    const access = propertyAccess("env");
    const type = param.type;
    if (!type || type.kind === ts.SyntaxKind.AnyKeyword || sf.isDeclarationFile) return access;
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
      const typeName = type.typeName.text;
      const decl = sf.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === typeName);
      if (decl) {
        return {
          ...access,
          extra: (names) => {
            const missing = names.filter((n) => !decl.members.some((m) => m.name !== undefined && ts.isIdentifier(m.name) && m.name.text === n));
            if (missing.length === 0) return { edits: [], note: "" };
            const close = decl.getEnd() - 1;
            const text = sf.text;
            const lineStart = text.lastIndexOf("\n", close - 1) + 1;
            const inline = text.slice(lineStart, close).trim() !== "";
            const indent = /^[ \t]*/.exec(text.slice(text.lastIndexOf("\n", decl.getStart(sf)) + 1))![0];
            const edit = inline ? { start: close, end: close, text: ` ${missing.map((n) => `${n}: string;`).join(" ")} ` } : { start: lineStart, end: lineStart, text: missing.map((n) => `${indent}  ${n}: string;\n`).join("") };
            return { edits: [edit], note: "" };
          },
        };
      }
      return { ...access, extra: (names) => ({ edits: [], note: ` (declare ${names.join(", ")} in ${typeName})` }) };
    }
    return { ...access, extra: (names) => ({ edits: [], note: ` (declare ${names.join(", ")} in the type of env)` }) };
  }
  return undefined;
}

/** True when `file`, links followed, stays inside `root` (links followed too). */
function staysInside(project: ProjectHost, root: string, file: string): boolean {
  if (!project.realPath) return true;
  const p = file.includes("\\") && !file.includes("/") ? path.win32 : path.posix;
  const realRoot = project.realPath(root);
  const rel = p.relative(realRoot, project.realPath(file));
  return rel !== "" && !rel.startsWith("..") && !p.isAbsolute(rel);
}

/** A line `NAME=` (or `export NAME=`) in env-file syntax; one linear scan, no regex over the whole text. */
export function listsName(envText: string, name: string): boolean {
  let at = 0;
  while (at <= envText.length) {
    const eol = envText.indexOf("\n", at);
    // A blank line holds no name: skipped without a copy (a file of blank lines stays linear under GC pressure).
    if (eol === at) {
      at = eol + 1;
      continue;
    }
    const line = envText.slice(at, eol === -1 ? envText.length : eol).trimStart();
    const body = line.startsWith("export ") ? line.slice(7).trimStart() : line;
    if (body.startsWith(name) && body.slice(name.length).trimStart().startsWith("=")) return true;
    if (eol === -1) break;
    at = eol + 1;
  }
  return false;
}

/** The env example file's names, read once per fix build. */
export interface EnvExample {
  /** Project-relative name shown in titles (`.env.sample`). */
  label: string;
  lists(name: string): boolean;
  /** The edits that list `names` (those not listed yet) in each template, or a note saying why none is made. */
  edit(names: readonly string[]): { edits: TextEdit[]; note: string };
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf(file.includes("\\") && !file.includes("/") ? "\\" : "/") + 1);
}

/** The edit that appends `NAME=` lines for the names `current` does not list yet. */
function appendNames(file: string, current: string, names: readonly string[]): TextEdit | undefined {
  const missing = names.filter((n) => !listsName(current, n));
  if (missing.length === 0) return undefined;
  const eol = current.includes("\r\n") ? "\r\n" : "\n";
  const lead = current.length === 0 || current.endsWith("\n") ? "" : eol;
  return { file, start: current.length, end: current.length, text: lead + missing.map((n) => `${n}=${eol}`).join("") };
}

/**
 * The project's env example file ({@link ProjectProfile.envExample}: the existing `.env.example`,
 * `.env.sample`, `.env.template` or `.env.dist`, or every variant template such as
 * `env-example-relational` and `env-example-document`, else a new `.env.example` at the root).
 * Never written when it is a link that leaves the project; created only when the runtime lists
 * its secrets there and the project has a manifest.
 */
export function envExampleOf(project: ProjectHost, profile: ProjectProfile, mayCreate: boolean): EnvExample | undefined {
  if (!profile.hasManifest) return undefined;
  const target = profile.envExample.path;
  const label = baseName(target);
  const current = profile.envExample.exists ? project.readFile(target) : undefined;
  const others = (profile.envExample.also ?? []).map((file) => ({ file, text: project.readFile(file) })).filter((o): o is { file: string; text: string } => o.text !== undefined);
  const outside = [target, ...others.map((o) => o.file)].filter((f) => !staysInside(project, profile.root, f)).map(baseName);
  return {
    label,
    lists: (name) => current !== undefined && listsName(current, name),
    edit(names) {
      const missing = names.filter((n) => current === undefined || !listsName(current, n) || others.some((o) => !listsName(o.text, n)));
      if (missing.length === 0) return { edits: [], note: "" };
      if (outside.length > 0) return { edits: [], note: ` (${outside.join(", ")} ${outside.length === 1 ? "links" : "link"} outside the project: list ${missing.join(", ")} there yourself)` };
      if (current === undefined) return mayCreate && !profile.envExample.exists ? { edits: [{ file: target, start: 0, end: 0, text: missing.map((n) => `${n}=\n`).join(""), create: true }], note: "" } : { edits: [], note: "" };
      const edits = [appendNames(target, current, missing), ...others.map((o) => appendNames(o.file, o.text, missing))].filter((e): e is TextEdit => e !== undefined);
      return { edits, note: "" };
    },
  };
}
