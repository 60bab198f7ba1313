import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Session 44, developer produb: production heyform, triaged blind at c62c85f6. A translation table is judged by its path,
// a file below a locale folder whose path names a language; heyform names its files by language and region in camel case
// (`packages/webapp/src/locales/zhCn.ts`, `ptBr.ts`, `zhTw.ts`), and its Chinese sentence about the password rule holds
// digits (8, 1), so the Han-script text test alone does not clear it. Outside a locale folder the same file name is not a
// translation table, and a generated key in one is still reported.

const SENTENCE = dedent`
  export default {
    signUp: {
      PasswordViolation: '您的密码必须至少有8个字符，并且至少有1个大写字母、1个小写字母和1个数字。',
    },
  };
`;
const KEY = dedent`
  export default {
    apiKey: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
  };
`;

const invalid: InvalidCase[] = [
  { name: "suspiciousName: the same sentence in a file named zhCn.ts outside a locale folder is still reported", code: SENTENCE, filename: "packages/webapp/src/utils/zhCn.ts", findings: [{ case: "suspiciousName", line: 3, column: 24, endColumn: 64, suggestions: [
    { title: "Move secret to process.env.PASSWORD_VIOLATION", output: SENTENCE.replace("'您的密码必须至少有8个字符，并且至少有1个大写字母、1个小写字母和1个数字。'", 'process.env.PASSWORD_VIOLATION ?? (() => { throw new Error("PASSWORD_VIOLATION is not set"); })()') },
    { title: "Mark as not a secret…", output: SENTENCE.replace("    PasswordViolation", "    // hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n    PasswordViolation") },
  ] }], output: null },
  { name: "a generated key in a camel-case locale file is still reported", code: KEY, filename: "packages/webapp/src/locales/zhCn.ts", findings: [{ case: "providerKey", line: 2, column: 11, endColumn: 45, suggestions: [
    { title: "Move secret to process.env.STRIPE_SECRET_KEY", output: KEY.replace("'sk_live_4eC39HqLyjWDarjtT1zdp7dc'", 'process.env.STRIPE_SECRET_KEY ?? (() => { throw new Error("STRIPE_SECRET_KEY is not set"); })()') },
    { title: "Mark as not a secret…", output: KEY.replace("  apiKey", "  // hardening-hints-ignore-next-line hardcoded-secret/providerKey -- <reason>\n  apiKey") },
  ] }], output: null },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, {
  valid: [
    { name: "suspiciousName: a Chinese password-rule sentence with digits in locales/zhCn.ts (heyform)", code: SENTENCE, filename: "packages/webapp/src/locales/zhCn.ts" },
    { name: "suspiciousName: another style, locales/ptBr.js", code: SENTENCE.replace("您的密码必须至少有8个字符，并且至少有1个大写字母、1个小写字母和1个数字。", "A senha deve ter pelo menos 8 caracteres e 1 número."), filename: "src/locales/ptBr.js" },
  ],
  invalid,
});
