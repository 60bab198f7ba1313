import * as assert from "node:assert/strict";
import { analyze, isTestFile, type AnalyzeInput } from "../../../src/engine/analyze";
import { applyFixes, applyFixesSoundly, fixAll } from "../../../src/engine/apply-fixes";
import { newEarlyError } from "../../../src/engine/fix-invariants";
import { defaultConfig, normalize } from "../../../src/engine/config/load";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import * as fs from "node:fs";
import * as path from "node:path";
import { ts } from "../../../src/engine/ts";
import { NodeList, walk, walkKinds, parse } from "../../../src/engine/walk";
import { TreeMemo } from "../../../src/engine/tree-memo";
import { defineRule } from "../../../src/engine/define-rule";
import { behaviour, settleRule, testRule } from "./test-rule";

function input(text: string, extra: Partial<AnalyzeInput> = {}): AnalyzeInput {
  return { path: "/p/src/a.ts", text, config: defaultConfig("/p"), project: new MemoryProjectHost(), rules: [testRule], ...extra };
}

describe("engine: analyze", () => {
  afterEach(() => {
    behaviour.mode = "ok";
  });

  it("reports with code, severity from the case, message from data, and offset range", () => {
    const r = analyze(input("const bad = 1;\ndebugger;\n"));
    assert.equal(r.analyzed, true);
    assert.deepEqual(
      r.findings.map((f) => [f.code, f.severity, f.message, f.range.start, f.range.end]),
      [
        ["test-rule/badName", "warning", "`bad` is a bad name", 6, 9],
        ["test-rule/debuggerStmt", "info", "Debugger statement", 15, 24],
      ],
    );
    assert.equal(r.findings[0]!.docsUrl.endsWith("docs/rules/test-rule.md#badname"), true);
  });

  it("resolves severity: case config over family config over case default", () => {
    const cfg = normalize({ rules: { "test-rule": "error", "test-rule/debuggerStmt": "off" } } as never, "/p", [testRule]);
    const r = analyze(input("bad; debugger;", { config: cfg }));
    assert.deepEqual(r.findings.map((f) => [f.code, f.severity]), [["test-rule/badName", "error"]]);
  });

  it("reports a low-confidence finding one severity step lower than configured, with its reason", () => {
    behaviour.mode = "lowConfidence";
    const shape = (config = defaultConfig("/p")) => analyze(input("bad; debugger;", { config })).findings.map((f) => [f.code, f.severity, f.confidence, f.confidenceReason]);
    assert.deepEqual(shape(), [
      ["test-rule/badName", "info", "low", "testReason"],
      ["test-rule/debuggerStmt", "info", "low", "testReason"],
    ]);
    assert.deepEqual(shape(normalize({ rules: { "test-rule": "error" } } as never, "/p", [testRule])), [
      ["test-rule/badName", "warning", "low", "testReason"],
      ["test-rule/debuggerStmt", "warning", "low", "testReason"],
    ]);
    behaviour.mode = "ok";
    assert.deepEqual(shape(), [
      ["test-rule/badName", "warning", undefined, undefined],
      ["test-rule/debuggerStmt", "info", undefined, undefined],
    ]);
  });

  it("does not run a rule whose every case is off", () => {
    behaviour.mode = "throw";
    const cfg = normalize({ rules: { "test-rule": "off" } } as never, "/p", [testRule]);
    const r = analyze(input("bad;", { config: cfg }));
    assert.deepEqual([r.findings, r.problems], [[], []]);
  });

  it("isolates a crashing rule as a ruleCrash problem and drops its findings", () => {
    behaviour.mode = "throw";
    const r = analyze(input("bad; debugger;"));
    assert.deepEqual(r.findings, []);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0]!.kind, "ruleCrash");
    assert.match(r.problems[0]!.message, /rule test-rule crashed.*boom/);
  });

  for (const [mode, pattern] of [
    ["undeclared", /reported undeclared case "nope"/],
    ["missingData", /placeholder \{\{name\}\} was not given/],
  ] as const) {
    it(`refuses loudly: ${mode}`, () => {
      behaviour.mode = mode;
      const r = analyze(input("bad;"));
      assert.equal(r.problems[0]?.kind, "ruleCrash");
      assert.match(r.problems[0]!.message, pattern);
    });
  }

  it("refuses a safe fix on a suggestion-only case (the finding stays, without fixes: the verdict must not depend on whether fixes were built)", () => {
    behaviour.mode = "safeOnSuggestion";
    const r = analyze(input("debugger;"));
    assert.equal(r.findings.length, 1);
    assert.deepEqual(r.findings[0]!.fixes, []);
    assert.equal(r.problems[0]?.kind, "fixRejected");
    assert.match(r.problems[0]!.message, /declared suggestion-only but offered a safe fix/);
  });

  for (const [mode, why] of [
    ["overlap", /edits overlap/],
    ["noop", /does not change the text/],
    ["syntax", /new syntax error/],
  ] as const) {
    it(`rejects a fix that breaks an invariant: ${mode}`, () => {
      behaviour.mode = mode;
      const r = analyze(input("bad;"));
      assert.equal(r.findings.length, 1);
      assert.deepEqual(r.findings[0]!.fixes, []);
      assert.equal(r.problems[0]?.kind, "fixRejected");
      assert.match(r.problems[0]!.message, why);
    });
  }

  it("builds no fixes when fixes: false (the thunk is never called)", () => {
    behaviour.mode = "syntax";
    const r = analyze(input("bad;", { fixes: false }));
    assert.deepEqual([r.findings[0]!.fixes, r.problems], [[], []]);
  });

  it("runs rules on half-typed code and reports the syntax error as a problem", () => {
    const r = analyze(input("function f( {\n  const bad = \n"));
    assert.equal(r.findings.length, 1);
    assert.equal(r.problems[0]!.kind, "parseError");
    assert.match(r.problems[0]!.message, /a\.ts:2:9: syntax error: ':' expected\. \(and 2 more\)/);
  });

  it("keeps ranges exact with CRLF line endings", () => {
    const text = "const a = 1;\r\nconst bad = 2;\r\n";
    const r = analyze(input(text));
    assert.equal(text.slice(r.findings[0]!.range.start, r.findings[0]!.range.end), "bad");
  });

  it("skips too large, binary and minified text with a problem", () => {
    const big = analyze(input("x".repeat(2 * 1024 * 1024)));
    const bin = analyze(input("bad;\u0000\u0001"));
    const min = analyze(input(`var bad=${"[1,2,3],".repeat(2000)}0;`));
    assert.deepEqual([big, bin, min].map((r) => [r.analyzed, r.problems[0]?.kind]), [[false, "tooLarge"], [false, "binary"], [false, "minified"]]);
  });

  it("skips a third-party file vendored into public/ or vendor/ (licence header) and nothing else", () => {
    const mit = "/**\n * Copyright (c) 2017-present, Example, Inc.\n * Permission is hereby granted, free of charge, to any person\n */\nvar bad = 1;\n";
    const apache = '"use strict";\n/*! lib v2 | (c) Someone | Licensed under the Apache License 2.0 */\nvar bad = 1;\n';
    const cases: [string, string, string | undefined][] = [
      ["/p/apps/web/public/f.js", mit, "vendored"],
      ["/p/static/js/lib.js", apache, "vendored"],
      ["/p/vendor/chart.js", "/* © 2020 Chart authors. All rights reserved. */\nvar bad = 1;\n", "vendored"],
      ["/p/third_party/x.js", mit, "vendored"],
      // A library's banner: its author and its home repository.
      ["/p/apps/widget/public/resizer.js", "/*\n * File: resizer.js\n * Doc: https://github.com/someone/resizer\n * Author: Some One - some@one.net\n */\nvar bad = 1;\n", "vendored"],
      // An author line alone (the project's own file) is not a banner.
      ["/p/public/own.js", "/* Author: our team */\nvar bad = 1;\n", undefined],
      // The same header in the project's source folders is the project's own licence notice.
      ["/p/src/a.ts", mit, undefined],
      // A project file in public/ without a licence header (a service worker).
      ["/p/public/sw.js", "/* Service worker: caches the shell. */\nvar bad = 1;\n", undefined],
      // A copyright line alone grants nothing: not a vendored copy's notice.
      ["/p/public/app.js", "/* Copyright 2024 Us */\nvar bad = 1;\n", undefined],
      // The header must open the file, not sit in the middle of it.
      ["/p/public/late.js", `var bad = 1;\n${mit}`, undefined],
      // In a folder named for third-party code, the project's line comments may sit above the copy's
      // header ("Released under the MIT license", "MIT License | (c) …" are licence notices too).
      ["/p/src/static/js/vendors/jquery.ts", "// @ts-nocheck\n/*!\n * jQuery v3.7.1\n * Copyright OpenJS Foundation\n * Released under the MIT license\n */\nvar bad = 1;\n", "vendored"],
      ["/p/lib/vendor/bowser.js", "// WARNING: modified from the original.\n// TODO: drop it\n\n/*!\n * Bowser\n * MIT License | (c) Dustin Diaz 2015\n */\nvar bad = 1;\n", "vendored"],
      // Not after line comments in a served folder: the project's own files open that way there.
      ["/p/src/static/js/pad.ts", "// @ts-nocheck\n/*\n * Copyright 2009 Google Inc.\n * Licensed under the Apache License\n */\nvar bad = 1;\n", undefined],
      // Nor after code: the header opens the file, line comments aside.
      ["/p/vendors/late.js", `// @ts-nocheck\nvar bad = 1;\n${mit}`, undefined],
    ];
    for (const [file, text, kind] of cases) {
      const r = analyze(input(text, { path: file }));
      assert.deepEqual([r.analyzed, r.problems[0]?.kind], [kind === undefined, kind], file);
    }
    // Judged below the config root: a root that itself sits under a public/ folder does not count.
    const underRoot = analyze(input(mit, { path: "/srv/public/p/src/a.ts", config: defaultConfig("/srv/public/p") }));
    assert.deepEqual([underRoot.analyzed, underRoot.problems], [true, []]);
    const skipped = analyze(input(mit, { path: "/p/public/f.js" }));
    assert.equal(skipped.problems[0]!.message, "/p/public/f.js: skipped, a third-party file vendored into public/ (it opens with a copyright and licence header or a library's banner)");
  });

  it("knows test files by their names and folders", () => {
    const cases: [string, boolean][] = [
      ["/p/src/a.test.ts", true],
      ["/p/src/a.spec.tsx", true],
      ["/p/test/users.e2e-spec.ts", true],
      ["/p/src/orders.int-test.ts", true],
      ["/p/cypress/login.cy.ts", true],
      ["/p/src/types.test-d.ts", true],
      // langfuse's suites: a word joined to `test`, and an `__e2e__` folder.
      ["/p/web/src/__e2e__/api.servertest.ts", true],
      ["/p/web/src/features/x/useActivity.clienttest.tsx", true],
      ["/p/web/src/__e2e__/helpers.ts", true],
      // Product code whose name only ends in the letters of test.
      ["/p/src/latest.ts", false],
      ["/p/src/contest.ts", false],
      ["/p/src/manifest.ts", false],
      ["/p/src/fetch.latest.ts", false],
      ["/p/src/server/attest.ts", false],
      ["/p/src/inspect.ts", false],
    ];
    for (const [file, want] of cases) assert.equal(isTestFile(file, "/p"), want, file);
  });

  it("tells test code from a Next.js route whose URL names a test folder", () => {
    const next = new Set(["next"]);
    const cases: [string, ReadonlySet<string> | undefined, boolean][] = [
      ["/p/app/api/whatsapp/test/route.ts", next, false],
      ["/p/src/app/api/e2e/route.js", next, false],
      ["/p/pages/api/tests/ping.ts", next, false],
      // Without next in the project, a test/ folder is a test folder.
      ["/p/app/api/whatsapp/test/route.ts", undefined, true],
      ["/p/app/api/whatsapp/test/route.ts", new Set(["express"]), true],
      // Mocks, fixtures, __tests__ and spec folders stay tests, and so do test files and other files in test/.
      ["/p/app/api/__tests__/route.ts", next, true],
      ["/p/fixtures/app/api/x/route.ts", next, true],
      ["/p/app/api/x/route.test.ts", next, true],
      ["/p/test/app/helpers.ts", next, true],
      ["/p/pages/api/tests/ping.spec.ts", next, true],
      ["/p/app/api/x/route.ts", next, false],
    ];
    for (const [file, deps, want] of cases) assert.equal(isTestFile(file, "/p", deps), want, file);
  });

  it("handles empty files and shebang-only files", () => {
    for (const t of ["", "#!/usr/bin/env node\n", "#!/usr/bin/env node"]) {
      const r = analyze(input(t, { path: "/p/bin/x.js" }));
      assert.deepEqual([r.analyzed, r.findings, r.problems], [true, [], []], JSON.stringify(t));
    }
  });

  it("survives 10,000 nested parentheses and arrays without throwing", () => {
    for (const t of [`${"(\n".repeat(10000)}bad${")\n".repeat(10000)};`, `x = ${"[\n".repeat(10000)}${"]\n".repeat(10000)};`]) {
      const r = analyze(input(t));
      // Either it is analyzed (the iterative walk) or the parser's own recursion limit is reported.
      assert.ok(r.analyzed || r.problems.some((p) => p.kind === "parseError"), JSON.stringify(r.problems));
    }
  });

  it("honours cancellation", () => {
    const r = analyze(input("bad;", { isCancelled: () => true }));
    assert.deepEqual([r.analyzed, r.findings], [false, []]);
  });

  it("picks the script kind from the extension (JSX parses in .jsx/.tsx, not as a type assertion)", () => {
    for (const p of ["/p/a.jsx", "/p/a.tsx"]) {
      const r = analyze(input("const bad = <div>{x}</div>;", { path: p }));
      assert.deepEqual(r.problems, [], p);
    }
    assert.equal(analyze(input("const bad = <div>{x}</div>;", { path: "/p/a.ts" })).problems[0]?.kind, "parseError");
  });
});

