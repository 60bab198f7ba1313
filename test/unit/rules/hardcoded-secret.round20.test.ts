import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Classes from the production triage of medusajs/medusa (issue 11), as hand-written analogues;
// every key-shaped value is fabricated.

const CONFIG_CLASS = [
  "export class ConfigManager {",
  "  #isProduction = process.env.NODE_ENV === \"production\";",
  "  protected rejectErrors(error: string): void {",
  "    if (this.#isProduction) throw new Error(error);",
  "    console.warn(error);",
  "  }",
  "  build(http: { jwtSecret?: string }) {",
  "    http.jwtSecret = http?.jwtSecret ?? process.env.JWT_SECRET;",
  "    if (!http.jwtSecret) {",
  "      this.rejectErrors(\"http.jwtSecret not found\");",
  "      http.jwtSecret = \"supersecret\";",
  "    }",
  "    return http;",
  "  }",
  "}",
].join("\n");
const INLINE_REFUSAL = 'function load(config: { sessionSecret?: string }) {\n  if (config.sessionSecret == null) {\n    if (process.env.NODE_ENV === "production") process.exit(1);\n    config.sessionSecret = "dev-session-secret";\n  }\n}';
// Only a warning, a refusal outside production, or the default before the check: still reported.
const WARN_ONLY = CONFIG_CLASS.replace("if (this.#isProduction) throw new Error(error);", "if (this.#isProduction) console.error(error);");
const NEGATED = INLINE_REFUSAL.replace('if (process.env.NODE_ENV === "production")', 'if (process.env.NODE_ENV !== "production")');
const BEFORE = 'function load(config: { sessionSecret?: string }) {\n  if (!config.sessionSecret) {\n    config.sessionSecret = "dev-session-secret";\n    if (process.env.NODE_ENV === "production") process.exit(1);\n  }\n}';

const valid: (string | ValidCase)[] = [
  // A generated map of page paths to edit timestamps: a key that contains api_key or token holds a date (edit-dates.mjs:1180).
  'export const editDates = { "references/api_key/interfaces/page.mdx": "2024-10-23T07:15:34.816Z", "references/auth_token/page.mdx": "2024-10-23" };',
  'const meta = { apiKeyCreatedAt: "2025-01-02T03:04:05+02:00" };',
  // Test support in folders the engine does not name: made-up values (integration-tests/api/medusa-config.js:35).
  { code: 'module.exports = { projectConfig: { http: { jwtSecret: "test", cookieSecret: "test" } } };', filename: "integration-tests/api/medusa-config.js" },
  { code: 'const token = jwt.sign({ actor_id: "u1" }, "test", { expiresIn: "1d" });', filename: "integration-tests/helpers/create-admin-user.ts" },
  { code: 'export const config = { http: { jwtSecret: "supersecret" } };', filename: "src/http/__fixtures__/mocks/index.ts" },
  // A test package of its own below integration-tests/ (integration-tests/modules/package.json).
  { code: 'module.exports = { http: { jwtSecret: "test" } };', filename: "integration-tests/modules/medusa-config.js", files: { "integration-tests/modules/package.json": '{ "name": "integration-tests-modules" }' } },
  { code: 'export const env = { JWT_SECRET: "local-test" };', filename: "src/test-utils/env.ts" },
  { code: 'export const env = { JWT_SECRET: "local-test" };', filename: "e2e_tests/env.ts" },
  // A made-up fallback in a test spec configures the test's own database (migrations-run.spec.ts:18).
  { code: 'const DB_HOST = process.env.DB_HOST ?? "localhost";\nconst DB_PASSWORD = process.env.DB_PASSWORD ?? " ";', filename: "src/migrations/__tests__/run.spec.ts" },
  { code: 'const host = process.env.PGHOST || "127.0.0.1";\nconst password = process.env.PGPASSWORD || "postgres";', filename: "integration-tests/setup.ts" },
  // A development default assigned only after a check that throws in production (config.ts:92).
  { name: "a dev default after a method that throws in production", code: CONFIG_CLASS },
  { name: "a dev default after an inline production refusal", code: INLINE_REFUSAL },
];

