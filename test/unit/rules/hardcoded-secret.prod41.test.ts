import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Session 41, developer hs41: production inbox-zero and dub, triaged blind (hardcoded-secret 0 of 21 true). Fake values.
// - A test runner's configuration that runs the suite on this machine: `playwright.config.mjs` whose `webServer`
//   starts `next dev` on a localhost base URL, `AUTH_SECRET: process.env.AUTH_SECRET ?? "secret"` (inbox-zero :113).
// - A value that says it is an emulator's: `client_secret: "emulate-google-secret"` (inbox-zero emulate-seed.ts:25).
// - A test's connection string whose password holds characters a URL cannot hold unencoded: the input of an escaping
//   check (`user:$&"pa\\ss@db:5432/test`, inbox-zero utils.test.ts:101).
// - react-email's `PreviewProps` (inbox-zero packages/resend/emails/invitation.tsx:138).
// - A setup CLI's `"skipped"` written as the secret (inbox-zero packages/cli/src/main.ts:1032, setup-vercel.ts:94).
// - A comment that says the value is no secret (dub case-sensitivity.ts:2, tests/webhooks/index.test.ts:28).
// - Shopify's `checkout_token`, a checkout's id (dub scripts/dev/simulate-shopify-webhook.ts:9).

// inbox-zero's style: an ESM Playwright config.
const PLAYWRIGHT = `import { defineConfig } from "@playwright/test";
const baseURL = process.env.NEXT_PUBLIC_BASE_URL ?? \`http://localhost:\${3000}\`;
const internalApiKey = process.env.INTERNAL_API_KEY ?? "secret";
export default defineConfig({
  use: { baseURL },
  webServer: {
    command: "pnpm exec next dev",
    env: {
      AUTH_SECRET: process.env.AUTH_SECRET ?? "secret",
      GOOGLE_CLIENT_SECRET: process.env.GOOGLE_CLIENT_SECRET ?? "client_secret",
      GOOGLE_PUBSUB_VERIFICATION_TOKEN: process.env.GOOGLE_PUBSUB_VERIFICATION_TOKEN ?? "playwright-token",
      INTERNAL_API_KEY: internalApiKey,
    },
  },
});
`;
// Another style: a CommonJS Vitest config whose test env points at a local database.
const VITEST = `const { defineConfig } = require("vitest/config");
module.exports = defineConfig({
  test: { env: { DB_HOST: "127.0.0.1", JWT_SECRET: process.env.JWT_SECRET || "vitest-jwt-secret" } },
});
`;
// The neighbour: an e2e config against a deployed host.
const PLAYWRIGHT_STAGING = `import { defineConfig } from "@playwright/test";
const password = process.env.E2E_PASSWORD ?? "e2e-password";
export default defineConfig({ use: { baseURL: "https://staging.acme.io", httpCredentials: { username: "qa", password } } });
`;

const EMULATE_SEED = `export function buildEmulateSeed(baseUrl = "http://localhost:3000") {
  return {
    google: { oauth_clients: [{ client_id: "emulate-google-client.apps.googleusercontent.com", client_secret: "emulate-google-secret", redirect_uris: [\`\${baseUrl}/api/auth/callback/google\`] }] },
  };
}
`;
const DEV_SETUP = 'const EMULATED_MICROSOFT_CLIENT_SECRET = "emulate-microsoft-secret";\nexport const overrides = { MICROSOFT_CLIENT_SECRET: EMULATED_MICROSOFT_CLIENT_SECRET };\n';
// Another style: a Firebase emulator's admin token as an env fallback in JavaScript.
const EMULATOR_FALLBACK = 'exports.adminToken = process.env.AUTH_EMULATOR_ADMIN_TOKEN || "auth-emulator-token";\n';

// inbox-zero's unit test of its env-file generator, and another style: a Jest spec of a URL redaction helper.
const TEST_DB = `it("escapes quoted values", () => {
  const result = generateEnvFile({ env: { DATABASE_URL: 'postgresql://user:$&"pa\\\\ss@db:5432/test' } });
  expect(result).toContain("DATABASE_URL");
});
`;
const SPEC_MONGO = 'const uri = "mongodb://app:we|rd^pw@mongo:27017/test";\ndescribe("redact", () => { it("hides the password", () => { expect(redact(uri)).toBe("mongodb://app:***@mongo:27017/test"); }); });\n';
// The neighbour: a spec's working database URL on a hosted cluster.
const SPEC_HOSTED = 'const uri = "mongodb://app:Xk29fLq8Tz@cluster0.acme.io:27017/test";\ndescribe("repo", () => { it("connects", async () => { await connect(uri); }); });\n';

