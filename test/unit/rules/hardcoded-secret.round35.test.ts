import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Retired held round 35 (session 32, ub32b). Hand-written rows, fake values.
// - A constant a signing call takes as its key is a signingSecret, recognised by that use whatever its name
//   (`const SECRET_KEY = "your_jwt_secret"` then `jwt.sign(payload, SECRET_KEY)`: T4H5iN/BUP-Maintenance-HUB
//   routes/auth.routes.js:6, the lead's decision): a placeholder the code signs with is the key all the same.
//   Telegram's published `createHmac("sha256", "WebAppData")` constant is no secret.
// - A secret read off the environment's own object (`ENV.stripeSecret || "sk_test_placeholder"`, a config
//   module's; kungfukitty/angelkbackend config/stripe.js:5) falls back like `process.env`'s: placeholders
//   included. An options object's placeholder, and a value that is plainly no secret, stay clean.

const span = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  const col = i - code.lastIndexOf("\n", i - 1);
  return { line: code.slice(0, i).split("\n").length, column: col, endColumn: col + needle.length };
};
const mark = (code: string, before: string, id: string) => code.replace(before, `${/^ */.exec(before)![0]}// hardening-hints-ignore-next-line hardcoded-secret/${id} -- <reason>\n${before}`);
const move = (code: string, literal: string, env: string) => code.replace(literal, `process.env.${env} ?? (() => { throw new Error("${env} is not set"); })()`);

const CONSTANT_KEY = 'const jwt = require("jsonwebtoken");\nconst SECRET_KEY = "your_jwt_secret";\nexports.login = (user) => jwt.sign({ id: user._id }, SECRET_KEY, { expiresIn: "1h" });\n';
const UNNAMED_KEY = 'const jwt = require("jsonwebtoken");\nconst K = "keyboard cat";\nexports.verify = (token) => jwt.verify(token, K);\n';
const DIRECT = 'const jwt = require("jsonwebtoken");\nexports.login = (user) => jwt.sign({ id: user._id }, "your_jwt_secret");\n';
const WEB_APP_DATA = 'import { createHmac } from "node:crypto";\nconst TELEGRAM_WEB_APP_DATA_PUBLIC_KEY = "WebAppData";\nexport const secretKey = (botToken: string) => createHmac("sha256", TELEGRAM_WEB_APP_DATA_PUBLIC_KEY).update(botToken).digest();\nexport const direct = (botToken: string) => createHmac("sha256", "WebAppData").update(botToken).digest();\n';
const ENV_OBJECT = 'const Stripe = require("stripe");\nconst { ENV } = require("./env");\nmodule.exports.stripe = new Stripe(ENV.stripeSecret || "sk_test_placeholder", { apiVersion: "2024-06-20" });\n';
const OPTIONS = 'export function client(options: { secret?: string }) {\n  return new Api(options.secret || "your-secret-here");\n}\n';
const NOT_SECRET = 'export function mode(env: Record<string, string | undefined>) {\n  return (env.HALO_TOKEN_ENFORCE ?? "off").trim().toLowerCase();\n}\n';

const invalid: InvalidCase[] = [
  {
    name: "signingSecret: a constant jwt.sign takes as its key, a placeholder",
    code: CONSTANT_KEY,
    filename: "routes/auth.routes.js",
    findings: [{ case: "signingSecret", ...span(CONSTANT_KEY, '"your_jwt_secret"'), suggestions: [
      { title: "Move secret to process.env.JWT_SECRET", output: move(CONSTANT_KEY, '"your_jwt_secret"', "JWT_SECRET") },
      { title: "Mark as not a secret…", output: mark(CONSTANT_KEY, "const SECRET_KEY", "signingSecret") },
    ] }],
    output: null,
  },
  {
    name: "signingSecret: a constant named for nothing that jwt.verify takes as its key",
    code: UNNAMED_KEY,
    filename: "routes/auth.routes.js",
    findings: [{ case: "signingSecret", ...span(UNNAMED_KEY, '"keyboard cat"'), suggestions: [
      { title: "Move secret to process.env.JWT_SECRET", output: move(UNNAMED_KEY, '"keyboard cat"', "JWT_SECRET") },
      { title: "Mark as not a secret…", output: mark(UNNAMED_KEY, "const K", "signingSecret") },
    ] }],
    output: null,
  },
  {
    name: "signingSecret: a placeholder written as jwt.sign's key",
    code: DIRECT,
    filename: "routes/auth.routes.js",
    findings: [{ case: "signingSecret", ...span(DIRECT, '"your_jwt_secret"'), suggestions: [
      { title: "Move secret to process.env.JWT_SECRET", output: move(DIRECT, '"your_jwt_secret"', "JWT_SECRET") },
      { title: "Mark as not a secret…", output: mark(DIRECT, "exports.login", "signingSecret") },
    ] }],
    output: null,
  },
  {
    name: "envFallbackLiteral: a placeholder fallback of a secret read off the environment's object",
    code: ENV_OBJECT,
    filename: "config/stripe.js",
    findings: [{ case: "envFallbackLiteral", ...span(ENV_OBJECT, '"sk_test_placeholder"'), suggestions: [
      { title: "Remove the insecure fallback", output: ENV_OBJECT.replace('ENV.stripeSecret || "sk_test_placeholder"', 'ENV.stripeSecret || (() => { throw new Error("stripeSecret is not set"); })()') },
      { title: "Mark as not a secret…", output: mark(ENV_OBJECT, "module.exports.stripe", "envFallbackLiteral") },
    ] }],
    output: null,
  },
];

// Only the cases these rows exercise (hardcoded-secret.test.ts exercises every case).
const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, {
  valid: [
    { name: "signingSecret: Telegram's published WebAppData key, through a constant and written out", code: WEB_APP_DATA, filename: "src/modules/telegram/miniAppService.ts" },
    { name: "envFallbackLiteral: an options object's placeholder default", code: OPTIONS, filename: "src/client.ts" },
    { name: "envFallbackLiteral: a mode read off the environment's object, no secret value", code: NOT_SECRET, filename: "src/halo.ts" },
  ],
  invalid,
});
