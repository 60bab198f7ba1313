/**
 * The project's own log helpers imported from another of its modules (held round 36,
 * rtfdeamon/upwork_avto_service's worker):
 *
 *   // apps/worker/src/logger.ts
 *   export function error(message: string, ...meta: any[]) { console.error(new Date().toISOString(), message, ...meta); }
 *   // apps/worker/src/handler.ts
 *   import { log, error } from "./logger";
 *   try { await sqs.send(cmd); } catch (e: any) { error("queue send failed", e.message); }
 *
 * A call of `error(…)` is a log line, as `console.error` is: the helper is read, not its name. A
 * binding imported from a module of the project (a relative or `@/`/`~/` specifier) whose exported
 * function's body is only log lines (and `const`s of their text, or `if`s around them) counts; one
 * that also does anything else (sends the error to a tracker, writes a file) does not.
 */
import { ts } from "../../engine/ts";
import type { RuleContext } from "../../engine/types";
import { importBindings } from "../../engine/ast";
import { walkKinds } from "../../engine/walk";
import { importedFunction, importsFromProject } from "../unvalidated-boundary/elsewhere";
import { markImportedLogHelpers, onlyLogsBody } from "./analysis";
import { projectFilesOf } from "../unvalidated-boundary/elsewhere";

const noted = new WeakSet<ts.SourceFile>();
// Where a handler of a failure is handed over: `.catch(fn)`, `.then(ok, fn)`, `.on("error", fn)`.
const HANDLER_METHODS = new Set(["catch", "then", "on", "once", "finally"]);
const HANDLER_KINDS = [ts.SyntaxKind.CatchClause, ts.SyntaxKind.CallExpression];

/**
 * Once per file, before its catches are judged: the names of the file's calls (`error(…)`, with
 * at least one argument) bound by an import from a project module whose function only logs.
 */
export function noteImportedLogHelpers(ctx: RuleContext): void {
  const sf = ctx.sourceFile;
  if (noted.has(sf)) return;
  noted.add(sf);
  // Only calls in a place where an error is handled (a catch block, a `.catch`/`.then` handler, an
  // error listener) can be judged as its log line: reading every imported function the file calls
  // parsed the imported modules of every file (the benchmark's rules time went from 0.3 s to 0.8 s).
  // And only a file that imports at all is read (a bare specifier may name the project too, an
  // alias or a workspace package: it is resolved below, for a called name only): the handlers are
  // found through the engine's list of catch clauses and calls, not by another walk of the whole file.
  if (importBindings(sf).size === 0) return;
  const calls = new Map<string, ts.CallExpression>();
  const collect = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.arguments.length > 0 && !calls.has(n.expression.text)) calls.set(n.expression.text, n);
    ts.forEachChild(n, collect);
  };
  walkKinds(sf, HANDLER_KINDS, (n) => {
    if (ts.isCatchClause(n)) collect(n.block);
    else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && HANDLER_METHODS.has(n.expression.name.text)) {
      for (const a of n.arguments) if (ts.isArrowFunction(a) || ts.isFunctionExpression(a)) collect(a.body);
    }
  });
  if (calls.size === 0) return;
  const names: string[] = [];
  // A module of the project by its specifier: relative, an alias, a package of the monorepo's workspace.
  const own = { file: ctx.path.replace(/\\/g, "/"), files: projectFilesOf(ctx) };
  for (const [name, call] of calls) {
    if (!importsFromProject(sf, name, undefined, own)) continue;
    const target = importedFunction(call, sf, own.file, own.files);
    if (target && onlyLogsBody(target.fn)) names.push(name);
  }
  if (names.length > 0) markImportedLogHelpers(sf, names);
}
