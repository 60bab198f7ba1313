import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Held round 22 (issue 11) as hand-written analogues; every value is fabricated. A password written
// into SQL text (a migration's `INSERT … VALUES`, also into a column named for its digest when the
// value is no digest) is a credential; a provider's demo account that a comment says comes from its
// documentation is not. Production triage (issue 11) as analogues: a seeder's record filled with one
// stand-in word (NangoHQ/nango shared/lib/seeders/config.seeder.ts:116), and a sample entry whose
// key is also its id (growthbook front-end/components/CustomHooks/CustomHookModal.tsx:96).

const MIGRATION = (columns: string, values: string) => dedent`
  import { neon } from "@neondatabase/serverless";
  const sql = neon(process.env.DATABASE_URL);
  const migrations = [
    \`INSERT INTO staff (${columns})
     VALUES (${values})
     ON CONFLICT (username) DO NOTHING\`,
  ];
  for (const m of migrations) await sql(m);
`;

const DEMO = (comment: string) => dedent`
  export const PARCELS = {
    LIVE: "https://parcels.acme-post.bg/api",
    SANDBOX: "https://demo.acme-post.bg/api",
    // ${comment}
    SANDBOX_LOGIN: {
      username: "acme-dev",
      password: "2Acme-dev",
    },
  };
`;

const valid: (string | ValidCase)[] = [
  // A bcrypt digest, a placeholder parameter, a column that holds no credential.
  { code: MIGRATION("username, password_hash, role", "'admin', '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', 'admin'"), filename: "scripts/migrate.mjs" },
  { code: MIGRATION("username, password, role", "'admin', $1, 'admin'"), filename: "scripts/migrate.mjs" },
  { code: MIGRATION("username, display_name, role", "'admin', 'Admin User', 'admin'"), filename: "scripts/migrate.mjs" },
  // `demo` among the typed words of an assigned value is a stand-in (session 27, retired held round 30).
  'export const entry = { userId: "u_1", user: { type: "api_key", apiKey: "key_demo42" } };',
  // A demo account at a reserved domain, as in an object (`{ email: "…@example.com", password }`).
  { code: MIGRATION("email, password, role", "'lyra@example.com', 'password2', 'user'"), filename: "scripts/seed.mjs" },
  { code: DEMO("Sandbox account (as given in the provider's documentation)"), filename: "lib/parcels.ts" },
  { code: DEMO("Demo credentials from the API docs"), filename: "lib/parcels.ts" },
  'export const seedProvider = () => ({ oauth_client_id: "test", oauth_client_secret: "test", oauth_scopes: "test" });',
  'export const sampleApprovals = [{ userId: "key_acme42", user: { type: "api_key", apiKey: "key_acme42" }, status: "approved" }];',
];

// Line and columns of `needle` in `code` (1-based).
const span = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  const col = i - code.lastIndexOf("\n", i - 1);
  return { line: code.slice(0, i).split("\n").length, column: col, endColumn: col + needle.length };
};
const ignored = (code: string, line: number, kase: string) => {
  const lines = code.split("\n");
  const indent = /^\s*/.exec(lines[line - 1]!)![0];
  lines.splice(line - 1, 0, `${indent}// hardening-hints-ignore-next-line hardcoded-secret/${kase} -- <reason>`);
  return lines.join("\n");
};

const PLAIN_IN_HASH = MIGRATION("username, password_hash, first_name, role", "'admin', 'admin123', 'Admin', 'admin'");
const UPDATE = dedent`
  export async function reset(db: { query(q: string): Promise<unknown> }) {
    await db.query("UPDATE users SET password = 'Welcome-2024' WHERE username = 'admin'");
  }
`;
const OWN_ACCOUNT = DEMO("Our sandbox account, see docs/setup.md");
const DEMO_LOGIN = 'export const login = { username: "demo", password: "demo" };';
const MIXED = 'export const provider = { oauth_client_id: "acme-web", oauth_client_secret: "test", oauth_scopes: "test" };';
const OTHER_ID = 'export const entry = { userId: "u_1", user: { type: "api_key", apiKey: "key_acme42" } };';
const moved = (code: string, literal: string, env: string) => [
  { title: `Move secret to process.env.${env}`, output: code.replace(literal, `process.env.${env} ?? (() => { throw new Error("${env} is not set"); })()`) },
  { title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n${code}` },
];

const invalid: InvalidCase[] = [
  {
    name: "a plain password in a column named for its digest",
    code: PLAIN_IN_HASH,
    filename: "scripts/run-migration.mjs",
    // No directive line can go inside the string, and the value is part of the SQL: no fix.
    findings: [{ case: "suspiciousName", ...span(PLAIN_IN_HASH, "admin123"), suggestions: [] }],
    output: null,
  },
  {
    name: "a password set by an UPDATE statement",
    code: UPDATE,
    findings: [{ case: "suspiciousName", ...span(UPDATE, "Welcome-2024"), suggestions: [{ title: "Mark as not a secret…", output: ignored(UPDATE, 2, "suspiciousName") }] }],
    output: null,
  },
  {
    name: "an account the comment does not say is the provider's published demo",
    code: OWN_ACCOUNT,
    filename: "lib/parcels.ts",
    findings: [
      {
        case: "suspiciousName",
        ...span(OWN_ACCOUNT, '"2Acme-dev"'),
        suggestions: [
          { title: "Move secret to process.env.SANDBOX_LOGIN_PASSWORD", output: OWN_ACCOUNT.replace('"2Acme-dev"', 'process.env.SANDBOX_LOGIN_PASSWORD ?? (() => { throw new Error("SANDBOX_LOGIN_PASSWORD is not set") })()') },
          { title: "Mark as not a secret…", output: ignored(OWN_ACCOUNT, 7, "suspiciousName") },
        ],
      },
    ],
    output: null,
  },
  {
    name: "a two-field demo login is no record of stand-in words",
    code: DEMO_LOGIN,
    findings: [{ case: "suspiciousName", ...span(DEMO_LOGIN, '"demo" }'), endColumn: span(DEMO_LOGIN, '"demo" }').column + 6, suggestions: [
      { title: "Move secret to process.env.LOGIN_PASSWORD", output: DEMO_LOGIN.replace('password: "demo"', 'password: process.env.LOGIN_PASSWORD ?? (() => { throw new Error("LOGIN_PASSWORD is not set"); })()') },
      { title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n${DEMO_LOGIN}` },
    ] }],
    output: null,
  },
  {
    name: "a stand-in secret beside a real client id",
    code: MIXED,
    findings: [{ case: "suspiciousName", ...span(MIXED, '"test", oauth_scopes'), endColumn: span(MIXED, '"test", oauth_scopes').column + 6, suggestions: [
      { title: "Move secret to process.env.OAUTH_CLIENT_SECRET", output: MIXED.replace('oauth_client_secret: "test"', 'oauth_client_secret: process.env.OAUTH_CLIENT_SECRET ?? (() => { throw new Error("OAUTH_CLIENT_SECRET is not set"); })()') },
      { title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n${MIXED}` },
    ] }],
    output: null,
  },
  {
    name: "a key that no id of the record repeats",
    code: OTHER_ID,
    findings: [{ case: "suspiciousName", ...span(OTHER_ID, '"key_acme42"'), suggestions: moved(OTHER_ID, '"key_acme42"', "USER_API_KEY") }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
