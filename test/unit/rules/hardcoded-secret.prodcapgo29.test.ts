import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Production capgo (eval/production, seed 20261243), session 29, developer prodhs29. Hand-written rows.
// The scripts that start capgo's local Playwright stack hand it emulator stand-ins: `{ ENV: "local",
// STRIPE_SECRET_KEY: "sk_test_emulator", STRIPE_WEBHOOK_SECRET: "testsecret" }` (scripts/visual-diff.ts:434,
// generate-app-store-screenshots.ts:296) and `[["S3_ENDPOINT", `127.0.0.1:${port}/…`], ["STRIPE_SECRET_KEY",
// env.STRIPE_SECRET_KEY || "sk_test_emulator"], …]` (serve-backend-playwright.ts:34): a value that says
// test or emulator (also `test` joined to a credential's word) beside a setting that fixes a service on
// this machine, or names the local environment, is a local instance's, as `{ KV_URL: "http://127.0.0.1:8200",
// KV_TOKEN: "kv-dev-token-42" }` was. A PEM body closed by its END line that holds a fraction of the key
// its DER header announces (cli/test/prescan/checks-ios-certs.test.ts:49, "minimal PEM-looking p8; format
// check only") is no key, as an elided one is not. The seeded login of the local stack, `{ email:
// "test@capgo.app", password: "testtest" }` signing in to the local Supabase the script started
// (visual-diff.ts:513, a file whose top fixes `http://127.0.0.1:${port}`), is that stack's (debatable);
// without the local service it stays reported.

const START = (env: string, key = "sk_test_emulator") =>
  `import { startProcess } from "./process";\nexport function startBackend(stripeApiBaseUrl: string) {\n  startProcess("backend-playwright", ["bun", "run", "backend:playwright"], {\n    ENV: "${env}",\n    STRIPE_SECRET_KEY: "${key}",\n    STRIPE_API_BASE_URL: stripeApiBaseUrl,\n    STRIPE_WEBHOOK_SECRET: "testsecret",\n  });\n}\n`;
const PAIRS = (endpoint: string) =>
  `import { env } from "node:process";\nconst port = Number(env.SUPABASE_API_PORT || "54321");\nexport const overriddenEnv = [\n  ["S3_ENDPOINT", ${endpoint}],\n  ["STRIPE_SECRET_KEY", env.STRIPE_SECRET_KEY || "sk_test_emulator"],\n  ["STRIPE_WEBHOOK_SECRET", env.STRIPE_WEBHOOK_SECRET || "testsecret"],\n] as const;\n`;
const HEAD = "-----BEGIN PRIVATE KEY-----\\n";
const TAIL = "\\n-----END PRIVATE KEY-----\\n";
const P8 = (body: string) => `import forge from "node-forge";\nexport const goodP8 = () => {\n  const pem = "${HEAD}${body}${TAIL}";\n  return forge.util.encode64(pem);\n};\n`;
// 48 base64 characters of a 150-byte PKCS#8 EC key: cut before the key itself.
const CUT = P8("MIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg");
// A whole one (fabricated): 138 bytes, all there.
const WHOLE = P8("MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgJrGTLLDJ1AkQNeNzsiv+qNZm5Fdw3tBk2JiOcNLxSZ2hRANCAJnxyzK8R4dMriPLU9Ta7pBPpGmOBwvM1EXfTZQEGBSdPQMdEwRNWeW9diEOYoP/C0BjOVQRwXJnaHyqdAA7gaF2");

const LOGIN = (top: string) =>
  `import { createClient } from "@supabase/supabase-js";\n${top}\nexport async function prepareData(supabaseUrl: string, anon: string) {\n  const supabase = createClient(supabaseUrl, anon);\n  const { error } = await supabase.auth.signInWithPassword({\n    email: "test@capgo.app",\n    password: "testtest",\n  });\n  if (error) throw new Error(error.message);\n}\n`;
const LOCAL_TOP = "const localSupabaseUrl = `http://127.0.0.1:${Number(process.env.SUPABASE_API_PORT)}`;";

const span = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  const col = i - code.lastIndexOf("\n", i - 1);
  return { line: code.slice(0, i).split("\n").length, column: col, endColumn: col + needle.length };
};
const mark = (code: string, before: string, id: string) => ({ title: "Mark as not a secret…", output: code.replace(before, `${before.match(/^\s*/)![0]}// hardening-hints-ignore-next-line hardcoded-secret/${id} -- <reason>\n${before}`) });

