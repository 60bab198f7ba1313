import { ts } from "ts-morph";
import { defineRule } from "../../engine/define-rule";

export default defineRule({
  id: "unvalidated-boundary",
  docs: { description: "External input must be validated with a schema before use" },
  severity: "warning",
  cases: {
    expressBody: { message: "`{{read}}` is used without schema validation", fix: "suggestion", description: "Express request body used without validation" },
  },
  create(ctx) {
    return {
      [ts.SyntaxKind.PropertyAccessExpression](node: ts.PropertyAccessExpression) {
        if (node.name.text !== "body" || !ts.isIdentifier(node.expression) || node.expression.text !== "req") return;
        if (!ts.isPropertyAccessExpression(node.parent) || node.parent.expression !== node) return;
        ctx.report({ case: "expressBody", node, data: { read: "req.body" } });
      },
    };
  },
});
