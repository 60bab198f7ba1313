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
import { importedFunction, importsFromProject } from "../unvalidated-boundary/elsewhere";
import { markImportedLogHelpers, onlyLogsBody } from "./analysis";
import { projectFilesOf } from "./log-arity";

const noted = new WeakSet<ts.SourceFile>();

/**
 * Once per file, before its catches are judged: the names of the file's calls (`error(…)`, with
 * at least one argument) bound by an import from a project module whose function only logs.
 */
export function noteImportedLogHelpers(ctx: RuleContext): void {
  const sf = ctx.sourceFile;
  if (noted.has(sf)) return;
  noted.add(sf);
  const calls = new Map<string, ts.CallExpression>();
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.arguments.length > 0 && !calls.has(n.expression.text)) calls.set(n.expression.text, n);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  const names: string[] = [];
  let files: ReturnType<typeof projectFilesOf> | undefined;
  for (const [name, call] of calls) {
    if (!importsFromProject(sf, name)) continue;
    files ??= projectFilesOf(ctx);
    const target = importedFunction(call, sf, ctx.path.replace(/\\/g, "/"), files);
    if (target && onlyLogsBody(target.fn)) names.push(name);
  }
  if (names.length > 0) markImportedLogHelpers(sf, names);
}
