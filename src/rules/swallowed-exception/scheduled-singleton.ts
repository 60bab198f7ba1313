/**
 * A scheduled job's body in a module of its own (production overseerr): the module exports one
 * instance of its class, and another module's scheduler starts a method of it without waiting.
 *
 *   // server/lib/scanners/radarr/index.ts
 *   class RadarrScanner { public async run() { try { …; await this.loop(this.processRadarrMovie.bind(this)); } catch (e) { log(e); } }
 *     private async processRadarrMovie(m) { try { … } catch (e) { log(e); } } }
 *   export const radarrScanner = new RadarrScanner();
 *   // server/job/schedule.ts
 *   schedule.scheduleJob(spec, () => { radarrScanner.run(); });
 *
 * `run()` is then a cron callback, as the scheduler's own callback is: nobody waits on it, and the
 * next schedule runs it again. So are the class's private helpers the job reaches for each of its
 * items (handed to a loop, `this.loop(this.processItem.bind(this))`, or called as a statement in
 * a loop, `for await (const media of page) { await this.mediaUpdater(media); }`) or starts without
 * waiting (`this.updateRadarrDownloads();`), and the item callbacks of such a method
 * (`Promise.all(servers.map(async (server) => { try { … } catch { log } }))`).
 *
 * Bounded as the route look-up of unvalidated-boundary's elsewhere.ts: only a module that exports
 * an instance of a class it declares looks further; then the files of its folder's ancestors (up to
 * four) and of their `job`, `jobs`, `cron`, `schedule`… folders, at most {@link MAX_FILES} of them,
 * only those that name a scheduler and the module. A call of the method anywhere in those files or
 * the module itself that is awaited, returned or chained gives it a caller.
 */
import * as path from "node:path";
import { ts } from "../../engine/ts";
import type { RuleContext } from "../../engine/types";
import { accessesNamed, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";
import type { ProjectFiles } from "../unvalidated-boundary/elsewhere";
import { projectFilesOf } from "../unvalidated-boundary/elsewhere";
import { returnsAValue } from "./analysis";
import { enclosingFunction } from "./scope";

const SCRIPT_RE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const NOT_SOURCE_RE = /\.d\.[cm]?ts$|\.(?:test|spec)\.[cm]?[jt]sx?$/;
// Folders a project keeps its scheduled jobs in.
const JOB_DIRS = ["job", "jobs", "cron", "crons", "schedule", "scheduler", "schedulers", "tasks", "workers"];
// A scheduler named in the text: node-schedule, node-cron, the `cron` package, a timer.
const SCHEDULER_RE = /\b(?:scheduleJob|schedule|setInterval|CronJob|Cron)\s*\(/;
const MAX_FILES = 80;
const ANCESTORS = 4;

const jobsOf = new TreeMemo<ts.SourceFile, ReadonlySet<ts.Node>>();

/** Whether `fn` is a scheduled job's body (or an item step of one) found by {@link noteScheduledJobs}. */
export function isScheduledJobMethod(fn: ts.Node): boolean {
  return jobsOf.get(fn.getSourceFile())?.has(fn) ?? false;
}

/**
 * Works out, once per file, which methods of the file's exported instance are scheduled jobs.
 * `isBoundary` is cases.ts's test of a timer, cron or listener callback, applied to the scheduler's files.
 */
export function noteScheduledJobs(ctx: RuleContext, isBoundary: (fn: ts.Node) => boolean): void {
  const sf = ctx.sourceFile;
  if (jobsOf.has(sf)) return;
  const out = new Set<ts.Node>();
  jobsOf.set(sf, out);
  const singletons = exportedInstances(sf);
  if (singletons.size === 0 || !ctx.project.listDir) return;
  const files = projectFilesOf(ctx);
  const self = ctx.path.replace(/\\/g, "/");
  files.adopt(self, sf);
  const started = new Set<string>(); // `export:method`
  const waited = new Set<string>();
  for (const exported of singletons.keys()) {
    // Own calls: `radarrScanner.run()` in the module itself.
    const local = localOf(sf, exported);
    if (local) collectStarts(sf, new Map([[local, exported]]), isBoundary, started, waited);
  }
  for (const abs of schedulerFiles(files, self, ctx.profile.root)) {
    const other = files.get(abs);
    if (!other) continue;
    const locals = new Map<string, string>();
    for (const st of other.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !st.importClause || st.importClause.isTypeOnly) continue;
      if (files.resolve(abs, st.moduleSpecifier.text) !== self) continue;
      const c = st.importClause;
      if (c.name && singletons.has("default")) locals.set(c.name.text, "default");
      if (c.namedBindings && ts.isNamedImports(c.namedBindings)) {
        for (const el of c.namedBindings.elements) {
          const name = (el.propertyName ?? el.name).text;
          if (singletons.has(name)) locals.set(el.name.text, name);
        }
      }
    }
    if (locals.size > 0) collectStarts(other, locals, isBoundary, started, waited);
  }
  for (const [exported, cls] of singletons) {
    const seeds = cls.members.filter((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && ts.isIdentifier(m.name) && started.has(`${exported}:${m.name.text}`) && !waited.has(`${exported}:${m.name.text}`));
    if (seeds.length === 0) continue;
    const jobs = new Set<ts.Node>(seeds.filter((m) => onlyStartedInClass(cls, m)));
    stepsOfJobs(cls, jobs);
    for (const j of jobs) out.add(j);
    for (const j of [...jobs]) itemCallbacks(j, out);
  }
}

/** `export const x = new C()`, `const x = new C(); export default x`, `export default new C()`: the exported name → `C`, declared in the file. */
function exportedInstances(sf: ts.SourceFile): Map<string, ts.ClassDeclaration> {
  const classes = new Map<string, ts.ClassDeclaration>();
  for (const st of sf.statements) if (ts.isClassDeclaration(st) && st.name) classes.set(st.name.text, st);
  const out = new Map<string, ts.ClassDeclaration>();
  if (classes.size === 0) return out;
  const instances = new Map<string, ts.ClassDeclaration>();
  const classOf = (e: ts.Expression | undefined): ts.ClassDeclaration | undefined => (e && ts.isNewExpression(e) && ts.isIdentifier(e.expression) ? classes.get(e.expression.text) : undefined);
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) {
      const exported = st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
      for (const d of st.declarationList.declarations) {
        const cls = classOf(d.initializer);
        if (!cls || !ts.isIdentifier(d.name)) continue;
        instances.set(d.name.text, cls);
        if (exported) out.set(d.name.text, cls);
      }
    } else if (ts.isExportAssignment(st) && !st.isExportEquals) {
      const cls = classOf(st.expression) ?? (ts.isIdentifier(st.expression) ? instances.get(st.expression.text) : undefined);
      if (cls) out.set("default", cls);
    } else if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) {
        const cls = instances.get((el.propertyName ?? el.name).text);
        if (cls) out.set(el.name.text, cls);
      }
    }
  }
  return out;
}

