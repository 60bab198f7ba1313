import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// A provider key in its provider's URL path (issue 11: tune FN TravisLovable/travis-wanderlust-guide
// src/hooks/useCurrencyExchange.tsx:57), as hand-written analogues; every key is fabricated.

const env = (name: string) => `process.env.${name} ?? (() => { throw new Error("${name} is not set"); })()`;
const markAbove = (code: string) => ({ title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/providerKey -- <reason>\n${code}` });
const at = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  return { line: 1, column: i + 1, endColumn: i + 1 + needle.length };
};

const PLAIN = 'const RATES_URL = "https://v6.exchangerate-api.com/v6/3f9c2e71ab04d58e6c1b97a2/latest/USD";';
const TEMPLATE = "export const pairUrl = (from: string, to: string) => `https://v6.exchangerate-api.com/v6/3f9c2e71ab04d58e6c1b97a2/pair/${from}/${to}`;";

const valid: (string | ValidCase)[] = [
  // The documentation's placeholder, and a key read at run time.
  'const RATES_URL = "https://v6.exchangerate-api.com/v6/YOUR-API-KEY/latest/USD";',
  "const ratesUrl = (key: string) => `https://v6.exchangerate-api.com/v6/${key}/latest/USD`;",
  // Not 24 hex characters: no key of this provider.
  'const RATES_URL = "https://v6.exchangerate-api.com/v6/latest/USD";',
  // An obviously fake body.
  'const RATES_URL = "https://v6.exchangerate-api.com/v6/000000000000000000000000/latest/USD";',
];

const invalid: InvalidCase[] = [
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
