import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Made-up credentials of large codebases (issue 11, the production samples in eval/production),
// as hand-written analogues; every value is fabricated. Test files named with a qualifier
// (`*.e2e-spec.ts`) and test configuration modules are test code; Storybook's folder, load tests
// and code generation are tooling that logs in to a dev instance; a database on this machine in
// a test setup file; sentinel and stand-in values (`__dummy_session_token__`); a chat widget's
// site token; a request's own field with a labelled default; a seeder's per-run throwaway accounts.

const LOGIN = 'export const admin = { username: "superadmin", password: "superadmin" };';
const RANDOM = 'export const admin = { username: "superadmin", password: "Jq7vR2xLm9TzK4wP" };';
const SEEDER = (address: string) => dedent`
  import { nanoid } from "nanoid";
  const password = "Welcome-Seed1!";
  export async function seedUser(db: { createUser(u: object): Promise<unknown> }) {
    const id = nanoid();
    return db.createUser({ email: ${address}, password });
  }
`;

const valid: (string | ValidCase)[] = [
  // Test files the `*.test.*`/`*.spec.*` convention does not name, and a test's configuration module.
  { code: 'const session = { token: "mock-session-token-7", password: "hunter22" };', filename: "src/users/users.e2e-spec.ts" },
  { code: 'const apiKey = "qa-team-key-42";', filename: "src/orders/orders.int-spec.ts" },
  { code: 'const admin = { password: "cypress-pass" };', filename: "src/checkout.cy.ts" },
  { code: 'export const testConfig = { cookieOptions: { secret: "some-secret" }, superadminPassword: "superadmin" };', filename: "packages/testkit/src/config/test-config.ts" },
  // Tooling that logs in to a dev instance with the product's default login.
  { code: LOGIN, filename: ".storybook/preview.tsx" },
  { code: LOGIN, filename: "load-testing/scripts/login.ts" },
  { code: 'export const SUPERADMIN_PASSWORD = "superadmin";', filename: "k6/scenarios/checkout.js" },
  { code: 'export default { schema: { "http://localhost:3000/admin-api": { headers: { Authorization: "Bearer dev-token-for-codegen" } } } };', filename: "codegen.ts" },
  // Fixture modules, and documentation code.
  { code: 'export const userFixture = { email: "jane@acme.io", password: "Jane-Pass-1" };', filename: "src/testing/user.fixture.ts" },
  { code: 'const client = new Acme({ apiKey: "acme_live_key_123", secret: "my-app-secret" });', filename: "docs/snippets/quickstart.ts" },
  { code: 'export const client = new Acme({ secret: "my-app-secret" });', filename: "docs/getting-started.ts" },
  // A test setup file's local database (`??=` configures the run itself).
  { code: 'process.env.DATABASE_URL ??= "postgresql://postgres:postgres@localhost:5432/app";', filename: "vitest.setup.ts" },
  // Sentinels and stand-in values.
  'export const SESSION_TOKEN = "__dummy_session_token__";',
  'export const secret = "dummy-secret-value";',
  'export const config = { webhookSecret: "sampleWebhookSecret" };',
  'export const cdkSecret = { secretStringValue: "PLACEHOLDER-UPDATE-AFTER-DEPLOY" };',
  'export const headers = { "x-channel": "__default_channel__", authorization: "Bearer __dummy_session_token__" };',
  // A chat widget's site token, in every page's embed snippet.
  'export const chatwoot = { baseUrl: "https://chat.acme.io", websiteToken: "tK4mQ8zR2vX9bN7wL3pY6cJd" };',
  // A request's own field labelled when absent.
  'export const locals = (ctx: { apiKey?: string }) => ({ apiKey: ctx.apiKey ?? "internal-agent" });',
  // A seeder of throwaway accounts: a new address at a reserved domain on every call.
  { code: SEEDER("`${id}@example.com`"), filename: "src/seeders/user.seeder.ts" },
];

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
const move = (code: string, from: string, to: string, env: string) => ({ title: `Move secret to process.env.${env}`, output: code.replace(from, to) });
const thrown = (env: string) => `process.env.${env} ?? (() => { throw new Error("${env} is not set"); })()`;

