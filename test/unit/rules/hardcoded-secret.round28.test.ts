import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Held round 28 (issue 11, session 26, se26), retired: a session secret's development default below
// a top-level check that throws when the variable is unset in production; a local default
// connection string built only outside production; a "clerk_managed" marker in a password column.
// Hand-written analogues; every value is fabricated.

const GUARDED = dedent`
  if (!process.env.SESSION_SECRET && process.env.NODE_ENV === "production") {
    throw new Error("SESSION_SECRET is required in production");
  }
  export const sessionConfig = { secret: process.env.SESSION_SECRET || "dev-secret-change-in-prod" };
`;

// The check tests another variable: the fallback still runs in production.
const OTHER_GUARD = dedent`
  if (!process.env.JWT_SECRET && process.env.NODE_ENV === "production") {
    throw new Error("JWT_SECRET is required in production");
  }
  export const sessionConfig = { secret: process.env.SESSION_SECRET || "dev-secret-change-in-prod" };
`;

const DEV_REPAIR = dedent`
  export function repairUrl(host: string) {
    if (process.env.NODE_ENV === "production") {
      return process.env.DATABASE_URL;
    } else {
      process.env.DATABASE_URL = \`postgresql://postgres:postgres@\${host}:5432/app\`;
      return process.env.DATABASE_URL;
    }
  }
`;

const PROD_REPAIR = dedent`
  export function repairUrl(host: string) {
    if (process.env.NODE_ENV === "production") {
      process.env.DATABASE_URL = \`postgresql://postgres:postgres@\${host}:5432/app\`;
    }
    return process.env.DATABASE_URL;
  }
`;

const valid: (string | ValidCase)[] = [
  { code: GUARDED, filename: "server/index.ts" },
  'if (process.env.NODE_ENV === "production" && !process.env.JWT_SECRET) throw new Error("JWT_SECRET is required");\nconst secret = process.env.JWT_SECRET || "supersecret";',
  { code: DEV_REPAIR, filename: "lib/prisma.ts" },
  { code: 'export const row = { user_id: id, email, password: "clerk_managed" };', filename: "app/api/sync-user/route.ts" },
  { code: 'export const row = { user_id: id, email, password: "managed_by_auth0" };', filename: "app/api/sync-user/route.ts" },
];

const invalid: InvalidCase[] = [
  {
    name: "a production check of another variable leaves the fallback reachable in production",
    code: OTHER_GUARD,
    filename: "server/index.ts",
    findings: [
      {
        case: "envFallbackLiteral",
        line: 4,
        column: 70,
        endColumn: 97,
        suggestions: [
          { title: "Require SESSION_SECRET in production, keep the default elsewhere", output: OTHER_GUARD.replace('|| "dev-secret-change-in-prod"', '|| (process.env.NODE_ENV === "production" ? (() => { throw new Error("SESSION_SECRET is not set"); })() : "dev-secret-change-in-prod")') },
          { title: "Mark as not a secret…", output: OTHER_GUARD.replace("export const", "// hardening-hints-ignore-next-line hardcoded-secret/envFallbackLiteral -- <reason>\nexport const") },
        ],
      },
    ],
    output: null,
  },
  {
    name: "a local default connection string built in the production branch",
    code: PROD_REPAIR,
    filename: "lib/prisma.ts",
    findings: [
      {
        case: "connectionString",
        line: 3,
        column: 32,
        endColumn: 81,
        suggestions: [{ title: "Mark as not a secret…", output: PROD_REPAIR.replace("    process.env.DATABASE_URL =", "    // hardening-hints-ignore-next-line hardcoded-secret/connectionString -- <reason>\n    process.env.DATABASE_URL =") }],
      },
    ],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
