import rule from "../../../src/rules/hardcoded-secret/rule";
import { isScannedJsonPath, isWranglerConfigPath } from "../../../src/engine/json-config";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import * as assert from "node:assert/strict";
import { analyze, defaultConfig, MemoryProjectHost } from "../../../src/engine";

// Session 44 (hsuc): hardcoded-secret/configFile reads Cloudflare's Wrangler configuration, `wrangler.json` and
// `wrangler.jsonc` (JSON with comments and trailing commas). Cloudflare's docs say `vars` are plain text and credentials
// belong in secrets (`wrangler secret put`); a credential in `vars`, top-level or an environment's (`env.<name>.vars`),
// is reported by the case's rules (a value's shape, or a key naming a credential). Only `vars` is read: the rest of the
// file holds names and ids (`account_id`, a KV namespace's or a D1 database's `id`). Fake values throughout.

const OPENAI = "sk-proj-Qm7vR2xK9pLw4Tz8Ab3Cd5Ef7Gh9Ij1Kl3Mn5Op7";
const PASSWORD = "Qm7vR2xK9pLw4Tz8";
const BOT = "7123456789:AAHk3Vx9Qm2Lp8Rt5Wz1Yb4Nc7Df0Gh3Jk6";

// `wrangler init`'s JSONC: comments, a commented-out `vars`, trailing commas, ids beside the bindings.
const JSONC = (vars: string, envVars = '"ENVIRONMENT": "staging",') => `{
  "$schema": "node_modules/wrangler/config-schema.json",
  "name": "api",
  "main": "src/index.ts",
  "compatibility_date": "2025-01-01",
  "account_id": "0123456789abcdef0123456789abcdef",
  /**
   * Environment Variables
   * https://developers.cloudflare.com/workers/wrangler/configuration/#environment-variables
   */
  // "vars": { "MY_VARIABLE": "production_value" },
  "vars": {
    ${vars}
  },
  "kv_namespaces": [{ "binding": "KV", "id": "405d94875ef249ff866a5314e032ff8f" }],
  "d1_databases": [{ "binding": "DB", "database_name": "api", "database_id": "7def6bc4-1ab8-46b6-beb2-bec94ed2d116" }],
  "env": {
    "staging": {
      "vars": { ${envVars} },
    },
  },
}
`;

const at = (code: string, value: string) => {
  const i = code.indexOf(value);
  const line = code.slice(0, i).split("\n").length;
  const column = i - code.lastIndexOf("\n", i - 1);
  return { case: "configFile", line, column, endLine: line, endColumn: column + value.length };
};

const PLAIN = '"ENVIRONMENT": "production", "ALLOWED_ORIGINS": "https://acme.pages.dev", "GEMINI_TIMEOUT_MS": "30000",';
const IDS = '"GOOGLE_CLIENT_ID": "107139115848-a3110stn9ggh5pft9o80atlh64vfae7q.apps.googleusercontent.com", "KV_NAMESPACE_ID": "405d94875ef249ff866a5314e032ff8f", "DATABASE_ID": "7def6bc41ab846b6beb2bec94ed2d116",';
const EMPTY = '"API_TOKEN": "", "STRIPE_SECRET_KEY": "sk_test_your_key_here", "JWT_SECRET": "CHANGE_ME",';
const WITH_OPENAI = JSONC(`"OPENAI_API_KEY": "${OPENAI}", "ENVIRONMENT": "production",`);
const WITH_PASSWORD = JSONC(`"ADMIN_PASSWORD": "${PASSWORD}",`);
const WITH_BOT = JSONC(PLAIN, `"TELEGRAM_BOT_TOKEN": "${BOT}",`);
// A credential outside `vars` is not read (no such field in Wrangler's schema; a name or an id there).
const OUTSIDE = `{ "name": "api", "account_id": "0123456789abcdef0123456789abcdef", "routes": [{ "pattern": "api.acme.io/*" }], "secret": "${PASSWORD}" }\n`;

const valid: ValidCase[] = [
  { name: "plain settings in vars", code: JSONC(PLAIN), filename: "wrangler.jsonc" },
  { name: "client ids, a KV namespace id and a database id in vars", code: JSONC(IDS), filename: "wrangler.jsonc" },
  { name: "empty values and placeholders in vars", code: JSONC(EMPTY), filename: "wrangler.json" },
  { name: "a credential-named key outside vars", code: OUTSIDE, filename: "wrangler.json" },
  { name: "a credential in a commented-out vars", code: JSONC(PLAIN).replace("// \"vars\": { \"MY_VARIABLE\": \"production_value\" }", `// "vars": { "OPENAI_API_KEY": "${OPENAI}" }`), filename: "wrangler.jsonc" },
  { name: "a template's wrangler file", code: WITH_OPENAI, filename: "examples/worker/wrangler.jsonc" },
  { name: "an allowed value (the allow option)", code: WITH_PASSWORD, filename: "wrangler.jsonc", options: { allow: [PASSWORD] } },
];

const invalid: InvalidCase[] = [
  { name: "a provider key in the top-level vars of a JSONC file", code: WITH_OPENAI, filename: "wrangler.jsonc", output: null, findings: [at(WITH_OPENAI, OPENAI)] },
  { name: "a credential-named key in vars of a JSON file", code: WITH_PASSWORD, filename: "apps/api/wrangler.json", output: null, findings: [at(WITH_PASSWORD, PASSWORD)] },
  { name: "a bot token in an environment's vars", code: WITH_BOT, filename: "wrangler.jsonc", output: null, findings: [at(WITH_BOT, BOT)] },
];

describe("hardcoded-secret/configFile: Wrangler configuration files", () => {
  const cases: [string, boolean][] = [
    ["/p/wrangler.jsonc", true],
    ["/p/wrangler.json", true],
    ["/p/apps/worker/wrangler.jsonc", true],
    ["/p/wrangler.toml", false],
    ["/p/examples/worker/wrangler.jsonc", false],
    ["/p/test/fixtures/wrangler.json", false],
    ["/p/tsconfig.jsonc", false],
    ["/p/.vscode/settings.jsonc", false],
  ];
  for (const [p, want] of cases) it(`${p}: ${want ? "read" : "not read"}`, () => assert.equal(isScannedJsonPath(p), want));
  it("a Wrangler file by name only", () => assert.deepEqual([isWranglerConfigPath("C:\\w\\wrangler.jsonc"), isWranglerConfigPath("/p/my-wrangler.json")], [true, false]));
  const host = () => new MemoryProjectHost(new Map([["/p/package.json", "{}"]]));
  it("the message names the vars path and says to store a Worker secret", () => {
    const r = analyze({ path: "/p/wrangler.jsonc", text: WITH_BOT, config: defaultConfig("/p"), project: host() });
    assert.deepEqual(
      r.findings.map((f) => [f.code, f.message]),
      [["hardcoded-secret/configFile", "A 46-character Telegram bot token is written in a JSON config file (env.staging.vars.TELEGRAM_BOT_TOKEN): anyone who can read the repository can use it. Delete it from the file's `vars` and store it as a Worker secret (`wrangler secret put TELEGRAM_BOT_TOKEN`): the Worker reads it from `env` as before."]],
    );
  });
  it("another .jsonc file is not read (no finding of any family, no problem)", () => {
    const r = analyze({ path: "/p/.vscode/settings.jsonc", text: `{ "vars": { "ADMIN_PASSWORD": "${PASSWORD}" }, }`, config: defaultConfig("/p"), project: host() });
    assert.deepEqual([r.analyzed, r.findings.length, r.problems.length], [false, 0, 0]);
  });
});

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