/** The file's own name for its export `exported`. */
function localOf(sf: ts.SourceFile, exported: string): string | undefined {
  for (const st of sf.statements) {
    if (ts.isExportAssignment(st) && exported === "default" && ts.isIdentifier(st.expression)) return st.expression.text;
    if (ts.isVariableStatement(st) && exported !== "default" && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === exported)) return exported;
  }
  return undefined;
}

/**
 * `local.method(…)` calls in `sf`: one that is a statement of its own (`radarrScanner.run();`, `void …`)
 * inside a scheduler's callback starts the method; one awaited, returned, assigned or chained anywhere waits on it.
 */
function collectStarts(sf: ts.SourceFile, locals: ReadonlyMap<string, string>, isBoundary: (fn: ts.Node) => boolean, started: Set<string>, waited: Set<string>): void {
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && locals.has(n.expression.text)) {
      const key = `${locals.get(n.expression.text)}:${n.name.text}`;
      const call = n.parent;
      if (ts.isCallExpression(call) && call.expression === n) {
        const holder = ts.isVoidExpression(call.parent) ? call.parent : call;
        if (!ts.isExpressionStatement(holder.parent)) waited.add(key);
        else if (isBoundary(enclosingFunction(holder) ?? sf)) started.add(key);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}

/** Every `this.m` of the class is a call statement that does not wait (`this.run();`), or there is none. */
function onlyStartedInClass(cls: ts.ClassDeclaration, m: ts.MethodDeclaration): boolean {
  return thisRefs(cls, (m.name as ts.Identifier).text).every((r) => {
    const call = r.parent;
    return ts.isCallExpression(call) && call.expression === r && ts.isExpressionStatement((ts.isVoidExpression(call.parent) ? call.parent : call).parent);
  });
}

/** The `this.name` expressions in the class's members (from the class's one index of property accesses). */
export function thisRefs(cls: ts.ClassLikeDeclaration, name: string): ts.PropertyAccessExpression[] {
  const first = cls.members[0];
  const last = cls.members[cls.members.length - 1];
  if (!first || !last) return [];
  return accessesNamed(cls, name).filter((n) => n.expression.kind === ts.SyntaxKind.ThisKeyword && n.pos >= first.pos && n.end <= last.end);
}

/**
 * Adds the class's private helpers that only the jobs reach, each use an item step or a start:
 * `this.processItem.bind(this)` (or `this.processItem`) handed to a call, `await this.mediaUpdater(m);`
 * as a statement inside a loop or an item callback, `this.updateRadarrDownloads();` not awaited. A
 * helper's calls of itself do not count.
 */
function stepsOfJobs(cls: ts.ClassDeclaration, jobs: Set<ts.Node>): void {
  const helpers = cls.members.filter((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && ts.isIdentifier(m.name) && !!m.body && (m.modifiers?.some((k) => k.kind === ts.SyntaxKind.PrivateKeyword || k.kind === ts.SyntaxKind.ProtectedKeyword) ?? false));
  for (let grew = true; grew; ) {
    grew = false;
    for (const h of helpers) {
      if (jobs.has(h)) continue;
      const refs = thisRefs(cls, (h.name as ts.Identifier).text).filter((r) => !within(r, h));
      if (refs.length > 0 && refs.every((r) => stepOfJob(r, jobs))) {
        jobs.add(h);
        grew = true;
      }
    }
  }
}

export function within(n: ts.Node, outer: ts.Node): boolean {
  return n.pos >= outer.pos && n.end <= outer.end;
}

/** `r` (a `this.helper`) is used inside one of `jobs` as an item step or a start. */
function stepOfJob(r: ts.PropertyAccessExpression, jobs: ReadonlySet<ts.Node>): boolean {
  let owner: ts.Node | undefined;
  for (let p = r.parent; p && !owner; p = p.parent) if (jobs.has(p)) owner = p;
  if (!owner) return false;
  const p = r.parent;
  // `this.loop(this.processItem.bind(this))`, `items.forEach(this.processItem)`: handed over as the item step.
  if (ts.isPropertyAccessExpression(p) && p.name.text === "bind" && ts.isCallExpression(p.parent) && ts.isCallExpression(p.parent.parent) && p.parent.parent.arguments.includes(p.parent)) return true;
  if (ts.isCallExpression(p) && p.arguments.includes(r)) return true;
  if (!ts.isCallExpression(p) || p.expression !== r) return false;
  const awaited = ts.isAwaitExpression(p.parent);
  const holder = awaited || ts.isVoidExpression(p.parent) ? p.parent : p;
  if (!ts.isExpressionStatement(holder.parent) && !(ts.isArrowFunction(holder.parent) && holder.parent.body === holder)) return false;
  if (!awaited) return true;
  // Awaited: one step per item, in a loop or an item callback of the job.
  for (let q: ts.Node = holder.parent; q !== owner; q = q.parent) {
    if (ts.isForOfStatement(q) || ts.isForInStatement(q) || ts.isForStatement(q) || ts.isWhileStatement(q) || ts.isDoStatement(q) || itemCallback(q)) return true;
  }
  return false;
}

/** `items.map(async (x) => …)` / `items.forEach((x) => …)`: the callback run once per item. */
function itemCallback(n: ts.Node): boolean {
  if (!ts.isArrowFunction(n) && !ts.isFunctionExpression(n)) return false;
  const call = n.parent;
  return ts.isCallExpression(call) && call.arguments[0] === n && ts.isPropertyAccessExpression(call.expression) && /^(?:map|forEach)$/.test(call.expression.name.text);
}

/**
 * The item callbacks of a job method, directly in its body: `Promise.all(servers.map(async (server) => { … }))`
 * or `servers.forEach((s) => { … })` as a statement (awaited or not), the callback returning no value.
 */
function itemCallbacks(job: ts.Node, out: Set<ts.Node>): void {
  const visit = (n: ts.Node): void => {
    if (n !== job && isFunctionLike(n)) {
      if (itemCallback(n) && enclosingFunction(n) === job && statementOfBatch(n.parent as ts.CallExpression) && !returnsValue(n as ts.FunctionLikeDeclaration)) out.add(n);
      return;
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(job, visit);
}

/** `items.forEach(cb);`, `Promise.all(items.map(cb));`, `await Promise.allSettled(items.map(cb));` as a statement. */
function statementOfBatch(call: ts.CallExpression): boolean {
  let e: ts.Node = call;
  if (ts.isCallExpression(e.parent) && e.parent.arguments[0] === e && /^Promise\.(?:all|allSettled)$/.test(e.parent.expression.getText())) e = e.parent;
  else if (!(ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === "forEach")) return false;
  if (ts.isAwaitExpression(e.parent) || ts.isVoidExpression(e.parent)) e = e.parent;
  return ts.isExpressionStatement(e.parent);
}

function returnsValue(fn: ts.FunctionLikeDeclaration): boolean {
  if (!fn.body) return false;
  return !ts.isBlock(fn.body) || returnsAValue(fn.body);
}

/** The files a scheduler may sit in: the module's ancestors' own files and their job folders, that name a scheduler and the module. */
function schedulerFiles(files: ProjectFiles, self: string, root: string | undefined): string[] {
  const stem = path.posix.basename(self).replace(/\.[^.]+$/, "");
  const needle = stem === "index" ? path.posix.basename(path.posix.dirname(self)) : stem;
  return nearbyScripts(files, self, root, JOB_DIRS, (text) => text.includes(needle) && SCHEDULER_RE.test(text));
}

/**
 * The scripts of the module's folder, of its ancestors (up to {@link ANCESTORS}, not above `root`)
 * and of their `subs` folders whose text `keep` accepts; at most {@link MAX_FILES} read.
 */
export function nearbyScripts(files: ProjectFiles, self: string, root: string | undefined, subs: readonly string[], keep: (text: string) => boolean): string[] {
  const out: string[] = [];
  let read = 0;
  for (const folder of nearbyFolders(self, root, subs)) {
    for (const n of files.list(folder)) {
      const abs = `${folder}/${n}`;
      if (abs === self || !SCRIPT_RE.test(n) || NOT_SOURCE_RE.test(n)) continue;
      if (read++ >= MAX_FILES) return out;
      const text = files.host.readFile(abs);
      if (text && keep(text)) out.push(abs);
    }
  }
  return out;
}

/** The module's folder and its ancestors (up to {@link ANCESTORS}, not above `root`), each followed by its `subs` folders. */
export function nearbyFolders(self: string, root: string | undefined, subs: readonly string[]): Set<string> {
  const top = root?.replace(/\\/g, "/");
  const folders: string[] = [];
  let d = path.posix.dirname(self);
  for (let i = 0; i < ANCESTORS; i++) {
    folders.push(d);
    for (const sub of subs) folders.push(`${d}/${sub}`);
    if (d === top || path.posix.dirname(d) === d) break;
    d = path.posix.dirname(d);
  }
  return new Set(folders);
}

/**
 * The modules that the schedulers near the analysed file import and that themselves import it
 * (`server/job/schedule.ts` imports `@server/lib/refreshToken`, which imports `@server/api/plextv`):
 * the jobs that may start a method of the file's class. Those whose text `keep` accepts, parsed.
 */
export function jobModulesUsing(ctx: RuleContext, keep: (text: string) => boolean): ts.SourceFile[] {
  if (!ctx.project.listDir) return [];
  const files = projectFilesOf(ctx);
  const self = ctx.path.replace(/\\/g, "/");
  const out = new Map<string, ts.SourceFile>();
  for (const abs of nearbyScripts(files, self, ctx.profile.root, JOB_DIRS, (text) => SCHEDULER_RE.test(text))) {
    const sched = files.get(abs);
    if (!sched) continue;
    for (const st of sched.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || st.importClause?.isTypeOnly) continue;
      const mod = files.resolve(abs, st.moduleSpecifier.text);
      if (!mod || mod === self || out.has(mod) || out.size >= MAX_FILES) continue;
      const text = files.host.readFile(mod);
      const sf = text && keep(text) ? files.get(mod) : undefined;
      if (sf && sf.statements.some((i) => ts.isImportDeclaration(i) && ts.isStringLiteral(i.moduleSpecifier) && files.resolve(mod, i.moduleSpecifier.text) === self)) out.set(mod, sf);
    }
  }
  return [...out.values()];
}
