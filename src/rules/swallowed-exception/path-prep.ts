/**
 * A step that makes or clears a path right before the step that writes that path: `await
 * fs.mkdir(dir, { recursive: true }).catch(() => {}); await fs.copyFile(src, path.join(dir, name));`,
 * `await FileSystem.deleteAsync(filePath, { idempotent: true }).catch(() => {}); await
 * FileSystem.moveAsync({ from: tmpPath, to: filePath });`, `try { if (fs.existsSync(sock))
 * fs.unlinkSync(sock); } catch (e) { log(e); } … server.listen(sock)`. Where the folder could not be
 * made or the old file removed for a real reason (no permission, a busy file), the write that
 * follows fails on that path and reaches the function's own error path; where it failed because
 * there was nothing to do (the folder is there, the file is gone), nothing is lost (production
 * linkwarden's offline cache, Cap's setup script, spacebar's IPC socket; session 41).
 */
import { ts } from "../../engine/ts";
import { aboveBareWrappers, accessesNamed, calleeName, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";
import { findRefs } from "../unvalidated-boundary/ast";
import { isLogCall } from "./analysis";

// Makes a folder, or removes a file or folder, at the path it is given.
const PREP_RE = /^(?:mkdir|mkdirSync|mkdirp|makeDirectoryAsync|ensureDir|ensureDirSync|rm|rmSync|rmdir|rmdirSync|unlink|unlinkSync|deleteAsync|rimraf)$/;
// Writes, moves or copies something to a path, creates it, or listens on it.
const WRITE_RE = /^(?:copyFile|copyFileSync|copyAsync|copy|copySync|cp|cpSync|moveAsync|move|moveSync|rename|renameSync|writeFile|writeFileSync|writeAsStringAsync|outputFile|outputFileSync|writeJson|writeJsonSync|createWriteStream|downloadAsync|createDownloadResumable|downloadFile|symlink|symlinkSync|mkdir|mkdirSync|makeDirectoryAsync|ensureDir|ensureDirSync|appendFile|appendFileSync|listen)$/;
// Module objects whose methods build or test paths: not the path itself.
const MODULE_NAMES = new Set(["path", "fs", "fsp", "fse", "fsPromises", "os", "process", "FileSystem", "nodePath", "upath", "Paths", "__dirname", "undefined"]);
// Existence tests allowed around the step in a try: `if (fs.existsSync(p)) fs.unlinkSync(p);`.
const EXISTS_RE = /^(?:existsSync|exists|pathExists|pathExistsSync|access|accessSync)$/;

/** `fs.mkdir(dir, { recursive: true })`, `deleteAsync(p, { idempotent: true })`, `unlinkSync(sock)`: the call and its path. */
function prepPath(e: ts.Expression): ts.Expression | undefined {
  const call = ts.isAwaitExpression(e) ? e.expression : e;
  if (!ts.isCallExpression(call) || !PREP_RE.test(calleeName(call) ?? "")) return undefined;
  return call.arguments[0];
}

/** The names a path expression is built from: `filePath` of `filePath.substring(0, i)`, `this.socketPath`, `targetDir` of `path.join(targetDir, "x")`. */
function pathNames(e: ts.Expression): { locals: Set<string>; members: Set<string> } {
  const locals = new Set<string>();
  const members = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n) && n.expression.kind === ts.SyntaxKind.ThisKeyword) {
      members.add(n.name.text);
      return;
    }
    if (ts.isPropertyAccessExpression(n)) {
      visit(n.expression);
      return;
    }
    if (ts.isIdentifier(n)) {
      if (!MODULE_NAMES.has(n.text)) locals.add(n.text);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(e);
  return { locals, members };
}

/** True when `ref` is (part of) an argument of a call that writes to a path, within its statement. */
function inWriteArgument(ref: ts.Node): boolean {
  let child: ts.Node = ref;
  for (let p = ref.parent; p && !ts.isBlock(p) && !ts.isSourceFile(p) && !isFunctionLike(p); child = p, p = p.parent) {
    if (ts.isCallExpression(p) && p.expression !== child && WRITE_RE.test(calleeName(p) ?? "")) return true;
  }
  return false;
}

