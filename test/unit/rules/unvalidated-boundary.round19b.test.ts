import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Classes found on the retired held round 18 and the tune part (issue 11, session 19): hand-written
// analogues of fetched replies, parsed texts and messages, not the repositories' code.

// A field of a fetched reply whose status was tested that only goes back in the HTTP answer is echoed (the docs' "echoing it").
const ECHO_RESPONSE = dedent`
  export async function sendMail(to: string, key: string) {
    const res = await fetch("https://api.mail.example.com/emails", { method: "POST", headers: { Authorization: \`Bearer \${key}\` }, body: JSON.stringify({ to }) });
    if (!res.ok) throw new Error(\`mail failed: \${res.status}\`);
    const sent = await res.json();
    console.log("sent", sent);
    return new Response(JSON.stringify({ success: true, emailId: sent.id }), { headers: { "Content-Type": "application/json" } });
  }
`;

const ECHO_EXPRESS = dedent`
  import express from "express";
  const app = express();
  app.post("/checkout", async (_req, res) => {
    const r = await fetch("https://api.pay.example.com/v1/sessions", { method: "POST" });
    const session = await r.json();
    if (!r.ok) return res.status(502).json({ error: session.error?.message ?? "payment failed" });
    res.status(200).json({ url: session.url });
  });
`;

// A Netlify-style answer helper of the module, and an object only given more keys and answered.
const ECHO_HELPER = dedent`
  const json = (statusCode: number, body: unknown) => ({ statusCode, body: JSON.stringify(body) });
  export async function handler(event: { body: string }) {
    const r = await fetch("https://api.speech.example.com/v1/transcriptions", { method: "POST", body: "x" });
    if (!r.ok) return json(502, { error: "transcription failed" });
    const data = await r.json();
    const out: Record<string, unknown> = { text: data.text || "" };
    out.source = "upload";
    return json(200, out);
  }
`;

// A model's text answer read through optional links with a text fallback, or through a string method.
const MODEL_TEXT_FALLBACK = dedent`
  export async function complete(messages: unknown[], key: string) {
    const res = await fetch("https://ai.example.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${key}\` }, body: JSON.stringify({ messages }) });
    if (!res.ok) throw new Error(\`model error \${res.status}\`);
    const data = await res.json();
    return data.choices?.[0]?.message?.content ?? "";
  }
`;

const MODEL_TEXT_TRIM = dedent`
  export async function summary(prompt: string) {
    const res = await fetch("https://ai.example.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ prompt }) });
    const data = await res.json();
    const text = data?.choices?.[0]?.message?.content?.trim();
    console.log("summary", text);
    return text;
  }
`;

// A node:http body read by hand and parsed inside a function invoked where it is written.
const HTTP_IIFE_CHECKED = dedent`
  import http from "node:http";
  import { saveBlog } from "./blog.repository";
  export function createBlog(req: http.IncomingMessage, res: http.ServerResponse) {
    let raw = "";
    req.on("data", (chunk) => { raw += chunk; });
    req.on("end", () => {
      const { title } = ((value) => {
        try { return JSON.parse(value); } catch { throw new Error("invalid JSON"); }
      })(raw);
      if (typeof title !== "string" || title.length > 200) { res.writeHead(400); res.end(); return; }
      saveBlog({ title });
      res.end();
    });
  }
`;

// Gemini's answer read by hand from a GenerateContentResponse, parsed, schema-checked.
const GEMINI_PARTS_CHECKED = dedent`
  import type { GenerateContentResponse } from "@google/genai";
  import { z } from "zod";
  const Files = z.array(z.object({ name: z.string(), code: z.string() }));
  export function files(response: GenerateContentResponse | null) {
    const text = response?.candidates?.[0]?.content?.parts?.[0]?.text || "";
    return Files.parse(JSON.parse(text)).map((f) => f.name);
  }
`;

