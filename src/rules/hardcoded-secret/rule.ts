import { ts } from "ts-morph";
import { defineRule } from "../../engine/define-rule";
import { redactSecret } from "../../engine/redact";

export default defineRule({
  id: "hardcoded-secret",
  docs: { description: "Credentials must not be written in source code" },
  severity: "error",
  cases: {
    stripeKey: { message: "Stripe live secret key {{hint}} is hard-coded", fix: "suggestion", description: "A Stripe secret key in source" },
  },
  options: {
    schema: { type: "object", properties: { allow: { type: "array", items: { type: "string", format: "regex-or-string" }, description: "Values (or /regex/) that are not secrets." } } },
    defaults: { allow: [] as string[] },
  },
  create(ctx) {
    return {
      [ts.SyntaxKind.StringLiteral](node: ts.StringLiteral) {
        if (!/^sk_live_[A-Za-z0-9]{16,}$/.test(node.text)) return;
        ctx.report({ case: "stripeKey", node, data: { hint: redactSecret(node.text, "sk_live_") } });
      },
    };
  },
});
