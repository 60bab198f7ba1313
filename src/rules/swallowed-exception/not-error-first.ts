import { ts } from "../../engine/ts";
import { importBindings } from "../../engine/ast";

const FS_RECEIVER_RE = /^(?:fs|fse|gracefulFs|fsExtra)$/;

/**
 * Node's `fs` calls whose callback is not error-first: `fs.exists(p, (exists) => …)` gets a boolean,
 * `fs.watch(p, (event, file) => …)` an event name, `fs.watchFile(p, (curr, prev) => …)` two stats.
 */
const FS_NOT_ERROR_FIRST = new Set(["exists", "watch", "watchFile", "unwatchFile"]);

/** The module a receiver name is bound to by a top-level `import`/`require` of the file, if any. */
function boundModule(recv: ts.Expression): string | undefined {
  if (!ts.isIdentifier(recv)) return undefined;
  return importBindings(recv.getSourceFile()).get(recv.text)?.spec;
}

/**
 * A call of a known API whose callback never gets an error, whatever its first parameter is named:
 * hbs's `hbs.registerPartials(dir, [options,] function (err) {})` (the form hbs's own README shows)
 * fires the callback on its folder walk's `end` event, with no argument (hbs 4.x `w.on("end",
 * callback)`; production kutt), and `fs.exists`/`fs.watch`/`fs.watchFile`. The `err` there is
 * always `undefined` or not an error, so there is no error to drop. The receiver must be bound to
 * `require("hbs")`/`import … from "hbs"` (a project's own `registerPartials` may be error-first).
 */
export function callbackNeverGetsAnError(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const method = callee.name.text;
  const recv = callee.expression;
  if (method === "registerPartials") return boundModule(recv) === "hbs";
  return FS_NOT_ERROR_FIRST.has(method) && ts.isIdentifier(recv) && (FS_RECEIVER_RE.test(recv.text) || /^(?:node:)?fs$/.test(boundModule(recv) ?? ""));
}