// Any other object's candidates: not a model's answer by its type or its call.
const OTHER_CANDIDATES = dedent`
  export function first(ballot: { candidates: { content: { parts: { text: string }[] } }[] }) {
    const picked = JSON.parse(ballot.candidates[0].content.parts[0].text);
    return picked.name;
  }
`;

// Ids a model chose, decided by Array.isArray, only looked up in the module's own Map in a loop.
const LOOP_LOOKUP = dedent`
  export function rerank(items: { id: string }[]) {
    const parsed = JSON.parse(localStorage.getItem("ranking") ?? "{}") as { ids: string[] };
    const ids = parsed.ids;
    if (!Array.isArray(ids) || ids.length === 0) throw new Error("bad rerank");
    const byId = new Map(items.map((i) => [i.id, i]));
    const out: { id: string }[] = [];
    for (const id of ids) {
      const item = byId.get(id);
      if (item) out.push(item);
    }
    return out;
  }
`;

// An axios call returned from the callback handed to a retry helper, its data parsed with a schema.
const RETRY_CHECKED = dedent`
  import axios from "axios";
  import { z } from "zod";
  import { retryWithBackoff } from "./retry";
  const Page = z.object({ items: z.array(z.object({ id: z.string() })) });
  export async function ids() {
    const res = await retryWithBackoff(() => axios.get("https://api.example.com/items"));
    return Page.parse(res.data).items.map((i) => i.id);
  }
`;

const valid: ValidCase[] = [
  { name: "retry: an axios response handed back by a retry helper, parsed with a schema", code: RETRY_CHECKED },
  { name: "loop: an Array.isArray-decided array iterated, its elements only Map lookup keys", code: LOOP_LOOKUP },
  { name: "gemini: the parts text of a GenerateContentResponse parsed with a schema", code: GEMINI_PARTS_CHECKED },
  { name: "gemini: candidates of an object that is no model answer", code: OTHER_CANDIDATES },
  { name: "iife: a hand-read body parsed in an invoked function, its one field typeof-checked", code: HTTP_IIFE_CHECKED },
  { name: "echo: a fetched reply only logged and its id answered in new Response(JSON.stringify(…))", code: ECHO_RESPONSE },
  { name: "echo: a fetched field answered with res.status(200).json({ … })", code: ECHO_EXPRESS },
  { name: "echo: a field put in a local object only given more keys and answered through the module's json() helper", code: ECHO_HELPER },
  { name: "model text: choices?.[0]?.message?.content with a text fallback, returned", code: MODEL_TEXT_FALLBACK },
  { name: "model text: ?.trim() of the answer's content, logged and returned", code: MODEL_TEXT_TRIM },
];

// Echoed and also stored: the store is the use.
const ECHO_AND_STORE = dedent`
  export async function sendMail(db: any, to: string) {
    const res = await fetch("https://api.mail.example.com/emails", { method: "POST", body: JSON.stringify({ to }) });
    const sent = await res.json();
    await db.emails.insert({ providerId: sent.id });
    return new Response(JSON.stringify({ emailId: sent.id }));
  }
`;

// Answered without any test of the reply's status: an error body (or none) is relayed as if it were the answer.
const ECHO_UNTESTED = dedent`
  export async function alerts(key: string) {
    const res = await fetch("https://monitor.example.com/v1/Alerts", { headers: { Authorization: key } });
    const data = await res.json();
    return new Response(JSON.stringify({ alerts: data.alerts || [] }));
  }
`;

// Returned in a plain object (no HTTP answer): the caller gets an unchecked field.
const RETURNED_OBJECT = dedent`
  export async function lookup(id: string) {
    const res = await fetch(\`https://api.example.com/items/\${id}\`);
    const item = await res.json();
    return { name: item.name };
  }
`;

// The model's text without optional links: a reply without choices crashes here.
const MODEL_TEXT_PLAIN = dedent`
  export async function complete(prompt: string) {
    const res = await fetch("https://ai.example.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ prompt }) });
    const data = await res.json();
    return data.choices[0].message.content ?? "";
  }
`;