const PROD = START("production");
const OVERRIDABLE = PAIRS('env.S3_ENDPOINT || "127.0.0.1:54321"');
const RANDOM = START("local", "sk_test_rb2P9rNofny9gMPjcnYJt7V0");
const REMOTE = LOGIN('const supabaseUrl = process.env.SUPABASE_URL || "http://127.0.0.1:54321";');
const invalid: InvalidCase[] = [
  {
    name: "a stand-in login in a file that only defaults to a local service stays reported",
    code: REMOTE,
    findings: [{ case: "suspiciousName", ...span(REMOTE, '"testtest"'), suggestions: [
      { title: "Move secret to process.env.PASSWORD", output: REMOTE.replace('"testtest"', 'process.env.PASSWORD ?? (() => { throw new Error("PASSWORD is not set"); })()') },
      mark(REMOTE, "    password", "suspiciousName"),
    ] }],
    output: null,
  },
  {
    name: "the same stand-ins for a production environment stay reported",
    code: PROD,
    findings: [
      { case: "suspiciousName", ...span(PROD, '"sk_test_emulator"'), suggestions: [
        { title: "Move secret to process.env.STRIPE_SECRET_KEY", output: PROD.replace('"sk_test_emulator"', 'process.env.STRIPE_SECRET_KEY ?? (() => { throw new Error("STRIPE_SECRET_KEY is not set"); })()') },
        mark(PROD, "    STRIPE_SECRET_KEY", "suspiciousName"),
      ] },
      { case: "suspiciousName", ...span(PROD, '"testsecret"'), suggestions: [
        { title: "Move secret to process.env.STRIPE_WEBHOOK_SECRET", output: PROD.replace('"testsecret"', 'process.env.STRIPE_WEBHOOK_SECRET ?? (() => { throw new Error("STRIPE_WEBHOOK_SECRET is not set"); })()') },
        mark(PROD, "    STRIPE_WEBHOOK_SECRET", "suspiciousName"),
      ] },
    ],
    output: null,
  },
  {
    name: "a random-looking Stripe test key beside the local environment stays reported",
    code: RANDOM,
    findings: [
      { case: "providerKey", ...span(RANDOM, '"sk_test_rb2P9rNofny9gMPjcnYJt7V0"'), suggestions: [
        { title: "Move secret to process.env.STRIPE_SECRET_KEY", output: RANDOM.replace('"sk_test_rb2P9rNofny9gMPjcnYJt7V0"', 'process.env.STRIPE_SECRET_KEY ?? (() => { throw new Error("STRIPE_SECRET_KEY is not set"); })()') },
        mark(RANDOM, "    STRIPE_SECRET_KEY", "providerKey"),
      ] },
    ],
    output: null,
  },
  {
    name: "fallbacks beside an endpoint that only defaults to this machine stay reported",
    code: OVERRIDABLE,
    findings: [
      { case: "envFallbackLiteral", ...span(OVERRIDABLE, '"sk_test_emulator"'), suggestions: [
        { title: "Remove the insecure fallback", output: OVERRIDABLE.replace('"sk_test_emulator"', '(() => { throw new Error("STRIPE_SECRET_KEY is not set"); })()') },
        mark(OVERRIDABLE, '  ["STRIPE_SECRET_KEY"', "envFallbackLiteral"),
      ] },
      { case: "envFallbackLiteral", ...span(OVERRIDABLE, '"testsecret"'), suggestions: [
        { title: "Remove the insecure fallback", output: OVERRIDABLE.replace('"testsecret"', '(() => { throw new Error("STRIPE_WEBHOOK_SECRET is not set"); })()') },
        mark(OVERRIDABLE, '  ["STRIPE_WEBHOOK_SECRET"', "envFallbackLiteral"),
      ] },
    ],
    output: null,
  },
  {
    name: "a whole PEM key closed by its END line stays reported",
    code: WHOLE,
    findings: [{ case: "privateKey", ...span(WHOLE, WHOLE.slice(WHOLE.indexOf(`"${HEAD}`), WHOLE.indexOf(`${TAIL}"`) + TAIL.length + 1)), suggestions: [
      { title: "Move secret to process.env.PRIVATE_KEY", output: WHOLE.replace(/"-----BEGIN[^"]*"/, 'process.env.PRIVATE_KEY ?? (() => { throw new Error("PRIVATE_KEY is not set"); })()') },
      mark(WHOLE, "  const pem", "privateKey"),
    ] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, {
  valid: [
    { name: "emulator stand-ins in the environment of a local stack", code: START("local"), filename: "scripts/visual-diff.ts" },
    { name: "emulator stand-ins as fallbacks beside an endpoint fixed on this machine", code: PAIRS("`127.0.0.1:${port}/storage/v1/s3`"), filename: "scripts/serve-backend-playwright.ts" },
    { name: "the same beside a local URL literal", code: PAIRS('"http://localhost:54321/storage/v1/s3"'), filename: "scripts/serve-backend-playwright.ts" },
    { name: "the seeded stand-in login of the local stack the script started", code: LOGIN(LOCAL_TOP), filename: "scripts/visual-diff.ts" },
    { name: "a PEM body closed before the key it announces, in a test", code: CUT, filename: "cli/test/prescan/checks-ios-certs.test.ts" },
    { name: "the same outside tests", code: CUT, filename: "cli/src/prescan/sample-p8.ts" },
  ],
  invalid,
});
