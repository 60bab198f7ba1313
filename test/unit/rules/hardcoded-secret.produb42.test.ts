import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Session 42, developer produb42: production formbricks and anything-llm, triaged blind at 12764c27.
// 1. A module that imports a test runner's API is test code whatever its name (formbricks `apps/web/integration/setup.ts:16`,
//    the vitest integration harness's setup file: `process.env.DATABASE_URL = process.env.TEST_DATABASE_URL ??
//    "postgresql://postgres:postgres@localhost:5432/…"`, a local database as the test's default). The same file without
//    the import is judged like the app.
// 2. The settings of a local instance with the service named through a `const` (anything-llm
//    `open-computer/services/interface-service/pi/process.js:142`): `apiKey: settings.OPENAI_API_KEY ||
//    "sk-local-no-key-required"` beside `baseUrl: proxyBaseUrl`, `` const proxyBaseUrl = `http://localhost:${PORT}/llm-proxy/v1` ``.
//    A `const` that only defaults to this machine (`process.env.PROXY_URL || "http://localhost:4000"`) fixes nothing.

// formbricks' style: an assignment with `??`, vitest's `vi` imported.
const SETUP = dedent`
  import { vi } from "vitest";

  process.env.DATABASE_URL =
    process.env.TEST_DATABASE_URL ??
    "postgresql://postgres:postgres@localhost:5432/formbricks_test?schema=public";
  vi.mock("server-only", () => ({}));
`;
// Another style: @jest/globals, a made-up secret set for the test run itself.
const JEST_HARNESS = dedent`
  import { beforeAll } from "@jest/globals";

  process.env.SESSION_SECRET = process.env.SESSION_SECRET || "harness-session-secret";
  beforeAll(() => undefined);
`;
const NO_RUNNER = dedent`
  process.env.DATABASE_URL =
    process.env.TEST_DATABASE_URL ??
    "postgresql://postgres:postgres@localhost:5432/formbricks_test?schema=public";
`;

// anything-llm's style: the proxy's URL in a const, the key in the same provider object.
const LOCAL_PROXY = dedent`
  function writeModels(settings, model, PORT) {
    const proxyBaseUrl = \`http://localhost:\${PORT}/llm-proxy/v1\`;
    return {
      providers: {
        local: {
          baseUrl: proxyBaseUrl,
          apiKey: settings.OPENAI_API_KEY || "sk-local-no-key-required",
          models: [{ id: model }],
        },
      },
    };
  }
  module.exports = { writeModels };
`;
// Another style: a module-level const and a dev token.
const LOCAL_KV = dedent`
  const KV_URL = "http://127.0.0.1:8200";
  export const kv = { url: KV_URL, token: process.env.KV_TOKEN ?? "kv-dev-token" };
`;
// The const only defaults to this machine: the deployment may point it anywhere.
const OVERRIDABLE = dedent`
  function writeModels(settings, model) {
    const proxyBaseUrl = process.env.PROXY_URL || "http://localhost:4000";
    return {
      local: {
        baseUrl: proxyBaseUrl,
        apiKey: settings.OPENAI_API_KEY || "sk-local-no-key-required",
      },
    };
  }
  module.exports = { writeModels };
`;

const IGNORE = "// hardening-hints-ignore-next-line hardcoded-secret/envFallbackLiteral -- <reason>\n";
const throwing = (name: string) => `(() => { throw new Error("${name} is not set"); })()`;
const at = (code: string, literal: string) => {
  const before = code.slice(0, code.indexOf(literal)).split("\n");
  return { case: "envFallbackLiteral", line: before.length, column: before[before.length - 1]!.length + 1, endColumn: before[before.length - 1]!.length + 1 + literal.length };
};
const ignoreAt = (code: string, line: number) => {
  const lines = code.split("\n");
  lines.splice(line - 1, 0, `${/^[ \t]*/.exec(lines[line - 1]!)![0]}${IGNORE.trimEnd()}`);
  return lines.join("\n");
};

const NO_RUNNER_URL = '"postgresql://postgres:postgres@localhost:5432/formbricks_test?schema=public"';
const OVERRIDABLE_KEY = '"sk-local-no-key-required"';

const invalid: InvalidCase[] = [
  { name: "envFallbackLiteral: the same setup without a test runner's import is judged like the app", code: NO_RUNNER, filename: "apps/web/integration/setup.ts", findings: [{ ...at(NO_RUNNER, NO_RUNNER_URL), suggestions: [
    { title: "Remove the insecure fallback", output: NO_RUNNER.replace(NO_RUNNER_URL, throwing("TEST_DATABASE_URL")) },
    { title: "Mark as not a secret…", output: ignoreAt(NO_RUNNER, 3) },
  ] }], output: null },
  { name: "envFallbackLiteral: a const that only defaults to this machine fixes no local service", code: OVERRIDABLE, filename: "services/pi/process.js", findings: [{ ...at(OVERRIDABLE, OVERRIDABLE_KEY), suggestions: [
    { title: "Remove the insecure fallback", output: OVERRIDABLE.replace(OVERRIDABLE_KEY, throwing("OPENAI_API_KEY")) },
    { title: "Mark as not a secret…", output: ignoreAt(OVERRIDABLE, 6) },
  ] }], output: null },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, {
  valid: [
    { name: "envFallbackLiteral: a vitest integration setup file's local database default (formbricks)", code: SETUP, filename: "apps/web/integration/setup.ts" },
    { name: "envFallbackLiteral: another style, a harness importing @jest/globals sets its own secret", code: JEST_HARNESS, filename: "harness/env.ts" },
    { name: "envFallbackLiteral: a local key beside a const on localhost in the same provider object (anything-llm)", code: LOCAL_PROXY, filename: "services/pi/process.js" },
    { name: "envFallbackLiteral: another style, a module const on 127.0.0.1 and a dev token", code: LOCAL_KV, filename: "src/kv.ts" },
  ],
  invalid,
});
