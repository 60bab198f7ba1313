import rule from "../../../src/rules/hardcoded-secret/rule";
import { isScannedJsonPath } from "../../../src/engine/json-config";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import * as assert from "node:assert/strict";
import { analyze, defaultConfig, MemoryProjectHost } from "../../../src/engine";

// Session 42 (hsuc): hardcoded-secret/configFile, a credential written in a committed JSON configuration file. The engine
// reads such files for secrets only (engine/json-config.ts picks them by path: a `config/` folder, or a name that says
// configuration or credentials; manifests, lockfiles, templates, node-config's environment map and test, example and
// translation folders left out). Fake values throughout. No fix: JSON reads no environment and holds no comment.
// Tune trees: four committed service-account key files (`private_key`), a Baileys session's `creds.json`, a TestSprite
// config's API key, a Copilot MCP server's Postgres URL in `.vscode/settings.json`; none labelled (the scorer reads TS/JS).

const PEM_BODY = "4l9UodJFCrnl2edlBDdz1C5Jau2RJtBRnlWmTSHf6pWkLUyifDLkDmWJ6UuVTAIjvFu7WICPhDeOZIiBOB/Y6sHrFH2ZUCr/lgotu2iXW7GboIRoL3u6aHwnMztVuaP+coUNEhEkk+iqq8vH2BzNZV45pFCiRcDC";
const PEM = `-----BEGIN PRIVATE KEY-----\\n${PEM_BODY}\\n-----END PRIVATE KEY-----\\n`;

// Feathers' generated `config/default.json` (node-config).
const FEATHERS = (secret: string) => `{
  "host": "localhost",
  "port": 3030,
  "authentication": {
    "entity": "user",
    "service": "users",
    "secret": "${secret}",
    "authStrategies": ["jwt", "local"]
  }
}
`;
// Sequelize CLI's `config/config.json`: the development block on this machine, production elsewhere.
const SEQUELIZE = (password: string) => `{
  "development": { "username": "root", "password": "root", "database": "app_dev", "host": "127.0.0.1", "dialect": "mysql" },
  "production": { "username": "app", "password": "${password}", "database": "app", "host": "db.acme.io", "dialect": "mysql" }
}
`;
// A service account's key file, committed beside the code.
const SERVICE_ACCOUNT = `{
  "type": "service_account",
  "project_id": "acme-prod",
  "private_key_id": "3f1c2b0a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b",
  "private_key": "${PEM}",
  "client_email": "firebase-adminsdk@acme-prod.iam.gserviceaccount.com"
}
`;
// An agent's MCP configuration with a connection string, and another style: a sample with a stand-in key.
const MCP = (url: string) => `{ "mcpServers": { "postgres": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres"], "env": { "POSTGRES_URL": "${url}" } } } }\n`;
const MCP_SAMPLE = '{ "mcpServers": { "api": { "command": "node", "args": ["/path/to/mcp-server.js"], "env": { "API_KEY": "abc-1234567890" } } } }\n';
// Values the loader resolves, placeholders and a public Google API key.
const REFERENCES = '{ "db": { "password": "${DB_PASSWORD}", "user": "app" }, "jwt": { "secret": "" }, "stripe": { "secretKey": "sk_test_your_key_here" }, "firebase": { "apiKey": "AIzaSyD4x8Qm2Vb7Nc1Lk9Jh3Gf6Ds5Ap0Oi8Uy" } }\n';

const at = (code: string, value: string) => {
  const i = code.indexOf(value);
  const line = code.slice(0, i).split("\n").length;
  const column = i - code.lastIndexOf("\n", i - 1);
  const endLine = line + value.split("\n").length - 1;
  return { case: "configFile", line, column, endLine, endColumn: endLine === line ? column + value.length : value.length - value.lastIndexOf("\n") };
};

const SECRET = "f3Kq9Zr2Lm8Vx1Tb6Np4Wc7Hs0Jd5Gy";
const PROD_PASSWORD = "Qm7vR2xK9pLw4Tz8";
const REMOTE_URL = "postgresql://postgres:Qm7vR2xK9pLw4Tz8@db.acme.supabase.co:5432/postgres";

