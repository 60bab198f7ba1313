import hardcodedSecret from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Session 45 (hsuc), hardcoded-secret's "Confidence": an environment fallback whose words say the key is not needed
// (`"not-required"` for an OpenAI-compatible server that takes none: production inbox-zero's `utils/llms/model.ts:564`;
// `"not-used"`: production anything-llm's LocalAI provider; `"unused-in-socket-mode"`: tune employee-slackbot-mcp,
// held round 27's placeholder reachable only where the secret is unused) stays a finding with low confidence, one step
// below the configured severity; a made-up default that says nothing of the kind keeps full confidence.

const named = new Set(["envFallbackLiteral"]);
const narrowed = { ...hardcodedSecret, cases: Object.fromEntries(Object.entries(hardcodedSecret.cases).filter(([id]) => named.has(id))) } as typeof hardcodedSecret;

const FILES = { "package.json": '{ "name": "api", "dependencies": { "express": "^4.19.0" } }\n' };

const CODE = (value: string) => `export const apiKey = process.env.LLM_API_KEY || "${value}";\n`;
const THROW = 'process.env.LLM_API_KEY || (() => { throw new Error("LLM_API_KEY is not set"); })()';
const PROD_ONLY = (value: string) => `process.env.LLM_API_KEY || (process.env.NODE_ENV === "production" ? (() => { throw new Error("LLM_API_KEY is not set"); })() : "${value}")`;

const row = (value: string, low: boolean): InvalidCase => ({
  name: `${low ? "low" : "full"} confidence: "${value}"`,
  code: CODE(value),
  filename: "src/llm.ts",
  files: FILES,
  output: null,
  findings: [
    {
      case: "envFallbackLiteral",
      line: 1,
      column: 50,
      endColumn: 52 + value.length,
      severity: low ? "warning" : "error",
      ...(low ? { confidence: "low" as const } : {}),
      suggestions: [
        { title: "Remove the insecure fallback", output: `export const apiKey = ${THROW};\n` },
        { title: "Require LLM_API_KEY in production, keep the default elsewhere", output: `export const apiKey = ${PROD_ONLY(value)};\n` },
        { title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/envFallbackLiteral -- <reason>\n${CODE(value)}` },
      ],
    },
  ],
});

const invalid: InvalidCase[] = [
  row("not-required", true),
  row("not-used", true),
  row("unused-in-socket-mode", true),
  row("no-key", true),
  row("fallback-key", false),
  row("notrequiredsecret", false),
];

new RuleTester().run(narrowed, { valid: [], invalid });
