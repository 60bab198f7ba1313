import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Production teable (eval/production, seed 20261237), session 25, developer prodse27: a test
// runner's setup file named for its kind of test (`vitest-e2e.setup.ts` beside `vitest-e2e.config.ts`),
// and an initialisation vector's fallback beside the key's; production vendure: a numeronym (`e2e`)
// among a made-up value's words. Hand-written analogues; every value is fabricated.

const SETUP = dedent`
  globalThis.testConfig = {
    userName: "test",
    password: "12345678",
  };
`;

const CRYPTO = dedent`
  export const encryption = {
    key: process.env.ACCESS_TOKEN_ENCRYPTION_KEY ?? "Qm7vXk2LpR9tWz4e",
    iv: process.env.ACCESS_TOKEN_ENCRYPTION_IV ?? "h3JdT8sYq0NcBv5u",
  };
`;

// Production vendure: an e2e spec's channel token, words with a numeronym (`e2e`), or generated.
const CHANNEL = (token: string): string => dedent`
  export const role = { code: "test", channels: [{ code: "default", id: "T_1", token: "${token}" }] };
`;

const valid: (string | ValidCase)[] = [
  { code: CHANNEL("e2e-default-channel"), filename: "packages/core/e2e/role.e2e-spec.ts" },
  { code: SETUP, filename: "apps/backend/vitest-e2e.setup.ts" },
  { code: SETUP, filename: "apps/backend/jest-e2e.setup.ts" },
  { code: SETUP, filename: "apps/backend/setupJest.js" },
];

const invalid: InvalidCase[] = [
  {
    name: "a setup file that names no test is judged like the app",
    code: SETUP,
    filename: "apps/backend/database.setup.ts",
    findings: [
      {
        case: "suspiciousName",
        line: 3,
        column: 13,
        endColumn: 23,
        suggestions: [
          { title: "Move secret to process.env.PASSWORD", output: SETUP.replace('"12345678"', 'process.env.PASSWORD ?? (() => { throw new Error("PASSWORD is not set"); })()') },
          { title: "Mark as not a secret…", output: SETUP.replace('  password:', "  // hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n  password:") },
        ],
      },
    ],
    output: null,
  },
  {
    name: "the key beside an initialisation vector's fallback is reported, the vector is not",
    code: CRYPTO,
    filename: "src/configs/auth.config.ts",
    findings: [
      {
        case: "envFallbackLiteral",
        line: 2,
        column: 51,
        endColumn: 69,
        suggestions: [
          { title: "Remove the insecure fallback", output: CRYPTO.replace('"Qm7vXk2LpR9tWz4e"', '(() => { throw new Error("ACCESS_TOKEN_ENCRYPTION_KEY is not set"); })()') },
          { title: "Mark as not a secret…", output: CRYPTO.replace("  key:", "  // hardening-hints-ignore-next-line hardcoded-secret/envFallbackLiteral -- <reason>\n  key:") },
        ],
      },
    ],
    output: null,
  },
];

invalid.push({
  name: "a generated token in an e2e spec is reported",
  code: CHANNEL("Zq8pL2vWx9TrKm4eJ7"),
  filename: "packages/core/e2e/role.e2e-spec.ts",
  findings: [
    {
      case: "suspiciousName",
      line: 1,
      column: 85,
      endColumn: 105,
      suggestions: [
        { title: "Move secret to process.env.TOKEN", output: CHANNEL("Zq8pL2vWx9TrKm4eJ7").replace('"Zq8pL2vWx9TrKm4eJ7"', 'process.env.TOKEN ?? (() => { throw new Error("TOKEN is not set"); })()') },
        { title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n${CHANNEL("Zq8pL2vWx9TrKm4eJ7")}` },
      ],
    },
  ],
  output: null,
});

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