const valid: ValidCase[] = [
  { name: "a Feathers secret that is a placeholder", code: FEATHERS("CHANGE_ME"), filename: "config/default.json" },
  { name: "the Sequelize development block on 127.0.0.1 and a production password read by reference", code: SEQUELIZE("${DB_PASSWORD}"), filename: "config/config.json" },
  { name: "references, empty values, placeholders and a public Google API key", code: REFERENCES, filename: "src/config/settings.json" },
  { name: "an MCP sample's stand-in key", code: MCP_SAMPLE, filename: ".cursor/mcp.json" },
  { name: "an MCP server on this machine's database", code: MCP("postgresql://postgres:postgres@localhost:5432/app"), filename: ".vscode/mcp.json" },
  { name: "a JSON file that is no configuration (a fixture)", code: FEATHERS(SECRET), filename: "test/fixtures/config/default.json" },
  { name: "a template by name", code: FEATHERS(SECRET), filename: "config/default.example.json" },
  { name: "node-config's environment map holds variable names", code: '{ "authentication": { "secret": "FEATHERS_AUTH_SECRET" } }\n', filename: "config/custom-environment-variables.json" },
  { name: "an allowed value (the allow option)", code: FEATHERS(SECRET), filename: "config/default.json", options: { allow: [SECRET] } },
];

const invalid: InvalidCase[] = [
  { name: "Feathers' generated authentication secret", code: FEATHERS(SECRET), filename: "config/default.json", output: null, findings: [at(FEATHERS(SECRET), SECRET)] },
  { name: "Sequelize's production password", code: SEQUELIZE(PROD_PASSWORD), filename: "config/config.json", output: null, findings: [at(SEQUELIZE(PROD_PASSWORD), PROD_PASSWORD)] },
  { name: "a service account's private key", code: SERVICE_ACCOUNT, filename: "src/config/firebase/firebase-service-account.json", output: null, findings: [at(SERVICE_ACCOUNT, PEM)] },
  { name: "an MCP server's remote database URL", code: MCP(REMOTE_URL), filename: ".vscode/mcp.json", output: null, findings: [at(MCP(REMOTE_URL), REMOTE_URL)] },
];

describe("hardcoded-secret/configFile: which JSON files are read", () => {
  const cases: [string, boolean][] = [
    ["/p/config/default.json", true],
    ["/p/config/production.json", true],
    ["/p/src/config/firebase/firebase-service-account.json", true],
    ["/p/acme-firebase-adminsdk-x1y2z-0a1b2c3d4e.json", true],
    ["/p/.cursor/mcp.json", true],
    ["/p/appsettings.Production.json", true],
    ["/p/rickyCreds/creds.json", true],
    ["/p/package.json", false],
    ["/p/tsconfig.json", false],
    ["/p/config/custom-environment-variables.json", false],
    ["/p/config/default.example.json", false],
    ["/p/locales/en.json", false],
    ["/p/src/data/users.json", false],
    ["/p/test/config/default.json", false],
  ];
  for (const [p, want] of cases) it(`${p}: ${want ? "read" : "not read"}`, () => assert.equal(isScannedJsonPath(p), want));
  it("a folder above the project's root does not count (`~/docs/app/config/default.json`)", () => {
    assert.equal(isScannedJsonPath("/home/ada/docs/app/config/default.json", "/home/ada/docs/app"), true);
    assert.equal(isScannedJsonPath("/home/ada/docs/app/config/default.json"), false);
  });
  const host = () => new MemoryProjectHost(new Map([["/p/package.json", "{}"]]));
  it("absurd nesting is refused before the JSON parser, as for code", () => {
    const deep = '{"a":'.repeat(5000) + '"x"' + "}".repeat(5000);
    const r = analyze({ path: "/p/config/default.json", text: deep, config: defaultConfig("/p"), project: host() });
    assert.deepEqual([r.analyzed, r.findings.length, r.problems.map((x) => x.kind)], [false, 0, ["parseError"]]);
  });
  it("a JSON file that is no configuration is not parsed as code (no finding of any family, no problem)", () => {
    const r = analyze({ path: "/p/src/data/users.json", text: '[{ "password": "Qm7vR2xK9pLw4Tz8" }]', config: defaultConfig("/p"), project: host() });
    assert.deepEqual([r.analyzed, r.findings.length, r.problems.length], [false, 0, 0]);
  });
});

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