// Per block and name (`this.` members prefixed with `.`): where the last write to a path built from it starts, or -1.
const lastWrites = new TreeMemo<ts.Node, Map<string, number>>();

/** The start of the last reference to `name` (or `this.name`) in `block` that is an argument of a path write, or -1: one scan per block and name. */
function lastWrite(block: ts.Node, name: string, member: boolean): number {
  let byName = lastWrites.get(block);
  if (!byName) lastWrites.set(block, (byName = new Map()));
  const key = member ? `.${name}` : name;
  let at = byName.get(key);
  if (at === undefined) {
    const refs: readonly ts.Node[] = member ? accessesNamed(block, name).filter((a) => a.expression.kind === ts.SyntaxKind.ThisKeyword) : findRefs(name, block, block.pos);
    at = -1;
    for (let i = refs.length - 1; i >= 0; i--) {
      if (inWriteArgument(refs[i]!)) {
        at = refs[i]!.pos;
        break;
      }
    }
    byName.set(key, at);
  }
  return at;
}

/** A statement of `block` after `stmt` writes to the path that `path` is built from. */
function writtenAfter(path: ts.Expression, stmt: ts.Statement, block: ts.Node): boolean {
  const { locals, members } = pathNames(path);
  for (const name of locals) if (lastWrite(block, name, false) >= stmt.end) return true;
  for (const name of members) if (lastWrite(block, name, true) >= stmt.end) return true;
  return false;
}

/** The statement a promise chain is (`await x.catch(…);`, `void x.catch(…);`) and its block. */
function chainStatement(call: ts.CallExpression): ts.ExpressionStatement | undefined {
  const st = aboveBareWrappers(call);
  return st && ts.isExpressionStatement(st) && ts.isBlock(st.parent) ? st : undefined;
}

/**
 * `await fs.mkdir(dir, { recursive: true }).catch(() => {});` followed by `await fs.copyFile(src,
 * path.join(dir, name));` in the same block: the `.catch` call `call` is on a step that makes or clears
 * the path a later statement writes.
 */
export function preparesPathForNextWrite(call: ts.CallExpression): boolean {
  if (!ts.isPropertyAccessExpression(call.expression)) return false;
  const path = prepPath(call.expression.expression);
  const stmt = path && chainStatement(call);
  return !!stmt && writtenAfter(path, stmt, stmt.parent);
}

/** The one step of a try (`fs.unlinkSync(p)`, under `if (fs.existsSync(p))`, beside log lines), or undefined. */
function onlyPrepStep(statements: readonly ts.Statement[]): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  for (const st of statements) {
    if (ts.isIfStatement(st)) {
      const test = st.expression;
      const testCall = ts.isPrefixUnaryExpression(test) ? test.operand : test;
      if (!ts.isCallExpression(testCall) || !EXISTS_RE.test(calleeName(testCall) ?? "") || st.elseStatement) return undefined;
      const inner = onlyPrepStep(ts.isBlock(st.thenStatement) ? st.thenStatement.statements : [st.thenStatement]);
      if (!inner || found) return undefined;
      found = inner;
      continue;
    }
    if (!ts.isExpressionStatement(st)) return undefined;
    const e = ts.isAwaitExpression(st.expression) ? st.expression.expression : st.expression;
    if (ts.isCallExpression(e) && isLogCall(e)) continue;
    const path = prepPath(st.expression);
    if (!path || found) return undefined;
    found = path;
  }
  return found;
}

/**
 * `try { if (fs.existsSync(this.socketPath)) fs.unlinkSync(this.socketPath); } catch (e) { log(e); }`
 * followed by `this.server.listen(this.socketPath)`: a try whose one step makes or clears the path a
 * later statement of its block writes.
 */
export function clearsPathBeforeWrite(tryStmt: ts.TryStatement): boolean {
  if (tryStmt.finallyBlock || !ts.isBlock(tryStmt.parent)) return false;
  const path = onlyPrepStep(tryStmt.tryBlock.statements);
  return !!path && writtenAfter(path, tryStmt, tryStmt.parent);
}
