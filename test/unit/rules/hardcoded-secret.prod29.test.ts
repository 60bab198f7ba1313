import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Production Flowise (issue 11, session 29; unseen, triaged blind at 25871d8: 13 of 13 false).
// Hand-written rows. A permission on credentials (`resource:action`, the resource a credential's
// word in the plural) is no credential; a name ending in `Suffix` names part of another name (the id
// of a secret in a secret manager), as `Prefix` does; a setting whose name ends in `region` names a
// region; a JWT's header and payload without a signature grant nothing. The neighbours stay reported.

const SIGNED_JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ODIxIiwicm9sZSI6ImFkbWluIn0.Qm9pZ3VzU2lnbmF0dXJlVmFsdWVIZXJlMTIzNDU2";
const TOKEN = `export const token = "${SIGNED_JWT}";\n`;
const FALLBACK = 'export const awsSecret = process.env.SECRETKEY_AWS_SECRET || "Zq8pL2vW9xKt4Rm7";\n';
const PERMISSION_VALUE = 'export const apikey = "tokens:Zq8pL2vW9xKt4Rm7Qa";\n';

const span = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  const col = i - code.lastIndexOf("\n", i - 1);
  return { line: code.slice(0, i).split("\n").length, column: col, endColumn: col + needle.length };
};

const invalid: InvalidCase[] = [
  {
    name: "a signed JWT under a token name stays reported",
    code: TOKEN,
    findings: [{ case: "suspiciousName", ...span(TOKEN, `"${SIGNED_JWT}"`), suggestions: [
      { title: "Move secret to process.env.TOKEN", output: 'export const token = process.env.TOKEN ?? (() => { throw new Error("TOKEN is not set"); })();\n' },
      { title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n${TOKEN}` },
    ] }],
    output: null,
  },
  {
    name: "the fallback of a secret setting whose name ends in SECRET stays reported",
    code: FALLBACK,
    findings: [{ case: "envFallbackLiteral", ...span(FALLBACK, '"Zq8pL2vW9xKt4Rm7"'), suggestions: [
      { title: "Remove the insecure fallback", output: FALLBACK.replace('"Zq8pL2vW9xKt4Rm7"', '(() => { throw new Error("SECRETKEY_AWS_SECRET is not set"); })()') },
      { title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/envFallbackLiteral -- <reason>\n${FALLBACK}` },
    ] }],
    output: null,
  },
  {
    name: "a generated value after a credential's plural and a colon is no permission",
    code: PERMISSION_VALUE,
    findings: [{ case: "suspiciousName", ...span(PERMISSION_VALUE, '"tokens:Zq8pL2vW9xKt4Rm7Qa"'), suggestions: [
      { title: "Move secret to process.env.APIKEY", output: PERMISSION_VALUE.replace('"tokens:Zq8pL2vW9xKt4Rm7Qa"', 'process.env.APIKEY ?? (() => { throw new Error("APIKEY is not set"); })()') },
      { title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n${PERMISSION_VALUE}` },
    ] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, {
  valid: [
    { name: "a permission on API keys in a local named apikey", code: 'export function perms() {\n  const sso = "sso:manage";\n  const apikey = "apikeys:import";\n  return [sso, apikey];\n}\n' },
    { name: "permissions on credentials and tokens", code: 'export const credential = "credentials:read";\nexport const token = "tokens:create-scoped";\n' },
    { name: "the id suffix of a secret in a secret manager", code: 'export const opts = { envKey: "JWT_AUTH_TOKEN_SECRET", awsSecretIdSuffix: "JWTAuthTokenSecret" };\nexport const other = { awsSecretIdSuffix: "ExpressSessionSecret" };\n' },
    { name: "a region as the fallback of a setting named for a secret store's region", code: 'export const region = process.env.SECRETKEY_AWS_REGION || "us-east-1";\n' },
    { name: "an unsigned JWT (header and payload) in a test", filename: "src/url.util.test.ts", code: 'export const token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0";\n' },
    { name: "an unsigned JWT with alg none's empty signature", code: 'export const token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiI0MiJ9.";\n' },
  ],
  invalid,
});
