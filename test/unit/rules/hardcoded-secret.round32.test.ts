import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Held round 32 (retired to tune), session 30, developer uc30: an OpenRouter key (sk-or-v1- + 64 hex)
// under a name that says nothing, handed to the openai SDK with OpenRouter's baseURL (hackaithon-ec
// server/lib/deepseek.ts:4, labelled a providerKey finding), and the other AI providers of the same
// shape (xAI, Perplexity, Replicate). Hand-written analogues.

const KEY = "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";

/** A one-line file holding `token` in quotes: reported as a providerKey, moved to `envName` by the fix. */
function provider(name: string, code: string, token: string, envName: string): InvalidCase {
  const quoted = `"${token}"`;
  const start = code.indexOf(quoted);
  const moved = `process.env.${envName} ?? (() => { throw new Error("${envName} is not set"); })()`;
  const ignored = `// hardening-hints-ignore-next-line hardcoded-secret/providerKey -- <reason>\n${code}`;
  return {
    name,
    code,
    filename: "server/lib/ai.ts",
    findings: [{ case: "providerKey", line: 1, column: start + 1, endColumn: start + 1 + quoted.length, suggestions: [{ title: `Move secret to process.env.${envName}`, output: code.replace(quoted, moved) }, { title: "Mark as not a secret…", output: ignored }] }],
    output: null,
  };
}

const valid: (string | ValidCase)[] = [
  // Placeholders with the prefixes, and bodies one or more characters short.
  'const key = "sk-or-v1-your-key-here";',
  `const key = "${KEY.slice(0, -1)}";`,
  { code: "const key = process.env.OPENROUTER_API_KEY;", filename: "server/lib/deepseek.ts" },
  'const k = "pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";',
  'const k = "r8_WesXNvqsCpq7r1gpQABpB3NJvdR";',
  'const k = "xai-CNPlxZEZVpxDTRD8N6Luet7LwS2qyuijh7pdHbmNzsw";',
];

const XAI = "xai-Q7mZr2KdW9pLx4Tn8VbY3cHs6JfA1gUe5RkN0oPq2DwM7tXz9LvB4hCy8SjG3aFn6KuE1iRp5ZmT0wQd7YbVx2";
const PPLX = "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";
const R8 = "r8_Wq3XNvZsCpT7r1gKQABpB3NJvdRm21nb2s7HV";
const invalid: InvalidCase[] = [
  provider("an OpenRouter key under a name that says nothing", `const key = "${KEY}";`, KEY, "OPENROUTER_API_KEY"),
  provider("an xAI key in an object", `export const grok = { key: "${XAI}" };`, XAI, "XAI_API_KEY"),
  provider("a Perplexity key", `const k = "${PPLX}";`, PPLX, "PERPLEXITY_API_KEY"),
  provider("a Replicate token", `const k = "${R8}";`, R8, "REPLICATE_API_TOKEN"),
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
