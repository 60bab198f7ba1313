import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Classes from held round 18 and the tune corpus (issue 11), as hand-written analogues; every
// key-shaped value is fabricated.

// A Supabase anon key (payload `"role":"anon"`) and a signed-in user's token (`"role":"authenticated"`).
const ANON_JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF6a3ZidG13cGx4cm5oZGMiLCJyb2xlIjoiYW5vbiIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDAwMDAwMDAwfQ.Qm3vT8kZp2LxW9rN5bYcHjT4sDf6Gh8Jk1Lz0";
const USER_JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF6a3ZidG13cGx4cm5oZGMiLCJyb2xlIjoiYXV0aGVudGljYXRlZCIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDAwMDAwMDAwfQ.Qm3vT8kZp2LxW9rN5bYcHjT4sDf6Gh8Jk1Lz0";
const FIREBASE_KEY = "AIzaQm7vT2xLpR9sKd4WnY8bZa3Hc6Jf1Ge5Dk0";

const valid: (string | ValidCase)[] = [
  // The anon key is public by design in a header and in a URL too (lovable_breath_safe scripts/test-aqicn-fixes.js:47).
  `const options = { headers: { "Content-Type": "application/json", Authorization: "Bearer ${ANON_JWT}" } };`,
  `const url = "https://qzkvbtmwplxrnhdc.supabase.co/rest/v1/items?apikey=${ANON_JWT}";`,
  // A seeder's demo users at a documentation domain (terminusid-backend seedUsersAndProfiles.ts:14).
  'const users = [{ email: "arkana@example.com", password: "password1", username: "arkana" }];',
  'await supabase.auth.admin.createUser({ email: "demo@shop.test", password: "demo-pass-2" });',
  // A Firebase web config's apiKey is public by design (proveyourmind lib/config.ts:3), with an env fallback too.
  `export const firebaseConfig = { apiKey: "${FIREBASE_KEY}", authDomain: "acme-shop.firebaseapp.com", projectId: "acme-shop" };`,
  `const firebaseConfig = { apiKey: process.env.NEXT_PUBLIC_FIREBASE_API_KEY || "${FIREBASE_KEY}", messagingSenderId: "123456789012" };`,
];

/** The fail-fast env read the move fix writes. */
const env = (name: string) => `process.env.${name} ?? (() => { throw new Error("${name} is not set"); })()`;
const markAbove = (code: string, caseId: string) => ({ title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/${caseId} -- <reason>\n${code}` });
const at = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  return { line: 1, column: i + 1, endColumn: i + 1 + needle.length };
};
function moved(name: string, code: string, caseId: string, literal: string, envName: string, replacement = env(envName)): InvalidCase {
  return {
    name,
    code,
    findings: [{ case: caseId, ...at(code, literal), suggestions: [{ title: `Move secret to process.env.${envName}`, output: code.replace(literal, replacement) }, markAbove(code, caseId)] }],
    output: null,
  };
}

const USER_BEARER = `const options = { headers: { Authorization: "Bearer ${USER_JWT}" } };`;
const REAL_DOMAIN_SEED = 'const users = [{ email: "admin@acme.io", password: "password1" }];';
const RANDOM_DEMO = 'const users = [{ email: "ops@example.com", password: "q7RkX2vLm9TfW3zP" }];';
const GEMINI = `const gemini = { apiKey: "${FIREBASE_KEY}", projectId: "acme-shop" };`;
const KOA_JWT = 'app.use(KoaJwt({ secret: "imooc-api" }).unless({ path: [/\\/login/] }));';
const SEQUELIZE = 'const db = new Sequelize("shop", "root", "R00tPass!2024", { host: "localhost", dialect: "mysql" });';

const invalid: InvalidCase[] = [
  // Any other JWT in a header is a credential.
  moved("a signed-in user's JWT in a Bearer header stays reported", USER_BEARER, "authorizationHeader", `"Bearer ${USER_JWT}"`, "API_TOKEN", `\`Bearer \${${env("API_TOKEN")}}\``),
  // A real domain is a real account; a random-looking password is no demo's.
  moved("a seeded account at a real domain stays reported", REAL_DOMAIN_SEED, "suspiciousName", '"password1"', "PASSWORD"),
  moved("a random-looking password beside an example.com address stays reported", RANDOM_DEMO, "suspiciousName", '"q7RkX2vLm9TfW3zP"', "PASSWORD"),
  // `{ apiKey, projectId }` names no Firebase web config: a Google key of a Cloud client or Gemini.
  moved("a Google key outside a Firebase web config stays reported", GEMINI, "providerKey", `"${FIREBASE_KEY}"`, "GOOGLE_API_KEY"),
  // koa-jwt under its import's name (imooc-api src/app/index.js:16).
  moved("a JWT middleware's secret under any jwt name", KOA_JWT, "signingSecret", '"imooc-api"', "JWT_SECRET"),
  // Sequelize's positional password (issue 11: localhost credentials outside tests).
  moved("Sequelize's third argument is the database password", SEQUELIZE, "suspiciousName", '"R00tPass!2024"', "DB_PASSWORD"),
];

// Only the cases the invalid rows name are declared (hardcoded-secret.test.ts exercises every case).
const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
