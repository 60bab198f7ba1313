import { ts } from "ts-morph";
import { defineRule } from "../../../src/engine/define-rule";
import type { Fix } from "../../../src/engine/types";

/**
 * A synthetic rule for engine tests, independent of the real families: it reports every
 * identifier named `bad` (case `badName`, safe fix appending an `ok` comment: it only adds information) and `debugger`
 * statements (case `debuggerStmt`, suggestion only). `behaviour` lets a test make it misbehave
 * (or report every finding with low confidence).
 */
export const behaviour: { mode: "ok" | "lowConfidence" | "throw" | "undeclared" | "safeOnSuggestion" | "missingData" | "badFix" | "overlap" | "noop" | "syntax" } = { mode: "ok" };

export const testRule = defineRule({
  id: "test-rule",
  docs: { description: "A rule for tests" },
  severity: "warning",
  cases: {
    badName: { message: "`{{name}}` is a bad name", fix: "safe", description: "bad names" },
    debuggerStmt: { message: "Debugger statement", fix: "suggestion", severity: "info", description: "debugger statements" },
  },
  create(ctx) {
    return {
      [ts.SyntaxKind.Identifier](node: ts.Identifier) {
        if (node.text !== "bad" || ctx.text.startsWith(" /* ok */", node.getEnd())) return;
        if (behaviour.mode === "throw") throw new Error("boom");
        if (behaviour.mode === "undeclared") return ctx.report({ case: "nope", node });
        if (behaviour.mode === "missingData") return ctx.report({ case: "badName", node });
        const start = node.getStart();
        const end = node.getEnd();
        const fixes = (): Fix[] => {
          switch (behaviour.mode) {
            case "overlap":
              return [{ title: "Overlap", kind: "safe", edits: [{ start, end, text: "x" }, { start: start + 1, end, text: "y" }] }];
            case "noop":
              return [{ title: "Nothing", kind: "safe", edits: [{ start, end, text: "bad" }] }];
            case "syntax":
              return [{ title: "Break it", kind: "safe", edits: [{ start, end, text: "good(" }] }];
            default:
              return [{ title: "Mark it ok", kind: "safe", isPreferred: true, edits: [{ start: end, end, text: " /* ok */" }] }];
          }
        };
        ctx.report({ case: "badName", node, data: { name: node.text }, fixes, ...(behaviour.mode === "lowConfidence" ? { lowConfidence: "testReason" } : {}) });
      },
      [ts.SyntaxKind.DebuggerStatement](node: ts.DebuggerStatement) {
        const kind = behaviour.mode === "safeOnSuggestion" ? "safe" : "suggestion";
        ctx.report({ case: "debuggerStmt", node, ...(behaviour.mode === "lowConfidence" ? { lowConfidence: "testReason" } : {}), fixes: () => [{ title: "Remove it", kind, edits: [{ start: node.getStart(), end: node.getEnd(), text: "" }] }] });
      },
    };
  },
});

/**
 * The allSettled fix as it was before session 24: every unread `await Promise.allSettled(…)` keeps
 * its results in `const settled`. Each fix alone is sound; two in one block redeclare `settled`
 * (papermark `duplicate.ts`), which the bulk paths must not write.
 */
export const settleRule = defineRule({
  id: "settle-rule",
  docs: { description: "A rule whose safe fixes collide" },
  severity: "warning",
  cases: { unread: { message: "Results dropped", fix: "safe", description: "unread allSettled" } },
  create(ctx) {
    return {
      [ts.SyntaxKind.ExpressionStatement](node: ts.ExpressionStatement) {
        const awaited = node.expression;
        if (!ts.isAwaitExpression(awaited) || !awaited.expression.getText().startsWith("Promise.allSettled(")) return;
        const text = `const settled = ${awaited.getText()};\n${" ".repeat(ctx.sourceFile.getLineAndCharacterOfPosition(node.getStart()).character)}for (const result of settled) if (result.status === "rejected") console.error(result.reason);`;
        ctx.report({ case: "unread", node, fixes: () => [{ title: "Log the rejected ones", kind: "safe", isPreferred: true, edits: [{ start: node.getStart(), end: node.getEnd(), text }] }] });
      },
    };
  },
});
