import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Translation tables the path does not name (issue 11: production logto-io/logto, 401 of 427
// findings were locale objects; hardcoded-secret.round21.test.ts has the path rows), as
// hand-written analogues; every key-shaped value is fabricated.

const TEXT_TABLE = [
  "export const copy = {",
  '  title: "Keep your workspace safe",',
  '  intro: "Rotate keys on a schedule.",',
  '  rotate: "Rotate now",',
  '  cancel: "Not yet",',
  '  done: "Keys rotated.",',
  '  warning: "Old keys stop working at once.",',
  '  help: "Ask an admin for access",',
  '  secret: "Geheimnis",',
  "};",
].join("\n");

const valid: (string | ValidCase)[] = [
  // A long compound in a translation file passes the randomness test (locales/de/…/application-details.ts:20).
  { code: 'const details = { refresh_token_settings: "Auffrischungstoken", cookie_key: "Sitzungscookieschlüssel" };', filename: "src/locales/de/details.ts" },
  // Text in a script other than Latin, in any file: no credential is written in it.
  'const labels2 = { password: "密码", confirm_password: "パスワード確認", token: "Токен", new_password: "새 비밀번호" };',
  'const phrases = { rotate_private_keys: "确定要轮换<strong>私钥</strong>吗？", secret_copied: "「秘密鍵」をコピーしました。" };',
  // A table keyed by language tags, a parent named for text, an object of text.
  'const dict = { de: { password: "Kennwort" }, nl: { password: "Wachtwoord" } };',
  'const form = { labels: { password: "Kennwort", apiKey: "Schlüssel", authorization: "Autorisierung" } };',
  TEXT_TABLE,
];

/** The fail-fast env read the move fix writes. */
const env = (name: string) => `process.env.${name} ?? (() => { throw new Error("${name} is not set"); })()`;
const markAbove = (code: string, caseId: string) => ({ title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/${caseId} -- <reason>\n${code}` });
const at = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  return { line: 1, column: i + 1, endColumn: i + 1 + needle.length };
};

/** One finding of `caseId` on `needle`, moved to `envName`. */
function reported(name: string, code: string, needle: string, caseId: string, envName: string, filename?: string): InvalidCase {
  return {
    name,
    code,
    ...(filename ? { filename } : {}),
    findings: [{ case: caseId, ...at(code, needle), suggestions: [{ title: `Move secret to process.env.${envName}`, output: code.replace(needle, env(envName)) }, markAbove(code, caseId)] }],
    output: null,
  };
}

const STRIPE = 'const t = { secret_key: "sk_live_51Nx8QvTb2KpLm7RwZa9YcFd3Hs" };';
const MIXED_CASE = 'const t = { token: "XkPqVbRtMwZsLnHdGy" };';
const CYRILLIC_DIGITS = 'const db = { password: "Пароль2024" };';
const SEED = 'const seed = { email: "ana@acme.io", password: "Contraseña" };';
const RECORD = 'const user = { name: "Jane Doe", bio: "Loves hiking.", city: "São Paulo", password: "Welcome" };';
const LANG_ONCE = 'const dict = { de: { password: "Kennwort" }, db: { host: "db.internal" } };';

const invalid: InvalidCase[] = [
  // A provider-shaped key and a generated value stay reported in a translation file.
  reported("a Stripe key in a locale file stays reported", STRIPE, '"sk_live_51Nx8QvTb2KpLm7RwZa9YcFd3Hs"', "providerKey", "STRIPE_SECRET_KEY", "src/locales/de/keys.ts"),
  reported("letters with mixed case inside one run stay reported in a locale file", MIXED_CASE, '"XkPqVbRtMwZsLnHdGy"', "suspiciousName", "T_TOKEN", "src/locales/de/keys.ts"),
  // Digits in non-Latin text, a Latin word outside a translation file or table, a record of few fields.
  reported("a Cyrillic password with digits stays reported", CYRILLIC_DIGITS, '"Пароль2024"', "suspiciousName", "DB_PASSWORD"),
  reported("a password with an accented letter in a seed stays reported", SEED, '"Contraseña"', "suspiciousName", "SEED_PASSWORD"),
  reported("a capitalised password in a short record stays reported", RECORD, '"Welcome"', "suspiciousName", "USER_PASSWORD"),
  // One language-tag key alone is no table of languages.
  reported("a language-tag key with no other beside it stays reported", LANG_ONCE, '"Kennwort"', "suspiciousName", "DE_PASSWORD"),
];

// Only the cases the invalid rows name are declared (hardcoded-secret.test.ts exercises every case).
const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
