import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// A provider key in its provider's URL path (issue 11: tune FN TravisLovable/travis-wanderlust-guide
// src/hooks/useCurrencyExchange.tsx:57), and the classes of the production triage of logto-io/logto
// (locale tables, mock modules, digests, route keys, a key typed around a run of one character), as
// hand-written analogues; every key is fabricated.

const env = (name: string) => `process.env.${name} ?? (() => { throw new Error("${name} is not set"); })()`;
const markAbove = (code: string) => ({ title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/providerKey -- <reason>\n${code}` });
const at = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  return { line: 1, column: i + 1, endColumn: i + 1 + needle.length };
};

const PLAIN = 'const RATES_URL = "https://v6.exchangerate-api.com/v6/3f9c2e71ab04d58e6c1b97a2/latest/USD";';
const TEMPLATE = "export const pairUrl = (from: string, to: string) => `https://v6.exchangerate-api.com/v6/3f9c2e71ab04d58e6c1b97a2/pair/${from}/${to}`;";

const valid: (string | ValidCase)[] = [
  // Translation tables: UI text under keys that name a credential (logto packages/phrases/src/locales/*/…).
  { code: 'export default { password: "Contraseña", new_password: "Nueva contraseña", create_new_token: "Crear token", secret_key: "Clave" };', filename: "packages/phrases/src/locales/es/translation/account.ts" },
  { code: 'export const de = { private_key: "OIDC-Privatschlüssel", password: "Passwort", rotate: "Rotieren" };', filename: "src/i18n/de.ts" },
  // Text in another script is no generated key, even with Latin letters in it.
  { code: 'export const ja = { private_key: "<strong>OIDCプライベートキー</strong>を回転させますか？新しいJWTトークンは新しいキーで署名されます。" };', filename: "src/locales/ja-JP/keys.ts" },
  // A mock module a unit test imports (connectors/*/src/mock.ts): made-up settings.
  { code: 'export const mockedConfig = { accessKeyId: "accessKeyId", accessKeySecret: "accessKeySecret+qwPLmn", region: "eu-west-1" };', filename: "packages/connectors/connector-mail/src/mock.ts" },
  { code: 'export const mockedConfig = { appId: "cli_a1b2", appSecret: "445566" };', filename: "src/sms/feishu.mocks.ts" },
  // Digests under names that say so (user.test.ts:245): a hash is not a credential.
  'const legacy = { passwordDigest: "5f4dcc3b5aa765d61d8327deb882cf99", passwordEncrypted: "5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8" };',
  // Route keys that contain a secret word (swagger/utils/operation-id.ts:70).
  'const operationIds = { "post /users/:userId/password/verify": "VerifyUserPassword", "PATCH /users/:userId/password": "User.Data.Updated" };',
  // A key typed around a run of one character in test support (integration-tests/src/helpers/captcha.ts:20).
  { code: 'export const captcha = { secretKey: "6LfQz9kTAAAAAB-3x0000000000000000000000000000000AB" };', filename: "packages/integration-tests/src/helpers/captcha.ts" },
  // The documentation's placeholder, and a key read at run time.
  'const RATES_URL = "https://v6.exchangerate-api.com/v6/YOUR-API-KEY/latest/USD";',
  "const ratesUrl = (key: string) => `https://v6.exchangerate-api.com/v6/${key}/latest/USD`;",
  // Not 24 hex characters: no key of this provider.
  'const RATES_URL = "https://v6.exchangerate-api.com/v6/latest/USD";',
  // An obviously fake body.
  'const RATES_URL = "https://v6.exchangerate-api.com/v6/000000000000000000000000/latest/USD";',
];

const LOCALE_KEY = 'export default { api_key: "q7RkX2vLm9TfW3zPb8Nc" };';
const NOT_LOCALE = 'export const config = { password: "Passwort" };';
const PATH_KEY = 'const vault = { "db/password": "Zq8pL2vW" };';
const suspicious = (code: string, needle: string, envName: string, filename?: string): InvalidCase => ({
  name: `${needle} stays reported${filename ? ` in ${filename}` : ""}`,
  code,
  ...(filename ? { filename } : {}),
  findings: [{ case: "suspiciousName", ...at(code, needle), suggestions: [{ title: `Move secret to process.env.${envName}`, output: code.replace(needle, env(envName)) }, { title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n${code}` }] }],
  output: null,
});

const invalid: InvalidCase[] = [
  // A random-looking value in a locale table, a language-named folder outside one, a key that is a path but no route.
  suspicious(LOCALE_KEY, '"q7RkX2vLm9TfW3zPb8Nc"', "API_KEY", "src/locales/en/settings.ts"),
  suspicious(NOT_LOCALE, '"Passwort"', "PASSWORD", "src/de/config.ts"),
  suspicious(PATH_KEY, '"Zq8pL2vW"', "DB_PASSWORD"),
  {
    name: "an ExchangeRate-API key in the request path moves alone, the URL stays",
    code: PLAIN,
    findings: [{ case: "providerKey", ...at(PLAIN, '"https://v6.exchangerate-api.com/v6/3f9c2e71ab04d58e6c1b97a2/latest/USD"'), suggestions: [{ title: "Move secret to process.env.EXCHANGERATE_API_KEY", output: `const RATES_URL = \`https://v6.exchangerate-api.com/v6/\${${env("EXCHANGERATE_API_KEY")}}/latest/USD\`;` }, markAbove(PLAIN)] }],
    output: null,
  },
  {
    name: "the same key in a URL template with substitutions",
    code: TEMPLATE,
    findings: [{ case: "providerKey", ...at(TEMPLATE, "`https://v6.exchangerate-api.com/v6/3f9c2e71ab04d58e6c1b97a2/pair/${from}/${to}`"), suggestions: [markAbove(TEMPLATE)] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
