import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Retired held round 46 (session 43, hsuc): hardcoded-secret's FN and two FPs.
// 1. Swaggies `src/backend/config/jwt.js:2`: `TOKEN_KEY: process.env.TOKEN_KEY || "tester"`, the key of its `jwt.sign`. A
//    `TOKEN_KEY` constant in code names where a token is kept (`localStorage.getItem(TOKEN_KEY)`), so the name is no
//    secret's; read from the environment it is a setting, the key tokens are signed with (not when its default names
//    such a slot, `"auth_token"`).
// 2. the-mess `services/db.js:9`: `mysql.createPool({ host: "localhost", user: "root", password: "root" })`, the engine's
//    default login on this machine, exempt as `root:root@localhost` is in a connection string (debatable). A real
//    password, another user, a real host or no host stay reported.
// 3. shopify-ship-by `ship-by.server.ts:72`: `WEEKDAY_TOKEN = "(?:Sun|Mon|…)"`, a regex source with a group of
//    alternatives, not a token.

// Swaggies's style: a CommonJS config module read by the JWT helpers.
const JWT_CONFIG = (value: string) => `module.exports = {
  TOKEN_KEY: process.env.TOKEN_KEY || '${value}'
};
`;
// Another style: an ES module constant with \`??\`.
const JWT_CONST = (name: string, value: string) => `import jwt from "jsonwebtoken";
const ${name} = process.env.${name} ?? "${value}";
export const sign = (id: string) => jwt.sign({ id }, ${name});
`;
// the-mess's style: a mysql pool.
const MYSQL = (host: string, user: string, password: string) => `var mysql = require('mysql');
var pool = mysql.createPool({
    connectionLimit: 100,
    host: '${host}',
    user: '${user}',
    password: '${password}',
    database: 'db_mess'
});
module.exports = pool;
`;
// Another style: a pg Pool on a compose service, TypeScript.
const PG = (host: string) => `import { Pool } from "pg";
export const pool = new Pool({ host: "${host}", port: 5432, user: "postgres", password: "postgres", database: "app" });
`;
// The same login with no host written out.
const NO_HOST = `import { Pool } from "pg";
export const pool = new Pool({ user: "postgres", password: "postgres", database: "app" });
`;
// shopify-ship-by's style: date-format tokens as regex sources.
const TOKENS = (value: string) => `const DEFAULT_FORMAT = "YYYY-MM-DD";
const WEEKDAY_TOKEN = "${value}";
export const weekdayPattern = new RegExp(WEEKDAY_TOKEN);
`;

const valid: ValidCase[] = [
  { name: "process.env.TOKEN_KEY whose default names a storage slot", code: JWT_CONST("TOKEN_KEY", "auth_token"), filename: "src/config/jwt.ts" },
  { name: "a TOKEN_KEY constant in code (a storage slot's name)", code: `export const TOKEN_KEY = "tester";\nexport const read = () => localStorage.getItem(TOKEN_KEY);\n`, filename: "src/auth/storage.ts" },
  { name: "mysql root/root on localhost", code: MYSQL("localhost", "root", "root"), filename: "services/db.js" },
  { name: "mysql root/root on 127.0.0.1", code: MYSQL("127.0.0.1", "root", "root"), filename: "services/db.js" },
  { name: "pg postgres/postgres on a compose service (TS)", code: PG("db"), filename: "src/db.ts" },
  { name: "a weekday regex source under a token's name", code: TOKENS("(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat|日|月|火|水|木|金|土)"), filename: "app/features/ship-by/server/ship-by.server.ts" },
  { name: "a lookahead group of alternatives", code: TOKENS("(?=Mon|Tue)\\\\w+"), filename: "src/format.ts" },
];

function mark(code: string, line: number, id: string): string {
  const lines = code.split("\n");
  const indent = /^\s*/.exec(lines[line - 1]!)![0];
  lines.splice(line - 1, 0, `${indent}// hardening-hints-ignore-next-line hardcoded-secret/${id} -- <reason>`);
  return lines.join("\n");
}
const moved = (code: string, from: string, env: string, q: string) => code.replace(from, `process.env.${env} ?? (() => { throw new Error(${q}${env} is not set${q}); })()`);

