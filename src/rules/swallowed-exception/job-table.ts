/**
 * A job function another module hands to its scheduler by reference, through a table of jobs
 * (production uptime-kuma, triaged in session 39):
 *
 *   // server/jobs/incremental-vacuum.js
 *   const incrementalVacuum = async () => { try { …; await R.exec("PRAGMA incremental_vacuum(200)"); } catch (e) { log.error("incrementalVacuum", e.message); } };
 *   module.exports = { incrementalVacuum };
 *   // server/jobs.js
 *   const { incrementalVacuum } = require("./jobs/incremental-vacuum");
 *   const jobs = [{ name: "incremental-vacuum", interval: "*\/5 * * * *", jobFunc: incrementalVacuum }];
 *   for (const job of jobs) new Cron(job.interval, { name: job.name }, job.jobFunc);
 *
 * The function is then a cron callback, as `new Cron(expr, fn)`'s is: nobody waits on it and the
 * next tick runs it again. Known by every module that imports it (the project's importers index)
 * using it only as the value of a property (`jobFunc: incrementalVacuum`) and handing that property
 * (`job.jobFunc`) to a scheduler (`new Cron(…)`, `new CronJob(…)`, `cron.schedule(…)`,
 * `scheduleJob(…)`, `setInterval(…)`) in the same module; the function answers no value. Bounded:
 * at most {@link MAX_IMPORTERS} importers are read, each once per function.
 */
import { ts } from "../../engine/ts";
import type { RuleContext } from "../../engine/types";
import { calleeName, importBindings, topLevelFunction } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";
import { projectFilesOf } from "../unvalidated-boundary/elsewhere";
import { findRefs } from "../unvalidated-boundary/ast";
import { returnsAValue } from "./analysis";
import { CRON_CLASSES, REPEATING_TIMERS } from "./timer-callbacks";

const MAX_IMPORTERS = 8;

const entries = new TreeMemo<ts.SourceFile, ReadonlySet<ts.Node>>();

/** Whether `fn` is a job another module's scheduler runs from a table ({@link noteJobTableEntries} first). */
export function isJobTableEntry(fn: ts.Node): boolean {
  return entries.get(fn.getSourceFile())?.has(fn) ?? false;
}

const scheduled = new TreeMemo<ts.SourceFile, Set<string>>();

/** The scheduler calls of a module: `new Cron(…)`, `cron.schedule(…)`, with the property names their arguments read (`job.jobFunc` → `jobFunc`); once per module. */
function scheduledProperties(sf: ts.SourceFile): Set<string> {
  const known = scheduled.get(sf);
  if (known) return known;
  const props = new Set<string>();
  scheduled.set(sf, props);
  const visit = (n: ts.Node): void => {
    const isScheduler = (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && CRON_CLASSES.has(n.expression.text))
      || (ts.isCallExpression(n) && REPEATING_TIMERS.has(calleeName(n) ?? ""));
    if (isScheduler) for (const a of (n as ts.CallExpression | ts.NewExpression).arguments ?? []) if (ts.isPropertyAccessExpression(a)) props.add(a.name.text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return props;
}

/** Works out, once per file, which of its top-level functions other modules hand to a scheduler through a job table. */
export function noteJobTableEntries(ctx: RuleContext): void {
  const sf = ctx.sourceFile;
  if (entries.has(sf)) return;
  const out = new Set<ts.Node>();
  entries.set(sf, out);
  const files = projectFilesOf(ctx);
  const self = ctx.path.replace(/\\/g, "/");
  const importers = files.importers()?.importersOf(self) ?? [];
  if (importers.length === 0 || importers.length > MAX_IMPORTERS) return;
  // Per function: every importer's uses are job-table entries handed to its scheduler, and at least one is.
  const verdict = new Map<string, boolean>();
  for (const imp of importers) {
    const other = files.get(imp);
    if (!other) return;
    let props: Set<string> | undefined;
    for (const [local, b] of importBindings(other)) {
      if (files.resolve(imp, b.spec) !== self) continue;
      // `const jobs = require("./jobs/x")`, `import * as x`: uses through the module object are not followed.
      if (b.kind === "namespace" || b.exported === "*" || b.exported === "default") return;
      if (!topLevelFunction(b.exported, sf)) continue;
      const refs = findRefs(local, other, 0).filter((r) => !(ts.isBindingElement(r.parent) || ts.isImportSpecifier(r.parent) || ts.isShorthandPropertyAssignment(r.parent) && ts.isObjectBindingPattern(r.parent.parent)));
      props ??= scheduledProperties(other);
      const scheduled = refs.length > 0 && refs.every((r) => ts.isPropertyAssignment(r.parent) && r.parent.initializer === r && ts.isIdentifier(r.parent.name) && props!.has(r.parent.name.text));
      verdict.set(b.exported, (verdict.get(b.exported) ?? true) && scheduled);
    }
  }
  for (const [name, ok] of verdict) {
    const fn = topLevelFunction(name, sf)!;
    if (ok && fn.body && ts.isBlock(fn.body) && !returnsAValue(fn.body)) out.add(fn);
  }
}
