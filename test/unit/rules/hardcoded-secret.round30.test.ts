import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Held round 30 (retired to tune), session 27, developer ucs27. Hand-written rows.
// A demo login written as a test (`email === "demo@example.com" && password === "demo123"`): the
// reserved-domain demo-account exemption carried from an object to a comparison (OCUS-jub-hunter
// functions/api/customer/login.ts:8, clean debatable). A value with `demo` among typed words, assigned
// to a credential's name, is a stand-in (`jwtSecret: "demo-jwt-secret"` in a no-row settings answer);
// as the fallback of a stored secret setting it stays reported (the lead's decision on the same repository).

const LOGIN = (email: string) => `export function login(email: string, password: string) {\n  if (email === "${email}" && password === "demo123") return { ok: true };\n  return { ok: false };\n}\n`;
const REAL = LOGIN("demo@acme.io");
const FALLBACK = 'export function secretOf(row: { jwt_secret?: string }) {\n  return { jwtSecret: row.jwt_secret || "demo-jwt-secret" };\n}\n';

const span = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  const col = i - code.lastIndexOf("\n", i - 1);
  return { line: code.slice(0, i).split("\n").length, column: col, endColumn: col + needle.length };
};

const invalid: InvalidCase[] = [
  {
    name: "a demo login password beside an address at a real domain stays reported",
    code: REAL,
    findings: [{ case: "suspiciousName", ...span(REAL, '"demo123"'), suggestions: [
      { title: "Move secret to process.env.PASSWORD", output: REAL.replace('"demo123"', '(process.env.PASSWORD ?? (() => { throw new Error("PASSWORD is not set"); })())') },
      { title: "Mark as not a secret…", output: REAL.replace("  if (", "  // hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n  if (") },
    ] }],
    output: null,
  },
  {
    name: "a demo word as the fallback of a stored secret setting stays reported",
    code: FALLBACK,
    findings: [{ case: "envFallbackLiteral", ...span(FALLBACK, '"demo-jwt-secret"'), suggestions: [
      { title: "Remove the insecure fallback", output: FALLBACK.replace('"demo-jwt-secret"', '(() => { throw new Error("jwt_secret is not set"); })()') },
      { title: "Mark as not a secret…", output: FALLBACK.replace("  return {", "  // hardening-hints-ignore-next-line hardcoded-secret/envFallbackLiteral -- <reason>\n  return {") },
    ] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, {
  valid: [
    { name: "a demo login compared beside an address at a reserved domain", code: LOGIN("demo@example.com") },
    { name: "the same with the password tested first, in parentheses", code: 'export const ok = (u: { email: string; password: string }) => (u.password === "demo123" && (u.email === "demo@shop.test"));\n' },
    { name: "a demo word joined to a credential's words, assigned", code: 'export const defaults = { sessionTimeout: 3600, jwtSecret: "demo-jwt-secret" };\n' },
  ],
  invalid,
});
