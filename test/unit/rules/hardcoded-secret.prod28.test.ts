import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Production langfuse (eval/production, triaged blind at 81cf737, seed 20261228), session 28, helper
// hs28: values that name something rather than hold a credential, under names that say key, token or
// credentials. A key name of words in SCREAMING case or with a version tag (`run-1:AWAITING_APPROVAL`,
// `quality-EVAL-NUMERIC`, `acme:v4:usage:lock:v1`, `v4-beta-intro-dialog-seen`), a CSS custom
// property under `token`, a flag or enum schema's default under `…_ID_TOKEN`, a key shown by its ends
// (`sk-lf-...5678`), a provider id's display label (`credentials: "Email/Password"`) and a GitHub
// prefix on typed words in a test. Hand-written analogues; every value is fabricated.

const STORY = dedent`
  export const ApprovalRequired = meta.story({
    args: { cards: [card({ activityKey: "run-3:AWAITING_REVIEW", state: "approval", title: "Label the dataset" })] },
  });
`;

const REDIS_KEYS = dedent`
  export const USAGE_SYNC_CURSOR_KEY =
    "acme:v2:usage-sync:cursor:v1";
  export const USAGE_SYNC_LOCK_TOKEN = "acme:v2:usage-sync:lock";
  export const USAGE_ROLLUP_PROJECTS_KEY = "acme:v2:usage-sync:rollup-projects:v1";
`;

const THEME = dedent`
  const SURFACES: Array<{ token: string; label: string }> = [
    { token: "--surface-raised", label: "elevated panel" },
    { token: "--overlay", label: "dialogs" },
  ];
  export const Row = () => <StateRow state="Selected" tokens="--accent-strong" seenIn="TableRow" />;
`;

const ENV = dedent`
  export const env = createEnv({
    server: {
      AUTH_OKTA_CLIENT_SECRET: z.string().optional(),
      AUTH_OKTA_ID_TOKEN: z
        .enum(["true", "false"])
        .optional()
        .default("true"),
      AUTH_ACME_ID_TOKEN: z.enum(["true", "false"]).optional().default("false"),
    },
  });
  const useIdToken = process.env.AUTH_ACME_ID_TOKEN || "true";
`;

const PROVIDERS = dedent`
  export function providerLabel(provider: string): string {
    const labels: Record<string, string> = {
      credentials: "Email/Password",
      google: "Google",
      github: "GitHub",
      "azure-ad": "Azure AD",
      okta: "Okta",
      custom: "Custom SSO",
    };
    return labels[provider] ?? provider;
  }
`;

const valid: (string | ValidCase)[] = [
  // An identifier under a `…Key` name, in a story and in the app: words in SCREAMING case, a number, a version tag.
  { code: STORY, filename: "web/src/features/agent/components/ActivityCards.stories.tsx" },
  { code: 'const observationScoreKey = "accuracy-EVAL-NUMERIC";\nconst traceScoreKey = "helpfulness-API-CATEGORICAL";', filename: "web/src/features/scores/columns.ts" },
  { code: 'const INTRO_DIALOG_SEEN_KEY = "v2-welcome-dialog-seen";\nlocalStorage.setItem(INTRO_DIALOG_SEEN_KEY, "1");', filename: "web/src/features/onboarding/useWelcome.ts" },
  // Redis key names: `:` segments of kebab-case words with version tags, also under a token's name.
  { code: REDIS_KEYS, filename: "packages/shared/src/server/usageSync.ts" },
  // CSS custom properties under `token` and `tokens`.
  { code: THEME, filename: "web/src/components/design-system/Tokens.tsx" },
  // A flag (`"true"`/`"false"`) or an enum schema's default under `…_ID_TOKEN`: whether to use the ID token.
  { code: ENV, filename: "web/src/env.mjs" },
  { code: 'export const env = { AUTH_GITHUB_ID_TOKEN: z.enum(["required", "optional", "off"]).default("optional") };', filename: "src/env.ts" },
  // A key shown by its ends in the app (a list of keys as the UI renders it).
  { code: 'export const rows = [{ id: "k1", publicKey: "pk-ac-...1a2b", secretKey: "sk-ac-...9f3e" }];', filename: "web/src/features/api-keys/sample.ts" },
  // A provider id mapped to its display label, among other labels.
  { code: PROVIDERS, filename: "packages/shared/src/server/utils/providerLabel.ts" },
  // A GitHub prefix on words a person typed, in a test.
  { code: 'const input = { actionConfig: { url: "https://api.github.com/repos/o/r/dispatches", githubToken: "ghp_rotated_token_789" } };', filename: "web/src/__tests__/server/automations.servertest.ts" },
];

