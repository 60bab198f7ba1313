import * as path from "node:path";
import { ts } from "../../engine/ts";
import type { ProjectHost } from "../../engine/types";
import type { ProjectProfile } from "../../profile/types";
import { unwrap } from "./ast";
import { declarationOf, type Facts } from "./facts";

/**
 * A call to the project's own API (`${process.env.NEXTAUTH_URL}/api/jobs/zip`): the route file
 * that answers it, found through the {@link ProjectHost} (Next.js `pages/api`, `app/api/…/route`,
 * Vercel's `api/`), says how long the call may take. Read only when a fix is asked for.
 */

export type OwnRoute =
  /** The route file: its `maxDuration` (seconds; the file's or `vercel.json`'s), and whether it downloads a file before answering. */
  | { kind: "route"; file: string; maxDuration?: number; downloads: boolean }
  /** The URL is the app's own `/api/…` but which file answers it cannot be told (dynamic segments without folder listings, several candidates). */
  | { kind: "ambiguous" };

const ROUTE_EXTS = [".ts", ".tsx", ".js", ".jsx", ".mts", ".mjs"];
// A segment whose text comes from the code (`${id}`): it matches a `[param]` folder or file only.
const DYNAMIC = "\u0000";
const MAX_DURATION_RE = /\bmaxDuration\s*[:=]\s*(\d+)/;
// The route itself reads a file's body before it answers (how long depends on the file's size);
// not the incoming request's own body (`await req.arrayBuffer()` in an upload route).
const ROUTE_DOWNLOADS_RE = /(?<!(?:^|[^\w$.])(?:req|request)|\bc\.req)\.(?:arrayBuffer|blob)\s*\(\s*\)/;

/**
 * The path of an own-API URL, as segments after `/api` (dynamic ones as {@link DYNAMIC}): a
 * template or a concatenation that starts with a base taken from elsewhere (an env variable, a
 * `baseUrl`) and goes on with `/api/`. Undefined for anything else.
 */
function ownApiPath(arg: ts.Expression | undefined, facts: Facts, depth = 0): string[] | undefined {
  if (!arg || depth > 3) return undefined;
  const u = unwrap(arg);
  let rest: string | undefined;
  if (ts.isIdentifier(u)) {
    const init = declarationOf(u.text, u, facts)?.initializer;
    return init ? ownApiPath(init, facts, depth + 1) : undefined;
  }
  if (ts.isTemplateExpression(u) && u.head.text === "") {
    rest = u.templateSpans.map((s, i) => (i === 0 ? "" : DYNAMIC) + s.literal.text).join("");
  } else if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    // base + "/api/x" (+ id + "/y" …): flatten the left-leaning chain.
    const parts: ts.Expression[] = [];
    let cur: ts.Expression = u;
    while (ts.isBinaryExpression(cur) && cur.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      parts.unshift(cur.right);
      cur = unwrap(cur.left);
    }
    if (ts.isStringLiteralLike(cur)) return undefined;
    rest = parts.map((p) => (ts.isStringLiteralLike(unwrap(p)) ? (unwrap(p) as ts.StringLiteralLike).text : DYNAMIC)).join("");
  }
  if (rest === undefined || !rest.startsWith("/api/")) return undefined;
  const pathPart = trimTrailingSlashes(rest.slice("/api/".length).split(/[?#]/)[0]!);
  if (pathPart === "") return undefined;
  return pathPart.split("/").map((s) => (s.includes(DYNAMIC) ? DYNAMIC : s));
}

/** `a/b//` → `a/b`, in one pass (`/\/+$/` retries at every slash: quadratic on a run of them). */
function trimTrailingSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 47) end--;
  return s.slice(0, end);
}

const pathApi = (root: string): path.PlatformPath => (root.includes("\\") && !root.includes("/") ? path.win32 : path.posix);

/** `[id]` / `[...slug]` / `[[...slug]]` (a file name without its extension, or a folder). */
const isParam = (name: string) => /^\[.+\]$/.test(name);
const isCatchAll = (name: string) => /^\[\[?\.\.\..+\]\]?$/.test(name);
const stem = (name: string) => name.replace(/\.[cm]?[jt]sx?$/, "");

/**
 * The route files under `dir` that answer `segments`: `<segments>.ts` or `<segments>/index.ts`
 * (pages router, Vercel functions), or `<segments>/route.ts` (app router). Folders named
 * `[param]` match any one segment, `[...slug]` the rest. `undefined` when the host cannot list a
 * folder that a dynamic segment needs.
 */
