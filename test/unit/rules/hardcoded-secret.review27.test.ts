import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 27's review (rv27) of an item session 26's review left: a hand-typed local connection
// string is not reported in a branch only a run outside production takes (held round 28), and that
// branch is told by a real environment test, not by any text holding "dev". Every value is fabricated.

const inBranch = (cond: string): string => dedent`
  export function databaseUrl(host: string) {
    if (${cond}) {
      return \`postgresql://postgres:postgres@\${host}:5432/app\`;
    }
    return process.env.DATABASE_URL;
  }
`;

const inElse = (cond: string): string => dedent`
  export function databaseUrl(host: string) {
    if (${cond}) {
      return process.env.DATABASE_URL;
    } else {
      return \`postgresql://postgres:postgres@\${host}:5432/app\`;
    }
  }
`;

const FILE = "lib/db.ts";

const valid: ValidCase[] = [
  'process.env.NODE_ENV === "development"',
  'process.env.APP_ENV === "dev"',
  '"development" == process.env.ENVIRONMENT',
  'import.meta.env.MODE === "development"',
  'app.get("env") === "development"',
  'process.env.NODE_ENV !== "production"',
  "!isProduction",
  "!config.isProd",
  "import.meta.env.DEV",
  "isDev",
  "config.isDevelopment",
  "__DEV__",
  'isDev && process.env.DATABASE_URL === undefined',
].map((cond) => ({ name: `inside if (${cond})`, code: inBranch(cond), filename: FILE }));
valid.push({ name: 'in the else of if (NODE_ENV === "production")', code: inElse('process.env.NODE_ENV === "production"'), filename: FILE });
valid.push({ name: "in the else of if (import.meta.env.PROD)", code: inElse("import.meta.env.PROD"), filename: FILE });

/** The connection string reported in a branch whose test is no environment test. */
function reported(cond: string, code: string): InvalidCase {
  const line = code.split("\n").findIndex((l) => l.includes("postgresql://")) + 1;
  const marked = code.replace("    return `postgresql", "    // hardening-hints-ignore-next-line hardcoded-secret/connectionString -- <reason>\n    return `postgresql");
  return { name: `reported under if (${cond})`, code, filename: FILE, findings: [{ case: "connectionString", line, column: 12, endColumn: 61, suggestions: [{ title: "Mark as not a secret…", output: marked }] }], output: null };
}

// Near misses: text holding "dev" that tests no environment (review rv27).
const invalid: InvalidCase[] = [
  'process.env.APP_ENV === "devops"',
  'platform === "device"',
  'user.role === "dev"',
  'host.includes("dev")',
  "opts.isDev === false",
  "isDevice",
  'process.env.NODE_ENV !== "development"',
].map((cond) => reported(cond, inBranch(cond)));
invalid.push(reported('plan === "prod"', inElse('plan === "prod"')));

// This table declares only the case its invalid rows name.
const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