// Near misses: a generated value under a key name, beside a version tag or among labels, a tail too long to be a key's end.
const RANDOM_KEY = 'export const card = { activityKey: "rK9x2:QWPMZRTBXKLF_Aq8Lm3" };';
const RANDOM_SEGMENTS = 'export const SESSION_SIGNING_KEY = "acme:v1:tKw4Vb8NcJ3hXq7LmZ2pR9";';
const LONG_TAIL = 'export const client = { apiKey: "sk-ac-1234...5678x9Zq8pL2vWk3" };';
const SHORT_TABLE = 'const labels = { credentials: "Email/Password", google: "Google", github: "GitHub", okta: "Okta" };';
const NOT_A_FLAG = dedent`
  export const env = createEnv({
    server: { AUTH_OKTA_ID_TOKEN: z.string().optional().default("truthy-okta-token") },
  });
`;

const mark = (code: string, case_: string): string => `// hardening-hints-ignore-next-line hardcoded-secret/${case_} -- <reason>\n${code}`;
const moved = (code: string, literal: string, env: string): string => code.replace(literal, `process.env.${env} ?? (() => { throw new Error("${env} is not set"); })()`);

/** A one-line suspiciousName finding on the whole of `literal`, moved to `env` or marked. */
const oneLine = (name: string, code: string, filename: string, literal: string, env: string): InvalidCase => {
  const column = code.indexOf(literal) + 1;
  return {
    name,
    code,
    filename,
    findings: [
      {
        case: "suspiciousName",
        line: 1,
        column,
        endColumn: column + literal.length,
        suggestions: [
          { title: `Move secret to process.env.${env}`, output: moved(code, literal, env) },
          { title: "Mark as not a secret…", output: mark(code, "suspiciousName") },
        ],
      },
    ],
    output: null,
  };
};

const invalid: InvalidCase[] = [
  oneLine("a random value under a key name is still a key", RANDOM_KEY, "web/src/features/agent/card.ts", '"rK9x2:QWPMZRTBXKLF_Aq8Lm3"', "ACTIVITY_KEY"),
  oneLine("a version tag does not make random segments a key name", RANDOM_SEGMENTS, "src/server/cache.ts", '"acme:v1:tKw4Vb8NcJ3hXq7LmZ2pR9"', "SESSION_SIGNING_KEY"),
  oneLine("more than a key's last characters after the ellipsis is no elided display value", LONG_TAIL, "src/server/client.ts", '"sk-ac-1234...5678x9Zq8pL2vWk3"', "CLIENT_API_KEY"),
  oneLine("four labels with no phrase among them are no table", SHORT_TABLE, "src/server/labels.ts", '"Email/Password"', "LABELS_CREDENTIALS"),
  {
    name: "a string schema's default under an ID token's name is a fallback all the same",
    code: NOT_A_FLAG,
    filename: "web/src/env.mjs",
    findings: [
      {
        case: "envFallbackLiteral",
        line: 2,
        column: 63,
        endColumn: 82,
        suggestions: [
          { title: "Remove the insecure fallback", output: NOT_A_FLAG.replace('.default("truthy-okta-token")', "") },
          { title: "Mark as not a secret…", output: NOT_A_FLAG.replace("  server:", "  // hardening-hints-ignore-next-line hardcoded-secret/envFallbackLiteral -- <reason>\n  server:") },
        ],
      },
    ],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
