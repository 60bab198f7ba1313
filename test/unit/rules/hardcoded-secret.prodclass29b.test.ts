import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Production linkwarden and karakeep (eval/production, seeds 20261240 and 20261239), session 26,
// developer prodclass29b: a seed script's one password for several demo users, every address fixed
// at a reserved domain, typed in a local away from the address objects. Hand-written analogues;
// every value is fabricated.

const seed = (second: string): string => dedent`
  async function main() {
    const defaultPassword = "11111111";
    const hashed = bcrypt.hashSync(defaultPassword, 10);
    await prisma.user.create({ data: { username: "user1", email: "user1@example.com", password: hashed } });
    await prisma.user.create({ data: { username: "user2", email: "${second}", password: hashed } });
  }
`;

const valid: ValidCase[] = [{ code: seed("user2@example.com"), filename: "packages/prisma/seed.js" }];

// One address at a real domain: real accounts.
const REAL = seed("ops@acme.io");
const invalid: InvalidCase[] = [
  {
    name: "a seed script that also makes an account at a real domain",
    code: REAL,
    filename: "packages/prisma/seed.js",
    findings: [
      {
        case: "suspiciousName",
        line: 2,
        column: 27,
        endColumn: 37,
        suggestions: [
          { title: "Move secret to process.env.DEFAULT_PASSWORD", output: REAL.replace('"11111111"', 'process.env.DEFAULT_PASSWORD ?? (() => { throw new Error("DEFAULT_PASSWORD is not set"); })()') },
          { title: "Mark as not a secret…", output: REAL.replace("  const defaultPassword", "  // hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n  const defaultPassword") },
        ],
      },
    ],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