// react-email's preview props, and another style: a nested sample record cast to the props type.
const PREVIEW = `export default function InvitationEmail(props: { unsubscribeToken: string }) { return null; }
InvitationEmail.PreviewProps = {
  baseUrl: "https://www.getinboxzero.com",
  unsubscribeToken: "preview-token-123",
};
`;
const PREVIEW_NESTED = 'export const Welcome = (p: Props) => null;\nWelcome.PreviewProps = { user: { name: "Ada", apiKey: "ada-preview-key-7" } } as Props;\n';
// The neighbour: the same value as the component's defaults, which every render uses.
const DEFAULT_PROPS = 'export const Welcome = (p: Props) => null;\nWelcome.defaultProps = { unsubscribeToken: "preview-token-123" };\n';

const SKIPPED = 'export function write(env: Record<string, string>, wantsGoogle: boolean) {\n  if (!wantsGoogle) {\n    env.GOOGLE_CLIENT_SECRET = "skipped";\n  }\n}\n';
const SKIPPED_FALLBACK = 'export const shared = (config: Config) => ({ GOOGLE_CLIENT_SECRET: config.google?.clientSecret || "skipped", SLACK_SIGNING_SECRET: config.slack?.secret ?? "SKIPPED" });\n';

const XOR = '// This is not actually a secret key, it\'s just a string that we XOR with the key to make it case sensitive\nconst XOR_SECRET_KEY = "58ff90c0dc372ded858cbf8fb2306066";\nexport const mix = (k: string) => k + XOR_SECRET_KEY;\n';
const DUMMY_WEBHOOK = 'const webhook = {\n  id: "wh_IFL4j0toU6RAMz4R7mXjJ6C5", // dummy id\n  secret: "whsec_6f9f3a63705c44206ca655813bf91b61", // dummy secret\n};\ntest("signs", () => sign(webhook));\n';
// Another style: a JavaScript mock server's token, commented as fake.
const FAKE_TOKEN = 'module.exports = {\n  apiToken: "q7Zr9XkP2mWv4nLs8TgB", // fake token for the mock server\n};\n';
// The neighbour: the same webhook with a comment that says what the value is.
const WEBHOOK_SECRET = 'const webhook = {\n  id: "wh_IFL4j0toU6RAMz4R7mXjJ6C5",\n  secret: "whsec_6f9f3a63705c44206ca655813bf91b61", // the signing secret\n};\ntest("signs", () => sign(webhook));\n';
// The neighbour: a comment that only names the key.
const XOR_NAMED = '// the XOR secret key\nconst XOR_SECRET_KEY = "58ff90c0dc372ded858cbf8fb2306066";\nexport const mix = (k: string) => k + XOR_SECRET_KEY;\n';

const SHOPIFY = 'const event = orderSchema.parse({\n  confirmation_number: "WDQ0YHYU32",\n  checkout_token: "20585787a5a40274b6b34511d2f637e92",\n});\n';
const CART = 'export const order = { cartToken: "c1-7d2b8f0e9a1c4b6d3e5f", total: 12 };\n';

function mark(caseId: string, code: string, line: number): string {
  const lines = code.split("\n");
  const indent = /^\s*/.exec(lines[line - 1]!)![0];
  lines.splice(line - 1, 0, `${indent}// hardening-hints-ignore-next-line hardcoded-secret/${caseId} -- <reason>`);
  return lines.join("\n");
}

function at(code: string, literal: string): { line: number; column: number; endColumn: number } {
  const i = code.indexOf(literal);
  const line = code.slice(0, i).split("\n").length;
  const column = i - code.lastIndexOf("\n", i - 1);
  return { line, column, endColumn: column + literal.length };
}

