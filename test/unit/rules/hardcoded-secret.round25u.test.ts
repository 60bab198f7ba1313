import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Held round 24 (issue 11), retired: some providers issue a UUID as the client or webhook secret,
// so a UUID under a secret's name is a credential (a UUID under an id's or a key's name is still an
// id). Hand-written analogues; every value is fabricated.

const UUID_SECRET = dedent`
  const PAYGATE_CLIENT_ID = "M22TESTMERCHANT";
  const PAYGATE_CLIENT_SECRET = "5f0c2a9e-7b41-4d3c-9a6e-2b8d1c4e7f90";
  export const credentials = { id: PAYGATE_CLIENT_ID, secret: PAYGATE_CLIENT_SECRET };
`;

const valid: (string | ValidCase)[] = [
  'export const PAYGATE_CLIENT_ID = "5f0c2a9e-7b41-4d3c-9a6e-2b8d1c4e7f90";',
  'export const config = { tenantKey: "5f0c2a9e-7b41-4d3c-9a6e-2b8d1c4e7f90", token: "5f0c2a9e-7b41-4d3c-9a6e-2b8d1c4e7f91" };',
];

const invalid: InvalidCase[] = [
  {
    name: "a UUID under a client secret's name",
    code: UUID_SECRET,
    filename: "scripts/paygate-token.js",
    findings: [
      {
        case: "suspiciousName",
        line: 2,
        column: 31,
        endColumn: 69,
        suggestions: [
          { title: "Move secret to process.env.PAYGATE_CLIENT_SECRET", output: UUID_SECRET.replace('"5f0c2a9e-7b41-4d3c-9a6e-2b8d1c4e7f90"', 'process.env.PAYGATE_CLIENT_SECRET ?? (() => { throw new Error("PAYGATE_CLIENT_SECRET is not set"); })()') },
          { title: "Mark as not a secret…", output: UUID_SECRET.replace("const PAYGATE_CLIENT_SECRET", "// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\nconst PAYGATE_CLIENT_SECRET") },
        ],
      },
    ],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
