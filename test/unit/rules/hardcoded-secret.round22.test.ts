import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Conventions of the held round 21 labellers (issue 11, session 21) as hand-written analogues; every
// value is fabricated: a seeded account's stored scrypt digest with a comment giving its password
// away (tune lovesinghal31/SmartJansunwai server/storage.ts:132) is no secret, a random-looking key a
// doc comment gives a secret setting (tune Chrisbenor/v0-ai-receptionist-mvp app/api/chat/route.ts:6)
// is one, and a stand-in word joined to a credential's word is a placeholder (production logto
// packages/console/src/pages/Actions/ActionDetails/utils/config.tsx:68).

const DIGEST = "9c0e4a7d1f3b5a28c6e4d2f0a1b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c3d5e7f9a1b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3";
const SALT = "4f2a9c7e1b3d5f7a9c1e3b5d7f9a1c3e";

const valid: (string | ValidCase)[] = [
  // A seeder's admin account: the stored scrypt digest and its salt, a comment saying the password.
  `export const admin = { username: "admin", password: "${DIGEST}.${SALT}", role: "admin" }; // password: admin123`,
  // The same digest written salt first, and a bcrypt hash with the same kind of comment.
  `export const admin = { username: "admin", passwordHash: "${SALT}:${DIGEST}" };`,
  'export const admin = { username: "admin", password: "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy" }; // admin123',
  // A comment that gives a password away is a demo login's note, not a key.
  "// ADMIN_PASSWORD=Xk29fLq81mZpR7wN\nexport const admin = { password: process.env.ADMIN_PASSWORD };",
  // Placeholders, elided and typed values in doc comments.
  "/**\n * - N8N_API_KEY: your-api-key-here\n * - WEBHOOK_SECRET=whsec_...\n * - SESSION_SECRET=change-me-in-production-please\n */\nexport const key = process.env.N8N_API_KEY;",
  "// Token format: `tok_${base64url(24 bytes)}`; see https://example.com/docs/tokens\nexport const key = 1;",
  // A stand-in word joined to the credential's word: a sample event's placeholder.
  'export const sampleEvent = { user: { email: "jane@example.org" }, password: "example-password" };',
  'export const sampleEvent = { token: "sample_token", apiKey: "dummy-api-key" };',
  // Production growthbook (tool at f2a9fa6): type names a code generator emits as its `token`, an action
  // list under a resource named for a credential, a role setting, a "not configured" sentinel, and a
  // literal a check refuses by clearing the setting.
  'export function rustType(t: string) {\n  if (t === "json") return { token: "serde_json::Value" };\n  if (t === "float") return { token: "f64" };\n  return { token: "String" };\n}',
  'export const goTypes = { any: { token: "interface{}" }, list: { token: "[]map[string]interface{}" }, num: { token: "float64" } };',
  "export const isInt = (valueToken: string) => valueToken === \"int32\";",
  'export const permissions = { aiCredential: ["create", "update", "delete"], project: ["read"] };',
  'export const SECRET_API_KEY_ROLE = process.env.SECRET_API_KEY_ROLE || "readonly";',
  'export const params = { url: "https://warehouse-placeholder.invalid", port: 443, username: "pending_provisioning", password: "pending_provisioning" };',
  'let secretKey = process.env.SECRET_KEY || "";\nif (isProd && secretKey === "dev") {\n  secretKey = "";\n  console.error("SECRET_KEY must be set in production. Disabling access.");\n}\nexport const SECRET_KEY = secretKey;',
];

const KEY = "acmecorp_webhook_2026_secure_key_7hQ3z!";
const DOC = `/**\n * Required environment variables:\n * - N8N_API_KEY: API key for authenticating with n8n (e.g., ${KEY})\n */\nexport const key = process.env.N8N_API_KEY;\n`;
const CODE = '// const apiKey = "Rk8sLm2QpX9vT4wYbN6c";\nexport const apiKey = process.env.API_KEY;\n';
// Line and columns of `needle` in `code` (1-based).
const span = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  const line = code.slice(0, i).split("\n").length;
  const col = i - code.lastIndexOf("\n", i - 1);
  return { line, column: col, endColumn: col + needle.length };
};
const GHOST = `export const ghost = { adminApiKey: "64f1c2a9e7b3d5f1a2c4e6b8:${DIGEST.slice(0, 64)}" };`;
const ghostValue = `"64f1c2a9e7b3d5f1a2c4e6b8:${DIGEST.slice(0, 64)}"`;

const LOGGED = 'let secretKey = process.env.SECRET_KEY || "";\nif (isProd && secretKey === "dev") {\n  console.error("SECRET_KEY is the default");\n}\nexport const SECRET_KEY = secretKey;';
const TOKEN_LIST = 'export const tokens = { apiToken: ["create", "Xq7Lm2Rp9TvW4zKb8Nc3"] };';

const invalid: InvalidCase[] = [
  {
    name: "a check that only logs on the default refuses nothing",
    code: LOGGED,
    findings: [{ case: "suspiciousName", ...span(LOGGED, '"dev"'), suggestions: [{ title: "Move secret to process.env.SECRET_KEY", output: LOGGED.replace('=== "dev"', '=== (process.env.SECRET_KEY ?? (() => { throw new Error("SECRET_KEY is not set"); })())') }, { title: "Mark as not a secret…", output: LOGGED.replace("if (isProd", "// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\nif (isProd") }] }],
    output: null,
  },
  {
    name: "a random-looking value among action names stays reported",
    code: TOKEN_LIST,
    findings: [{ case: "suspiciousName", ...span(TOKEN_LIST, '"Xq7Lm2Rp9TvW4zKb8Nc3"'), suggestions: [{ title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n${TOKEN_LIST}` }] }],
    output: null,
  },
  {
    name: "a random-looking key a doc comment gives a secret setting, with no provider shape",
    code: DOC,
    findings: [{ case: "secretInComment", ...span(DOC, KEY), message: "A 39-character key is written in a comment: anyone who can read the code can use it. Delete it from the comment." }],
    output: DOC.replace(KEY, "<redacted>"),
  },
  {
    name: "a key-named literal in commented-out code",
    code: CODE,
    findings: [{ case: "secretInComment", ...span(CODE, "Rk8sLm2QpX9vT4wYbN6c"), suggestions: [{ title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/secretInComment -- <reason>\n${CODE}` }] }],
    output: CODE.replace("Rk8sLm2QpX9vT4wYbN6c", "<redacted>"),
  },
  {
    name: "a hex id:secret pair under a key name is no password digest",
    code: GHOST,
    findings: [
      {
        case: "suspiciousName",
        ...span(GHOST, ghostValue),
        suggestions: [
          { title: "Move secret to process.env.ADMIN_API_KEY", output: GHOST.replace(ghostValue, 'process.env.ADMIN_API_KEY ?? (() => { throw new Error("ADMIN_API_KEY is not set"); })()') },
          { title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n${GHOST}` },
        ],
      },
    ],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