const SWAGGIES = JWT_CONFIG("tester");
const JWT_TS = JWT_CONST("JWT_TOKEN_KEY", "dev-key");
const REAL_HOST = MYSQL("db.acme.io", "root", "root");
const OTHER_USER = MYSQL("localhost", "app", "root");
const REAL_PASSWORD = MYSQL("localhost", "root", "Zq8pL2vW");
const PARENS = TOKENS("a(b|c)9Xk2Lm4Qz");

const invalid: InvalidCase[] = [
  { name: "TOKEN_KEY falls back to a literal (JS config)", code: SWAGGIES, filename: "src/backend/config/jwt.js", output: null, findings: [{ case: "envFallbackLiteral", line: 2, column: 39, endColumn: 47, suggestions: [
    { title: "Remove the insecure fallback", output: SWAGGIES.replace("'tester'", '(() => { throw new Error("TOKEN_KEY is not set") })()') },
    { title: "Require TOKEN_KEY in production, keep the default elsewhere", output: SWAGGIES.replace("'tester'", `(process.env.NODE_ENV === "production" ? (() => { throw new Error("TOKEN_KEY is not set") })() : 'tester')`) },
    { title: "Mark as not a secret…", output: mark(SWAGGIES, 2, "envFallbackLiteral") },
  ] }] },
  { name: "JWT_TOKEN_KEY ?? a literal (TS)", code: JWT_TS, filename: "src/config/jwt.ts", output: null, findings: [{ case: "envFallbackLiteral", line: 2, column: 52, endColumn: 61, suggestions: [
    { title: "Require JWT_TOKEN_KEY in production, keep the default elsewhere", output: JWT_TS.replace('"dev-key"', '(process.env.NODE_ENV === "production" ? (() => { throw new Error("JWT_TOKEN_KEY is not set"); })() : "dev-key")') },
    { title: "Mark as not a secret…", output: mark(JWT_TS, 2, "envFallbackLiteral") },
  ] }] },
  ...([["mysql root/root on a real host", REAL_HOST, "root"], ["mysql root as the password of another user", OTHER_USER, "root"], ["mysql a real password on localhost", REAL_PASSWORD, "Zq8pL2vW"]] as const).map(([name, code, pw]): InvalidCase => ({
    name, code, filename: "services/db.js", output: null, findings: [{ case: "suspiciousName", line: 6, column: 15, endColumn: 17 + pw.length, suggestions: [
      { title: "Move secret to process.env.PASSWORD", output: code.replace(`password: '${pw}'`, "password: process.env.PASSWORD ?? (() => { throw new Error('PASSWORD is not set'); })()") },
      { title: "Mark as not a secret…", output: mark(code, 6, "suspiciousName") },
    ] }],
  })),
  { name: "pg postgres/postgres with no host written out", code: NO_HOST, filename: "src/db.ts", output: null, findings: [{ case: "suspiciousName", line: 2, column: 60, endColumn: 70, suggestions: [
    { title: "Move secret to process.env.PASSWORD", output: NO_HOST.replace('password: "postgres"', 'password: process.env.PASSWORD ?? (() => { throw new Error("PASSWORD is not set"); })()') },
    { title: "Mark as not a secret…", output: mark(NO_HOST, 2, "suspiciousName") },
  ] }] },
  { name: "a token with parentheses but no regex group", code: PARENS, filename: "src/format.ts", output: null, findings: [{ case: "suspiciousName", line: 2, column: 23, endColumn: 40, suggestions: [
    { title: "Move secret to process.env.WEEKDAY_TOKEN", output: moved(PARENS, '"a(b|c)9Xk2Lm4Qz"', "WEEKDAY_TOKEN", '"') },
    { title: "Mark as not a secret…", output: mark(PARENS, 2, "suspiciousName") },
  ] }] },
];

const named = new Set(["envFallbackLiteral", "suspiciousName"]);
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
