import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 35 (retired to tune), session 32, developer ub32b. Hand-written rows.

// A joi project: no Zod fix is offered, only the directive.
const EXPRESS = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"express\": \"^4.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const LIB = "src/lib/api.ts";

// Client helpers of the page's own API exported through a list (opusXX src/lib/openai.ts:12-108, labelled findings,
// debatable: rounds 25, 26 and 29): `export { chat }` exports the function as `export const chat` would.
const CLIENT = (exports: string, extra = "") => dedent`
  const chat = async (messages: string[]) => {
    const response = await fetch("/api/chat", { method: "POST", body: JSON.stringify({ messages }) });
    ${extra}return response.json();
  };
  ${exports}
`;

// A client generic in what it returns, the status tested first (InfoSecured/Live-Outage-Dashboard src/lib/api-client.ts:5,
// Nagorik11/accessguard src/lib/api-client.ts:28; held round 30's lead decision: clean, debatable): each importer names the shape.
const GENERIC = (signature: string, test: string) => dedent`
  export async function ${signature} {
    const res = await fetch(path, { headers: { "Content-Type": "application/json" } });
    const json = await res.json();
    ${test}
    return json.data;
  }
`;
const GENERIC_LET = dedent`
  export async function api<T>(path: string): Promise<T> {
    const res = await fetch(path);
    let json: { success: boolean; data: T; error?: string };
    try {
      json = await res.json();
    } catch {
      throw new Error("malformed reply");
    }
    if (!res.ok || !json.success) throw new Error(json.error || "failed");
    return json.data;
  }
`;

// A provider's request helper generic in what it returns, called in its own module (creativekeagency254-collab's
// supabase/functions/_shared/paystack.ts:31): judged by those calls, not left to importers.
const PROVIDER = dedent`
  async function paystackRequest<T>(path: string): Promise<T> {
    const response = await fetch(\`https://api.paystack.co\${path}\`);
    const body = await response.json();
    if (!response.ok || !body.status) throw new Error("Paystack request failed");
    return body.data as T;
  }
  export async function customer(code: string) {
    return paystackRequest<Customer>(\`/customer/\${code}\`);
  }
`;

// A completion's text trimmed and answered (Goochacharan/Hopaba_Real supabase/functions/enhance-search/index.ts:101,
// a decided finding): only word tests of the text are among the relay rulings; a trimmed text answered stays a use.
const ENHANCE = dedent`
  export async function enhance(query: string) {
    try {
      const response = await fetch("https://api.deepseek.com/chat/completions", { method: "POST", body: JSON.stringify({ query }) });
      if (!response.ok) return new Response(JSON.stringify({ enhanced: query }));
      const data = await response.json();
      const enhancedQuery = data.choices[0].message.content.trim();
      return new Response(JSON.stringify({ enhanced: enhancedQuery }));
    } catch (fetchError) {
      return new Response(JSON.stringify({ enhanced: query }));
    }
  }
`;

// An OpenAI reply tested for its error field inside a try whose catch answers 500 (deal-flow explain-contract-clause:58,
// the lead's decision: clean, debatable): the text only relayed and tested for words.
const EXPLAIN = (answer: string, catchBody = "return new Response(JSON.stringify({ error: \"failed\" }), { status: 500 });") => dedent`
  export async function explain(prompt: string) {
    try {
      const response = await fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ prompt }) });
      const data = await response.json();
      if (data.error) {
        console.error("OpenAI API error:", data.error);
        return new Response(JSON.stringify({ error: "AI error", details: data.error.message }), { status: 500 });
      }
      const result = {
        explanation: data.choices[0].message.content,
        isAmbiguous: data.choices[0].message.content.toLowerCase().includes("ambiguous") || data.choices[0].message.content.toLowerCase().includes("unclear"),
      };
      ${answer}
    } catch (error) {
      ${catchBody}
    }
  }
`;

// Workers AI's reply read through plain links into a typed message object answered whole (opusXX
// src/routes/api/chat/cf/+server.ts:18, clean debatable): the crash of another shape lands in the catch's 500.
const RELAY = (after: string) => dedent`
  import { json } from "@sveltejs/kit";
  export async function ask(prompt: string) {
    try {
      const response = await fetch("https://api.cloudflare.com/client/v4/ai/run", { method: "POST", body: JSON.stringify({ prompt }) });
      const data = await response.json();
      const message: string = data.result.response;
      const result = { role: "assistant", content: message };
      ${after}
      return json(result);
    } catch (error) {
      return new Response(JSON.stringify({ error: "failed" }), { status: 500 });
    }
  }
`;

