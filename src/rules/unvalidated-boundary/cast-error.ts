import { ts } from "../../engine/ts";
import { calleeName, importBindings } from "../../engine/ast";
import { climb, isFunctionLike, unwrap } from "./ast";
import type { ProjectFiles } from "./elsewhere";

const FIND_BY_ID_RE = /^findById(?:AndUpdate|AndDelete|AndRemove)?$/;
const CAST_ANSWERED_RE = /["']CastError["'][\s\S]{0,240}?status\(\s*400\s*\)/;
const USE_RE = /\.use\(\s*([A-Za-z_$][\w$]*)\s*\)/g;
const MAX_HOPS = 3;
const MAX_FILES = 24;

/**
 * Whether the database use `at` of the route value `read` is a Mongoose cast whose error the project answers with a 400.
 *
 * Route ids only cast by Mongoose's `findById` where the project's Express error handler answers a `CastError` with a
 * 400 (docs, expressBody: "labelled no use, debatable: the malformed request gets the 400 validation would give";
 * tune bakenshake's `custom-cake.controller.js:81` and `subscription.controller.js`, eight sites, all labelled so): the
 * finding stays, at low confidence (one severity lower), as the lead's policy has it for a shape whose findings fall on
 * debatable labels. Read, not guessed: the call is `Model.findById(req.params.id)` (or `findByIdAndUpdate`/`…Delete`/
 * `…Remove`) with the route's value itself as its first argument, inside a `try` whose `catch` hands the error to
 * `next(err)`, and a module that imports the controller (through its route module, three hops at most) registers with
 * `app.use(handler)` an error handler of the project whose text answers `err.name === "CastError"` with `status(400)`.
 */
export function castErrorAnswered(read: ts.Node, at: ts.Node, path: string, files: () => ProjectFiles): boolean {
  if (!ts.isCallExpression(at) || !FIND_BY_ID_RE.test(calleeName(at) ?? "") || !ts.isPropertyAccessExpression(at.expression)) return false;
  const first = at.arguments[0] && unwrap(at.arguments[0]);
  // `req.params.id` itself, or a field of the read (`req.params` read, `.id` taken).
  if (!first || !(first === read || climb(read) === at.arguments[0] || (ts.isPropertyAccessExpression(first) && first.expression === read))) return false;
  if (!errorForwarded(at)) return false;
  return answeredByProject(path.replace(/\\/g, "/"), files());
}

/** The call sits in a `try` whose `catch (err)` calls `next(err)`. */
function errorForwarded(call: ts.Node): boolean {
  let cur: ts.Node = call;
  for (let n = call.parent; n && !isFunctionLike(n); cur = n, n = n.parent) {
    if (!ts.isTryStatement(n) || n.tryBlock !== cur || !n.catchClause) continue;
    const param = n.catchClause.variableDeclaration?.name;
    if (!param || !ts.isIdentifier(param)) return false;
    let found = false;
    const visit = (x: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === "next" && x.arguments.length === 1 && ts.isIdentifier(x.arguments[0]!) && x.arguments[0].text === param.text) found = true;
      else ts.forEachChild(x, visit);
    };
    visit(n.catchClause.block);
    return found;
  }
  return false;
}

/** A module importing `file` (up to {@link MAX_HOPS} hops) registers an error handler that answers a CastError with 400. */
function answeredByProject(file: string, files: ProjectFiles): boolean {
  const key = `castErrorAnswered\0${file}`;
  const known = files.memo.get(key);
  if (typeof known === "boolean") return known;
  const index = files.importers();
  let answer = false;
  if (index) {
    const seen = new Set<string>([file]);
    let layer = [file];
    for (let hop = 0; hop < MAX_HOPS && !answer && layer.length > 0; hop++) {
      const next: string[] = [];
      for (const f of layer) {
        for (const imp of index.importersOf(f)) {
          if (seen.has(imp) || seen.size >= MAX_FILES) continue;
          seen.add(imp);
          next.push(imp);
        }
      }
      answer = next.some((f) => registersAnsweringHandler(f, files));
      layer = next;
    }
  }
  files.memo.set(key, answer);
  return answer;
}

/** `app.use(errorHandler)` in `file`, with `errorHandler` imported (or required) from a module whose text answers a CastError with 400. */
function registersAnsweringHandler(file: string, files: ProjectFiles): boolean {
  const text = files.text(file);
  if (!text || !text.includes(".use(")) return false;
  const sf = files.get(file);
  if (!sf) return false;
  for (const m of text.matchAll(USE_RE)) {
    const spec = importedFrom(sf, m[1]!);
    const target = spec ? files.resolve(file, spec) : undefined;
    const body = target ? files.text(target) : undefined;
    if (body && CAST_ANSWERED_RE.test(body)) return true;
  }
  return false;
}

/**
 * The specifier `name` is bound from at the top of `sf`: `import x from "s"`, `import { x } from "s"`, `const x = require("s")`,
 * `const { x } = require("s")` (the engine's per-file import index; a namespace import is no handler).
 */
function importedFrom(sf: ts.SourceFile, name: string): string | undefined {
  const b = importBindings(sf).get(name);
  return b && b.kind !== "namespace" ? b.spec : undefined;
}
