import { dedent, type ExpectedSuggestion, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Production capgo (eval/production, seed 20261243), session 30, developer produb30: tests of an `if`
// that leaves, read where they stand among the operands of an `||` (a field's type guard, the
// response's own failure test beside the reply's success flag), and a local object whose only reads
// are own-key tests. Hand-written analogues, not the repository's code.

const CATALOG = (test: string, use = "return { ...defaults, ...payload.messages };"): string => dedent`
  function isCatalog(value: unknown): value is Record<string, string> {
    return !!value && typeof value === "object" && Object.values(value).every((v) => typeof v === "string");
  }
  export async function loadMessages(lang: string) {
    const response = await fetch(\`https://cdn.example.com/i18n/\${lang}.json\`);
    if (!response.ok) throw new Error("unavailable");
    const payload = (await response.json()) as { messages?: unknown };
    ${test}
    ${use}
  }
`;

/** The Zod suggestion of a catalog row whose reply type names the field it reads. */
const zod = (code: string): ExpectedSuggestion => ({
  title: "Validate response.json() with Zod (adds the zod dependency)",
  output: `import { z } from "zod";\n\n${code}`
    .replace("export async function loadMessages", "const LoadMessagesResponse = z.object({ messages: z.unknown().optional() });\n\nexport async function loadMessages")
    .replace("(await response.json())", "(LoadMessagesResponse.parse(await response.json()))"),
});

const CHANGELOG = (test: string): string => dedent`
  export async function summarize(prompt: string) {
    const response = await fetch(\`https://api.cloudflare.com/client/v4/accounts/\${id}/ai/run/model\`, { method: "POST", body: JSON.stringify({ prompt }) });
    const payload = await response.json();
    ${test}
    const content = payload.result?.choices?.[0]?.message?.content ?? payload.result?.response;
    if (!content || typeof content !== "string") throw new Error("empty answer");
    return content.trim();
  }
`;

const MANIFEST = (use: string): string => dedent`
  import { readFileSync } from "node:fs";
  function readJson(file: string): Record<string, unknown> | null {
    try {
      return JSON.parse(readFileSync(file, "utf-8"));
    } catch {
      return null;
    }
  }
  export function declaresUpdater(file: string): boolean {
    const pkg = readJson(file);
    const deps = {
      ...(pkg?.dependencies as Record<string, unknown> | undefined),
      ...(pkg?.devDependencies as Record<string, unknown> | undefined),
    };
    ${use}
  }
`;

// A script loading a locale file, adding the translated keys and writing it back with YAML's serializer.
const LOCALES = (write: string): string => dedent`
  import fs from "node:fs";
  import yaml from "js-yaml";
  export async function translateLocale(locale: string, text: Record<string, string>) {
    const localeFile = \`\${__dirname}/\${locale}.yml\`;
    const localeData = yaml.load(fs.readFileSync(localeFile, "utf8")) as Record<string, string>;
    for (const key in text) localeData[key] = await translate(text[key], locale);
    ${write}
  }
`;

// A provider helper answering its own `null` when unconfigured and the ok-tested reply otherwise; a caller.
const BENTO = (use: string, early = "if (!headers) return null;"): string => dedent`
  async function bentoFetch(path: string, body: unknown) {
    const headers = getHeaders();
    ${early}
    const response = await fetch(\`https://app.bentonow.com/api/v1/\${path}\`, { method: "POST", headers, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(\`Bento API error: \${response.status}\`);
    return response.json();
  }
  export async function trackEvent(email: string, event: string) {
    const res = await bentoFetch("batch/events", { events: [{ type: event, email }] }) as { failed: number };
    ${use}
  }
`;

const valid: ValidCase[] = [
  // A type guard of the field, negated in an `if` that leaves: the later reads of that field are checked.
  { code: CATALOG("if (!isCatalog(payload.messages)) throw new Error(\"unavailable\");"), filename: "src/modules/i18n.ts" },
  { code: CATALOG("if (response.status === 202 || !isCatalog(payload.messages)) throw new Error(\"unavailable\");"), filename: "src/modules/i18n.ts" },
  // The reply's success flag beside the response's failure test, in one `if` that leaves.
  { code: CHANGELOG("if (!response.ok || !payload.success) throw new Error(`failed: ${response.status}`);"), filename: "scripts/generate-changelog.mjs" },
  { code: CHANGELOG("if (!payload.success || !response.ok) throw new Error(`failed: ${response.status}`);"), filename: "scripts/generate-changelog.mjs" },
  // Only own-key tests of the object the fields were spread into: keys, no value.
  { code: MANIFEST("return Object.hasOwn(deps, \"@capgo/capacitor-updater\");"), filename: "cli/src/utils.ts" },
  { code: MANIFEST("return \"@capgo/capacitor-updater\" in deps || Object.prototype.hasOwnProperty.call(deps, \"capacitor-updater\");"), filename: "cli/src/utils.ts" },
  // The module writes the file back with YAML's serializer (js-yaml's dump, the yaml package's stringify): its own data.
  { code: LOCALES("fs.writeFileSync(localeFile, yaml.dump(localeData));"), filename: "scripts/translate.ts" },
  { code: LOCALES("fs.writeFileSync(localeFile, YAML.stringify(localeData));"), filename: "scripts/translate.ts" },
  // A count of the ok-tested reply compared with a number, the reply only logged: no use; the helper's own `null` is no reply.
  { code: BENTO("if (res.failed > 0) { console.error(\"bento\", res); return false; } return true;"), filename: "supabase/functions/_backend/utils/bento.ts" },
  { code: BENTO("if (0 < res.failed) return false; return true;", "if (!headers) return;"), filename: "supabase/functions/_backend/utils/bento.ts" },
];

// The guard tests another field, or is not negated (it only sets the catalogs aside): the spread field is unchecked.
const OTHER_FIELD = CATALOG("if (!isCatalog(payload.fallback)) throw new Error(\"unavailable\");");
const SET_ASIDE = CATALOG("if (isCatalog(payload.messages)) throw new Error(\"already loaded\");");
// Checked after the read, or in an `if` that goes on: the read is a use.
const GUARD_AFTER = CATALOG("const merged = { ...defaults, ...payload.messages };", "if (!isCatalog(payload.messages)) throw new Error(\"unavailable\"); return merged;");
// `&&`: the response may have failed with a document that lacks the flag, and nothing leaves for it alone.
const AND_TEST = CHANGELOG("if (!response.ok && !payload.success) throw new Error(`failed: ${response.status}`);");
// A value of the object read: the spread fields go on.
const VALUE_READ = MANIFEST("return Object.hasOwn(deps, \"@capgo/capacitor-updater\") && String(deps[\"@capgo/capacitor-updater\"]).startsWith(\"7\");");

/** The Zod suggestion of a locale row: the record its cast states. */
const zodLocale = (code: string): ExpectedSuggestion => ({
  title: "Validate yaml.load(fs.readFileSync(localeFile, \"… with Zod (adds the zod dependency)",
  output: code
    .replace('import yaml from "js-yaml";\n', 'import yaml from "js-yaml";\nimport { z } from "zod";\nconst TranslateLocaleData = z.record(z.string(), z.string());\n\n')
    .replace('yaml.load(fs.readFileSync(localeFile, "utf8"))', 'TranslateLocaleData.parse(yaml.load(fs.readFileSync(localeFile, "utf8")))'),
});

// Written back as plain text, or another document dumped elsewhere: the locale file stays input.
const PLAIN_WRITE = LOCALES("fs.writeFileSync(localeFile, String(localeData));");
const OTHER_DUMP = LOCALES("fs.writeFileSync(`${__dirname}/summary.yml`, yaml.dump({ locale, keys: Object.keys(text).length }));");

// The helper's other answer is a reply of no tested status (a cache's text parsed), or the count goes on.
const OTHER_ANSWER = BENTO("if (res.failed > 0) return false; return true;", "if (!headers) return JSON.parse(cached);");
const COUNT_KEPT = BENTO("if (res.failed > 0) await db.insert(failures).values({ email, count: res.failed }); return true;");

const invalid: InvalidCase[] = [
  {
    name: "a type guard of another field checks nothing of the spread one",
    code: OTHER_FIELD,
    filename: "src/modules/i18n.ts",
    findings: [{ case: "fetchJson", line: 7, column: 26, endColumn: 41, suggestions: [mark(OTHER_FIELD, "fetchJson", 7)] }],
    output: null,
  },
  {
    name: "a type guard that is not negated only sets the values it accepts aside",
    code: SET_ASIDE,
    filename: "src/modules/i18n.ts",
    findings: [{ case: "fetchJson", line: 7, column: 26, endColumn: 41, suggestions: [zod(SET_ASIDE), mark(SET_ASIDE, "fetchJson", 7)] }],
    output: null,
  },
  {
    name: "a field spread before its type guard is used unchecked",
    code: GUARD_AFTER,
    filename: "src/modules/i18n.ts",
    findings: [{ case: "fetchJson", line: 7, column: 26, endColumn: 41, suggestions: [zod(GUARD_AFTER), mark(GUARD_AFTER, "fetchJson", 7)] }],
    output: null,
  },
  {
    name: "the success flag under an && with the failure test decides nothing when the response failed",
    code: AND_TEST,
    filename: "scripts/generate-changelog.mjs",
    findings: [{ case: "fetchJson", line: 3, column: 25, endColumn: 40, suggestions: [mark(AND_TEST, "fetchJson", 3)] }],
    output: null,
  },
  {
    name: "a value of the object the fields were spread into is read",
    code: VALUE_READ,
    filename: "cli/src/utils.ts",
    findings: [{ case: "jsonParseExternal", line: 4, column: 12, endColumn: 51, suggestions: [mark(VALUE_READ, "jsonParseExternal", 4)] }],
    output: null,
  },
  {
    name: "a locale file written back as plain text is read unchecked",
    code: PLAIN_WRITE,
    filename: "scripts/translate.ts",
    findings: [{ case: "jsonParseExternal", line: 5, column: 22, endColumn: 68, suggestions: [zodLocale(PLAIN_WRITE), mark(PLAIN_WRITE, "jsonParseExternal", 5)] }],
    output: null,
  },
  {
    name: "another document dumped to another file says nothing of the one read",
    code: OTHER_DUMP,
    filename: "scripts/translate.ts",
    findings: [{ case: "jsonParseExternal", line: 5, column: 22, endColumn: 68, suggestions: [zodLocale(OTHER_DUMP), mark(OTHER_DUMP, "jsonParseExternal", 5)] }],
    output: null,
  },
  {
    name: "a helper whose other answer is not its own null hands no status test on",
    code: OTHER_ANSWER,
    filename: "supabase/functions/_backend/utils/bento.ts",
    findings: [{ case: "fetchJson", line: 6, column: 10, endColumn: 25, suggestions: [mark(OTHER_ANSWER, "fetchJson", 6)] }],
    output: null,
  },
  {
    name: "a count compared and then stored is a use",
    code: COUNT_KEPT,
    filename: "supabase/functions/_backend/utils/bento.ts",
    findings: [{ case: "fetchJson", line: 6, column: 10, endColumn: 25, suggestions: [mark(COUNT_KEPT, "fetchJson", 6)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
