import { ts } from "../engine/ts";
import type { ProjectHost } from "../engine/types";
import { MAX_IMPORTER_FILES, MAX_TEXT, NOT_SOURCE_RE, SCRIPT_RE } from "./importers";

/**
 * The module of the project that sets `axios.defaults.timeout` for the whole process
 * (uptime-kuma's `server/uptime-kuma-server.js`: `axios.defaults.timeout = 300 * 1000;` in the
 * constructor of the server object `server.js` builds when it starts). axios' default instance is
 * one object per process: every module that imports `axios` and calls it directly (`axios.post(…)`)
 * gets that timeout. An `axios.create()` instance does not: it copies the library's defaults when
 * it is made ("Create an instance using the config defaults provided by the library", axios' Config
 * Defaults page), and the order in which modules run is not the rule's to know.
 *
 * What counts: a module of this package (not a nested package with its own package.json, not a
 * test or a fixture, not a script under `scripts/`, not one of the browser's: `runtimeOf` says so)
 * that binds `axios` from `import … from "axios"` or `require("axios")` and assigns the timeout a
 * positive constant (`300 * 1000`, `30_000`) at its top level, in a constructor, or in a startup
 * function (`start`, `init`, `setup`, `bootstrap`, `main`, `configure`, an IIFE).
 *
 * Found by a text scan (`defaults.timeout` in a file's text), each candidate parsed; the walk is the
 * importers index' (sorted folders, the same skips and caps), done once per project on the first
 * question, then kept until a source file whose text sets it, or the module found, changes.
 */

const SKIPPED_DIR_RE = /^(?:node_modules|dist|build|out|coverage|bower_components|vendor|test|tests|__tests__|__mocks__|e2e|fixtures?|scripts)$|^\./;
const TEXT_RE = /\.defaults\.timeout\s*=/;
const STARTUP_RE = /^(?:start|init|initiali[sz]e|setup|bootstrap|main|configure|boot|run)(?:[A-Z_]\w*)?$/;

/** The project-relative path (`/`-separated) of the module that sets axios' default timeout, or undefined. */
export function axiosDefaultsModuleOf(host: ProjectHost, root: string, isBrowser: (file: string, text: string) => boolean, maxFiles = MAX_IMPORTER_FILES): string | undefined {
  if (!host.listDir) return undefined;
  const norm = root.replace(/\\/g, "/").replace(/\/$/, "");
  const queue = [norm];
  let read = 0;
  for (let i = 0; i < queue.length; i++) {
    const dir = queue[i]!;
    const names = [...(host.listDir(dir) ?? [])].sort();
    for (const n of names) {
      const abs = `${dir}/${n}`;
      if (!SCRIPT_RE.test(n)) {
        if (SKIPPED_DIR_RE.test(n) || /\.\w{1,6}$/.test(n)) continue;
        // Another package of a monorepo runs in its own process (or is bundled into one that may not set it).
        if (host.listDir(abs)?.includes("package.json")) continue;
        queue.push(abs);
        continue;
      }
      if (NOT_SOURCE_RE.test(n)) continue;
      if (++read > maxFiles) return undefined;
      const text = host.readFile(abs);
      if (text === undefined || text.length > MAX_TEXT || !TEXT_RE.test(text)) continue;
      if (setsAxiosTimeout(abs, text) && !isBrowser(abs, text)) return abs.slice(norm.length + 1);
    }
  }
  return undefined;
}

/** True when the module's text assigns the default instance's timeout a positive constant where the process runs it once (see above). */
export function setsAxiosTimeout(file: string, text: string): boolean {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const names = axiosNames(sf);
  if (names.size === 0) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isDefaultsTimeout(node.left, names)) {
      const v = constant(node.right);
      if (v !== undefined && v > 0 && runsAtStartup(node)) found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Names bound to axios' default export: `import axios from "axios"`, `const axios = require("axios")`. */
function axiosNames(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text === "axios" && s.importClause?.name) names.add(s.importClause.name.text);
    else if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        const init = d.initializer;
        if (!ts.isIdentifier(d.name) || !init) continue;
        const call = ts.isPropertyAccessExpression(init) && init.name.text === "default" ? init.expression : init;
        if (ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === "require" && call.arguments.length === 1 && ts.isStringLiteral(call.arguments[0]!) && call.arguments[0].text === "axios") names.add(d.name.text);
      }
    }
  }
  return names;
}

/** `axios.defaults.timeout` with `axios` one of `names`. */
function isDefaultsTimeout(left: ts.Expression, names: ReadonlySet<string>): boolean {
  if (!ts.isPropertyAccessExpression(left) || left.name.text !== "timeout") return false;
  const d = left.expression;
  return ts.isPropertyAccessExpression(d) && d.name.text === "defaults" && ts.isIdentifier(d.expression) && names.has(d.expression.text);
}

/** A numeric constant: a literal, or literals joined by `*`, `+`, `-`, in parentheses. */
function constant(e: ts.Expression): number | undefined {
  if (ts.isParenthesizedExpression(e)) return constant(e.expression);
  if (ts.isNumericLiteral(e)) return Number(e.text.replace(/_/g, ""));
  if (ts.isBinaryExpression(e)) {
    const a = constant(e.left);
    const b = constant(e.right);
    if (a === undefined || b === undefined) return undefined;
    switch (e.operatorToken.kind) {
      case ts.SyntaxKind.AsteriskToken:
        return a * b;
      case ts.SyntaxKind.PlusToken:
        return a + b;
      case ts.SyntaxKind.MinusToken:
        return a - b;
      default:
        return undefined;
    }
  }
  return undefined;
}

/** At the module's top level, in a constructor, in a startup function, or in an IIFE (no other function around it). */
function runsAtStartup(node: ts.Node): boolean {
  for (let p = node.parent; p && !ts.isSourceFile(p); p = p.parent) {
    if (!ts.isFunctionLike(p)) continue;
    if (ts.isConstructorDeclaration(p)) return true;
    const name = p.name && ts.isIdentifier(p.name) ? p.name.text : ts.isVariableDeclaration(p.parent) && ts.isIdentifier(p.parent.name) ? p.parent.name.text : undefined;
    if (name !== undefined && STARTUP_RE.test(name)) return true;
    let q: ts.Node = p;
    while (ts.isParenthesizedExpression(q.parent)) q = q.parent;
    // `(async () => { … })()`: runs once, where it is written.
    if ((ts.isArrowFunction(p) || ts.isFunctionExpression(p)) && ts.isCallExpression(q.parent) && q.parent.expression === q) continue;
    return false;
  }
  return true;
}