describe("engine: walk", () => {
  it("visits every node once, in source order, iteratively", () => {
    const sf = parse("/a.ts", "const a = f(b, c);");
    const seen: string[] = [];
    walk(sf, (n) => seen.push(n.getText(sf)));
    assert.deepEqual(seen.slice(-5), ["f(b, c)", "f", "b", "c", ""]); // "" is the end-of-file token
  });

  it("a node list reused for a smaller file lists only its nodes, and holds none once cleared", () => {
    const list = new NodeList();
    parse("/a.ts", "const a = f(b, c); g(d, [e, { h }]);", list);
    const big = list.length;
    list.clear();
    assert.ok(list.nodes.length >= big && list.nodes.every((n) => n === undefined), "cleared: no node of the last tree is held");
    const sf = parse("/b.ts", "x(y);", list);
    const seen: ts.Node[] = [];
    walk(sf, (n) => seen.push(n));
    assert.deepEqual(list.nodes.slice(0, list.length), seen);
    assert.ok(list.nodes.slice(list.length).every((n) => n === undefined));
  });

  it("what a rule memoizes about a tree (TreeMemo) is dropped as the analysis returns, a crash included", () => {
    const memo = new TreeMemo<ts.SourceFile, readonly ts.Statement[]>();
    let held: ts.SourceFile | undefined;
    let during = false;
    const memoRule = defineRule({
      id: "memo-rule",
      docs: { description: "A rule that memoizes its file's statements" },
      severity: "warning",
      cases: { never: { message: "Never reported", fix: "none", description: "nothing" } },
      create(ctx) {
        held = ctx.sourceFile;
        memo.set(ctx.sourceFile, ctx.sourceFile.statements);
        return {
          [ts.SyntaxKind.DebuggerStatement]() {
            during = memo.get(ctx.sourceFile) === ctx.sourceFile.statements;
            if (ctx.text.includes("boom")) throw new Error("boom");
          },
        };
      },
    });
    const config = normalize({} as never, "/p", [memoRule]);
    for (const text of ["f(); debugger;", "boom(); debugger;"]) {
      during = false;
      const r = analyze(input(text, { rules: [memoRule], config }));
      assert.equal(during, true, "the memo answers within the analysis");
      assert.equal(memo.has(held!), false, "and holds nothing of the tree once it returns");
      assert.equal(r.problems.some((p) => p.kind === "ruleCrash"), text.startsWith("boom"));
    }
    // Outside an analysis (a helper tested directly) it is a plain memo until the next analysis ends.
    const sf = parse("/c.ts", "x;");
    memo.set(sf, sf.statements);
    assert.equal(memo.get(sf), sf.statements);
    analyze(input("y;"));
    assert.equal(memo.has(sf), false);
  });

  it("a kind the visitors ask for on one file only: its nodes are dispatched in order, and walkKinds answers as a walk", () => {
    const seen: string[] = [];
    let sameAsWalk = true;
    // Visits labels only in files that say so: the kind is listed for the walk from its first such file on.
    const labelRule = defineRule({
      id: "label-rule", docs: { description: "Lists labels, on files that say so" }, severity: "warning",
      cases: { label: { message: "label", fix: "none", description: "labels" } },
      create(ctx) {
        if (!ctx.text.includes("// labels")) return {};
        return {
          [ts.SyntaxKind.LabeledStatement](node: ts.LabeledStatement) {
            seen.push(node.label.text);
            const byWalk: ts.Node[] = [];
            walk(ctx.sourceFile, (n) => {
              if (n.kind === ts.SyntaxKind.LabeledStatement || n.kind === ts.SyntaxKind.DebuggerStatement) byWalk.push(n);
            });
            const byKinds: ts.Node[] = [];
            walkKinds(ctx.sourceFile, [ts.SyntaxKind.LabeledStatement, ts.SyntaxKind.DebuggerStatement], (n) => byKinds.push(n));
            if (byKinds.length !== byWalk.length || byKinds.some((n, i) => n !== byWalk[i])) sameAsWalk = false;
          },
        };
      },
    });
    const config = normalize({} as never, "/p", [labelRule, testRule]);
    const text = "a: for (;;) { b: while (x) { debugger; break a; } }\nc: { debugger; }";
    for (const t of [text, `// labels\n${text}`, `// labels\n${text}`]) analyze(input(t, { rules: [labelRule, testRule], config }));
    assert.deepEqual(seen, ["a", "b", "c", "a", "b", "c"]);
    assert.equal(sameAsWalk, true);
  });

  it("a walk nested in a visit leaves the outer walk's order intact", () => {
    const sf = parse("/a.ts", "f(a, b); g(c);");
    const outer: string[] = [];
    let inner = 0;
    walk(sf, (n) => {
      outer.push(n.getText(sf));
      if (ts.isCallExpression(n)) walk(n, () => void inner++);
    });
    const plain: string[] = [];
    walk(sf, (n) => plain.push(n.getText(sf)));
    assert.deepEqual(outer, plain);
    assert.equal(inner, 4 + 3);
  });

  it("parse sets the same parents as TypeScript's setParentNodes, and lists nodes in the walk's order", () => {
    // Every labelled file (TS, TSX, JS, JSX; decorators, JSX, JSDoc-heavy code) is the sample.
    const root = path.join(__dirname, "../../labelled");
    const files = fs.readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => /\.[cm]?[jt]sx?$/.test(f));
    assert.ok(files.length > 100, `found only ${files.length} labelled files`);
    let nodes = 0;
    for (const rel of files) {
      const file = path.join(root, rel);
      const text = fs.readFileSync(file, "utf8");
      const listed = new NodeList();
      const ours = parse(file, text, listed);
      const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.jsx$/.test(file) ? ts.ScriptKind.JSX : /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
      const theirs = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
      const a: string[] = [];
      const b: string[] = [];
      const key = (n: ts.Node) => `${n.kind}@${n.pos}-${n.end}<${n.parent ? `${n.parent.kind}@${n.parent.pos}-${n.parent.end}` : "root"}`;
      walk(ours, (n) => a.push(key(n)));
      walk(theirs, (n) => b.push(key(n)));
      assert.deepEqual(a, b, rel);
      assert.deepEqual(listed.nodes.slice(0, listed.length).map((n) => key(n!)), a, `${rel}: listed order`);
      assert.equal(listed.nodes.length, listed.length, `${rel}: a fresh list holds exactly the nodes`);
      nodes += a.length;
    }
    assert.ok(nodes > 10_000, `compared only ${nodes} nodes`);
  });
});