const invalid: InvalidCase[] = [
  {
    name: "envFallbackLiteral: an e2e config against a deployed host keeps its made-up fallback reported",
    code: PLAYWRIGHT_STAGING,
    filename: "e2e/playwright.config.ts",
    findings: [{ case: "envFallbackLiteral", ...at(PLAYWRIGHT_STAGING, '"e2e-password"'), suggestions: [
      { title: "Remove the insecure fallback", output: PLAYWRIGHT_STAGING.replace('"e2e-password"', '(() => { throw new Error("E2E_PASSWORD is not set"); })()') },
      { title: "Require E2E_PASSWORD in production, keep the default elsewhere", output: PLAYWRIGHT_STAGING.replace('"e2e-password"', '(process.env.NODE_ENV === "production" ? (() => { throw new Error("E2E_PASSWORD is not set"); })() : "e2e-password")') },
      { title: "Mark as not a secret…", output: mark("envFallbackLiteral", PLAYWRIGHT_STAGING, 2) },
    ] }],
    output: null,
  },
  {
    name: "connectionString: a spec's database on a hosted cluster stays reported",
    code: SPEC_HOSTED,
    filename: "test/repo.spec.js",
    findings: [{ case: "connectionString", ...at(SPEC_HOSTED, '"mongodb://app:Xk29fLq8Tz@cluster0.acme.io:27017/test"'), suggestions: [
      { title: "Move secret to process.env.MONGODB_URI", output: SPEC_HOSTED.replace('"mongodb://app:Xk29fLq8Tz@cluster0.acme.io:27017/test"', 'process.env.MONGODB_URI ?? (() => { throw new Error("MONGODB_URI is not set"); })()') },
      { title: "Mark as not a secret…", output: mark("connectionString", SPEC_HOSTED, 1) },
    ] }],
    output: null,
  },
  {
    name: "suspiciousName: a component's defaultProps are no preview",
    code: DEFAULT_PROPS,
    filename: "emails/welcome.tsx",
    // A React component outside the app router is browser code: no move, the message says it must go to the server.
    findings: [{ case: "suspiciousName", ...at(DEFAULT_PROPS, '"preview-token-123"'), suggestions: [
      { title: "Mark as not a secret…", output: mark("suspiciousName", DEFAULT_PROPS, 2) },
    ] }],
    output: null,
  },
  {
    name: "suspiciousName: a comment that only names the key says nothing",
    code: XOR_NAMED,
    filename: "lib/api/links/case-sensitivity.ts",
    findings: [{ case: "suspiciousName", ...at(XOR_NAMED, '"58ff90c0dc372ded858cbf8fb2306066"'), suggestions: [
      { title: "Move secret to process.env.XOR_SECRET_KEY", output: XOR_NAMED.replace('"58ff90c0dc372ded858cbf8fb2306066"', 'process.env.XOR_SECRET_KEY ?? (() => { throw new Error("XOR_SECRET_KEY is not set"); })()') },
      { title: "Mark as not a secret…", output: mark("suspiciousName", XOR_NAMED, 2) },
    ] }],
    output: null,
  },
  {
    name: "providerKey: a whsec_ in a test with no comment that calls it made up stays reported",
    code: WEBHOOK_SECRET,
    filename: "apps/web/tests/webhooks/index.test.ts",
    findings: [{ case: "providerKey", ...at(WEBHOOK_SECRET, '"whsec_6f9f3a63705c44206ca655813bf91b61"'), suggestions: [
      { title: "Move secret to process.env.STRIPE_WEBHOOK_SECRET", output: WEBHOOK_SECRET.replace('"whsec_6f9f3a63705c44206ca655813bf91b61"', 'process.env.STRIPE_WEBHOOK_SECRET ?? (() => { throw new Error("STRIPE_WEBHOOK_SECRET is not set"); })()') },
      { title: "Mark as not a secret…", output: mark("providerKey", WEBHOOK_SECRET, 3) },
    ] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, {
  valid: [
    { name: "envFallbackLiteral: inbox-zero's Playwright config for the local next dev it starts", code: PLAYWRIGHT, filename: "apps/web/playwright.config.mjs" },
    { name: "envFallbackLiteral: another style, a CommonJS Vitest config's test env on 127.0.0.1", code: VITEST, filename: "vitest.config.js" },
    { name: "suspiciousName: a local OAuth emulator's seeded client secret", code: EMULATE_SEED, filename: "apps/web/scripts/emulate-seed.ts" },
    { name: "suspiciousName: the dev-setup script's matching emulator constant", code: DEV_SETUP, filename: "scripts/dev-setup.ts" },
    { name: "envFallbackLiteral: another style, an emulator's token as a JavaScript env fallback", code: EMULATOR_FALLBACK, filename: "functions/config.js" },
    { name: "connectionString: a unit test's escaping input", code: TEST_DB, filename: "packages/cli/src/utils.test.ts" },
    { name: "connectionString: another style, a redaction spec's password with characters a URL must encode", code: SPEC_MONGO, filename: "test/repo.spec.js" },
    { name: "suspiciousName: react-email PreviewProps", code: PREVIEW, filename: "packages/resend/emails/invitation.tsx" },
    { name: "suspiciousName: another style, nested preview props cast to the props type", code: PREVIEW_NESTED, filename: "emails/welcome.tsx" },
    { name: "suspiciousName: a setup CLI's skipped marker", code: SKIPPED, filename: "packages/cli/src/main.ts" },
    { name: "envFallbackLiteral: the skipped marker as an options object's default, any case", code: SKIPPED_FALLBACK, filename: "packages/cli/src/setup-vercel.ts" },
    { name: "suspiciousName: a constant commented as not actually a secret", code: XOR, filename: "apps/web/lib/api/links/case-sensitivity.ts" },
    { name: "providerKey: a whsec_ commented as a dummy secret in a test", code: DUMMY_WEBHOOK, filename: "apps/web/tests/webhooks/index.test.ts" },
    { name: "suspiciousName: another style, a JavaScript mock's token commented as fake", code: FAKE_TOKEN, filename: "mock-server/config.js" },
    { name: "suspiciousName: Shopify's checkout_token in a sample order", code: SHOPIFY, filename: "apps/web/scripts/dev/simulate-shopify-webhook.ts" },
    { name: "suspiciousName: another style, a cart token in camelCase", code: CART, filename: "src/orders/sample.ts" },
  ],
  invalid,
});
