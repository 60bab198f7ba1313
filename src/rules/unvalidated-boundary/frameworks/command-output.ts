/**
 * A file a command the module runs writes where the module told it to, named by a path expression
 * rather than a `const` (issue 11, session 42, production formbricks' `docs/api-v3-reference/scripts/bundle.mjs`):
 * `redocly(["bundle", srcRoot, "-o", join(tmp, "from-src.json"), "--ext", "json"])`, where `redocly` runs
 * `execFileSync`, then `canonical(join(tmp, "from-src.json"))`, a function of the module that parses
 * `readFileSync(jsonFile)`. The read's path, spelled as the module spells it (path-key.ts), is one a
 * command run handed earlier in the same function (or the module's top level); through a parameter of a
 * function of the module, every call of it hands such a path. A path the command is not given stays input.
 */
import { ts } from "../../../engine/ts";
import { TreeMemo } from "../../../engine/tree-memo";
import { findBinding, unwrap } from "../ast";
import { pathKey } from "./path-key";

/** What parse.ts lends: whether a call runs a command, and whether every call of a function hands its parameter a path `test` accepts. */
export interface CommandHelpers {
  runsCommand(call: ts.CallExpression): boolean;
  everyCallHands(fn: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration | ts.MethodDeclaration, index: number, depth: number, test: (arg: ts.Expression, depth: number) => boolean): boolean;
}

const MAX_DEPTH = 2;

/** True when the path `path` (read at `path`) is one a command run of the module was handed before it. */
export function commandWrotePath(path: ts.Expression, helpers: CommandHelpers, depth = 0): boolean {
  const x = unwrap(path);
  if (ts.isIdentifier(x)) {
    const b = findBinding(x);
    // `canonical(jsonFile)`: judged at every call of the module's function.
    if (b?.kind === "param" && !b.element) return depth < MAX_DEPTH && helpers.everyCallHands(b.fn, b.index, depth, (arg, d) => commandWrotePath(arg, helpers, d));
    if (b?.kind !== "var") return false;
  }
  // A path built by a call (`join(tmp, "out.json")`) or a `const` holding one; a bare literal is judged elsewhere.
  const key = pathKey(x);
  if (!key || ts.isStringLiteralLike(x)) return false;
  const scope = scopeOf(x);
  const at = x.getStart();
  return commandRuns(x.getSourceFile(), helpers).some((r) => r.scope === scope && r.end <= at && r.keys.has(key));
}

interface CommandRun {
  scope: ts.Node;
  end: number;
  /** The path keys of every expression in its arguments. */
  keys: ReadonlySet<string>;
}

const RUNS = new TreeMemo<ts.SourceFile, CommandRun[]>();
// Text a file must hold to run a command at all: `spawn…`, `exec…`, `execa…`.
const RUNS_TEXT_RE = /\b(?:spawn|exec)/;

/** The file's command runs with the function (or the file) each is in, read once per file. */
function commandRuns(sf: ts.SourceFile, helpers: CommandHelpers): CommandRun[] {
  let out = RUNS.get(sf);
  if (out) return out;
  out = [];
  if (RUNS_TEXT_RE.test(sf.text)) {
    const found = out;
    // A function of the file called many times is read once (runsCommand walks its body).
    const byName = new Map<string, boolean>();
    const runs = (c: ts.CallExpression): boolean => {
      if (!ts.isIdentifier(c.expression)) return helpers.runsCommand(c);
      let r = byName.get(c.expression.text);
      if (r === undefined) byName.set(c.expression.text, (r = helpers.runsCommand(c)));
      return r;
    };
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && runs(n)) {
        const keys = new Set<string>();
        const collect = (m: ts.Node): void => {
          if (ts.isArrowFunction(m) || ts.isFunctionExpression(m)) return;
          if (ts.isExpression(m) && !ts.isStringLiteralLike(m)) {
            const k = pathKey(m);
            if (k) keys.add(k);
          }
          ts.forEachChild(m, collect);
        };
        for (const a of n.arguments) collect(a);
        found.push({ scope: scopeOf(n), end: n.end, keys });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  RUNS.set(sf, out);
  return out;
}

/** The function around `n`, or its file. */
function scopeOf(n: ts.Node): ts.Node {
  for (let p = n.parent; p; p = p.parent) if (ts.isArrowFunction(p) || ts.isFunctionExpression(p) || ts.isFunctionDeclaration(p) || ts.isMethodDeclaration(p)) return p;
  return n.getSourceFile();
}