// The model's text, read defensively, then used raw as a stored record's key: the scalar's sink is the use.
const MODEL_TEXT_KEY = dedent`
  export async function tag(db: any, prompt: string) {
    const res = await fetch("https://ai.example.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ prompt }) });
    const data = await res.json();
    const slug = data.choices?.[0]?.message?.content ?? "";
    return db.tags.findUnique({ where: { slug } });
  }
`;

const HTTP_IIFE = dedent`
  import http from "node:http";
  import { saveBlog } from "./blog.repository";
  export function createBlog(req: http.IncomingMessage, res: http.ServerResponse) {
    let raw = "";
    req.on("data", (chunk) => { raw += chunk; });
    req.on("end", () => {
      const { author, title, body } = ((value) => {
        try { return JSON.parse(value); } catch { throw new Error("invalid JSON"); }
      })(raw);
      if (!title || !author) throw new Error("missing field");
      saveBlog({ author, title, body });
      res.end();
    });
  }
`;

const GEMINI_PARTS = dedent`
  import type { GenerateContentResponse } from "@google/genai";
  export async function codeFiles(generate: () => Promise<GenerateContentResponse>) {
    let response: GenerateContentResponse | null = null;
    response = await generate();
    const json = response?.candidates?.[0]?.content?.parts?.[0].text || "";
    const files = JSON.parse(json);
    return files.map((f: { name: string; code: string }) => ({ name: f.name, data: Buffer.from(f.code) }));
  }
`;

// The same loop handing each element on whole: the unchecked elements go on.
const LOOP_PUSHED = dedent`
  export function names() {
    const parsed = JSON.parse(localStorage.getItem("ranking") ?? "{}") as { ids: string[] };
    const ids = parsed.ids;
    if (!Array.isArray(ids)) throw new Error("bad list");
    const out: string[] = [];
    for (const id of ids) out.push(id);
    return out;
  }
`;

const RETRY_AXIOS = dedent`
  import axios from "axios";
  import { retryWithBackoff } from "./retry";
  export async function analyze(prompt: string) {
    const response = await retryWithBackoff(async () => {
      return axios.post("https://ai.example.com/v1/chat/completions", { messages: [{ role: "user", content: prompt }] });
    });
    const raw = response.data.choices[0].message.content;
    return raw.trim();
  }
`;

const RETRY_FETCH = dedent`
  import { withRetry } from "./retry";
  export async function prices(db: any) {
    const res = await withRetry(() => fetch("https://api.example.com/prices"));
    const body = await res.json();
    await db.prices.insertMany(body.items);
  }
`;

