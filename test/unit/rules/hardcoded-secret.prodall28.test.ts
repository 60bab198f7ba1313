import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Production rallly (eval/production, seed 20261238), session 25, developer prodall28: react-i18next's
// `<Trans i18nKey="rsvpVerifyTitle" … />` (a translation key's name), a test's fake key typed as
// alphabet triples (`…def456ghi789jkl012…`), and the "Mark as not a secret…" line inside JSX
// children, which must be `{/* … */}`. Hand-written analogues; every value is fabricated.

const TRANS = dedent`
  export function Title() {
    return (
      <DialogTitle>
        <Trans i18nKey="rsvpVerifyDialogDescription" defaults="Enter the code we sent to {email}." />
      </DialogTitle>
    );
  }
`;

const PREFIX_TEST = dedent`
  it("extracts a prefix with underscores", () => {
    const apiKey = "sk_a_b-c_d5_def456ghi789jkl012mno345pqr678";
    expect(extractApiKeyPrefix(apiKey)).toBe("a_b-c_d5");
  });
`;

const MAP = dedent`
  export function Map() {
    return (
      <div>
        <MapView apiKey="Zq8pL2vWx9TrKm4eJ7aB3c" />
        <MapView
          apiKey="Wk3nR8tYp2LqZx7vB4cM"
        />
      </div>
    );
  }
`;

const DEEPL = 'export const deepl = { translationApiKey: "Qm7vXk2LpR9tWz4eHs3D" };';

const valid: (string | ValidCase)[] = [
  { code: TRANS, filename: "apps/web/src/components/rsvp-verify-email.tsx" },
  { code: 'export const item = { path: "/dashboard", translationKey: "sidebarConstantsDashboard" };', filename: "src/nav.ts" },
  { code: PREFIX_TEST, filename: "src/features/api-keys/utils.test.ts" },
];

// The line the "Mark as not a secret…" suggestion inserts above `before`.
const mark = (code: string, before: string, line: string): string => code.replace(before, `${line}\n${before}`);

const invalid: InvalidCase[] = [
  {
    name: "a secret in a JSX prop: the directive is an expression among children, a // line between attributes",
    code: MAP,
    filename: "src/components/map.tsx",
    findings: [
      {
        case: "suspiciousName",
        line: 4,
        column: 23,
        endColumn: 47,
        suggestions: [{ title: "Mark as not a secret…", output: mark(MAP, "      <MapView apiKey=", "      {/* hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason> */}") }],
      },
      {
        case: "suspiciousName",
        line: 6,
        column: 16,
        endColumn: 38,
        suggestions: [{ title: "Mark as not a secret…", output: mark(MAP, '        apiKey="Wk3n', "        // hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>") }],
      },
    ],
    output: null,
  },
  {
    name: "a translation service's key is no translation key",
    code: DEEPL,
    filename: "src/server/deepl.ts",
    findings: [
      {
        case: "suspiciousName",
        line: 1,
        column: 43,
        endColumn: 65,
        suggestions: [
          { title: "Move secret to process.env.TRANSLATION_API_KEY", output: DEEPL.replace('"Qm7vXk2LpR9tWz4eHs3D"', 'process.env.TRANSLATION_API_KEY ?? (() => { throw new Error("TRANSLATION_API_KEY is not set"); })()') },
          { title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n${DEEPL}` },
        ],
      },
    ],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
