import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Held round 32 (retired to tune), session 30, developer uc30: an OpenRouter key (sk-or-v1- + 64 hex)
// under a name that says nothing, handed to the openai SDK with OpenRouter's baseURL (hackaithon-ec
// server/lib/deepseek.ts:4, labelled a providerKey finding). Hand-written analogues.

const KEY = "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";
const OPENROUTER = `const key = "${KEY}";`;
const env = (name: string) => `process.env.${name} ?? (() => { throw new Error("${name} is not set"); })()`;
const markAbove = (code: string) => ({ title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/providerKey -- <reason>\n${code}` });
const at = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  return { line: 1, column: i + 1, endColumn: i + 1 + needle.length };
};

const valid: (string | ValidCase)[] = [
  // A placeholder with the prefix and no key body, and a body one character short.
  'const key = "sk-or-v1-your-key-here";',
  `const key = "${KEY.slice(0, -1)}";`,
  { code: "const key = process.env.OPENROUTER_API_KEY;", filename: "server/lib/deepseek.ts" },
];

const invalid: InvalidCase[] = [
  {
    name: "an OpenRouter key under a name that says nothing",
    code: OPENROUTER,
    filename: "server/lib/deepseek.ts",
    findings: [{ case: "providerKey", ...at(OPENROUTER, `"${KEY}"`), suggestions: [{ title: "Move secret to process.env.OPENROUTER_API_KEY", output: `const key = ${env("OPENROUTER_API_KEY")};` }, markAbove(OPENROUTER)] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
