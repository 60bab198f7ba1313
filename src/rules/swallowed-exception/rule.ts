import { ts } from "ts-morph";
import { defineRule } from "../../engine/define-rule";

export default defineRule({
  id: "swallowed-exception",
  docs: { description: "Errors must not be caught and lost" },
  severity: "warning",
  cases: {
    emptyCatch: { message: "Error is caught and dropped by an empty `catch`", fix: "suggestion", description: "An empty catch block" },
  },
  create(ctx) {
    return {
      [ts.SyntaxKind.CatchClause](node: ts.CatchClause) {
        if (node.block.statements.length > 0) return;
        ctx.report({ case: "emptyCatch", node: node.block });
      },
    };
  },
});
