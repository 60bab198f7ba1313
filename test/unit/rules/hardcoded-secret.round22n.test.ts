import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Production triage of NangoHQ/nango (tool dfac67d, issue 11) as hand-written analogues; every value
// is fabricated. A value that names a table, a knex join alias's table, a permission scope, a lock key
// or a metric is an identifier (shared/lib/services/account.service.ts:489, secret.service.ts:11,
// webapp/src/pages/Environment/Settings/scope-logic.ts:30, metering/lib/crons/billingEventsS3Export.ts:30,
// utils/lib/telemetry/metrics.ts:15); a short enum word under a name ending in `source` is where a
// credential comes from (server/lib/controllers/integrations/postIntegration.ts:56); a module named
// for test support is test code (server/lib/utils/tests.ts:199).

const valid: (string | ValidCase)[] = [
  'export const SCOPES = [{ value: "project:webhooks:read", label: "read", credentials: "project:webhooks:read_credentials" }, { value: "project:webhooks:list", label: "list", credentials: "project:webhooks:list_credentials" }];',
  'const LOCK_KEY = "lock:cron:nightlyExportS3DLQ";\nexport async function run(redis: { set(k: string, v: string): Promise<unknown> }) { await redis.set(LOCK_KEY, "1"); }',
  'export enum Metric {\n  AUTH_BY_SESSION_OR_SECRET_KEY = "acme.auth.getEnvByConnectSessionOrSecretKey",\n}',
  'export const q = (db: any) => db.from("environments").join({ default_secret: "api_secrets" }, (j: any) => j.on("default_secret.environment_id", "environments.id")).leftJoin({ pending_token: "access_tokens" }, () => {});',
  'const SECRETS_TABLE = "_acme_environment_variables";\nconst API_TOKENS_TABLE = "api_tokens";\nexport const tables = [SECRETS_TABLE, API_TOKENS_TABLE];',
  'export const input = (body: { key: string }) => ({ provider: body.key, credentialSource: "own" });',
  'export function check(args: { credential_source: string }) {\n  if (args.credential_source !== "shared") return false;\n  return true;\n}',
  { code: 'export async function signIn(api: { post(u: string, b: object): Promise<unknown> }, email: string, password: string = "Password123!") {\n  return api.post("/signin", { email, password });\n}', filename: "src/utils/tests.ts" },
  { code: 'export const login = { email: "admin@acme.io", password: "Password123!" };', filename: "src/test-utils.ts" },
];

// Line and columns of `needle` in `code` (1-based).
const span = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  const col = i - code.lastIndexOf("\n", i - 1);
  return { line: code.slice(0, i).split("\n").length, column: col, endColumn: col + needle.length };
};
const RANDOM_SEGMENT = 'export const cfg = { apiKey: "svc:prod:Xk29fLq81mZpR7wN" };';
const TESTING = 'export const login = { email: "admin@acme.io", password: "Password123!" };';

/** A one-line module whose `literal` is reported under a password or key name: its move to `env` and its ignore comment. */
const reported = (name: string, code: string, literal: string, env: string, filename?: string): InvalidCase => ({
  name,
  code,
  ...(filename ? { filename } : {}),
  findings: [
    {
      case: "suspiciousName",
      ...span(code, literal),
      suggestions: [
        { title: `Move secret to process.env.${env}`, output: code.replace(literal, `process.env.${env} ?? (() => { throw new Error("${env} is not set"); })()`) },
        { title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n${code}` },
      ],
    },
  ],
  output: null,
});

const invalid: InvalidCase[] = [
  reported("a namespaced value with a generated segment is a credential", RANDOM_SEGMENT, '"svc:prod:Xk29fLq81mZpR7wN"', "CFG_API_KEY"),
  reported("a product module named testing.ts is no test support", TESTING, '"Password123!"', "LOGIN_PASSWORD", "src/testing.ts"),
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