const MANUAL = 'export const admin = { password: "superadmin" };';
const WIDGET_HMAC = 'export const chatwoot = { websiteHmacToken: "tK4mQ8zR2vX9bN7wL3pY6cJd" };';
const HONO = dedent`
  export const verify = (c: { env: { JWT_SECRET?: string } }) => c.env.JWT_SECRET ?? "hono-dev-secret";
`;
const FIXED_SEEDER = SEEDER('"admin@example.com"');
const DOCS_INSIDE = 'export const client = new Acme({ secret: "my-app-secret" });';
const RANDOM_HEADER = 'export const headers = { authorization: "Bearer __dk29Xv7QpLm4TzR8wN__" };';

const invalid: InvalidCase[] = [
  {
    name: "a random-looking password in Storybook's folder is still a credential",
    code: RANDOM,
    filename: ".storybook/preview.tsx",
    // A React file outside the Next.js app router is browser code: no environment to move it to.
    findings: [{ case: "suspiciousName", ...span(RANDOM, '"Jq7vR2xLm9TzK4wP"'), suggestions: [
      { title: "Mark as not a secret…", output: markLine(RANDOM, 1, "suspiciousName") },
    ] }],
    output: null,
  },
  {
    name: "a manual script named with a dash is no test file",
    code: MANUAL,
    filename: "scripts/login-test.js",
    findings: [{ case: "suspiciousName", ...span(MANUAL, '"superadmin"'), suggestions: [
      move(MANUAL, '"superadmin"', thrown("ADMIN_PASSWORD"), "ADMIN_PASSWORD"),
      { title: "Mark as not a secret…", output: markLine(MANUAL, 1, "suspiciousName") },
    ] }],
    output: null,
  },
  {
    name: "a widget's HMAC token is the server-side half",
    code: WIDGET_HMAC,
    findings: [{ case: "suspiciousName", ...span(WIDGET_HMAC, '"tK4mQ8zR2vX9bN7wL3pY6cJd"'), suggestions: [
      move(WIDGET_HMAC, '"tK4mQ8zR2vX9bN7wL3pY6cJd"', thrown("WEBSITE_HMAC_TOKEN"), "WEBSITE_HMAC_TOKEN"),
      { title: "Mark as not a secret…", output: markLine(WIDGET_HMAC, 1, "suspiciousName") },
    ] }],
    output: null,
  },
  {
    name: "a setting read through the context's environment keeps its default reported",
    code: HONO,
    findings: [{ case: "envFallbackLiteral", ...span(HONO, '"hono-dev-secret"'), suggestions: [
      { title: "Remove the insecure fallback", output: HONO.replace('"hono-dev-secret"', '(() => { throw new Error("JWT_SECRET is not set"); })()') },
      { title: "Mark as not a secret…", output: markLine(HONO, 1, "envFallbackLiteral") },
    ] }],
    output: null,
  },
  {
    name: "a seeder's one fixed account is no throwaway",
    code: FIXED_SEEDER,
    filename: "src/seeders/user.seeder.ts",
    findings: [{ case: "suspiciousName", ...span(FIXED_SEEDER, '"Welcome-Seed1!"'), suggestions: [
      move(FIXED_SEEDER, '"Welcome-Seed1!"', thrown("PASSWORD"), "PASSWORD"),
      { title: "Mark as not a secret…", output: markLine(FIXED_SEEDER, 2, "suspiciousName") },
    ] }],
    output: null,
  },
  {
    name: "a docs folder inside the source is the app's own code",
    code: DOCS_INSIDE,
    filename: "src/docs/client.ts",
    findings: [{ case: "suspiciousName", ...span(DOCS_INSIDE, '"my-app-secret"'), suggestions: [
      move(DOCS_INSIDE, '"my-app-secret"', thrown("SECRET"), "SECRET"),
      { title: "Mark as not a secret…", output: markLine(DOCS_INSIDE, 1, "suspiciousName") },
    ] }],
    output: null,
  },
  {
    name: "a random body between double underscores is no sentinel",
    code: RANDOM_HEADER,
    findings: [{ case: "authorizationHeader", ...span(RANDOM_HEADER, '"Bearer __dk29Xv7QpLm4TzR8wN__"'), suggestions: [
      move(RANDOM_HEADER, '"Bearer __dk29Xv7QpLm4TzR8wN__"', "`Bearer ${process.env.API_TOKEN ?? (() => { throw new Error(\"API_TOKEN is not set\"); })()}`", "API_TOKEN"),
      { title: "Mark as not a secret…", output: markLine(RANDOM_HEADER, 1, "authorizationHeader") },
    ] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
