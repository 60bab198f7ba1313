import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Session 45, the lead: production papra, triaged blind at cebb3c43. Its translation tables are named by language and a
// dotted suffix (`apps/papra-client/src/locales/ca.dictionary.ts`), so the path test read `ca.dictionary` as no language
// and reported UI text under keys such as `'api-keys.delete.confirm.cancel-button'`. Its routes name the permissions an API
// key needs (`requireAuthentication({ apiKeyPermissions: ['documents:create'] })`): a name ending in `permission(s)` holds
// what a key may do, not the key. A provider's key is still reported under either.

const DICTIONARY = dedent`
  export const translations = {
    'api-keys.delete.confirm.cancel-button': 'Cancel·la',
  };
`;
const PERMISSIONS = dedent`
  app.post('/api/documents', requireAuthentication({ apiKeyPermissions: ['documents:create'] }), handler);
`;
const KEY = dedent`
  export const translations = {
    apiKey: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
  };
`;

const invalid: InvalidCase[] = [
  { name: "suspiciousName: the same table outside a locale folder is still reported", code: DICTIONARY, filename: "apps/web/src/ca.dictionary.ts", findings: [{ case: "suspiciousName", line: 2, column: 44, endColumn: 55, suggestions: [
    { title: "Move secret to process.env.API_KEYS_DELETE_CONFIRM_CANCEL_BUTTON", output: DICTIONARY.replace("'Cancel·la'", 'process.env.API_KEYS_DELETE_CONFIRM_CANCEL_BUTTON ?? (() => { throw new Error("API_KEYS_DELETE_CONFIRM_CANCEL_BUTTON is not set"); })()') },
    { title: "Mark as not a secret…", output: DICTIONARY.replace("  'api-keys", "  // hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n  'api-keys") },
  ] }], output: null },
  { name: "providerKey: a provider's key in a dotted locale file is still reported", code: KEY, filename: "apps/web/src/locales/ca.dictionary.ts", findings: [{ case: "providerKey", line: 2, column: 11, endColumn: 45, suggestions: [
    { title: "Move secret to process.env.STRIPE_SECRET_KEY", output: KEY.replace("'sk_live_4eC39HqLyjWDarjtT1zdp7dc'", 'process.env.STRIPE_SECRET_KEY ?? (() => { throw new Error("STRIPE_SECRET_KEY is not set"); })()') },
    { title: "Mark as not a secret…", output: KEY.replace("  apiKey", "  // hardening-hints-ignore-next-line hardcoded-secret/providerKey -- <reason>\n  apiKey") },
  ] }], output: null },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, {
  valid: [
    { name: "suspiciousName: UI text in locales/ca.dictionary.ts (papra)", code: DICTIONARY, filename: "apps/papra-client/src/locales/ca.dictionary.ts" },
    { name: "suspiciousName: locales/pt-BR.messages.js", code: DICTIONARY, filename: "src/locales/pt-BR.messages.js" },
    { name: "suspiciousName: a permission scope under apiKeyPermissions (papra)", code: PERMISSIONS, filename: "apps/papra-server/src/modules/documents/documents.routes.ts" },
    { name: "suspiciousName: TOKEN_PERMISSION = 'repo:write'", code: "export const TOKEN_PERMISSION = 'repo:write';", filename: "src/auth.ts" },
  ],
  invalid,
});
