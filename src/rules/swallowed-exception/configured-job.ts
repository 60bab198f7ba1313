/**
 * A job module the project's scheduler loads by name from its configuration, rerun on every tick
 * (production Wiki.js, session 37):
 *
 *   // server/jobs/purge-uploads.js
 *   module.exports = async () => { log("Purging…"); try { … } catch (err) { log(err.message); } };
 *   // server/app/data.yml
 *   jobs:
 *     purgeUploads:
 *       schedule: PT15M
 *       repeat: true
 *   // server/core/scheduler.js: require(`../jobs/${_.kebabCase(name)}`)(data) for each configured job
 *
 * The module's export is then a cron callback, as `cron.schedule(expr, fn)`'s is: nobody waits on
 * it, and the next tick runs it again. Only a module in a job folder (`jobs/`, `cron/`, `tasks/`…)
 * whose export is the function, which returns no value and which no module imports, and only a
 * configuration that gives the module's name (its file name, or that name in camelCase) a block
 * that repeats: `repeat: true`, or a `cron`, `interval` or `every` entry without `repeat: false`.
 * A job the project also starts on demand by name (`registerJob({ name: "fetch-graph-locale" })`,
 * `await job.finished`) is in no such block, and keeps its caller.
 *
 * Bounded: the YAML and JSON files of the module's folder's ancestors (up to four, not above the
 * project root) and of their `app`, `config` and `conf` folders, at most {@link MAX_CONFIGS} read,
 * none over 256 KB.
 */
import * as path from "node:path";
import { ts } from "../../engine/ts";
import type { RuleContext } from "../../engine/types";
import { TreeMemo } from "../../engine/tree-memo";
import type { ProjectFiles } from "../unvalidated-boundary/elsewhere";
import { projectFilesOf } from "../unvalidated-boundary/elsewhere";
import { returnsAValue } from "./analysis";
import { nearbyFolders } from "./scheduled-singleton";

const JOB_DIR_RE = /^(?:jobs?|crons?|tasks|schedulers?|workers)$/;
const CONFIG_RE = /\.(?:ya?ml|json)$/;
const SKIP_CONFIG_RE = /^(?:package(?:-lock)?|tsconfig.*|jsconfig|composer|\.eslintrc.*)\.json$|lock\.ya?ml$/;
const CONFIG_SUBS = ["app", "config", "conf"];
const MAX_CONFIGS = 40;
const MAX_CONFIG_TEXT = 256 * 1024;

const jobs = new TreeMemo<ts.SourceFile, ts.Node | null>();

/** Whether `fn` is the export of a job module a configured repeating schedule starts ({@link noteConfiguredJob} first). */
export function isConfiguredJob(fn: ts.Node): boolean {
  return jobs.get(fn.getSourceFile()) === fn;
}

/** Works out, once per file, whether the file is a configured repeating job and which function is its body. */
export function noteConfiguredJob(ctx: RuleContext): void {
  const sf = ctx.sourceFile;
  if (jobs.has(sf)) return;
  jobs.set(sf, null);
  const self = ctx.path.replace(/\\/g, "/");
  if (!JOB_DIR_RE.test(path.posix.basename(path.posix.dirname(self))) || !ctx.project.listDir) return;
  const fn = exportedFunction(sf);
  if (!fn || !fn.body || (ts.isBlock(fn.body) ? returnsAValue(fn.body) : true)) return;
  const files = projectFilesOf(ctx);
  const index = files.importers();
  if (!index || index.importersOf(self).length > 0) return;
  const stem = path.posix.basename(self).replace(/\.[^.]+$/, "");
  if (stem === "index") return;
  const names = new Set([stem, camelCase(stem)]);
  if (configuredToRepeat(files, self, ctx.profile.root, names)) jobs.set(sf, fn);
}

/** `purge-uploads` → `purgeUploads`: the words after the first capitalised (a split on one character, linear). */
function camelCase(stem: string): string {
  return stem.split(/[-_]/).filter((w) => w !== "").map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join("");
}

/** `module.exports = async () => { … }`, `module.exports = function (…) { … }`, `export default async function …`. */
function exportedFunction(sf: ts.SourceFile): ts.FunctionLikeDeclaration | undefined {
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return st;
    let e: ts.Expression | undefined;
    if (ts.isExportAssignment(st) && !st.isExportEquals) e = st.expression;
    else if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && st.expression.left.getText(sf) === "module.exports") e = st.expression.right;
    if (e && (ts.isArrowFunction(e) || ts.isFunctionExpression(e))) return e;
  }
  return undefined;
}

/** A YAML or JSON file near the module gives one of `names` a block that repeats. */
function configuredToRepeat(files: ProjectFiles, self: string, root: string | undefined, names: ReadonlySet<string>): boolean {
  let read = 0;
  for (const folder of nearbyFolders(self, root, CONFIG_SUBS)) {
    for (const n of files.list(folder)) {
      if (!CONFIG_RE.test(n) || SKIP_CONFIG_RE.test(n)) continue;
      if (read++ >= MAX_CONFIGS) return false;
      const text = files.host.readFile(`${folder}/${n}`);
      if (!text || text.length > MAX_CONFIG_TEXT) continue;
      for (const name of names) if (blockRepeats(text, name, n.endsWith(".json"))) return true;
    }
  }
  return false;
}

const REPEATS_RE = /["']?repeat["']?\s*:\s*true\b|["']?(?:cron|interval|every)["']?\s*:/;
const ONCE_RE = /["']?repeat["']?\s*:\s*false\b/;

/** The block under the key `name` (a YAML mapping's indented lines, a JSON object up to its first `}`) repeats. */
export function blockRepeats(text: string, name: string, json: boolean): boolean {
  if (json) {
    const at = text.indexOf(`"${name}"`);
    if (at === -1) return false;
    const open = /^\s*:\s*\{/.exec(text.slice(at + name.length + 2, at + name.length + 40));
    if (!open) return false;
    const start = at + name.length + 2 + open[0].length;
    const end = text.indexOf("}", start);
    const block = text.slice(start, end === -1 ? undefined : end);
    return REPEATS_RE.test(block) && !ONCE_RE.test(block);
  }
  const key = new RegExp(`^([ \\t]*)["']?${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["']?:[ \\t]*(?:#.*)?$`, "m").exec(text);
  if (!key) return false;
  const indent = key[1]!.length;
  const lines: string[] = [];
  for (const line of text.slice(key.index + key[0].length + 1).split("\n", 40)) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (/^[ \t]*/.exec(line)![0].length <= indent) break;
    lines.push(line);
  }
  const block = lines.join("\n");
  return REPEATS_RE.test(block) && !ONCE_RE.test(block);
}
