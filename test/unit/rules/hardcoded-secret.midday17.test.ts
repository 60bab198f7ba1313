import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Publishable keys found on midday-ai/midday (issue 11): logo.dev's `pk_` token in `img.logo.dev` URLs, public
// like Stripe's `pk_`. Hand-written analogues; every key-shaped value is fabricated.

const LOGO_PK = "pk_Qm7vT2xLpR9sKd4WnY8bZa";
const LOGO_SK = "sk_Qm7vT2xLpR9sKd4WnY8bZa";
const ALGOLIA_KEY = "6be0576ff61c053d5f9a3225e2a90f76";

const valid: (string | ValidCase)[] = [
    `export const logoUrl = (domain: string) => \`https://img.logo.dev/\${domain}?token=${LOGO_PK}&size=180\`;`,
    `const img = "https://img.logo.dev/example.com?token=${LOGO_PK}";`,
    'const omisePublicKey = "pkey_test_5x8n2m4q7r9t1v3w6y";',
    'const flutterwave = { publicKey: "FLWPUBK_TEST-0a1b2c3d4e5f60718293a4b5c6d7e8f9-X" };',
    `const ALGOLIA_SEARCH_API_KEY = "${ALGOLIA_KEY}";`,
    `const searchClient = algoliasearch("ABCDEF1234", "${ALGOLIA_KEY}"); const searchOnlyApiKey = "${ALGOLIA_KEY}";`,
];

/** The fail-fast env read the move fix writes. */
const env = (name: string) => `process.env.${name} ?? (() => { throw new Error("${name} is not set"); })()`;
const markAbove = (code: string, caseId: string) => ({ title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/${caseId} -- <reason>\n${code}` });

const LOGO_SECRET = `const img = "https://img.logo.dev/example.com?token=${LOGO_SK}";`;
const ALGOLIA_ADMIN = `const ALGOLIA_ADMIN_API_KEY = "${ALGOLIA_KEY}";`;

const invalid: InvalidCase[] = [
  {
    name: "logo.dev: a secret key (sk_) in the same URL stays reported",
    code: LOGO_SECRET,
    findings: [{ case: "suspiciousName", line: 1, column: 13, endColumn: 79, suggestions: [
      { title: "Move secret to process.env.LOGO_TOKEN", output: `const img = \`https://img.logo.dev/example.com?token=\${${env("LOGO_TOKEN")}}\`;` },
      markAbove(LOGO_SECRET, "suspiciousName"),
    ] }],
    output: null,
  },
  {
    name: "algolia: an admin key is no search-only key",
    code: ALGOLIA_ADMIN,
    findings: [{ case: "suspiciousName", line: 1, column: 31, endColumn: 65, suggestions: [
      { title: "Move secret to process.env.ALGOLIA_ADMIN_API_KEY", output: `const ALGOLIA_ADMIN_API_KEY = ${env("ALGOLIA_ADMIN_API_KEY")};` },
      markAbove(ALGOLIA_ADMIN, "suspiciousName"),
    ] }],
    output: null,
  },
];

// Only the cases the invalid rows name are declared (hardcoded-secret.test.ts exercises every case).
const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