function routeFiles(host: ProjectHost, p: path.PlatformPath, dir: string, segments: readonly string[], appRouter: boolean, depth = 0): string[] | undefined {
  const leaf = (at: string): string[] => {
    const names = appRouter ? ["route"] : ["index"];
    return names.flatMap((n) => ROUTE_EXTS.map((e) => p.join(at, n + e))).filter((f) => host.fileExists(f));
  };
  if (segments.length === 0) return leaf(dir);
  if (depth > 12) return [];
  const [seg, ...rest] = segments as [string, ...string[]];
  const found: string[] = [];
  if (seg !== DYNAMIC) {
    const deeper = routeFiles(host, p, p.join(dir, seg), rest, appRouter, depth + 1);
    if (deeper === undefined) return undefined;
    found.push(...deeper);
    if (!appRouter && rest.length === 0) found.push(...ROUTE_EXTS.map((e) => p.join(dir, seg + e)).filter((f) => host.fileExists(f)));
    if (found.length > 0) return found; // a static name wins over a [param] next to it, as in Next.js
  }
  if (!host.listDir) return seg === DYNAMIC ? undefined : found;
  const names = host.listDir(dir) ?? [];
  for (const name of names) {
    const s = stem(name);
    if (!isParam(s)) continue;
    const file = name !== s;
    if (isCatchAll(s)) {
      if (file && !appRouter) found.push(p.join(dir, name));
      else if (!file) found.push(...leaf(p.join(dir, name)));
      continue;
    }
    if (file) {
      if (!appRouter && rest.length === 0) found.push(p.join(dir, name));
    } else {
      const deeper = routeFiles(host, p, p.join(dir, name), rest, appRouter, depth + 1);
      if (deeper === undefined) return undefined;
      found.push(...deeper);
    }
  }
  return found;
}

/** `vercel.json`'s `functions` entry for `rel` (a key naming the file, or a glob over it), if it sets `maxDuration`. */
function vercelMaxDuration(host: ProjectHost, root: string, rel: string): number | undefined {
  const text = host.readFile(pathApi(root).join(root, "vercel.json"));
  if (text === undefined || !text.includes("maxDuration")) return undefined;
  let config: unknown;
  try {
    // The project's own vercel.json; only numbers found under functions.*.maxDuration are read.
    config = JSON.parse(text);
  } catch (err: unknown) {
    void err; // not JSON: no setting we can read
    return undefined;
  }
  const functions = config !== null && typeof config === "object" ? (config as { functions?: unknown }).functions : undefined;
  if (functions === null || typeof functions !== "object") return undefined;
  for (const [glob, entry] of Object.entries(functions as Record<string, unknown>)) {
    const seconds = entry !== null && typeof entry === "object" ? (entry as { maxDuration?: unknown }).maxDuration : undefined;
    if (typeof seconds === "number" && seconds > 0 && globToRegExp(glob).test(rel)) return seconds;
  }
  return undefined;
}

/** `api/**\/*.ts`, `pages/api/zip.ts`, `app/api/*\/route.ts`: `**` any folders, `*` any name part. */
function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      re += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") re += "[^/]*";
    else if (c === "{") re += "(?:";
    else if (c === "}") re += ")";
    else if (c === "," && re.includes("(?:")) re += "|";
    else re += c.replace(/[.+?^$()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/**
 * The route that answers `url` in the project of `profile`, when `url` is the app's own `/api/…`.
 * Undefined when it is not, or when no route file of this project answers it (another service's
 * `/api/`, a route removed since).
 */
export function ownRoute(url: ts.Expression | undefined, facts: Facts, host: ProjectHost, profile: ProjectProfile): OwnRoute | undefined {
  if (!profile.hasManifest) return undefined;
  const root = profile.root;
  const p = pathApi(root);
  // Only where routes are files: a Next.js app, or a project deployed as Vercel functions.
  if (!profile.dependencies.has("next") && !host.fileExists(p.join(root, "vercel.json"))) return undefined;
  const segments = ownApiPath(url, facts);
  if (!segments) return undefined;
  const found: string[] = [];
  for (const [base, appRouter] of [["pages/api", false], ["src/pages/api", false], ["api", false], ["app/api", true], ["src/app/api", true]] as const) {
    const files = routeFiles(host, p, p.join(root, base), segments, appRouter);
    if (files === undefined) return { kind: "ambiguous" };
    found.push(...files);
  }
  const unique = [...new Set(found)];
  if (unique.length === 0) return undefined;
  if (unique.length > 1) return { kind: "ambiguous" };
  const file = unique[0]!;
  const text = host.readFile(file) ?? "";
  const rel = file.slice(root.length).replace(/\\/g, "/").replace(/^\//, "");
  const declared = MAX_DURATION_RE.exec(text);
  const maxDuration = declared ? Number(declared[1]) : vercelMaxDuration(host, root, rel);
  return { kind: "route", file: rel, maxDuration, downloads: ROUTE_DOWNLOADS_RE.test(text) };
}