// A geocoder's first element: its fields parsed as numbers and NaN-checked before they go on (LCL-Local
// supabase/functions/backfill-coordinates/index.ts:21, decided clean).
const GEOCODE = (check: string) => dedent`
  export async function geocode(address: string) {
    const res = await fetch(\`https://nominatim.openstreetmap.org/search?q=\${encodeURIComponent(address)}&format=json\`);
    if (res.ok) {
      const data = await res.json();
      if (data && data.length > 0) {
        const lat = parseFloat(data[0].lat);
        const lng = parseFloat(data[0].lon);
        ${check}
      }
    }
    return null;
  }
`;

// A helper declared to return unknown, handing back the reply or a JSON text of it parsed (TekupDK/friday-ai
// server/_core/dataApi.ts:60, decided clean): TypeScript makes every reader check it.
const DATA_API = (type: string, rest: string) => dedent`
  export async function callDataApi(apiId: string): Promise<${type}> {
    const response = await fetch("https://forge.example.com/CallApi", { method: "POST", body: JSON.stringify({ apiId }) });
    if (!response.ok) throw new Error(\`Data API request failed (\${response.status})\`);
    const payload = await response.json();
    ${rest}
  }
`;

// A YAML config walked by a helper that reads it only behind type tests, then checked by a schema (bluzir/claude-telegram
// src/config.ts:97, decided clean).
const CONFIG = (use: string) => dedent`
  import { readFileSync } from "node:fs";
  import yaml from "js-yaml";
  function interpolateEnv(value: string): string {
    return value.replace(/\\$\\{(\\w+)\\}/g, (_, name) => process.env[name] ?? "");
  }
  function interpolateDeep(obj: unknown): unknown {
    if (typeof obj === "string") return interpolateEnv(obj);
    if (Array.isArray(obj)) return obj.map(interpolateDeep);
    if (obj !== null && typeof obj === "object") {
      const result: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(obj as Record<string, unknown>)) result[key] = interpolateDeep(value);
      return result;
    }
    return obj;
  }
  export function loadConfig(configPath: string) {
    const raw = readFileSync(configPath, "utf-8");
    const parsed = yaml.load(raw);
    const interpolated = interpolateDeep(parsed) as RawConfig;
    ${use}
  }
`;

// A model's JSON made an array whatever it was, each element checked by a schema before use (aasim-shah/scholarbridge
// src/services/ai/grok.provider.ts:95, decided clean).
const GROK = (body: string) => dedent`
  import Anthropic from "@anthropic-ai/sdk";
  const anthropic = new Anthropic();
  export async function search(query: string, save: (s: unknown) => Promise<void>) {
    const message = await anthropic.messages.create({ model: "grok", max_tokens: 800, messages: [{ role: "user", content: query }] });
    const rawText = message.content[0].type === "text" ? message.content[0].text : "";
    let parsed: unknown[];
    try {
      const data = JSON.parse(rawText);
      parsed = Array.isArray(data) ? data : [data];
    } catch {
      return [];
    }
    for (const item of parsed) {
      ${body}
    }
    return [];
  }
`;

// Telegram's getFile reply, its ok tested, the file path only put into the file URL on Telegram's own host
// (reefa97/telegram-worker-bot supabase/functions/telegram-bot/index.ts:366, clean debatable): sent back to the provider.
const GET_FILE = (host: string) => dedent`
  export async function photo(botToken: string, fileId: string) {
    try {
      const fileRes = await fetch(\`https://api.telegram.org/bot\${botToken}/getFile?file_id=\${fileId}\`);
      const fileData = await fileRes.json();
      if (!fileData.ok) throw new Error("Failed to get file path");
      const filePath = fileData.result.file_path;
      const fileUrl = \`${host}/file/bot\${botToken}/\${filePath}\`;
      const imageRes = await fetch(fileUrl);
      return await imageRes.blob();
    } catch (error) {
      console.error("photo failed", error);
      return null;
    }
  }
`;

/** A valid row: nothing reported. */
function ok(name: string, code: string, filename = LIB): ValidCase {
  return { name, code, filename, files: EXPRESS };
}

