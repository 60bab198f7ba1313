import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 41, developer prodnew41: production dub (eval/production, seed 20261411), false findings of
// swallowed-exception triaged blind: pure URL work whose catch answers the same empty value as the
// function's own guard on a missing input (`if (!url) return ""; try { const newURL = new URL(url); …;
// return newURL.toString(); } catch (e) { return ""; }`, packages/utils/src/functions/urls.ts:130, and
// `{}` at :101). The guard must test a value the try works on. Rows in dub's style and hand-made in CommonJS.

const named = new Set(["catchReturnsDefault", "logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// dub's UTM helper: the guard and the catch both answer "".
const UTM = dedent`
  export const constructURLFromUTMParams = (url: string, utmParams: Record<string, string | null>) => {
    if (!url) return "";
    try {
      const newURL = new URL(url);
      for (const [key, value] of Object.entries(utmParams)) {
        if (!value) {
          newURL.searchParams.delete(key);
        } else {
          newURL.searchParams.set(key, value.replace("+", " "));
        }
      }
      return newURL.toString();
    } catch (e) {
      return "";
    }
  };
`;

// dub's params helper: the guard and the catch both answer {}.
const PARAMS = dedent`
  export const getParamsFromURL = (url: string) => {
    if (!url) return {};
    try {
      const params = new URL(url).searchParams;
      const paramsObj: Record<string, string> = {};
      for (const [key, value] of params.entries()) {
        if (value && value !== "") {
          paramsObj[key] = value;
        }
      }
      return paramsObj;
    } catch (e) {
      return {};
    }
  };
`;

// Another style: a CommonJS function declaration that drops the hash, answering "" for no link and for one that does not parse.
const LINKS = dedent`
  function withoutHash(link) {
    if (!link) return "";
    try {
      const u = new URL(link);
      u.hash = "";
      return u.href;
    } catch (err) {
      return "";
    }
  }
  module.exports = { withoutHash };
`;

// The same without the guard: "" is a default of the catch alone.
const LINKS_NO_GUARD = LINKS.replace('  if (!link) return "";\n', "");

// The guard answers "" but the catch another empty value: a default of its own.
const OTHER_EMPTY = dedent`
  export const hostOf = (url: string) => {
    if (!url) return "";
    try {
      return new URL(url).host;
    } catch (e) {
      return {};
    }
  };
`;

// No guard: the catch's "" is a default the rule reports (held round: a URL probe answering "" for a label).
const NO_GUARD = dedent`
  export const hostOf = (url: string) => {
    try {
      return new URL(url).host;
    } catch (e) {
      return "";
    }
  };
`;

// The same guard, but the try reads a setting: not pure work.
const READS_STORE = dedent`
  export const withRef = async (url: string, store: { get(k: string): Promise<string> }) => {
    if (!url) return "";
    try {
      const u = new URL(url);
      u.searchParams.set("ref", await store.get("ref"));
      return u.toString();
    } catch (e) {
      return "";
    }
  };
`;

// A guard about another input (no points to ask about) says nothing of a reply that does not parse (a tune label, debatable).
const OTHER_INPUT = dedent`
  import OpenAI from "openai";

  const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

  export async function quizFrom(points: { label: string }[]): Promise<unknown[]> {
    if (points.length === 0) return [];
    const prompt = \`Write quiz questions about: \${points.map((p) => p.label).join(", ")}. Respond with a JSON array only.\`;
    const response = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }], max_tokens: 2000 });
    const content = response.choices[0]?.message?.content || "[]";
    try {
      const cleaned = content.replace(/^json/, "").trim();
      return JSON.parse(cleaned);
    } catch {
      console.error("Failed to parse quiz response:", content);
      return [];
    }
  }
`;

// Production openstatus's webhook headers (send-test-webhook.ts:82, true, debatable): a stored JSON document that does not
// parse loses the headers configured there; the guard's {} for no config says nothing of that.
const HEADERS = dedent`
  function parseWebhookHeaders(channelConfig: string | null): Record<string, string> {
    if (!channelConfig) return {};
    try {
      const config = JSON.parse(channelConfig) as { headers?: { key: string; value: string }[] };
      const headers: Record<string, string> = {};
      for (const h of config.headers ?? []) {
        headers[h.key] = h.value;
      }
      return headers;
    } catch (e) {
      return {};
    }
  }
`;

const valid: ValidCase[] = [
  { name: "catchReturnsDefault: a URL built from the parse answers \"\" like the guard on no url (dub constructURLFromUTMParams)", filename: "packages/utils/src/functions/urls.ts", code: UTM },
  { name: "catchReturnsDefault: the parse's params answer {} like the guard on no url (dub getParamsFromURL)", filename: "packages/utils/src/functions/urls.ts", code: PARAMS },
  { name: "catchReturnsDefault: another style, a CommonJS function dropping the hash, \"\" like its guard", filename: "lib/links.js", code: LINKS },
];

const mark = (code: string, head: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(head, `${head}\n${indent}// Intentionally ignored: <reason>`) });

const logIt = (code: string, fn: string) => ({ title: "Log the error with console", output: code.replace("} catch (e) {", `} catch (e) {\n    console.error("${fn} failed", e);`) });

const invalid: InvalidCase[] = [
  { name: "catchReturnsDefault: the guard answers \"\", the catch {}", filename: "src/host.ts", code: OTHER_EMPTY, findings: [{ case: "catchReturnsDefault", line: 5, column: 5, endColumn: 14, suggestions: [logIt(OTHER_EMPTY, "hostOf"), mark(OTHER_EMPTY, "} catch (e) {", "    ")] }], output: null },
  { name: "catchReturnsDefault: no guard, the catch's \"\" stays reported", filename: "src/host.ts", code: NO_GUARD, findings: [{ case: "catchReturnsDefault", line: 4, column: 5, endColumn: 14, suggestions: [logIt(NO_GUARD, "hostOf"), mark(NO_GUARD, "} catch (e) {", "    ")] }], output: null },
  { name: "catchReturnsDefault: the same without its guard stays reported", filename: "lib/links.js", code: LINKS_NO_GUARD, findings: [{ case: "catchReturnsDefault", line: 6, column: 5, endColumn: 16, suggestions: [{ title: "Log the error with console", output: LINKS_NO_GUARD.replace("} catch (err) {", '} catch (err) {\n    console.error("withoutHash failed", err);') }, mark(LINKS_NO_GUARD, "} catch (err) {", "    ")] }], output: null },
  { name: "logAndContinue: a guard about another input stays reported", filename: "server/src/services/quiz.ts", code: OTHER_INPUT, files: { "package.json": '{ "name": "app", "dependencies": { "openai": "^4.0.0" } }' }, findings: [{ case: "logAndContinue", line: 13, column: 5, endColumn: 10, suggestions: [mark(OTHER_INPUT, "} catch {", "    ")] }], output: OTHER_INPUT.replace("} catch {", "} catch (err) {").replace("response:\", content);", "response:\", content, err);") },
  { name: "catchReturnsDefault: a stored JSON document answered {} like its guard stays reported (openstatus)", filename: "packages/services/src/page-subscriber/send-test-webhook.ts", code: HEADERS, findings: [{ case: "catchReturnsDefault", line: 10, column: 5, endColumn: 14, suggestions: [{ title: "Log the error with console", output: HEADERS.replace("} catch (e) {", '} catch (e) {\n    console.error("JSON.parse failed in parseWebhookHeaders", e);') }, mark(HEADERS, "} catch (e) {", "    ")] }], output: null },
  { name: "catchReturnsDefault: a try that awaits a store stays reported", filename: "src/ref.ts", code: READS_STORE, findings: [{ case: "catchReturnsDefault", line: 7, column: 5, endColumn: 14, suggestions: [logIt(READS_STORE, "withRef"), mark(READS_STORE, "} catch (e) {", "    ")] }], output: null },
];

new RuleTester().run(narrowed, { valid, invalid });
