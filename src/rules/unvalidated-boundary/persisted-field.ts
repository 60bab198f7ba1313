import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";
import { findBinding, isConditionPosition, isFunctionLike, unwrap } from "./ast";
import { importedValue, type ProjectFiles } from "./elsewhere";
import { sinkKind } from "./sinks";

// A message's value set as a field of an object that outlives the handler (`session.conversationTitle = title`
// with `export const session = new ClaudeSession()` in the project's session module, `this.title = text` in a bot
// class) is kept there; whether it is stored is decided by the object's class: one of its methods writes the
// field out (`saveSession()` putting `title: this.conversationTitle` into the history it hands to `Bun.write`),
// so the value is saved later, a stored use (held round 37, round 29's single-owner rule). A field no method
// writes out is plain in-memory state (`session.lastMessage` kept for a retry).

/** Methods that put a value into a collection (the value goes where the collection goes). */
const PUTS = new Set(["push", "unshift", "set", "add", "splice"]);

/** The class whose instance `target` is: `this` in a class, a module's `const x = new C()`, or one imported from the project. */
function classOf(target: ts.Expression, sf: ts.SourceFile, file: string, files: () => ProjectFiles): ts.ClassLikeDeclaration | undefined {
  const t = unwrap(target);
  if (t.kind === ts.SyntaxKind.ThisKeyword) {
    for (let p = t.parent; p; p = p.parent) if (ts.isClassLike(p)) return p;
    return undefined;
  }
  if (!ts.isIdentifier(t)) return undefined;
  const b = findBinding(t);
  if (b?.kind === "var" && !b.element && ts.isSourceFile(b.decl.parent.parent.parent)) {
    const init = b.decl.initializer && unwrap(b.decl.initializer);
    return init && ts.isNewExpression(init) ? classNamed(init.expression, sf) : undefined;
  }
  if (b) return undefined;
  const v = importedValue(t.text, sf, file, files());
  return v && ts.isNewExpression(v.node) ? classNamed(v.node.expression, v.sf) : undefined;
}

function classNamed(e: ts.Expression, sf: ts.SourceFile): ts.ClassLikeDeclaration | undefined {
  if (!ts.isIdentifier(e)) return undefined;
  for (const st of sf.statements) if (ts.isClassDeclaration(st) && st.name?.text === e.text) return st;
  return undefined;
}

const written = new TreeMemo<ts.ClassLikeDeclaration, Map<string, boolean>>();

/** True when `target.field = value` keeps the value in an object whose class writes that field out (see the head of the file). */
export function persistedField(target: ts.Expression, field: string, sf: ts.SourceFile, file: string, files: () => ProjectFiles): boolean {
  const cls = classOf(target, sf, file, files);
  if (!cls) return false;
  let byField = written.get(cls);
  if (!byField) written.set(cls, (byField = new Map()));
  let out = byField.get(field);
  if (out === undefined) byField.set(field, (out = cls.members.some((m) => methodWritesOut(m, field))));
  return out;
}

/** A method of the class hands `this.field`, directly or through the locals it builds from it, to a file write or a store. */
function methodWritesOut(member: ts.ClassElement, field: string): boolean {
  const fn = ts.isMethodDeclaration(member) ? member : ts.isPropertyDeclaration(member) && member.initializer && isFunctionLike(member.initializer) ? member.initializer : undefined;
  const body = fn?.body;
  if (!body) return false;
  const tainted = new Set<string>();
  const carries = (n: ts.Node): boolean => {
    let hit = false;
    const visit = (x: ts.Node): void => {
      if (hit) return;
      if (ts.isPropertyAccessExpression(x) && x.expression.kind === ts.SyntaxKind.ThisKeyword && x.name.text === field && !isConditionPosition(x)) hit = true;
      else if (ts.isIdentifier(x) && tainted.has(x.text) && !(ts.isPropertyAccessExpression(x.parent) && x.parent.name === x)) hit = true;
      else ts.forEachChild(x, visit);
    };
    visit(n);
    return hit;
  };
  const root = (e: ts.Expression): string | undefined => {
    let x = unwrap(e);
    while (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x)) x = unwrap(x.expression);
    return ts.isIdentifier(x) ? x.text : undefined;
  };
  // The locals the field's value flows into, to a fixed point (a short method: a few passes).
  for (let pass = 0; pass < 4; pass++) {
    const before = tainted.size;
    const visit = (x: ts.Node): void => {
      if (ts.isVariableDeclaration(x) && ts.isIdentifier(x.name) && x.initializer && carries(x.initializer)) tainted.add(x.name.text);
      if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.EqualsToken && carries(x.right)) {
        const r = root(x.left);
        if (r) tainted.add(r);
      }
      if (ts.isCallExpression(x) && PUTS.has(calleeName(x) ?? "") && ts.isPropertyAccessExpression(x.expression) && x.arguments.some(carries)) {
        const r = root(x.expression.expression);
        if (r) tainted.add(r);
      }
      ts.forEachChild(x, visit);
    };
    visit(body);
    if (tainted.size === before) break;
  }
  let out = false;
  const find = (x: ts.Node): void => {
    if (out) return;
    if (ts.isCallExpression(x) && writesOut(x) && x.arguments.some(carries)) out = true;
    else ts.forEachChild(x, find);
  };
  find(body);
  return out;
}

/** A file write (`writeFileSync`, `fs.promises.writeFile`, `Bun.write`) or a store's write (`db.x.update`, `kv.put`). */
function writesOut(call: ts.CallExpression): boolean {
  const kind = sinkKind(call, false);
  if (kind === "file" || kind === "database") return true;
  const e = call.expression;
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "Bun" && e.name.text === "write";
}
