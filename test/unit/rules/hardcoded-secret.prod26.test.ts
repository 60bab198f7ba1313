import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Production codebase dittofeed (eval/production, seed 20261236): a settings form's provider
// fields name, under `secretKey`, the key of each value inside the provider's stored secret
// (`region`, `endpoint`, `accountSid`, `messagingServiceSid`, `spaceUrl`…): field names, not keys.
// A credential-looking value under the same name stays reported. Hand-written analogues; every
// value is fabricated.

const FIELDS = dedent`
  export const fields = [
    { id: "ses-region", fieldProps: { name: "amazon-ses", secretKey: "region", label: "AWS Region" } },
    { id: "ses-endpoint", fieldProps: { name: "amazon-ses", secretKey: "endpoint", label: "Custom Endpoint" } },
    { id: "twilio-sid", fieldProps: { name: "twilio", secretKey: "accountSid", label: "Account SID" } },
    { id: "twilio-service", fieldProps: { name: "twilio", secretKey: "messagingServiceSid", label: "Messaging Service SID" } },
    { id: "signalwire-url", fieldProps: { name: "signalwire", secretKey: "spaceUrl", label: "Space URL" } },
    { id: "postmark-stream", fieldProps: { name: "postmark", secretKey: "messageStream", label: "Message Stream" } },
  ];
`;

const WORD = dedent`
  export const minio = { endPoint: "localhost", accessKey: "minio", secretKey: "supersecret" };
`;

const valid: (string | ValidCase)[] = [FIELDS];

const invalid: InvalidCase[] = [
  {
    name: "a typed word under secretKey is a key all the same",
    code: WORD,
    filename: "src/storage.ts",
    findings: [
      {
        case: "suspiciousName",
        line: 1,
        column: 78,
        endColumn: 91,
        suggestions: [
          { title: "Move secret to process.env.MINIO_SECRET_KEY", output: WORD.replace('"supersecret"', 'process.env.MINIO_SECRET_KEY ?? (() => { throw new Error("MINIO_SECRET_KEY is not set"); })()') },
          { title: "Mark as not a secret…", output: WORD.replace("export const minio", "// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\nexport const minio") },
        ],
      },
    ],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
