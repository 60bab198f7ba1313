/**
 * unvalidated-boundary's findBinding on long statement lists: a lookup read every statement of its
 * enclosing blocks up to the identifier, so a module of n top-level declarations and n reads cost
 * about n²/2 statement reads. A long list that lookups have read twice over is now indexed. Work is counted
 * (statements read one by one, lists indexed), never timed; and every answer is checked against the
 * statement scan it replaces.
 */
import * as assert from "node:assert/strict";
import { ts } from "../../../src/engine/ts";
import { parse } from "../../../src/engine/walk";
import { bindingWork, findBinding, isFunctionLike, type Binding } from "../../../src/rules/unvalidated-boundary/ast";

/** The statement scan findBinding did for every list before the index (the reference answer). */
function scanBinding(id: ts.Identifier): Binding | undefined {
  const inName = (name: ts.BindingName): ts.BindingElement | true | undefined => {
    if (ts.isIdentifier(name)) return name.text === id.text ? true : undefined;
    for (const el of name.elements) {
      if (ts.isOmittedExpression(el)) continue;
      const r = inName(el.name);
      if (r === true) return el;
      if (r) return r;
    }
    return undefined;
  };
  let prev: ts.Node = id;
  for (let p = id.parent; p; prev = p, p = p.parent) {
    if (isFunctionLike(p)) {
      for (let i = 0; i < p.parameters.length; i++) {
        const param = p.parameters[i]!;
        const r = inName(param.name);
        if (r) return { kind: "param", fn: p, param, index: i, element: r === true ? undefined : r };
      }
    }
    if (ts.isForOfStatement(p) && prev !== p.expression && ts.isVariableDeclarationList(p.initializer)) {
      const d = p.initializer.declarations[0];
      if (d && inName(d.name)) return { kind: "forOf", stmt: p, decl: d };
    }
    if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isCaseClause(p) || ts.isModuleBlock(p)) {
      for (const st of p.statements) {
        if (st.pos >= id.pos) break;
        if (!ts.isVariableStatement(st)) continue;
        for (const d of st.declarationList.declarations) {
          const r = inName(d.name);
          if (r) return { kind: "var", decl: d, element: r === true ? undefined : r };
        }
      }
    }
  }
  return undefined;
}

/** n top-level declarations, then n reads of them, each in a call. */
function module(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`const v${i} = { id: ${i} };`);
  for (let i = 0; i < n; i++) out.push(`use(v${i});`);
  return out.join("\n");
}

function reads(sf: ts.SourceFile): ts.Identifier[] {
  const ids: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && !(ts.isVariableDeclaration(n.parent) && n.parent.name === n) && !(ts.isBindingElement(n.parent) && (n.parent.name === n || n.parent.propertyName === n))) ids.push(n);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return ids;
}

function work(n: number): number {
  const sf = parse("/p/src/m.ts", module(n));
  bindingWork.statements = 0;
  bindingWork.indexed = 0;
  for (const id of reads(sf)) findBinding(id);
  return bindingWork.statements + bindingWork.indexed;
}

describe("robustness: findBinding on long statement lists", () => {
  it("four times the declarations and reads cost at most four times the work", () => {
    const n = 500;
    const [w1, w4] = [work(n), work(4 * n)];
    // The scan read about n²/2 statements (16 times more at 4n); now a list is read at most about
    // twice over by single lookups, then indexed once.
    assert.ok(w4 <= 5 * w1, `work(${n}) = ${w1}, work(${4 * n}) = ${w4}`);
  });

  it("answers as the statement scan does, in long and short lists", () => {
    const text = [
      "const early = 1;",
      "use(late, early, shadow);",
      ...Array.from({ length: 20 }, (_, i) => `let pad${i} = ${i};`),
      "const { a, b: { c }, d: [, e] } = source(), shadow = 2;",
      "var late = 3, late2 = late;",
      "const late = 4;",
      "use(a, c, e, late, shadow, pad3, missing);",
      "function f(p, { q }) { const a = p; for (const x of xs) { use(a, q, x, late, shadow); } switch (p) { case 1: const k = 1; use(k, a); } }",
      "namespace N { const inner = 1; use(inner, early); }",
      "function g() {",
      ...Array.from({ length: 20 }, (_, i) => `  const g${i} = ${i};`),
      "  const early = 'local';",
      "  use(early, g5, g19, pad1, a);",
      "}",
    ].join("\n");
    const sf = parse("/p/src/m.ts", text);
    let compared = 0;
    for (const id of reads(sf)) {
      const [got, want] = [findBinding(id), scanBinding(id)];
      assert.equal(got?.kind, want?.kind, `${id.text} at ${id.pos}`);
      if (got && want) {
        assert.ok((got.kind === "var" && want.kind === "var" && got.decl === want.decl && got.element === want.element) || (got.kind === "param" && want.kind === "param" && got.param === want.param && got.element === want.element) || (got.kind === "forOf" && want.kind === "forOf" && got.decl === want.decl), `${id.text} at ${id.pos}`);
      }
      compared++;
    }
    assert.ok(compared > 30, `${compared} reads compared`);
  });
});