const invalid: InvalidCase[] = [
  {
    name: "retry: a fetch response handed back by a retry helper, its body stored",
    code: RETRY_FETCH,
    findings: [{ case: "fetchJson", line: 4, column: 22, endColumn: 32, suggestions: [mark(RETRY_FETCH, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "retry: an axios response handed back by a retry helper, read unchecked",
    code: RETRY_AXIOS,
    findings: [{ case: "fetchJson", line: 7, column: 15, endColumn: 28, suggestions: [{ title: 'Validate axios.post("https://ai.example.com/v1/c… with Zod (adds the zod dependency)', output: dedent`
        import axios from "axios";
        import { retryWithBackoff } from "./retry";
        import { z } from "zod";
        const HttpsAiExampleComV1ChatCompletionsResponse = z.object({
          choices: z.array(z.object({ message: z.object({ content: z.string() }) })),
        });

        export async function analyze(prompt: string) {
          const response = await retryWithBackoff(async () => {
            return axios.post("https://ai.example.com/v1/chat/completions", { messages: [{ role: "user", content: prompt }] });
          });
          const raw = HttpsAiExampleComV1ChatCompletionsResponse.parse(response.data).choices[0].message.content;
          return raw.trim();
        }
      ` }, mark(RETRY_AXIOS, "fetchJson", 7)] }],
    output: null,
  },
  {
    name: "loop: an Array.isArray-decided array whose elements are pushed on whole",
    code: LOOP_PUSHED,
    filename: "src/file.ts",
    findings: [{ case: "jsonParseExternal", line: 2, column: 18, endColumn: 69, suggestions: [{ title: 'Validate JSON.parse(localStorage.getItem("rankin… with Zod (adds the zod dependency)', output: dedent`
        import { z } from "zod";

        const NamesData = z.object({ ids: z.array(z.string()) });

        export function names() {
          const parsed = NamesData.parse(JSON.parse(localStorage.getItem("ranking") ?? "{}")) as { ids: string[] };
          const ids = parsed.ids;
          if (!Array.isArray(ids)) throw new Error("bad list");
          const out: string[] = [];
          for (const id of ids) out.push(id);
          return out;
        }
      ` }, mark(LOOP_PUSHED, "jsonParseExternal", 2)] }],
    output: null,
  },
  {
    name: "gemini: the parts text of a GenerateContentResponse parsed and mapped unchecked",
    code: GEMINI_PARTS,
    findings: [{ case: "jsonParseExternal", line: 6, column: 17, endColumn: 33, suggestions: [mark(GEMINI_PARTS, "jsonParseExternal", 6)] }],
    output: null,
  },
  {
    name: "iife: a hand-read body parsed in an invoked function, destructured and saved",
    code: HTTP_IIFE,
    findings: [{ case: "jsonParseExternal", line: 8, column: 20, endColumn: 37, suggestions: [mark(HTTP_IIFE, "jsonParseExternal", 8)] }],
    output: null,
  },
  {
    name: "echo: a field answered and also stored",
    code: ECHO_AND_STORE,
    findings: [{ case: "fetchJson", line: 3, column: 22, endColumn: 32, suggestions: [mark(ECHO_AND_STORE, "fetchJson", 3)] }],
    output: null,
  },
  {
    name: "echo: a field answered with no test of the reply's status",
    code: ECHO_UNTESTED,
    findings: [{ case: "fetchJson", line: 3, column: 22, endColumn: 32, suggestions: [mark(ECHO_UNTESTED, "fetchJson", 3)] }],
    output: null,
  },
  {
    name: "echo: a field returned in a plain object is no HTTP answer",
    code: RETURNED_OBJECT,
    findings: [{ case: "fetchJson", line: 3, column: 22, endColumn: 32, suggestions: [mark(RETURNED_OBJECT, "fetchJson", 3)] }],
    output: null,
  },
  {
    name: "model text: read without optional links",
    code: MODEL_TEXT_PLAIN,
    findings: [{ case: "fetchJson", line: 3, column: 22, endColumn: 32, suggestions: [{ title: "Validate res.json() with Zod (adds the zod dependency)", output: dedent`
        import { z } from "zod";

        const CompleteResponse = z.object({
          choices: z.array(z.object({ message: z.object({ content: z.string().nullish() }) })),
        });

        export async function complete(prompt: string) {
          const res = await fetch("https://ai.example.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ prompt }) });
          const data = CompleteResponse.parse(await res.json());
          return data.choices[0].message.content ?? "";
        }
      ` }, mark(MODEL_TEXT_PLAIN, "fetchJson", 3)] }],
    output: null,
  },
  {
    name: "model text: read defensively but used raw as a query key",
    code: MODEL_TEXT_KEY,
    findings: [{ case: "fetchJson", line: 3, column: 22, endColumn: 32, suggestions: [{ title: "Validate res.json() with Zod (adds the zod dependency)", output: dedent`
        import { z } from "zod";

        const TagResponse = z.object({
          choices: z.array(z.object({ message: z.object({ content: z.string().nullish() }).nullish() })),
        });

        export async function tag(db: any, prompt: string) {
          const res = await fetch("https://ai.example.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ prompt }) });
          const data = TagResponse.parse(await res.json());
          const slug = data.choices?.[0]?.message?.content ?? "";
          return db.tags.findUnique({ where: { slug } });
        }
      ` }, mark(MODEL_TEXT_KEY, "fetchJson", 3)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
