import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 35, developer fc35: production mendableai/firecrawl's SDK examples (apps/js-sdk/example.ts:8). A placeholder
// written as words after a provider's key prefix (`fc-YOUR_API_KEY`, `pk_test_YOUR_KEY`, `sk_live_your_stripe_key`)
// is a placeholder like `YOUR_API_KEY`: the prefix only says which key goes there. A real key that happens to start
// with a word stays reported. A secret setting's fallback stays a finding, placeholders included (the docs: the
// fallback itself is the defect), so the firecrawl examples' `process.env.FIRECRAWL_API_KEY || "fc-YOUR_API_KEY"` did.
// Session 41 (produb41) took sample code out, as production firecrawl's record judged those lines (a file named as an
// example shows where the key goes: hardcoded-secret.produb41.test.ts); in application code the row below stays.
// Hand-written rows, fake values.

const span = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  const col = i - code.lastIndexOf("\n", i - 1);
  return { line: code.slice(0, i).split("\n").length, column: col, endColumn: col + needle.length };
};
const markLine = (code: string, line: number, kase: string) => {
  const lines = code.split("\n");
  const indent = /^\s*/.exec(lines[line - 1]!)![0];
  lines.splice(line - 1, 0, `${indent}// hardening-hints-ignore-next-line hardcoded-secret/${kase} -- <reason>`);
  return lines.join("\n");
};

const FC_HEADER = 'import axios from "axios";\nexport const api = axios.create({ baseURL: "https://api.firecrawl.dev", headers: { Authorization: "Bearer fc-YOUR_API_KEY" } });\n';
const STRIPE_NAME = 'export const config = { stripeSecretKey: "sk_live_your_stripe_key", publishableKey: "pk_test_YOUR_KEY" };\n';
const GH_HEADER = 'export const headers = { Authorization: "token ghp_PASTE_TOKEN_HERE" };\n';
const REAL_WORDS = 'export const headers = { Authorization: "Bearer sk_live_yourCo51HxAbCdEfGh" };\n';
const RANDOM_NAME = 'export const config = { stripeSecretKey: "sk_live_yourCo51HxAbCdEfGh" };\n';
const FALLBACK = 'const apiKey = process.env.FIRECRAWL_API_KEY || "fc-YOUR_API_KEY";\nexport const app = new Firecrawl({ apiKey });\n';

const valid: ValidCase[] = [
  { name: "authorizationHeader: a vendor-prefixed placeholder in a Bearer header", code: FC_HEADER, filename: "src/lib/firecrawl.ts" },
  { name: "suspiciousName: Stripe keys written as prefixed placeholders", code: STRIPE_NAME, filename: "src/config.ts" },
  { name: "authorizationHeader: a GitHub token placeholder ending in HERE after its prefix", code: GH_HEADER, filename: "scripts/gh.ts" },
];

// A reported row: the finding at `needle`, its moves (of `from`, the needle unless said), then the directive above the first line.
const reported = (name: string, code: string, filename: string, kase: string, needle: string, moves: { title: string; to: string }[], from = needle): InvalidCase => ({
  name,
  code,
  filename,
  findings: [{ case: kase, ...span(code, needle), suggestions: [...moves.map((m) => ({ title: m.title, output: code.replace(from, m.to) })), { title: "Mark as not a secret…", output: markLine(code, 1, kase) }] }],
  output: null,
});
const thrown = (env: string) => `(() => { throw new Error("${env} is not set"); })()`;

const invalid: InvalidCase[] = [
  reported("authorizationHeader: a key that starts with a word but is no placeholder stays reported", REAL_WORDS, "src/billing.ts", "authorizationHeader", '"Bearer sk_live_yourCo51HxAbCdEfGh"', [
    { title: "Move secret to process.env.API_TOKEN", to: `\`Bearer \${process.env.API_TOKEN ?? ${thrown("API_TOKEN")}}\`` },
  ]),
  reported("suspiciousName: a secret-named setting whose key starts with a word but is no placeholder", RANDOM_NAME, "src/config.ts", "suspiciousName", '"sk_live_yourCo51HxAbCdEfGh"', [
    { title: "Move secret to process.env.STRIPE_SECRET_KEY", to: `process.env.STRIPE_SECRET_KEY ?? ${thrown("STRIPE_SECRET_KEY")}` },
  ]),
  reported("envFallbackLiteral: a secret setting's prefixed placeholder fallback in application code stays reported (placeholders included)", FALLBACK, "src/lib/firecrawl.ts", "envFallbackLiteral", '"fc-YOUR_API_KEY"', [
    { title: "Remove the insecure fallback", to: `process.env.FIRECRAWL_API_KEY || ${thrown("FIRECRAWL_API_KEY")}` },
    { title: "Require FIRECRAWL_API_KEY in production, keep the default elsewhere", to: `process.env.FIRECRAWL_API_KEY || (process.env.NODE_ENV === "production" ? ${thrown("FIRECRAWL_API_KEY")} : "fc-YOUR_API_KEY")` },
  ], 'process.env.FIRECRAWL_API_KEY || "fc-YOUR_API_KEY"'),
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