describe("engine: applying fixes", () => {
  it("sorts fixes, skips overlaps and applies the rest", () => {
    const fixes = [
      { title: "b", kind: "safe" as const, edits: [{ start: 4, end: 5, text: "B" }] },
      { title: "a", kind: "safe" as const, edits: [{ start: 0, end: 1, text: "A" }] },
      { title: "a2", kind: "safe" as const, edits: [{ start: 0, end: 2, text: "Z" }] },
    ];
    const r = applyFixes("abcdef", fixes);
    assert.equal(r.output, "AbcdBf");
    assert.deepEqual(r.skipped.map((f) => f.title), ["a2"]);
  });

  it("fixAll re-runs in passes until nothing is left to fix", () => {
    const r = fixAll(input("bad(bad); debugger;"), () => undefined);
    assert.deepEqual([r.output, r.fixed, r.converged], ["bad /* ok */(bad /* ok */); debugger;", ["test-rule/badName", "test-rule/badName"], true]);
  });

  describe("fixes that are sound alone but not together (papermark duplicate.ts)", () => {
    const twoBatches = "async function copy(a: P[], b: P[]) {\n  await Promise.allSettled(a);\n  await Promise.allSettled(b);\n}\n";
    const declare = (at: number, name: string) => ({ title: `declare ${name} at ${at}`, kind: "safe" as const, edits: [{ start: at, end: at, text: `const ${name} = 1; ` }] });

    it("newEarlyError: a name declared twice in one block, or a new syntax error; not one the file already had", () => {
      assert.deepEqual(newEarlyError("/p/a.ts", "f();", "const a = 1; const a = 2; f();"), { message: "TS2451 Cannot redeclare block-scoped variable 'a'.", line: 1 });
      assert.deepEqual(newEarlyError("/p/a.js", "f();\n", "f();\nlet a; var a;\n"), { message: "TS2451 Cannot redeclare block-scoped variable 'a'.", line: 2 });
      assert.deepEqual(newEarlyError("/p/a.ts", "f();", "f(;"), { message: "TS1005 ')' expected.", line: 1 });
      assert.equal(newEarlyError("/p/a.ts", "{ const a = 1; }", "{ const a = 1; } { const a = 2; }"), undefined);
      assert.equal(newEarlyError("/p/a.ts", "let a; let a;", "f(); let a; let a;"), undefined);
    });

    it("applyFixesSoundly keeps what applies together, drops the fix that redeclares, and says why", () => {
      const text = "function f() {\n  g();\n  h();\n}\n";
      const r = applyFixesSoundly("/p/a.ts", text, [declare(24, "y"), declare(17, "x"), declare(0, "z")]);
      assert.equal(r.output, "const z = 1; function f() {\n  const x = 1; g();\n  const y = 1; h();\n}\n");
      assert.deepEqual(r.dropped, []);
      const clash = applyFixesSoundly("/p/a.ts", text, [declare(24, "x"), declare(17, "x")]);
      assert.equal(clash.output, "function f() {\n  const x = 1; g();\n  h();\n}\n");
      assert.deepEqual(clash.applied.map((f) => f.title), ["declare x at 17"]);
      assert.deepEqual(clash.dropped.map((d) => [d.fix.title, d.why]), [["declare x at 24", "TS2451 Cannot redeclare block-scoped variable 'x'."]]);
    });

    it("fixAll writes no redeclared name: the second fix is left out and reported, its finding stays", () => {
      const r = fixAll(input(twoBatches, { rules: [settleRule], config: normalize({} as never, "/p", [settleRule]) }), () => undefined);
      assert.equal(r.output, 'async function copy(a: P[], b: P[]) {\n  const settled = await Promise.allSettled(a);\n  for (const result of settled) if (result.status === "rejected") console.error(result.reason);\n  await Promise.allSettled(b);\n}\n');
      assert.deepEqual([r.fixed, r.stop], [["settle-rule/unread"], "fixedPoint"]);
      assert.deepEqual(r.dropped, [{ code: "settle-rule/unread", title: "Log the rejected ones", why: "TS2451 Cannot redeclare block-scoped variable 'settled'.", line: 4 }]);
      assert.equal(newEarlyError("/p/src/a.ts", twoBatches, r.output), undefined);
    });

    it("fixAll with the real rule: each batch gets its own name, nothing is left out", () => {
      const r = fixAll(input(twoBatches, { rules: undefined, config: defaultConfig("/p") }), () => undefined);
      assert.match(r.output, /const settled = await Promise\.allSettled\(a\);[^]*const settled2 = await Promise\.allSettled\(b\);/);
      assert.deepEqual([r.fixed, r.dropped], [["swallowed-exception/allSettledUnchecked", "swallowed-exception/allSettledUnchecked"], []]);
      assert.equal(newEarlyError("/p/src/a.ts", twoBatches, r.output), undefined);
    });
  });
});
