import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Held round 29 (session 26, se29): Cloudflare Turnstile's dummy secret keys, which its testing
// page publishes (https://developers.cloudflare.com/turnstile/troubleshooting/testing/): they pass,
// fail or report a spent token for any token, and guard nothing. A value of another shape stays reported.

const turnstile = (value: string): string => `const TURNSTILE_SECRET_KEY = "${value}";\nexport const secretFor = (dev: boolean, env: { TURNSTILE_SECRET_KEY: string }) => (dev ? TURNSTILE_SECRET_KEY : env.TURNSTILE_SECRET_KEY);`;
const OTHER = turnstile("0x4AAAAAAAbC9dEfGhIjKlMnOpQrStUvWx");

const span = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  const col = i - code.lastIndexOf("\n", i - 1);
  return { line: code.slice(0, i).split("\n").length, column: col, endColumn: col + needle.length };
};
const mark = (code: string) => `// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n${code}`;

const invalid: InvalidCase[] = [
  {
    name: "neighbour: a real-looking Turnstile secret stays reported",
    code: OTHER,
    findings: [{ case: "suspiciousName", ...span(OTHER, '"0x4AAAAAAAbC9dEfGhIjKlMnOpQrStUvWx"'), suggestions: [
      { title: "Move secret to process.env.TURNSTILE_SECRET_KEY", output: OTHER.replace('"0x4AAAAAAAbC9dEfGhIjKlMnOpQrStUvWx"', 'process.env.TURNSTILE_SECRET_KEY ?? (() => { throw new Error("TURNSTILE_SECRET_KEY is not set"); })()') },
      { title: "Mark as not a secret…", output: mark(OTHER) },
    ] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, {
  valid: [
    { name: "Turnstile's always-passes dummy secret", code: turnstile("1x0000000000000000000000000000000AA") },
    { name: "Turnstile's always-fails dummy secret", code: turnstile("2x0000000000000000000000000000000AA") },
    { name: "Turnstile's token-already-spent dummy secret", code: turnstile("3x0000000000000000000000000000000AA") },
  ],
  invalid,
});
