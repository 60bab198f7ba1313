import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Session 41, developer produb41: production firecrawl, triaged blind. A placeholder fallback in sample code:
// `process.env.FIRECRAWL_API_KEY || "fc-YOUR_API_KEY"` in the JS SDK's example scripts (apps/js-sdk/example.ts:8,
// example_v1.js:7, example_v1.ts:8, example_watcher.ts:12): files named as examples, which show the reader where
// the key goes and deploy nothing. In an examples folder the same. A real-looking fallback there, and a
// placeholder fallback in a file not named as an example, are still reported.

// firecrawl's style: an ES module example at the SDK package's root.
const SDK_EXAMPLE = 'import Firecrawl from "@mendable/firecrawl-js";\nconst app = new Firecrawl({ apiKey: process.env.FIRECRAWL_API_KEY || "fc-YOUR_API_KEY" });\nexport default app;\n';
// Another style: CommonJS in an examples folder, a destructured default.
const FOLDER_EXAMPLE = 'const { STRIPE_SECRET_KEY = "sk_test_your_stripe_key" } = process.env;\nmodule.exports = require("stripe")(STRIPE_SECRET_KEY);\n';
// A file named as an example but a real-looking fallback.
const REAL_IN_EXAMPLE = 'const apiKey = process.env.OPENAI_API_KEY || "q7Zr9XkP2mWv4nLs8TbY";\nexport default apiKey;\n';
// A placeholder fallback in application code.
const APP_PLACEHOLDER = 'const apiKey = process.env.FIRECRAWL_API_KEY || "fc-YOUR_API_KEY";\nexport default apiKey;\n';

const IGNORE = "// hardening-hints-ignore-next-line hardcoded-secret/envFallbackLiteral -- <reason>\n";
const throwing = (name: string) => `(() => { throw new Error("${name} is not set"); })()`;
const at = (code: string, literal: string) => ({ case: "envFallbackLiteral", line: 1, column: code.indexOf(literal) + 1, endColumn: code.indexOf(literal) + 1 + literal.length });

const invalid: InvalidCase[] = [
  { name: "envFallbackLiteral: a real-looking fallback in a file named as an example", code: REAL_IN_EXAMPLE, filename: "apps/sdk/example.ts", findings: [{ ...at(REAL_IN_EXAMPLE, '"q7Zr9XkP2mWv4nLs8TbY"'), suggestions: [
    { title: "Remove the insecure fallback", output: REAL_IN_EXAMPLE.replace('"q7Zr9XkP2mWv4nLs8TbY"', throwing("OPENAI_API_KEY")) },
    { title: "Mark as not a secret…", output: `${IGNORE}${REAL_IN_EXAMPLE}` },
  ] }], output: null },
  { name: "envFallbackLiteral: a placeholder fallback in application code", code: APP_PLACEHOLDER, filename: "apps/api/src/lib/firecrawl.ts", findings: [{ ...at(APP_PLACEHOLDER, '"fc-YOUR_API_KEY"'), suggestions: [
    { title: "Remove the insecure fallback", output: APP_PLACEHOLDER.replace('"fc-YOUR_API_KEY"', throwing("FIRECRAWL_API_KEY")) },
    { title: "Require FIRECRAWL_API_KEY in production, keep the default elsewhere", output: APP_PLACEHOLDER.replace('"fc-YOUR_API_KEY"', `(process.env.NODE_ENV === "production" ? ${throwing("FIRECRAWL_API_KEY")} : "fc-YOUR_API_KEY")`) },
    { title: "Mark as not a secret…", output: `${IGNORE}${APP_PLACEHOLDER}` },
  ] }], output: null },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, {
  valid: [
    { name: "envFallbackLiteral: firecrawl's placeholder fallback in the SDK's example.ts", code: SDK_EXAMPLE, filename: "apps/js-sdk/example.ts" },
    { name: "envFallbackLiteral: the same in example_watcher.ts", code: SDK_EXAMPLE, filename: "apps/js-sdk/example_watcher.ts" },
    { name: "envFallbackLiteral: another style, a CommonJS destructured placeholder default in an examples folder", code: FOLDER_EXAMPLE, filename: "examples/stripe/server.js" },
  ],
  invalid,
});