/** The fail-fast env read the move fix writes. */
const env = (name: string) => `process.env.${name} ?? (() => { throw new Error("${name} is not set"); })()`;
const markAbove = (code: string, caseId: string) => ({ title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/${caseId} -- <reason>\n${code}` });
const at = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  return { line: 1, column: i + 1, endColumn: i + 1 + needle.length };
};

/** The ignore comment inserted above line `line` (1-based), at its indentation. */
function markLine(code: string, line: number): string {
  const lines = code.split("\n");
  const indent = /^\s*/.exec(lines[line - 1]!)![0];
  lines.splice(line - 1, 0, `${indent}// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>`);
  return lines.join("\n");
}

/** A suspiciousName finding on the line of `needle`. */
function reportedAt(name: string, code: string, needle: string, envName: string): InvalidCase {
  const i = code.indexOf(needle);
  const before = code.slice(0, i);
  const line = before.split("\n").length;
  const column = i - before.lastIndexOf("\n");
  return { name, code, findings: [{ case: "suspiciousName", line, column, endColumn: column + needle.length, suggestions: [{ title: `Move secret to process.env.${envName}`, output: code.replace(needle, env(envName)) }, { title: "Mark as not a secret…", output: markLine(code, line) }] }], output: null };
}

const RANDOM_IN_TESTS = 'export const env = { API_KEY: "q7RkX2vLm9TfW3zPb8Nc" };';
const RANDOM_FALLBACK = 'const secret = process.env.JWT_SECRET || "q7RkX2vLm9TfW3zPb8Nc";';
const E2E_FALLBACK = 'const PASSWORD = process.env.E2E_PASSWORD ?? "e2e-password";';
const AB_TEST = 'export const config = { jwtSecret: "supersecret" };';
const DATE_LIKE = 'const config = { apiKey: "2024-10-23T07:15:34.816Zq7RkX2vLm9" };';

const invalid: InvalidCase[] = [
  // A random-looking value is reported in test support too.
  {
    name: "a random-looking key under integration-tests/ stays reported",
    code: RANDOM_IN_TESTS,
    filename: "integration-tests/env.ts",
    findings: [{ case: "suspiciousName", ...at(RANDOM_IN_TESTS, '"q7RkX2vLm9TfW3zPb8Nc"'), suggestions: [{ title: "Move secret to process.env.API_KEY", output: RANDOM_IN_TESTS.replace('"q7RkX2vLm9TfW3zPb8Nc"', env("API_KEY")) }, markAbove(RANDOM_IN_TESTS, "suspiciousName")] }],
    output: null,
  },
  {
    name: "a random-looking fallback in a test spec stays reported",
    code: RANDOM_FALLBACK,
    filename: "src/__tests__/auth.spec.ts",
    findings: [{ case: "envFallbackLiteral", ...at(RANDOM_FALLBACK, '"q7RkX2vLm9TfW3zPb8Nc"'), suggestions: [{ title: "Remove the insecure fallback", output: RANDOM_FALLBACK.replace('"q7RkX2vLm9TfW3zPb8Nc"', '(() => { throw new Error("JWT_SECRET is not set"); })()') }, markAbove(RANDOM_FALLBACK, "envFallbackLiteral")] }],
    output: null,
  },
  // A test that logs in to a deployed app with a made-up default: no local service is configured.
  {
    name: "a made-up fallback in a spec with no local host stays reported",
    code: E2E_FALLBACK,
    filename: "src/__tests__/login.spec.ts",
    findings: [{ case: "envFallbackLiteral", ...at(E2E_FALLBACK, '"e2e-password"'), suggestions: [{ title: "Remove the insecure fallback", output: E2E_FALLBACK.replace('"e2e-password"', '(() => { throw new Error("E2E_PASSWORD is not set"); })()') }, { title: "Require E2E_PASSWORD in production, keep the default elsewhere", output: E2E_FALLBACK.replace('"e2e-password"', '(process.env.NODE_ENV === "production" ? (() => { throw new Error("E2E_PASSWORD is not set"); })() : "e2e-password")') }, markAbove(E2E_FALLBACK, "envFallbackLiteral")] }],
    output: null,
  },
  reportedAt("a dev default after a helper that only warns in production stays reported", WARN_ONLY, '"supersecret"', "JWT_SECRET"),
  reportedAt("a dev default after a check that exits outside production stays reported", NEGATED, '"dev-session-secret"', "SESSION_SECRET"),
  reportedAt("a dev default assigned before the production check stays reported", BEFORE, '"dev-session-secret"', "SESSION_SECRET"),
  // A feature folder that only resembles a test folder is production code.
  {
    name: "a made-up secret in a feature folder named ab-test stays reported",
    code: AB_TEST,
    filename: "src/ab-test/config.ts",
    findings: [{ case: "suspiciousName", ...at(AB_TEST, '"supersecret"'), suggestions: [{ title: "Move secret to process.env.JWT_SECRET", output: AB_TEST.replace('"supersecret"', env("JWT_SECRET")) }, markAbove(AB_TEST, "suspiciousName")] }],
    output: null,
  },
  {
    name: "a date followed by more characters is no date",
    code: DATE_LIKE,
    findings: [{ case: "suspiciousName", ...at(DATE_LIKE, '"2024-10-23T07:15:34.816Zq7RkX2vLm9"'), suggestions: [{ title: "Move secret to process.env.API_KEY", output: DATE_LIKE.replace('"2024-10-23T07:15:34.816Zq7RkX2vLm9"', env("API_KEY")) }, markAbove(DATE_LIKE, "suspiciousName")] }],
    output: null,
  },
];

// Only the cases the invalid rows name are declared (hardcoded-secret.test.ts exercises every case).
const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