const valid: ValidCase[] = [
  ok("fetchJson: a client helper of the page's API that nothing exports", CLIENT("")),
  ok("fetchJson: a generic client past the status test", GENERIC("api<T>(path: string): Promise<T>", "if (!res.ok || !json.success || json.data === undefined) throw new Error(json.error || \"Request failed\");")),
  ok("fetchJson: a generic client whose reply a let holds, past the status test", GENERIC_LET),
  ok("fetchJson: an error field tested in a try whose catch answers 500, the text answered and tested for words", EXPLAIN("return new Response(JSON.stringify(result));")),
  ok("fetchJson: a reply's text answered through a typed object a const holds", RELAY("")),
  ok("fetchJson: an element's fields parsed and NaN-checked", GEOCODE("if (!isNaN(lat) && !isNaN(lng)) return { lat, lng };")),
  ok("fetchJson: a JSON text of the reply parsed and returned as unknown", DATA_API("unknown", "if (payload && typeof payload === \"object\" && \"jsonData\" in payload) {\n    try {\n      return JSON.parse(payload.jsonData ?? \"{}\");\n    } catch {\n      return payload.jsonData;\n    }\n  }\n  return payload;")),
  ok("fetchJson: a file path of the reply sent back to the host that answered", GET_FILE("https://api.telegram.org")),
  ok("jsonParseExternal: a config walked by a type-testing helper, then checked by a schema", CONFIG("const validated = configSchema.parse(interpolated);\n  return validated.token;")),
  ok("jsonParseExternal: a model's JSON made an array, each element checked by a schema", GROK("const result = ScholarshipSchema.safeParse(item);\n    if (!result.success) continue;\n    await save(result.data);")),
];

/** An invalid row: one finding of `caseId` at `line`, the directive its only suggestion (a joi project: no Zod fix). */
function row(name: string, code: string, caseId: string, line: number, column: number, endColumn: number, filename = LIB): InvalidCase {
  return { name, code, filename, findings: [{ case: caseId, line, column, endColumn, suggestions: [mark(code, caseId, line)] }], files: EXPRESS, output: null };
}

const invalid: InvalidCase[] = [
  row("fetchJson: a client helper of the page's API exported through a list", CLIENT("export { chat };"), "fetchJson", 3, 10, 25),
  row("fetchJson: the same under another name", CLIENT("export { chat as ask };"), "fetchJson", 3, 10, 25),
  row("fetchJson: the same through module.exports", CLIENT("module.exports = { chat };"), "fetchJson", 3, 10, 25, "src/lib/api.js"),
  row("fetchJson: a generic client without a status test", GENERIC("api<T>(path: string): Promise<T>", ""), "fetchJson", 3, 22, 32),
  row("fetchJson: a client typed with a fixed model past the status test", GENERIC("api(path: string): Promise<Item[]>", "if (!res.ok) throw new Error(\"Request failed\");"), "fetchJson", 3, 22, 32),
  row("fetchJson: a generic provider helper its own module calls", PROVIDER, "fetchJson", 3, 22, 37),
  row("fetchJson: a completion's text trimmed and answered", ENHANCE, "fetchJson", 5, 24, 39),
  row("fetchJson: the error-field test where the catch rethrows", EXPLAIN("return new Response(JSON.stringify(result));", "throw error;"), "fetchJson", 4, 24, 39),
  row("fetchJson: the tested reply also answered whole", EXPLAIN("return new Response(JSON.stringify({ ...result, data }));"), "fetchJson", 4, 24, 39),
  row("fetchJson: the typed message also stored", RELAY("await db.insert(result);"), "fetchJson", 5, 24, 39),
  row("fetchJson: an element's field parsed and returned unchecked", GEOCODE("return { lat, lng };"), "fetchJson", 4, 24, 34),
  row("fetchJson: a field returned by a helper typed with a model", DATA_API("Item[]", "return payload.items;"), "fetchJson", 4, 25, 40),
  row("fetchJson: a file path of the reply fetched from another host", GET_FILE("https://files.example.com"), "fetchJson", 4, 28, 42),
  {
    name: "fetchJson and jsonParseExternal: a JSON text of the reply parsed and stored, not returned as unknown",
    code: DATA_API("void", "const doc = JSON.parse(payload.jsonData);\n  await db.insert(doc);"),
    filename: LIB,
    files: EXPRESS,
    output: null,
    findings: [
      { case: "fetchJson", line: 4, column: 25, endColumn: 40, suggestions: [mark(DATA_API("void", "const doc = JSON.parse(payload.jsonData);\n  await db.insert(doc);"), "fetchJson", 4)] },
      { case: "jsonParseExternal", line: 5, column: 15, endColumn: 43, suggestions: [mark(DATA_API("void", "const doc = JSON.parse(payload.jsonData);\n  await db.insert(doc);"), "jsonParseExternal", 5)] },
    ],
  },
  row("jsonParseExternal: the walked config used without its schema", CONFIG("server.listen(interpolated.port);"), "jsonParseExternal", 18, 18, 32),
  row("jsonParseExternal: the model's elements inserted unchecked", GROK("await db.insert(scholarships).values(item);"), "jsonParseExternal", 8, 18, 37),
];

runWithNamedCases(valid, invalid);
