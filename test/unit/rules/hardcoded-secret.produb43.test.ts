import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Session 43, developer produb: production Hexabot, triaged blind at f902ce23. A key name outside the credential words
// whose value is made of words is an identifier (the docs' `INTRO_DIALOG_SEEN_KEY = "v4-beta-intro-dialog-seen"`), also
// after the `x-` of an extension name: Hexabot's `WORKFLOW_RESOURCE_REF_METADATA_KEY = 'x-hexabot:resourceRef'`
// (`packages/api/src/workflow/resource-refs.ts:11`), the JSON Schema extension keyword its workflow metadata is kept under.
// Under a credential's own name (a token) the same value is still reported: the words rule is for other key names.

const METADATA = dedent`
  export type WorkflowResourceRefKind = string;

  export const WORKFLOW_RESOURCE_REF_METADATA_KEY = 'x-hexabot:resourceRef';
`;
// Another style: an OpenAPI vendor extension with dotted words, as an object key's value.
const EXTENSION = dedent`
  export const schemaKeys = {
    visibilityKey: "x-acme-internal.visibility",
  };
`;
const TOKEN = dedent`
  export const apiToken = "x-hexabot:resourceRef";
`;

const invalid: InvalidCase[] = [
  { name: "suspiciousName: the same value under a token's name is still reported", code: TOKEN, filename: "src/workflow/keys.ts", findings: [{ case: "suspiciousName", line: 1, column: 25, endColumn: 48, suggestions: [
    { title: "Move secret to process.env.API_TOKEN", output: TOKEN.replace('"x-hexabot:resourceRef"', 'process.env.API_TOKEN ?? (() => { throw new Error("API_TOKEN is not set"); })()') },
    { title: "Mark as not a secret…", output: "// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n" + TOKEN },
  ] }], output: null },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, {
  valid: [
    { name: "suspiciousName: an extension keyword's name under a …_METADATA_KEY (Hexabot resource-refs.ts:11)", code: METADATA, filename: "packages/api/src/workflow/resource-refs.ts" },
    { name: "suspiciousName: another style, a dotted vendor extension under a …Key property", code: EXTENSION, filename: "src/schema/keys.ts" },
  ],
  invalid,
});
