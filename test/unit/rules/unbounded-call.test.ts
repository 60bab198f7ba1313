import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

const ruleTester = new RuleTester();

const NEXT = { "package.json": '{ "dependencies": { "next": "15.0.0", "react": "19.0.0", "react-dom": "19.0.0" } }\n' };
const VITE_SPA = { "package.json": '{ "dependencies": { "react": "19.0.0", "react-dom": "19.0.0", "axios": "1.7.0" }, "devDependencies": { "vite": "6.0.0" } }\n' };
const BULLMQ = { "package.json": '{ "dependencies": { "ioredis": "5.4.0", "bullmq": "5.0.0" } }\n' };
const OPENAI_V3 = { "package.json": '{ "dependencies": { "openai": "^3.1.0" } }\n' };
const OPENAI_V4 = { "package.json": '{ "dependencies": { "openai": "^4.82.0" } }\n' };
/** openai v3 through a module bound whole (`require("openai")`, then its members), its Configuration in a variable. */
const OPENAI_API = 'const openAI = require("openai");\nconst { Configuration, OpenAIApi } = openAI;\nconst configuration = new Configuration({ apiKey: process.env.OPENAI_API_KEY });\nconst openai = new OpenAIApi(configuration);\n';
const WEBPACK_SPA = { "package.json": '{ "dependencies": { "react": "19.0.0", "react-dom": "19.0.0", "@supabase/supabase-js": "2.47.0" }, "devDependencies": { "webpack": "5.97.0", "webpack-cli": "6.0.1" } }\n' };
const WEBPACK_SPA_WITH_SERVER = { "package.json": '{ "dependencies": { "react": "19.0.0", "react-dom": "19.0.0", "express": "4.21.0", "@supabase/supabase-js": "2.47.0" }, "devDependencies": { "webpack": "5.97.0" } }\n' };
const SUPABASE_FROM_ENV = 'import { createClient } from "@supabase/supabase-js";\nexport const supabase = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_ANON_KEY);\n';
/** A file-local fetch helper that spreads its `init` parameter (bun-llm-proxy's mavisFetch), and its callers. */
const LOCAL_HELPER = (callers: string, exported = "") => `${exported}async function apiFetch(path: string, init: RequestInit = {}, retry = true): Promise<Response> {\n  const res = await fetch(\`https://api.example.com\${path}\`, { ...init, headers: { Accept: "application/json" } });\n  if (res.status === 401 && retry) return apiFetch(path, init, false);\n  return res;\n}\n${callers}`;
/** A project module that hands out axios's default instance as it is (halcyon-node-api's utils/http.ts). */
const HTTP_MODULE = (setup = "") => ({ "src/utils/http.ts": `import axios from "axios";\nimport axiosRetry from "axios-retry";\naxiosRetry(axios, { retries: 3, retryDelay: axiosRetry.exponentialDelay });\n${setup}export default axios;\n` });
const GOOGLE_PROVIDER = 'import http from "../utils/http";\nexport const getUser = (token: string) => http.get(`https://oauth2.example.com/tokeninfo?id_token=${token}`);\n';
/** A Baileys (WhatsApp) bot that starts its session again when the connection closes, once per disconnect reason. */
const BAILEYS = (reconnect: string) => `import makeWASocket from "@whiskeysockets/baileys";\nexport async function startSession() {\n  const sock = makeWASocket({});\n  sock.ev.on("connection.update", ({ connection, lastDisconnect }) => {\n    if (connection === "close") {\n      switch (lastDisconnect?.error?.output?.statusCode) {\n        case 428: ${reconnect}; break;\n        default: ${reconnect};\n      }\n    }\n  });\n}\n`;
/** openai v3 built from a Configuration whose options a config module of the project exports (chat-gpt-telegram-bot). */
const OPENAI_FROM_CONFIG = 'import { Configuration, OpenAIApi } from "openai";\nimport { AI_CONFIG } from "./config";\nconst configuration = new Configuration(AI_CONFIG);\nexport const openai = new OpenAIApi(configuration);\n';
/** A capped fetch retry whose only wait is for a 429 answer: a thrown network error goes round at once (consultar-cnpj). */
const RATE_LIMIT_RETRY = (failure: string) => `export async function getWithRetry(url: string, max = 3): Promise<Response> {\n  for (let attempt = 1; attempt <= max; attempt++) {\n    try {\n      const res = await fetch(url, { signal: AbortSignal.timeout(8000) });\n      if (res.status !== 429) return res;\n      await new Promise((r) => setTimeout(r, 2 ** attempt * 1000));\n    } catch (err) {\n      if (attempt === max) throw err;${failure}\n    }\n  }\n  throw new Error("gave up");\n}\n`;
const SSR_SERVER = 'import { createServerClient } from "@supabase/ssr";\nexport async function createClient() {\n  const store = await cookies();\n  return createServerClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, { cookies: { getAll: () => store.getAll() } });\n}\n';
const ROUTE_DB = 'import { createClient } from "@supabase/supabase-js";\nconst db = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);\nexport async function POST() { return Response.json(await db.from("settings").select()); }\n';
const SHORT_POLL = 'const http = require("axios").create({ timeout: 10000 });\nasync function main(token) {\n  let offset = 0;\n  while (true) {\n    try {\n      const { data } = await http.post(`https://api.telegram.org/bot${token}/getUpdates`, { offset });\n      for (const u of data.result) offset = u.update_id + 1;\n    } catch (e) {\n      console.error(e);\n    }\n  }\n}\nmain(process.env.BOT_TOKEN);\n';
/** A script's file-local https.request helper with an options parameter (debug-jwt-token's makeRequest), and its callers. */
const HTTPS_HELPER = (callers: string) => `const https = require("https");\nfunction makeRequest(url, options = {}) {\n  return new Promise((resolve, reject) => {\n    const req = https.request(url, options, (res) => res.on("end", resolve));\n    req.on("error", reject);\n    req.end();\n  });\n}\n${callers}`;
/** An LLM client whose stream flag the caller may turn off (aicarousel's Ollama adapter). */
const STREAM_FLAG = (flag: string) => `export async function complete(params: any) {\n  return fetch("https://llm.example.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ model: params.model, stream: ${flag} }) });\n}\n`;
const IOREDIS = { "package.json": '{ "dependencies": { "ioredis": "5.4.0" } }\n' };

const AXIOS_HELPER = (callers: string) => `import axios from "axios";\nconst getBuffer = async (url: string, options: object = {}) => {\n  const res = await axios({ method: "get", url, ...options, responseType: "arraybuffer" });\n  return res.data;\n};\n${callers}`;
const SIGNAL = "Abort after 10000 ms with AbortSignal.timeout";
const AXIOS = "Set timeout to 10000 ms";
const HEADERS = "Abort if no response headers arrive within 10000 ms (the download itself is not limited)";

/** A download: the response's body read with arrayBuffer(). */
const PARSE_SHEET = "export async function parseSheet(fileUrl: string) {\n  const response = await fetch(fileUrl);\n  return new Uint8Array(await response.arrayBuffer());\n}\n";

/** PARSE_SHEET with the headers-only bound: the controller and timer, then `fetchLines` in place of the fetch. */
const parseSheetFixed = (fetchLines: string) =>
  `export async function parseSheet(fileUrl: string) {\n  const controller = new AbortController();\n  const timer = setTimeout(() => controller.abort(), 10000);\n${fetchLines}  return new Uint8Array(await response.arrayBuffer());\n}\n`;

/** A `call` finding on `callee` (one line of code) whose one suggestion gives `fixed`. */
function oneCall(name: string, code: string, callee: string, title: string, fixed: string, extra: Partial<InvalidCase> = {}): InvalidCase {
  const column = code.indexOf(`${callee}(`) + 1;
  return { name, code, ...extra, findings: [{ case: "call", line: 1, column, endColumn: column + callee.length, suggestions: [{ title, output: fixed }] }], output: null };
}

ruleTester.run(unboundedCall, {
  valid: [
    // Bounded signals, in every form the issue names.
    { name: "AbortSignal.timeout", code: 'export async function f() { return fetch("https://api.example.com", { signal: AbortSignal.timeout(5000) }); }' },
    { name: "AbortSignal.any with a timeout", code: "export async function f(url: string, s: AbortSignal) { return fetch(url, { signal: AbortSignal.any([s, AbortSignal.timeout(5000)]) }); }" },
    { name: "a signal from a variable", code: "export async function f(url: string) { const signal = AbortSignal.timeout(5000); return fetch(url, { signal }); }" },
    { name: "an init object from a variable", code: 'export async function f(url: string) { const init = { method: "POST", signal: AbortSignal.timeout(5000) }; return fetch(url, init); }' },
    { name: "a controller armed before the await", code: "export async function f(url: string) { const c = new AbortController(); const t = setTimeout(() => c.abort(), 5000); try { return await fetch(url, { signal: c.signal }); } finally { clearTimeout(t); } }" },
    { name: "the caller's signal (a parameter)", code: "export async function f(url: string, signal: AbortSignal) { return fetch(url, { signal }); }" },
    { name: "the incoming request's signal", code: "export async function GET(request: Request) { return fetch(\"https://api.example.com\", { signal: request.signal }); }" },
    { name: "a controller aborted when the client goes away", code: 'app.get("/p", async (req, res) => { const c = new AbortController(); req.on("close", () => c.abort()); res.json(await (await fetch(u, { signal: c.signal })).json()); });' },
    { name: "options from the caller (a wrapper)", code: "export async function http(url: string, init?: RequestInit) { return fetch(url, init); }" },
    { name: "a spread that may carry a signal", code: 'export async function f(url: string, opts: RequestInit) { return fetch(url, { ...opts, method: "GET" }); }' },
    { name: "Promise.race against a timer", code: "export async function f(url: string) { return Promise.race([fetch(url), sleep(5000).then(() => { throw new Error(\"timeout\"); })]); }" },
    { name: "a helper that bounds the promise", code: "export async function f(url: string) { return withTimeout(fetch(url), 5000); }" },
    { name: "a deliberate comment", code: "export async function f(url: string) {\n  // no timeout: the export endpoint streams for minutes and the job runner bounds it\n  return fetch(url);\n}\n" },
    { name: "a streamed LLM answer", code: 'export async function f(body: object) { const r = await fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ ...body, stream: true }) }); return r.body!.getReader(); }' },
    { name: "a relative URL (the page's own origin)", code: 'export async function f() { return fetch("/api/me"); }' },
    { name: "a download whose wait for the headers is bounded (the fix's form)", code: "export async function pdf(u: string) { const controller = new AbortController(); const timer = setTimeout(() => controller.abort(), 10000); const res = await fetch(u, { signal: controller.signal }).finally(() => clearTimeout(timer)); return res.arrayBuffer(); }" },
    { name: "a Request built with a signal", code: "export async function f(url: string) { const req = new Request(url, { signal: AbortSignal.timeout(5000) }); return fetch(req); }" },
    // Browser code and tests are out of scope for `call` and `client`.
    { name: "a \"use client\" component", filename: "app/page.tsx", files: NEXT, code: '"use client";\nexport async function load() { return fetch("https://api.example.com/x"); }\n' },
    { name: "a \"use client\" component in a Next.js app whose root has a deno.jsonc for its import aliases (openstatus)", filename: "src/content/copy-button.tsx", files: { ...NEXT, "deno.jsonc": '{ "imports": { "@/": "./src/" } }\n' }, code: '"use client";\nexport async function copyMarkdown() { return fetch(window.location.pathname, { headers: { Accept: "text/markdown" } }); }\n' },
    { name: "a fetch in a React effect of a server-rendered file", filename: "app/widget.tsx", files: NEXT, code: 'export function W() { useEffect(() => { fetch("https://api.example.com/x").then(() => {}); }, []); return null; }' },
    { name: "a single-page app's API module", filename: "src/api/client.ts", files: VITE_SPA, code: 'import axios from "axios";\nexport const api = axios.create({ baseURL: "https://api.example.com" });\nexport const me = () => axios.get("https://api.example.com/me");\n' },
    { name: "a test file", filename: "test/api.test.ts", code: 'it("works", async () => { await fetch("https://api.example.com"); });' },
    { name: "a Next.js client module that reads NEXT_PUBLIC_ variables", filename: "services/api.js", files: NEXT, code: "export const getX = () => fetch(`${process.env.NEXT_PUBLIC_API}/x`);\n" },
    { name: "a pages-router page component", filename: "pages/settings.tsx", files: NEXT, code: 'export default function Settings() { async function save() { await fetch("https://api.example.com/prefs", { method: "PUT" }); } return <button onClick={save} />; }' },
    { name: "a client-only/ folder (documenso's packages/lib/client-only)", filename: "packages/lib/client-only/download-pdf.ts", code: "export async function fetchPdf(url: string) { const response = await fetch(url); return response.blob(); }\n" },
    { name: "a module whose .server twin is the server's version (the browser's one)", filename: "packages/lib/universal/upload/put-file.ts", files: { "packages/lib/universal/upload/put-file.server.ts": "export const putFileServerSide = async () => {};\n" }, code: "export const putPdfFile = async (body: FormData) => { const response = await fetch(formatPath(\"/api/files/upload-pdf\"), { method: \"POST\", body }); return response.json(); };\n" },
    { name: "a Vite app's client for its backend: helpers/backend/ read through import.meta.env.VITE_ (hoppscotch)", filename: "src/helpers/backend/queries/docs.ts", files: VITE_SPA, code: "export async function getDoc(slug: string) { const r = await fetch(`${import.meta.env.VITE_BACKEND_API_URL}/docs/${slug}`); return r.json(); }\n" },
    { name: "a file that uses navigator (browser-only)", code: 'export async function track(url: string, data: string) { if (navigator.sendBeacon(url, data)) return; await fetch(url, { method: "POST", body: data, keepalive: true }); }' },
    { name: "a relative URL through a variable and a ternary", code: "export async function save(id?: string) { const url = id ? `/api/tags/${id}` : `/api/tags`; return fetch(url, { method: \"POST\" }); }" },
    { name: "undici request with a dispatcher", code: 'import { request, Agent } from "undici";\nconst agent = new Agent({ headersTimeout: 5000 });\nexport const f = (u: string) => request(u, { dispatcher: agent });\n' },
    { name: "an LLM call asking for a stream", code: 'export async function f(body: object) { return fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ ...body, stream: true }) }); }' },
    { name: "a Telegram long poll", code: "export async function poll(token: string, offset: number) { return fetch(`https://api.telegram.org/bot${token}/getUpdates?timeout=50&offset=${offset}`); }" },
    { name: "a global undici dispatcher set in the file", code: 'import { Agent, setGlobalDispatcher } from "undici";\nsetGlobalDispatcher(new Agent({ headersTimeout: 10000, bodyTimeout: 10000 }));\nexport const f = (u: string) => fetch(u);\n' },
    { name: "a fire-and-forget call nobody waits on", code: 'export function ping(u: string) { fetch(u, { method: "POST" }).catch(() => {}); }' },
    { name: "a comment block above about the signal left out on purpose", code: "export async function f(u: string) {\n  // Plain fetch without an AbortController: on the edge an aborted body breaks res.json().\n  // The platform's wall-clock limit already bounds the call.\n  const r = await fetch(u);\n  return r.text();\n}\n" },
    // Libraries bounded by the call, the instance or the defaults.
    { name: "axios with a timeout", code: 'import axios from "axios";\nexport const f = (u: string) => axios.get(u, { timeout: 5000 });\n' },
    { name: "axios.post with a timeout", code: 'import axios from "axios";\nexport const f = (u: string, d: object) => axios.post(u, d, { timeout: 5000 });\n' },
    { name: "axios.defaults.timeout in the file", code: 'import axios from "axios";\naxios.defaults.timeout = 8000;\nexport const f = (u: string) => axios.get(u);\n' },
    { name: "a call through an instance (judged where it is built)", code: 'import { api } from "./api";\nexport const f = () => api.get("/users");\n' },
    { name: "axios.create with a timeout", code: 'import axios from "axios";\nexport const api = axios.create({ baseURL: "https://x.example", timeout: 5000 });\n' },
    { name: "axios.create given defaults.timeout after", code: 'import axios from "axios";\nexport const api = axios.create({ baseURL: "https://x.example" });\napi.defaults.timeout = 5000;\n' },
    { name: "axios in CommonJS with a timeout", filename: "src/file.js", code: 'const axios = require("axios");\nexports.f = (u) => axios.get(u, { timeout: 5000 });\n' },
    { name: "got with a timeout", code: 'import got from "got";\nexport const f = (u: string) => got(u, { timeout: { request: 5000 } });\n' },
    { name: "superagent with .timeout()", code: 'import superagent from "superagent";\nexport const f = (u: string) => superagent.get(u).timeout(5000);\n' },
    { name: "http.request with a handler that destroys it", code: 'import https from "https";\nexport function f(o: object) { const req = https.request(o); req.on("timeout", () => req.destroy()); req.end(); }\n' },
    { name: "needle with a response timeout", code: 'import needle from "needle";\nexport const f = (u: string) => needle("get", u, null, { response_timeout: 5000 });\n' },
    { name: "the AI SDK with an abort signal", code: 'import { generateText } from "ai";\nexport const f = (model: any) => generateText({ model, prompt: "hi", abortSignal: AbortSignal.timeout(60000) });\n' },
    { name: "streamText streams", code: 'import { streamText } from "ai";\nexport const f = (model: any) => streamText({ model, prompt: "hi" });\n' },
    { name: "the OpenAI SDK (10 minutes by default)", code: 'import OpenAI from "openai";\nexport const openai = new OpenAI();\n' },
    { name: "pg Pool with connectionTimeoutMillis", code: 'import { Pool } from "pg";\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 5000 });\n' },
    { name: "a query through the pool (judged where the pool is built)", code: 'import { pool } from "./db";\nexport const f = () => pool.query("select 1");\n' },
    { name: "an AWS client with a request handler timeout", code: 'import { S3Client } from "@aws-sdk/client-s3";\nexport const s3 = new S3Client({ requestHandler: { requestTimeout: 5000 } });\n' },
    { name: "an AWS client with a NodeHttpHandler", code: 'import { S3Client } from "@aws-sdk/client-s3";\nimport { NodeHttpHandler } from "@smithy/node-http-handler";\nexport const s3 = new S3Client({ requestHandler: new NodeHttpHandler({ connectionTimeout: 3000, requestTimeout: 5000 }) });\n' },
    { name: "an S3 client built only to presign", code: 'import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";\nimport { getSignedUrl } from "@aws-sdk/s3-request-presigner";\nexport function url(key: string) { const client = new S3Client({ region: "eu-west-1" }); return getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: key })); }\n' },
    { name: "an S3 client in a field, only presigning", code: 'import { S3Client, PutObjectCommand } from "@aws-sdk/client-s3";\nimport { getSignedUrl } from "@aws-sdk/s3-request-presigner";\nexport class Files {\n  private s3: S3Client;\n  constructor() { this.s3 = new S3Client({}); }\n  url(key: string) { return getSignedUrl(this.s3, new PutObjectCommand({ Bucket: "b", Key: key })); }\n}\n' },
    { name: "a per-API googleapis package's service given a timeout (held round 26)", code: 'import { sheets } from "@googleapis/sheets";\nexport const api = sheets({ version: "v4", auth, timeout: 10000 });\n' },
    { name: "googleapis with google.options({ timeout })", code: 'import { google } from "googleapis";\ngoogle.options({ timeout: 10000 });\nexport const sheets = google.sheets({ version: "v4" });\n' },
    { name: "Nest HttpModule.register with a timeout", code: 'import { Module } from "@nestjs/common";\nimport { HttpModule } from "@nestjs/axios";\n@Module({ imports: [HttpModule.register({ timeout: 5000 })] })\nexport class AppModule {}\n' },
    { name: "supabase-js whose global is a variable (it may hold a fetch; no finding, so no fix that could drop its headers)", filename: "supabase/functions/chat/index.ts", code: 'import { createClient } from "npm:@supabase/supabase-js@2";\nexport const db = (global: { headers: Record<string, string> }) => createClient(url, key, { global });\n' },
    { name: "supabase-js with a bounded fetch", filename: "supabase/functions/hello/index.ts", code: 'import { createClient } from "npm:@supabase/supabase-js@2";\nexport const db = createClient(url, key, { global: { fetch: (i, init) => fetch(i, { ...init, signal: AbortSignal.timeout(8000) }) } });\n' },
    { name: "ioredis maxRetriesPerRequest: null on a BullMQ connection", files: BULLMQ, code: 'import IORedis from "ioredis";\nexport const connection = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });\n' },
    // Retries that are bounded, or not retries at all.
    { name: "a capped loop that follows redirects by hand is not a retry (openstatus)", code: 'export async function safeFetch(url: string, init: RequestInit, signal: AbortSignal) { let target = url; for (let hop = 0; hop <= 3; hop++) { const res = await fetch(target, { ...init, signal, redirect: "manual" }); if (res.status < 300 || res.status >= 400) return res; const location = res.headers.get("location"); if (!location) return res; target = new URL(location, target).toString(); } throw new Error("too many redirects"); }' },
    { name: "a retry loop with backoff and a cap", code: "export async function f(u: string) { for (let i = 0; i < 3; i++) { try { return await fetch(u, { signal: AbortSignal.timeout(5000) }); } catch { await sleep(2 ** i * 100); } } }" },
    { name: "a capped retry after a unique violation needs no delay", code: 'export async function f() { for (let i = 0; i < 3; i++) { try { return await db.insert(slug()); } catch (e) { if (e.code !== "23505") throw e; } } }' },
    { name: "a reconnect loop with a delay and no cap", code: "export async function connect() { while (true) { try { await client.connect(); return; } catch { await sleep(5000); } } }" },
    { name: "a pagination loop", code: "export async function all() { let cursor; const out = []; while (true) { const page = await list({ cursor }); out.push(...page.items); if (!page.next) break; cursor = page.next; } return out; }" },
    { name: "a consumer loop that blocks on its queue", code: "export async function work() { while (true) { const job = await queue.pop(); try { await handle(job); } catch (e) { log(e); } } }" },
    { name: "a fallback over alternatives", code: "export async function f(urls: string[]) { for (const u of urls) { try { return await get(u); } catch {} } }" },
    { name: "a fallback over field sets by index", code: "export async function f() { for (let i = 0; i < SETS.length; i++) { try { return await base.select(SETS[i]); } catch (e) { if (i === SETS.length - 1) throw e; } } }" },
    { name: "retries: 3", code: 'import pRetry from "p-retry";\nexport const f = () => pRetry(run, { retries: 3 });\n' },
    { name: "retries: Infinity with a deadline", code: 'import pRetry from "p-retry";\nexport const f = () => pRetry(run, { retries: Infinity, maxRetryTime: 60000 });\n' },
    { name: "a limit: Infinity that is not a retry setting", code: "export const args = { limit: Infinity, pageSize: 50 };\n" },
    { name: "TanStack retry: 3", filename: "src/hooks.ts", code: 'import { useQuery } from "@tanstack/react-query";\nexport const useX = () => useQuery({ queryKey: ["x"], queryFn: load, retry: 3 });\n' },
    { name: "axios-retry with exponentialDelay", code: 'import axios from "axios";\nimport axiosRetry from "axios-retry";\naxiosRetry(axios, { retries: 3, retryDelay: axiosRetry.exponentialDelay });\n' },
    { name: "a reconnect after a delay", code: 'export function connect() { const ws = new WebSocket(url); ws.on("close", () => setTimeout(connect, 5000)); }' },
    { name: "a recursion over the rest of a list is a fallback chain", code: "export function first(urls: string[]): Promise<Response> { return get(urls[0]).catch((e) => { const [, ...rest] = urls; if (!rest.length) throw e; return first(rest); }); }" },
    { name: "a retry loop whose strategy object keeps the cap", code: "export async function send(r: Req) { let retryToken = strategy.acquire(); while (true) { try { return await next(r); } catch (e) { retryToken = await strategy.refresh(retryToken); await sleep(retryToken.getRetryDelay()); } } }" },
    { name: "a capped recursion after a MongoDB transient transaction error needs no delay (parse-server)", code: "export function commitSession(session: any): Promise<void> {\n  const commit = (retries: number): Promise<void> => session.commitTransaction().catch((error: any) => {\n    if (error.hasErrorLabel(\"TransientTransactionError\") && retries > 0) return commit(retries - 1);\n    throw error;\n  });\n  return commit(5);\n}\n" },
    { name: "a queue drain that takes the failed item off before moving on (hoppscotch's documentation worker)", code: "export function processQueue(): void {\n  if (queue.length === 0) return;\n  const next = queue[0];\n  try { worker.postMessage(next.payload); } catch (error) { next.reject(error); queue.shift(); processQueue(); }\n}\n" },
    // Held round 15 (issue 11): a wait on the failure path, and retries that move to another key.
    { name: "a 429 wait in the try and a backoff in the catch", code: RATE_LIMIT_RETRY("\n      await sleep(1000 * attempt);") },
    { name: "a wait before the call in the try runs on every attempt", code: "export async function f(u: string) { for (let i = 0; i < 3; i++) { try { if (i > 0) await sleep(500 * 2 ** i); const r = await fetch(u, { signal: AbortSignal.timeout(5000) }); if (r.status !== 503) return r; } catch (e) { log(e); } } }" },
    { name: "a recursion capped at one retry with the next API key (koa-ai-server)", code: "export async function complete(messages: Msg[], retryCount = 0): Promise<string> {\n  try {\n    return await client.chat(messages);\n  } catch (err) {\n    if (retryCount < 1 && isKeyError(err)) {\n      keyPool.switchKey();\n      return complete(messages, retryCount + 1);\n    }\n    throw err;\n  }\n}\n" },
    { name: "a capped retry loop that rotates to the next token after a failure", code: "export async function f(u: string) { for (let i = 0; i < 3; i++) { try { return await get(u, tokens.current()); } catch (e) { tokens.rotateToken(); } } }" },
    { name: "a Telegram getUpdates long poll (timeout) in a while (true) loop with no delay", code: 'import axios from "axios";\nexport async function poll(token: string) {\n  let offset = 0;\n  while (true) {\n    try {\n      const { data } = await axios.post(`https://api.telegram.org/bot${token}/getUpdates`, { offset, timeout: 30 }, { timeout: 40000 });\n      for (const u of data.result) offset = u.update_id + 1;\n    } catch (e) {\n      console.error(e);\n    }\n  }\n}\n' },
    { name: "a while (true) consumer that blocks on its queue", code: "export async function consume() { while (true) { try { const job = await queue.take(); await handle(job); } catch (e) { log(e); } } }" },
    { name: "the Resend SDK in a file that bounds fetch with a global dispatcher", code: 'import { Agent, setGlobalDispatcher } from "undici";\nimport { Resend } from "resend";\nsetGlobalDispatcher(new Agent({ headersTimeout: 10000, bodyTimeout: 10000 }));\nexport const mailer = new Resend(process.env.RESEND_API_KEY);\n' },
    { name: "the Resend SDK in browser code", filename: "src/components/Contact.tsx", files: VITE_SPA, code: 'import { Resend } from "resend";\nexport const mailer = new Resend(import.meta.env.VITE_RESEND_KEY);\n' },
    { name: "a recursion that waits before trying again", code: "export async function connect(): Promise<void> { try { await client.connect(); } catch { await sleep(1000); return connect(); } }" },
    // Held round 14 (issue 11): openai v3's OpenAIApi where it is bounded or is not v3.
    { name: "OpenAIApi where the manifest says openai 4 (no such export: dead code; v4 waits 10 minutes at most)", code: OPENAI_API, files: OPENAI_V4 },
    { name: "OpenAIApi whose Configuration sets an axios timeout in baseOptions", files: OPENAI_V3, code: 'import { Configuration, OpenAIApi } from "openai";\nexport const openai = new OpenAIApi(new Configuration({ apiKey, baseOptions: { timeout: 30000 } }));\n' },
    { name: "OpenAIApi with the project's own axios instance", files: OPENAI_V3, code: 'import { Configuration, OpenAIApi } from "openai";\nimport { http } from "./http";\nexport const openai = new OpenAIApi(new Configuration({ apiKey }), undefined, http);\n' },
    // Held round 15 (issue 11): the Configuration's options in a config module of the project.
    { name: "OpenAIApi whose imported Configuration options set baseOptions in their module", files: { ...OPENAI_V3, "src/config.ts": "export const AI_CONFIG = { apiKey: process.env.OPENAI_API_KEY, baseOptions: { timeout: 30000 } };\n" }, filename: "src/ai.ts", code: OPENAI_FROM_CONFIG },
    { name: "OpenAIApi whose imported Configuration options come from a module the host cannot read", files: OPENAI_V3, filename: "src/ai.ts", code: OPENAI_FROM_CONFIG },
    { name: "OpenAIApi with the caller's Configuration", files: OPENAI_V3, code: 'import { Configuration, OpenAIApi } from "openai";\nexport const clientFor = (configuration: Configuration) => new OpenAIApi(configuration);\n' },
    { name: "a destructuring of a variable that is not a module bound whole", code: 'import pg from "pg";\nconst lib = makePg(pg);\nconst { Pool } = lib;\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL });\n' },
    { name: "a race by hand: a Promise executor arms a timer that rejects before it calls (held round 14)", code: 'export function ask(u: string): Promise<string> {\n  return new Promise(async (resolve, reject) => {\n    const timer = setTimeout(() => reject(new Error("timed out")), 60000);\n    try { const r = await fetch(u); clearTimeout(timer); resolve(await r.text()); } catch (e) { reject(e); }\n  });\n}\n' },
    { name: "a race by hand that settles with a fallback", code: 'import { generateText } from "ai";\nexport const summarize = (prompt: string) => new Promise<string>(async function (done) {\n  setTimeout(function () { done(""); }, 30000);\n  done((await generateText({ model, prompt })).text);\n});\n' },
    // Held round 14 (ai-komponentti): webpack writes process.env.X into the browser bundle (EnvironmentPlugin).
    { name: "a front-end project bundled by webpack: a process.env read in components/ is no server sign", filename: "src/components/supabase.js", files: WEBPACK_SPA, code: SUPABASE_FROM_ENV },
    { name: "a front-end project bundled by webpack: a process.env read in src/ is no server sign", filename: "src/api.js", files: WEBPACK_SPA, code: 'export const getItems = async () => (await fetch(`${process.env.API_URL}/items`)).json();\n' },
    { name: "a dynamic import of a specifier the file changes (let) is not followed", filename: "supabase/functions/_shared/telemetry.ts", code: 'export async function db(url: string, key: string) {\n  let spec = "npm:@supabase/supabase-js@2";\n  if (url.includes("local")) spec = "./fake-supabase.ts";\n  const { createClient } = await import(spec);\n  return createClient(url, key);\n}\n' },
    { name: "a route file under a __tests__ folder stays a test", filename: "app/api/__tests__/route.ts", files: NEXT, code: 'import { createClient } from "@supabase/supabase-js";\nconst db = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);\nexport async function POST() { return Response.json(await db.from("t").select()); }\n' },
    { name: "a Next.js lib module that reads only NEXT_PUBLIC_ variables and nothing of the server", filename: "lib/supabase.ts", files: NEXT, code: 'import { createClient } from "@supabase/supabase-js";\nexport const supabase = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!);\n' },
    { name: "a load-test script named like tests (war-tests.js)", filename: "war-tests.js", code: 'const axios = require("axios");\nasync function hit() { await axios.post("http://localhost:3000/api/book", { seat: 1 }); }\nhit();\n' },
    { name: "a status poll with a deadline", code: 'import axios from "axios";\nexport async function waitForTranscript(id: string) {\n  while (true) {\n    const res = await axios.get(`https://api.example.com/transcript/${id}`, { timeout: 10000 });\n    if (res.data.status === "completed") return res.data.text;\n    if (res.data.status === "error") throw new Error(res.data.error);\n    await new Promise((r) => setTimeout(r, 3000));\n  }\n}\n'.replace("while (true)", "const deadline = Date.now() + 600000;\n  while (Date.now() < deadline)") },
    { name: "a status poll with an attempt cap", code: 'import axios from "axios";\nexport async function waitForTranscript(id: string) {\n  while (true) {\n    const res = await axios.get(`https://api.example.com/transcript/${id}`, { timeout: 10000 });\n    if (res.data.status === "completed") return res.data.text;\n    if (res.data.status === "error") throw new Error(res.data.error);\n    await new Promise((r) => setTimeout(r, 3000));\n  }\n}\n'.replace("while (true)", "for (let attempt = 0; attempt < 100; attempt++)") },
    // Held round 14 (bun-llm-proxy), where the line is drawn: the helper's options are the caller's decision.
    { name: "a local helper's spread options, exported (callers elsewhere may pass a signal)", code: LOCAL_HELPER('export const me = () => apiFetch("/me");\n', "export ") },
    { name: "a local helper's spread options, one caller passes a signal", code: LOCAL_HELPER('export const me = () => apiFetch("/me");\nexport const slow = () => apiFetch("/report", { signal: AbortSignal.timeout(60000) });\n') },
    { name: "a local helper's spread options, the helper passed around as a value", code: LOCAL_HELPER('export const me = () => apiFetch("/me");\nexport const client = { get: apiFetch };\n') },
    { name: "a local helper's spread options, a caller passes options from elsewhere", code: LOCAL_HELPER('export const me = (opts: RequestInit) => apiFetch("/me", opts);\n') },
    { name: "a local axios helper's spread options, one caller passes a timeout", code: AXIOS_HELPER('export const img = (u: string) => getBuffer(u);\nexport const big = (u: string) => getBuffer(u, { timeout: 60000 });\n') },
    { name: "a project module that sets axios.defaults.timeout before handing it out", filename: "src/providers/google.ts", files: HTTP_MODULE("axios.defaults.timeout = 5000;\n"), code: GOOGLE_PROVIDER },
    { name: "a project module that hands out an instance of its own (judged where it is built)", filename: "src/providers/google.ts", files: { "src/utils/http.ts": 'import axios from "axios";\nconst http = axios.create({ timeout: 5000 });\nexport default http;\n' }, code: GOOGLE_PROVIDER },
    { name: "a Baileys reconnect after a delay", code: BAILEYS("setTimeout(startSession, 5000)") },
    // Held round 16 (issue 11): a stream flag on by default; a file-local https.request helper whose callers may pass a signal.
    { name: "a stream flag on unless the caller turns it off (??)", code: STREAM_FLAG("params.stream ?? true") },
    { name: "a stream flag on unless the caller turns it off (!== false)", code: STREAM_FLAG("params.stream !== false") },
    { name: "a local https.request helper, one caller's options variable carries a signal", code: HTTPS_HELPER('const authOptions = { method: "POST", signal: AbortSignal.timeout(5000) };\nmakeRequest("https://api.example.com/auth", authOptions);\n') },
    { name: "a local https.request helper, exported (callers elsewhere may pass a signal)", code: HTTPS_HELPER('makeRequest("https://api.example.com/me");\nmodule.exports = { makeRequest };\n') },
    { name: "a local https.request helper whose options are required (the caller's, as a fetch helper's init)", code: HTTPS_HELPER('makeRequest("https://api.example.com/me", { method: "GET" });\n').replace("options = {}", "options") },
  ],
  invalid: [
    // Held round 16 (issue 11): a stream flag off by default; a local https.request helper whose every caller passes options with no signal.
    {
      name: "a stream flag off unless the caller turns it on",
      code: STREAM_FLAG("params.stream ?? false"),
      findings: [{ case: "call", line: 2, column: 10, endColumn: 15, suggestions: [{ title: SIGNAL, output: STREAM_FLAG("params.stream ?? false").replace("}) });", "}), signal: AbortSignal.timeout(10000) });") }] }],
      output: null,
    },
    {
      name: "a local https.request helper whose callers pass options variables with no signal",
      code: HTTPS_HELPER('const authOptions = { method: "POST", headers: { "Content-Type": "application/json" } };\nmakeRequest("https://api.example.com/auth", authOptions);\nmakeRequest("https://api.example.com/me");\n'),
      findings: [{ case: "call", line: 4, column: 17, endColumn: 30, suggestions: [{ title: "Destroy the request after 10000 ms without a response", output: HTTPS_HELPER('const authOptions = { method: "POST", headers: { "Content-Type": "application/json" } };\nmakeRequest("https://api.example.com/auth", authOptions);\nmakeRequest("https://api.example.com/me");\n').replace('resolve));\n', 'resolve));\n    req.setTimeout(10000, () => req.destroy(new Error("Request timed out")));\n') }] }],
      output: null,
    },
    // call: fetch
    oneCall("fetch with no init", 'export const f = () => fetch("https://api.example.com/x");', "fetch", SIGNAL, 'export const f = () => fetch("https://api.example.com/x", { signal: AbortSignal.timeout(10000) });'),
    oneCall("fetch with an init object", 'export const f = (u: string) => fetch(u, { method: "POST" });', "fetch", SIGNAL, 'export const f = (u: string) => fetch(u, { method: "POST", signal: AbortSignal.timeout(10000) });'),
    oneCall("a controller that nothing aborts", "export async function f(u: string) { const c = new AbortController(); return fetch(u, { signal: c.signal }); }", "fetch", SIGNAL, "export async function f(u: string) { const c = new AbortController(); return fetch(u, { signal: AbortSignal.any([c.signal, AbortSignal.timeout(10000)]) }); }"),
    oneCall("an abort armed after the await", "export async function f(u: string) { const c = new AbortController(); const r = await fetch(u, { signal: c.signal }); setTimeout(() => c.abort(), 5000); return r; }", "fetch", SIGNAL, "export async function f(u: string) { const c = new AbortController(); const r = await fetch(u, { signal: AbortSignal.any([c.signal, AbortSignal.timeout(10000)]) }); setTimeout(() => c.abort(), 5000); return r; }"),
    oneCall("a timeout key that fetch ignores", "export const f = (u: string) => fetch(u, { timeout: 5000 });", "fetch", SIGNAL, "export const f = (u: string) => fetch(u, { timeout: 5000, signal: AbortSignal.timeout(10000) });"),
    oneCall("signal: undefined", "export const f = (u: string) => fetch(u, { signal: undefined });", "fetch", SIGNAL, "export const f = (u: string) => fetch(u, { signal: AbortSignal.timeout(10000) });"),
    oneCall("a spread of literals carries no signal", 'export async function f(u: string, body?: object) { return fetch(u, { method: "POST", ...(body ? { body: JSON.stringify(body) } : {}) }); }', "fetch", SIGNAL, 'export async function f(u: string, body?: object) { return fetch(u, { method: "POST", ...(body ? { body: JSON.stringify(body) } : {}), signal: AbortSignal.timeout(10000) }); }'),
    oneCall("an init object in a variable", 'export async function f(u: string) { const init = { method: "POST" }; return fetch(u, init); }', "fetch", SIGNAL, 'export async function f(u: string) { const init = { method: "POST" }; return fetch(u, { ...init, signal: AbortSignal.timeout(10000) }); }'),
    {
      name: "a multi-line init in a Next.js route handler",
      filename: "app/api/x/route.ts",
      files: NEXT,
      code: dedent`
        export async function POST(req: Request) {
          const res = await fetch("https://api.example.com/x", {
            method: "POST",
            body: await req.text(),
          });
          return Response.json(await res.json());
        }
      `,
      findings: [{ case: "call", line: 2, column: 21, endColumn: 26, suggestions: [{ title: SIGNAL, output: dedent`
        export async function POST(req: Request) {
          const res = await fetch("https://api.example.com/x", {
            method: "POST",
            body: await req.text(),
            signal: AbortSignal.timeout(10000),
          });
          return Response.json(await res.json());
        }
      ` }] }],
      output: null,
    },
    oneCall("a server component without \"use client\"", 'export default async function Page() { const r = await fetch("https://api.example.com/x"); return r.status; }', "fetch", SIGNAL, 'export default async function Page() { const r = await fetch("https://api.example.com/x", { signal: AbortSignal.timeout(10000) }); return r.status; }', { filename: "app/page.tsx", files: NEXT }),
    oneCall("a server component without \"use client\" where the root has a deno.jsonc", 'export default async function Page() { const r = await fetch("https://api.example.com/x"); return r.status; }', "fetch", SIGNAL, 'export default async function Page() { const r = await fetch("https://api.example.com/x", { signal: AbortSignal.timeout(10000) }); return r.status; }', { filename: "src/app/page.tsx", files: { ...NEXT, "deno.jsonc": '{ "imports": { "@/": "./src/" } }\n' } }),
    oneCall("a Deno edge function", 'Deno.serve(async () => new Response(await (await fetch("https://api.example.com/x")).text()));', "fetch", SIGNAL, 'Deno.serve(async () => new Response(await (await fetch("https://api.example.com/x", { signal: AbortSignal.timeout(10000) })).text()));', { filename: "supabase/functions/hello/index.ts" }),
    oneCall("a SvelteKit server module that reads import.meta.env.VITE_ (the project runs server code)", "export async function load() { const r = await fetch(`${import.meta.env.VITE_API}/x`); return r.json(); }", "fetch", SIGNAL, "export async function load() { const r = await fetch(`${import.meta.env.VITE_API}/x`, { signal: AbortSignal.timeout(10000) }); return r.json(); }", { filename: "src/lib/server/api.ts", files: { "package.json": '{ "dependencies": { "@sveltejs/kit": "2.0.0" }, "devDependencies": { "vite": "6.0.0" } }\n' } }),
    oneCall("getServerSideProps in a pages-router page", 'export async function getServerSideProps() { const r = await fetch("https://api.example.com/x"); return { props: await r.json() }; }', "fetch", SIGNAL, 'export async function getServerSideProps() { const r = await fetch("https://api.example.com/x", { signal: AbortSignal.timeout(10000) }); return { props: await r.json() }; }', { filename: "pages/index.tsx", files: NEXT }),
    oneCall("undici request with no bound", 'import { request } from "undici"; export const f = (u: string) => request(u, { method: "GET" });', "request", SIGNAL, 'import { request } from "undici"; export const f = (u: string) => request(u, { method: "GET", signal: AbortSignal.timeout(10000) });'),
    // call: downloads (the body read as a file) get a bound on the wait for the headers only (review R24, R36, R42, R45, R60, R69).
    {
      name: "a download read with arrayBuffer()",
      code: PARSE_SHEET,
      findings: [{ case: "call", line: 2, column: 26, endColumn: 31, suggestions: [{ title: HEADERS, output: parseSheetFixed("  const response = await fetch(fileUrl, { signal: controller.signal }).finally(() => clearTimeout(timer));\n") }] }],
      output: null,
    },
    {
      name: "a download assigned in a try and written to disk, in a file without semicolons",
      code: dedent`
        import { writeFile } from "node:fs/promises"
        export async function save(fileUrl: string, to: string) {
          let docx: Response
          try {
            docx = await fetch(fileUrl, { headers: { accept: "application/octet-stream" } })
          } catch (err) {
            throw new Error("fetch failed", { cause: err })
          }
          await writeFile(to, Buffer.from(await docx.arrayBuffer()))
        }
      `,
      findings: [{ case: "call", line: 5, column: 18, endColumn: 23, suggestions: [{ title: HEADERS, output: dedent`
        import { writeFile } from "node:fs/promises"
        export async function save(fileUrl: string, to: string) {
          let docx: Response
          try {
            const controller = new AbortController()
            const timer = setTimeout(() => controller.abort(), 10000)
            docx = await fetch(fileUrl, { headers: { accept: "application/octet-stream" }, signal: controller.signal }).finally(() => clearTimeout(timer))
          } catch (err) {
            throw new Error("fetch failed", { cause: err })
          }
          await writeFile(to, Buffer.from(await docx.arrayBuffer()))
        }
      ` }] }],
      output: null,
    },
    oneCall("a download handed whole to toFile", 'export async function upload(fileUrl: string, name: string) { const response = await fetch(fileUrl); const file = await toFile(response, name); return file; }', "fetch", HEADERS, 'export async function upload(fileUrl: string, name: string) { const controller = new AbortController(); const timer = setTimeout(() => controller.abort(), 10000); const response = await fetch(fileUrl, { signal: controller.signal }).finally(() => clearTimeout(timer)); const file = await toFile(response, name); return file; }'),
    {
      name: "a download streamed on from res.body, through a controller that already exists, in a function that has a controller",
      code: 'import { Readable } from "node:stream";\nexport async function proxy(u: string, controller: number) { const c = new AbortController(); const res = await fetch(u, { signal: c.signal }); return Readable.fromWeb(res.body!); }\n',
      findings: [{ case: "call", line: 2, column: 113, endColumn: 118, suggestions: [{ title: HEADERS, output: 'import { Readable } from "node:stream";\nexport async function proxy(u: string, controller: number) { const c = new AbortController(); const controller2 = new AbortController(); const timer = setTimeout(() => controller2.abort(), 10000); const res = await fetch(u, { signal: AbortSignal.any([c.signal, controller2.signal]) }).finally(() => clearTimeout(timer)); return Readable.fromWeb(res.body!); }\n' }] }],
      output: null,
    },
    oneCall("a blob read in a .then chain", "export async function image(u: string) { return fetch(u).then((r) => r.blob()); }", "fetch", HEADERS, "export async function image(u: string) { const controller = new AbortController(); const timer = setTimeout(() => controller.abort(), 10000); return fetch(u, { signal: controller.signal }).finally(() => clearTimeout(timer)).then((r) => r.blob()); }"),
    oneCall("a URL that names a file download", "export async function geo() { const res = await fetch(`https://download.example.com/GeoLite2-City.mmdb`); return res.ok; }", "fetch", HEADERS, "export async function geo() { const controller = new AbortController(); const timer = setTimeout(() => controller.abort(), 10000); const res = await fetch(`https://download.example.com/GeoLite2-City.mmdb`, { signal: controller.signal }).finally(() => clearTimeout(timer)); return res.ok; }"),
    oneCall("a JSON call whose path only contains the word inside a name is no download", "export async function batch(base: string) { const r = await fetch(`${base}/api/jobs/process-download-batch`, { method: \"POST\" }); return r.json(); }", "fetch", SIGNAL, "export async function batch(base: string) { const r = await fetch(`${base}/api/jobs/process-download-batch`, { method: \"POST\", signal: AbortSignal.timeout(10000) }); return r.json(); }"),
    {
      name: "a download in a project whose TypeScript lib predates ES2018 (no Promise.prototype.finally): the timer is cleared on the next line",
      files: { "tsconfig.json": '{ "compilerOptions": { "target": "es6" } }\n' },
      code: PARSE_SHEET,
      findings: [{ case: "call", line: 2, column: 26, endColumn: 31, suggestions: [{ title: HEADERS, output: parseSheetFixed("  const response = await fetch(fileUrl, { signal: controller.signal });\n  clearTimeout(timer);\n") }] }],
      output: null,
    },
    { name: "a download in a .then chain where the TypeScript lib predates ES2018: nowhere to clear the timer, no fix", files: { "tsconfig.json": '{ "compilerOptions": { "target": "es2017" } }\n' }, code: "export async function image(u: string) { return fetch(u).then((r) => r.blob()); }", findings: [{ case: "call", line: 1, column: 49, endColumn: 54, suggestions: [] }], output: null },
    { name: "a download in an arrow's expression body: no room for the timer, no fix", code: "export const pdf = (u: string) => fetch(u).then((r) => r.arrayBuffer());", findings: [{ case: "call", line: 1, column: 35, endColumn: 40, suggestions: [] }], output: null },
    { name: "a download whose signal sits in an options object declared above: the merged signal would name the controller before it exists, no fix", code: "export async function f(u: string) { const c = new AbortController(); const init = { signal: c.signal }; const res = await fetch(u, init); return res.blob(); }", findings: [{ case: "call", line: 1, column: 124, endColumn: 129, suggestions: [] }], output: null },
    { name: "a download in one branch of a condition: no fix", code: "export async function f(u?: string) { const r = u ? await fetch(`${u}/download`) : undefined; return r?.blob(); }", findings: [{ case: "call", line: 1, column: 59, endColumn: 64, suggestions: [] }], output: null },
    // call: the project's own route (a Next.js app calling its /api/…): the route's maxDuration, plus the default (review R57, R63, R78).
    oneCall("the project's own route with maxDuration 300 (pages router config)", "export async function zip(ids: string[]) { const r = await fetch(`${process.env.NEXTAUTH_URL}/api/jobs/zip`, { method: \"POST\", body: JSON.stringify(ids) }); return r.json(); }", "fetch", "Abort after 310000 ms with AbortSignal.timeout (the route's maxDuration of 300 s plus 10000 ms)", "export async function zip(ids: string[]) { const r = await fetch(`${process.env.NEXTAUTH_URL}/api/jobs/zip`, { method: \"POST\", body: JSON.stringify(ids), signal: AbortSignal.timeout(310000) }); return r.json(); }", { filename: "lib/trigger/zip.ts", files: { ...NEXT, "pages/api/jobs/zip.ts": "export const config = { maxDuration: 300 };\nexport default async function handler() {}\n" } }),
    {
      name: "the project's own app-router route with export const maxDuration, through a base variable and a query string",
      filename: "lib/export.ts",
      files: { ...NEXT, "app/api/export/route.ts": "export const maxDuration = 60;\nexport async function GET() { return Response.json({}); }\n" },
      code: 'const base = process.env.APP_URL || "https://app.example.com";\nexport async function exportAll() { const r = await fetch(base + "/api/export?all=1"); return r.json(); }\n',
      findings: [{ case: "call", line: 2, column: 53, endColumn: 58, suggestions: [{ title: "Abort after 70000 ms with AbortSignal.timeout (the route's maxDuration of 60 s plus 10000 ms)", output: 'const base = process.env.APP_URL || "https://app.example.com";\nexport async function exportAll() { const r = await fetch(base + "/api/export?all=1", { signal: AbortSignal.timeout(70000) }); return r.json(); }\n' }] }],
      output: null,
    },
    oneCall("the project's own route given maxDuration in vercel.json", "export async function zip() { const r = await fetch(`${process.env.NEXTAUTH_URL}/api/jobs/zip`); return r.json(); }", "fetch", "Abort after 130000 ms with AbortSignal.timeout (the route's maxDuration of 120 s plus 10000 ms)", "export async function zip() { const r = await fetch(`${process.env.NEXTAUTH_URL}/api/jobs/zip`, { signal: AbortSignal.timeout(130000) }); return r.json(); }", { filename: "lib/zip.ts", files: { ...NEXT, "pages/api/jobs/zip.ts": "export default async function handler() {}\n", "vercel.json": '{ "functions": { "pages/api/jobs/**/*.ts": { "maxDuration": 120 } } }\n' } }),
    oneCall("the project's own route with no maxDuration whose reply is read keeps the default deadline", "export async function revalidate(id: string) { const res = await fetch(`${process.env.NEXTAUTH_URL}/api/revalidate?linkId=${id}`); return res.ok; }", "fetch", SIGNAL, "export async function revalidate(id: string) { const res = await fetch(`${process.env.NEXTAUTH_URL}/api/revalidate?linkId=${id}`, { signal: AbortSignal.timeout(10000) }); return res.ok; }", { filename: "lib/links.ts", files: { ...NEXT, "pages/api/revalidate.ts": "export default async function handler() {}\n" } }),
    {
      name: "the project's own route that returns a file it watermarks: the headers bound at its maxDuration plus the default",
      filename: "pages/api/links/download.ts",
      files: { ...NEXT, "pages/api/mupdf/annotate-document.ts": "export const config = {\n  maxDuration: 300,\n};\n" },
      code: dedent`
        export default async function handler(req: any, res: any) {
          const response = await fetch(\`\${process.env.NEXTAUTH_URL}/api/mupdf/annotate-document\`, { method: "POST" });
          res.send(Buffer.from(await response.arrayBuffer()));
        }
      `,
      findings: [{ case: "call", line: 2, column: 26, endColumn: 31, suggestions: [{ title: "Abort if no response headers arrive within 310000 ms (the route's maxDuration of 300 s plus 10000 ms; the download itself is not limited)", output: dedent`
        export default async function handler(req: any, res: any) {
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(), 310000);
          const response = await fetch(\`\${process.env.NEXTAUTH_URL}/api/mupdf/annotate-document\`, { method: "POST", signal: controller.signal }).finally(() => clearTimeout(timer));
          res.send(Buffer.from(await response.arrayBuffer()));
        }
      ` }] }],
      output: null,
    },
    { name: "the project's own route that downloads a file before it answers, with no maxDuration: no deadline can be told, no fix", filename: "lib/trigger/pages.ts", files: { ...NEXT, "pages/api/mupdf/get-pages.ts": "export default async function handler(req: any, res: any) {\n  const response = await fetch(req.body.url);\n  const pdf = await response.arrayBuffer();\n  res.json({ n: pdf.byteLength });\n}\n" }, code: "export async function pages(url: string) { const r = await fetch(`${process.env.NEXT_PUBLIC_BASE_URL}/api/mupdf/get-pages`, { method: \"POST\", headers: { Authorization: `Bearer ${process.env.INTERNAL_API_KEY}` }, body: JSON.stringify({ url }) }); return r.json(); }", findings: [{ case: "call", line: 1, column: 60, endColumn: 65, suggestions: [] }], output: null },
    // call: a write to the project's own route from a job that retries, with no maxDuration (review R27): the abort does not stop the
    // route and the retry runs its writes again beside it, so no deadline fix; a read there, or a route with a maxDuration, keeps one.
    { name: "a POST to the project's own route from a trigger.dev task that retries, no maxDuration: no deadline fix", filename: "lib/trigger/unpause.ts", files: { ...NEXT, "pages/api/internal/unpause.ts": "export default async function handler() {}\n" }, code: "export const unpause = task({ id: \"unpause\", retry: { maxAttempts: 3 }, run: async (p: { teamId: string }) => { await fetch(`${process.env.NEXTAUTH_URL}/api/internal/unpause`, { method: \"POST\", body: JSON.stringify(p) }); } });", findings: [{ case: "call", line: 1, column: 119, endColumn: 124, suggestions: [] }], output: null },
    { name: "an Inngest function with retries, a DELETE through an options variable: no deadline fix", filename: "lib/jobs/purge.ts", files: { ...NEXT, "app/api/purge/route.ts": "export async function DELETE() { return Response.json({}); }\n" }, code: "export const purge = inngest.createFunction({ id: \"purge\", retries: 4 }, { event: \"purge\" }, async () => { const init = { method: \"DELETE\" }; await fetch(`${process.env.NEXT_PUBLIC_BASE_URL}/api/purge`, init); });", findings: [{ case: "call", line: 1, column: 149, endColumn: 154, suggestions: [] }], output: null },
    oneCall("a GET of the project's own route from a task that retries keeps the default deadline", "export const check = task({ id: \"check\", retry: { maxAttempts: 3 }, run: async () => { const res = await fetch(`${process.env.NEXTAUTH_URL}/api/internal/unpause`); return res.status; } });", "fetch", SIGNAL, "export const check = task({ id: \"check\", retry: { maxAttempts: 3 }, run: async () => { const res = await fetch(`${process.env.NEXTAUTH_URL}/api/internal/unpause`, { signal: AbortSignal.timeout(10000) }); return res.status; } });", { filename: "lib/trigger/check.ts", files: { ...NEXT, "pages/api/internal/unpause.ts": "export default async function handler() {}\n" } }),
    oneCall("a POST from a task that does not retry (maxAttempts: 1) keeps the default deadline", "export const once = task({ id: \"once\", retry: { maxAttempts: 1 }, run: async () => { const res = await fetch(`${process.env.NEXTAUTH_URL}/api/internal/unpause`, { method: \"POST\" }); if (!res.ok) throw new Error(\"unpause failed\"); } });", "fetch", SIGNAL, "export const once = task({ id: \"once\", retry: { maxAttempts: 1 }, run: async () => { const res = await fetch(`${process.env.NEXTAUTH_URL}/api/internal/unpause`, { method: \"POST\", signal: AbortSignal.timeout(10000) }); if (!res.ok) throw new Error(\"unpause failed\"); } });", { filename: "lib/trigger/once.ts", files: { ...NEXT, "pages/api/internal/unpause.ts": "export default async function handler() {}\n" } }),
    oneCall("a POST from a retrying task to a route with a maxDuration: the platform stops the route by the deadline, which is kept", "export const zip = task({ id: \"zip\", retry: { maxAttempts: 3 }, run: async () => { await fetch(`${process.env.NEXTAUTH_URL}/api/jobs/zip`, { method: \"POST\" }); } });", "fetch", "Abort after 70000 ms with AbortSignal.timeout (the route's maxDuration of 60 s plus 10000 ms)", "export const zip = task({ id: \"zip\", retry: { maxAttempts: 3 }, run: async () => { await fetch(`${process.env.NEXTAUTH_URL}/api/jobs/zip`, { method: \"POST\", signal: AbortSignal.timeout(70000) }); } });", { filename: "lib/trigger/zip.ts", files: { ...NEXT, "pages/api/jobs/zip.ts": "export const config = { maxDuration: 60 };\n" } }),
    oneCall("the project's own upload route reads the request's body, not a download of its own: the default deadline", "export async function send(data: Blob) { const r = await fetch(`${process.env.NEXTAUTH_URL}/api/upload`, { method: \"POST\", body: data }); return r.json(); }", "fetch", SIGNAL, "export async function send(data: Blob) { const r = await fetch(`${process.env.NEXTAUTH_URL}/api/upload`, { method: \"POST\", body: data, signal: AbortSignal.timeout(10000) }); return r.json(); }", { filename: "lib/upload.ts", files: { ...NEXT, "app/api/upload/route.ts": "export async function POST(request: Request) {\n  const bytes = await request.arrayBuffer();\n  return Response.json({ size: bytes.byteLength });\n}\n" } }),
    oneCall("the project's own route through a [param] folder", "export async function archive(id: string) { await fetch(`${process.env.NEXTAUTH_URL}/api/links/${id}/archive`, { method: \"PUT\" }); }", "fetch", "Abort after 40000 ms with AbortSignal.timeout (the route's maxDuration of 30 s plus 10000 ms)", "export async function archive(id: string) { await fetch(`${process.env.NEXTAUTH_URL}/api/links/${id}/archive`, { method: \"PUT\", signal: AbortSignal.timeout(40000) }); }", { filename: "lib/links.ts", files: { ...NEXT, "pages/api/links/[id]/archive.ts": "export const config = { maxDuration: 30 };\n", "pages/api/links/index.ts": "export default async function handler() {}\n" } }),
    oneCall("another service's /api/ (no route file of the project answers it) keeps the default deadline", "export async function users() { const r = await fetch(`${process.env.BILLING_URL}/api/users`); return r.json(); }", "fetch", SIGNAL, "export async function users() { const r = await fetch(`${process.env.BILLING_URL}/api/users`, { signal: AbortSignal.timeout(10000) }); return r.json(); }", { filename: "lib/billing.ts", files: { ...NEXT, "pages/api/links/index.ts": "export default async function handler() {}\n" } }),
    { name: "the project's own route answered by two files: no fix", filename: "lib/zip.ts", files: { ...NEXT, "pages/api/zip.ts": "export default async function handler() {}\n", "app/api/zip/route.ts": "export async function POST() {}\n" }, code: "export async function zip() { await fetch(`${process.env.NEXTAUTH_URL}/api/zip`, { method: \"POST\" }); }", findings: [{ case: "call", line: 1, column: 37, endColumn: 42, suggestions: [] }], output: null },
    // Where a call runs: a .server twin makes the plain module the browser's, not the .server one itself.
    oneCall("the .server module of a twin pair", 'export async function getFileServerSide(url: string) { const r = await fetch(url, { method: "GET" }); return r.status; }', "fetch", SIGNAL, 'export async function getFileServerSide(url: string) { const r = await fetch(url, { method: "GET", signal: AbortSignal.timeout(10000) }); return r.status; }', { filename: "lib/upload/get-file.server.ts", files: { "lib/upload/get-file.ts": "export {};\n" } }),
    oneCall("a module with a .server twin that reads a server-only variable runs on the server", 'export async function license() { const r = await fetch(`${process.env.LICENSE_URL}/check`, { method: "POST" }); return r.status; }', "fetch", SIGNAL, 'export async function license() { const r = await fetch(`${process.env.LICENSE_URL}/check`, { method: "POST", signal: AbortSignal.timeout(10000) }); return r.status; }', { filename: "lib/license.ts", files: { "lib/license.server.ts": "export {};\n" } }),
    // call: axios, got, superagent, http, needle, the AI SDK
    oneCall("axios.get with no config", 'import axios from "axios"; export const f = (u: string) => axios.get(u);', "axios.get", AXIOS, 'import axios from "axios"; export const f = (u: string) => axios.get(u, { timeout: 10000 });'),
    oneCall("axios.post with data and no config", 'import axios from "axios"; export const f = (u: string, d: object) => axios.post(u, d);', "axios.post", AXIOS, 'import axios from "axios"; export const f = (u: string, d: object) => axios.post(u, d, { timeout: 10000 });'),
    oneCall("axios.post with neither data nor config", 'import axios from "axios"; export const f = (u: string) => axios.post(u);', "axios.post", AXIOS, 'import axios from "axios"; export const f = (u: string) => axios.post(u, undefined, { timeout: 10000 });'),
    // Held round 14 (alldata-proxy-server): axios loaded with a dynamic import inside a handler.
    oneCall("axios from (await import(\"axios\")).default", 'export async function f(u: string) { const axios = (await import("axios")).default; return axios.get(u); }', "axios.get", AXIOS, 'export async function f(u: string) { const axios = (await import("axios")).default; return axios.get(u, { timeout: 10000 }); }'),
    oneCall("axios destructured from await import(\"axios\")", 'export async function f(u: string) { const { default: http } = await import("axios"); return http.get(u); }', "http.get", AXIOS, 'export async function f(u: string) { const { default: http } = await import("axios"); return http.get(u, { timeout: 10000 }); }'),
    oneCall("axios(config)", 'import axios from "axios"; export const f = (url: string) => axios({ url, method: "GET" });', "axios", AXIOS, 'import axios from "axios"; export const f = (url: string) => axios({ url, method: "GET", timeout: 10000 });'),
    oneCall("axios with timeout: 0", 'import axios from "axios"; export const f = (u: string) => axios.get(u, { timeout: 0 });', "axios.get", AXIOS, 'import axios from "axios"; export const f = (u: string) => axios.get(u, { timeout: 10000 });'),
    oneCall("axios required in CommonJS", 'const axios = require("axios"); exports.f = (u) => axios.get(u);', "axios.get", AXIOS, 'const axios = require("axios"); exports.f = (u) => axios.get(u, { timeout: 10000 });', { filename: "src/file.js" }),
    oneCall("got with no options", 'import got from "got"; export const f = (u: string) => got(u).json();', "got", "Set got's timeout.request to 10000 ms", 'import got from "got"; export const f = (u: string) => got(u, { timeout: { request: 10000 } }).json();'),
    oneCall("got downloading a buffer: the connect and the headers bounded, not the download", 'import got from "got"; export const f = (u: string) => got(u).buffer();', "got", "Set got's timeout.connect to 5000 ms and timeout.response to 10000 ms (the headers; the download itself is not limited)", 'import got from "got"; export const f = (u: string) => got(u, { timeout: { connect: 5000, response: 10000 } }).buffer();'),
    oneCall("got with responseType buffer", 'import got from "got"; export const f = async (u: string) => (await got.get(u, { responseType: "buffer" })).body;', "got.get", "Set got's timeout.connect to 5000 ms and timeout.response to 10000 ms (the headers; the download itself is not limited)", 'import got from "got"; export const f = async (u: string) => (await got.get(u, { responseType: "buffer", timeout: { connect: 5000, response: 10000 } })).body;'),
    oneCall("got reading res.body is no download (got gives every body there)", 'import got from "got"; export async function f(u: string) { const res = await got(u); return JSON.parse(res.body); }', "got", "Set got's timeout.request to 10000 ms", 'import got from "got"; export async function f(u: string) { const res = await got(u, { timeout: { request: 10000 } }); return JSON.parse(res.body); }'),
    oneCall("got.post with options", 'import got from "got"; export const f = (u: string) => got.post(u, { json: {} });', "got.post", "Set got's timeout.request to 10000 ms", 'import got from "got"; export const f = (u: string) => got.post(u, { json: {}, timeout: { request: 10000 } });'),
    oneCall("superagent without .timeout()", 'import superagent from "superagent"; export const f = (u: string) => superagent.get(u).set("Accept", "json");', "superagent.get", "Add .timeout(10000)", 'import superagent from "superagent"; export const f = (u: string) => superagent.get(u).timeout(10000).set("Accept", "json");'),
    oneCall("needle with options but no response timeout", 'import needle from "needle"; export const f = (u: string) => needle("get", u, null, { json: true });', "needle", "Set needle's response_timeout to 10000 ms", 'import needle from "needle"; export const f = (u: string) => needle("get", u, null, { json: true, response_timeout: 10000 });'),
    { name: "needle.get with a callback and no options", code: 'import needle from "needle"; needle.get("https://x.example", (err, res) => {});', findings: [{ case: "call", line: 1, column: 30, endColumn: 40 }], output: null },
    oneCall("the AI SDK's generateText", 'import { generateText } from "ai"; export const f = (model: any) => generateText({ model, prompt: "hi" });', "generateText", "Abort after 120000 ms with abortSignal", 'import { generateText } from "ai"; export const f = (model: any) => generateText({ model, prompt: "hi", abortSignal: AbortSignal.timeout(120000) });'),
    {
      name: "https.request with only the timeout option",
      code: dedent`
        import https from "https";
        export function send() {
          const req = https.request({ hostname: "api.example.com", timeout: 5000 });
          req.end();
        }
      `,
      findings: [{ case: "call", line: 3, column: 15, endColumn: 28, suggestions: [{ title: "Destroy the request after 10000 ms without a response", output: dedent`
        import https from "https";
        export function send() {
          const req = https.request({ hostname: "api.example.com", timeout: 5000 });
          req.setTimeout(10000, () => req.destroy(new Error("Request timed out")));
          req.end();
        }
      ` }] }],
      output: null,
    },
    // client
    {
      name: "axios.create without a timeout",
      code: 'import axios from "axios";\nexport const api = axios.create({ baseURL: "https://x.example" });\n',
      findings: [{ case: "client", line: 2, column: 20, endColumn: 32, suggestions: [{ title: AXIOS, output: 'import axios from "axios";\nexport const api = axios.create({ baseURL: "https://x.example", timeout: 10000 });\n' }] }],
      output: null,
    },
    {
      name: "axios.create()",
      code: 'import axios from "axios";\nexport const api = axios.create();\n',
      findings: [{ case: "client", line: 2, column: 20, endColumn: 32, suggestions: [{ title: AXIOS, output: 'import axios from "axios";\nexport const api = axios.create({ timeout: 10000 });\n' }] }],
      output: null,
    },
    {
      name: "a pg Pool without connectionTimeoutMillis",
      code: 'import { Pool } from "pg";\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL });\n',
      findings: [{ case: "client", line: 2, column: 25, endColumn: 29, suggestions: [{ title: "Set connectionTimeoutMillis to 5000 ms", output: 'import { Pool } from "pg";\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 5000 });\n' }] }],
      output: null,
    },
    {
      name: "new pg.Client() from the environment",
      code: 'import pg from "pg";\nexport const client = new pg.Client();\n',
      findings: [{ case: "client", line: 2, column: 27, endColumn: 36, suggestions: [{ title: "Set connectionTimeoutMillis to 5000 ms", output: 'import pg from "pg";\nexport const client = new pg.Client({ connectionTimeoutMillis: 5000 });\n' }] }],
      output: null,
    },
    {
      name: "Prisma 7's pg adapter",
      code: 'import { PrismaPg } from "@prisma/adapter-pg";\nexport const adapter = new PrismaPg({ connectionString: process.env.DATABASE_URL });\n',
      findings: [{ case: "client", line: 2, column: 28, endColumn: 36, suggestions: [{ title: "Set connectionTimeoutMillis to 5000 ms", output: 'import { PrismaPg } from "@prisma/adapter-pg";\nexport const adapter = new PrismaPg({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 5000 });\n' }] }],
      output: null,
    },
    {
      name: "an AWS SDK v3 client without a request handler",
      code: 'import { S3Client } from "@aws-sdk/client-s3";\nexport const s3 = new S3Client({ region: "eu-west-1" });\n',
      findings: [{ case: "client", line: 2, column: 23, endColumn: 31, suggestions: [{ title: "Set the request handler's requestTimeout to 10000 ms", output: 'import { S3Client } from "@aws-sdk/client-s3";\nexport const s3 = new S3Client({ region: "eu-west-1", requestHandler: { connectionTimeout: 5000, requestTimeout: 10000 } });\n' }] }],
      output: null,
    },
    {
      name: "a googleapis service without a timeout",
      code: 'import { google } from "googleapis";\nexport const sheets = google.sheets({ version: "v4", auth });\n',
      findings: [{ case: "client", line: 2, column: 23, endColumn: 36, suggestions: [{ title: AXIOS, output: 'import { google } from "googleapis";\nexport const sheets = google.sheets({ version: "v4", auth, timeout: 10000 });\n' }] }],
      output: null,
    },
    {
      name: "a service of a per-API googleapis package (@googleapis/sheets) without a timeout (held round 26)",
      code: 'import { sheets } from "@googleapis/sheets";\nexport const api = sheets({ version: "v4", auth });\n',
      findings: [{ case: "client", line: 2, column: 20, endColumn: 26, suggestions: [{ title: AXIOS, output: 'import { sheets } from "@googleapis/sheets";\nexport const api = sheets({ version: "v4", auth, timeout: 10000 });\n' }] }],
      output: null,
    },
    {
      name: "supabase-js createClient in an edge function",
      filename: "supabase/functions/hello/index.ts",
      code: 'import { createClient } from "npm:@supabase/supabase-js@2";\nexport const db = createClient(url, key);\n',
      findings: [{ case: "client", line: 2, column: 19, endColumn: 31, suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: 'import { createClient } from "npm:@supabase/supabase-js@2";\nexport const db = createClient(url, key, { global: { fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(10000) }) } });\n' }] }],
      output: null,
    },
    {
      name: "@supabase/ssr createServerClient in a server module",
      filename: "lib/supabase/server.ts",
      files: NEXT,
      code: 'import { createServerClient } from "@supabase/ssr";\nexport const db = (cookies: any) => createServerClient(url, key, { cookies });\n',
      findings: [{ case: "client", line: 2, column: 37, endColumn: 55, suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: 'import { createServerClient } from "@supabase/ssr";\nexport const db = (cookies: any) => createServerClient(url, key, { cookies, global: { fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(10000) }) } });\n' }] }],
      output: null,
    },
    // Held round 15 (issue 11): server clients the file's text alone shows to be on the server.
    {
      name: "@supabase/ssr createServerClient with NEXT_PUBLIC_ variables and next/headers (v0-anchor lib/supabase-server.ts)",
      filename: "lib/supabase-server.ts",
      files: NEXT,
      code: SSR_SERVER,
      findings: [{ case: "client", line: 4, column: 10, endColumn: 28, suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: SSR_SERVER.replace("{ cookies: { getAll: () => store.getAll() } }", "{ cookies: { getAll: () => store.getAll() }, global: { fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(10000) }) } }") }] }],
      output: null,
    },
    {
      name: "createClient from next/headers' module in a lib file that reads only NEXT_PUBLIC_ variables",
      filename: "lib/db.ts",
      files: NEXT,
      code: 'import { cookies } from "next/headers";\nimport { createClient } from "@supabase/supabase-js";\nexport const db = () => createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, { global: { headers: { cookie: String(cookies()) } } });\n',
      findings: [{ case: "client", line: 3, column: 25, endColumn: 37, suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: 'import { cookies } from "next/headers";\nimport { createClient } from "@supabase/supabase-js";\nexport const db = () => createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, { global: { headers: { cookie: String(cookies()) }, fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(10000) }) } });\n' }] }],
      output: null,
    },
    {
      name: "a Next.js route handler whose URL has a test segment is a route, not a test (sandro app/api/whatsapp/test/route.ts)",
      filename: "src/app/api/whatsapp/test/route.ts",
      files: NEXT,
      code: ROUTE_DB,
      findings: [{ case: "client", line: 2, column: 12, endColumn: 24, suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: ROUTE_DB.replace("process.env.SUPABASE_SERVICE_ROLE_KEY!)", "process.env.SUPABASE_SERVICE_ROLE_KEY!, { global: { fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(10000) }) } })") }] }],
      output: null,
    },
    {
      name: "a pages-router API route in a tests/ folder",
      filename: "pages/api/tests/ping.ts",
      files: NEXT,
      code: ROUTE_DB,
      findings: [{ case: "client", line: 2, column: 12, endColumn: 24, suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: ROUTE_DB.replace("process.env.SUPABASE_SERVICE_ROLE_KEY!)", "process.env.SUPABASE_SERVICE_ROLE_KEY!, { global: { fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(10000) }) } })") }] }],
      output: null,
    },
    {
      name: "openai v3 OpenAIApi whose Configuration options a config module exports without baseOptions (chat-gpt-telegram-bot): no fix, the options are in the other file",
      filename: "src/ai.ts",
      files: { ...OPENAI_V3, "src/config.ts": "const { OPENAI_API_KEY } = process.env;\nexport const AI_CONFIG = { apiKey: OPENAI_API_KEY };\n" },
      code: OPENAI_FROM_CONFIG,
      findings: [{ case: "client", line: 4, column: 27, endColumn: 36, suggestions: [] }],
      output: null,
    },
    {
      name: "supabase-js createClient with global.headers: fetch merged in, headers kept",
      filename: "supabase/functions/chat/index.ts",
      code: 'import { createClient } from "npm:@supabase/supabase-js@2";\nexport const db = (authorization: string) => createClient(url, key, { global: { headers: { authorization } }, auth: { persistSession: false } });\n',
      findings: [{ case: "client", line: 2, column: 46, endColumn: 58, suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: 'import { createClient } from "npm:@supabase/supabase-js@2";\nexport const db = (authorization: string) => createClient(url, key, { global: { headers: { authorization }, fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(10000) }) }, auth: { persistSession: false } });\n' }] }],
      output: null,
    },
    {
      name: "supabase-js createClient whose global already passes the unbounded fetch: no fix (the user's fetch stays theirs)",
      filename: "supabase/functions/chat/index.ts",
      code: 'import { createClient } from "npm:@supabase/supabase-js@2";\nexport const db = createClient(url, key, { global: { fetch, headers } });\n',
      findings: [{ case: "client", line: 2, column: 19, endColumn: 31, suggestions: [] }],
      output: null,
    },
    {
      name: "supabase-js createClient in a JavaScript file: untyped arrow parameters",
      filename: "lib/supabase.js",
      code: 'import { createClient } from "@supabase/supabase-js";\nexport const db = createClient(url, key, { auth: { persistSession: false } });\n',
      findings: [{ case: "client", line: 2, column: 19, endColumn: 31, suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: 'import { createClient } from "@supabase/supabase-js";\nexport const db = createClient(url, key, { auth: { persistSession: false }, global: { fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(10000) }) } });\n' }] }],
      output: null,
    },
    {
      name: "a bare HttpModule in a Nest module",
      code: 'import { Module } from "@nestjs/common";\nimport { HttpModule } from "@nestjs/axios";\n@Module({ imports: [HttpModule] })\nexport class AppModule {}\n',
      findings: [{ case: "client", line: 3, column: 21, endColumn: 31, suggestions: [{ title: "Register HttpModule with a 10000 ms timeout", output: 'import { Module } from "@nestjs/common";\nimport { HttpModule } from "@nestjs/axios";\n@Module({ imports: [HttpModule.register({ timeout: 10000 })] })\nexport class AppModule {}\n' }] }],
      output: null,
    },
    {
      name: "ioredis maxRetriesPerRequest: null outside BullMQ",
      files: IOREDIS,
      code: 'import Redis from "ioredis";\nexport const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });\n',
      findings: [{ case: "client", line: 2, column: 58, endColumn: 84, suggestions: [{ title: "Set maxRetriesPerRequest to 20 (the ioredis default)", output: 'import Redis from "ioredis";\nexport const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 20 });\n' }] }],
      output: null,
    },
    // retry
    {
      name: "a capped retry loop with no delay",
      code: dedent`
        export async function load(u: string) {
          for (let i = 0; i < 3; i++) {
            try {
              return await get(u);
            } catch (e) {
              console.warn(e);
            }
          }
        }
      `,
      findings: [{ case: "retry", line: 2, column: 3, endColumn: 6, suggestions: [{ title: "Wait between attempts (capped exponential backoff with jitter)", output: dedent`
        export async function load(u: string) {
          for (let i = 0; i < 3; i++) {
            try {
              return await get(u);
            } catch (e) {
              console.warn(e);
              await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** i) * (0.5 + Math.random() / 2)));
            }
          }
        }
      ` }] }],
      output: null,
    },
    {
      name: "a capped retry whose only wait is for a 429: a network error goes round at once (consultar-cnpj)",
      code: RATE_LIMIT_RETRY(""),
      findings: [{ case: "retry", line: 2, column: 3, endColumn: 6, suggestions: [{ title: "Wait between attempts (capped exponential backoff with jitter)", output: RATE_LIMIT_RETRY("\n      await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2)));") }] }],
      output: null,
    },
    {
      name: "a capped retry that returns on success and waits only on a bad status",
      code: "export async function f(u: string) { for (let i = 0; i < 3; i++) { try { const r = await get(u); if (r.ok) return r; await sleep(1000); } catch (e) { log(e); } } }",
      findings: [{ case: "retry", line: 1, column: 38, endColumn: 41, suggestions: [{ title: "Wait between attempts (capped exponential backoff with jitter)", output: "export async function f(u: string) { for (let i = 0; i < 3; i++) { try { const r = await get(u); if (r.ok) return r; await sleep(1000); } catch (e) { log(e); await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** i) * (0.5 + Math.random() / 2))); } } }" }] }],
      output: null,
    },
    {
      name: "a recursion that calls itself again at once without moving to another key stays a retry",
      code: "export async function complete(messages: Msg[], retryCount = 0): Promise<string> {\n  try {\n    return await client.chat(messages);\n  } catch (err) {\n    if (retryCount < 1) return complete(messages, retryCount + 1);\n    throw err;\n  }\n}\n",
      findings: [{ case: "retry", line: 5, column: 32, endColumn: 66, suggestions: [{ title: "Wait 5000 ms before trying again", output: "export async function complete(messages: Msg[], retryCount = 0): Promise<string> {\n  try {\n    return await client.chat(messages);\n  } catch (err) {\n    await new Promise((resolve) => setTimeout(resolve, 5000));\n    if (retryCount < 1) return complete(messages, retryCount + 1);\n    throw err;\n  }\n}\n" }] }],
      output: null,
    },
    {
      name: "a while (true) getUpdates short poll with no timeout parameter and no delay (notion-sticker-creator bot-agent.cjs)",
      code: SHORT_POLL,
      findings: [{ case: "retry", line: 4, column: 3, endColumn: 8, suggestions: [{ title: "Wait before polling again after a failure", output: SHORT_POLL.replace("console.error(e);", "console.error(e);\n      await new Promise((resolve) => setTimeout(resolve, 30000 * (0.5 + Math.random() / 2)));") }] }],
      output: null,
    },
    {
      name: "the Resend SDK in a server action: no timeout option, so no fix (v0-saas-facturation sendInvoiceEmail.action.ts)",
      filename: "features/invoice/actions/send.ts",
      files: NEXT,
      code: '"use server";\nimport { Resend } from "resend";\nconst resend = new Resend(process.env.RESEND_API_KEY);\nexport async function send(to: string) { return resend.emails.send({ from: "a@acme.io", to, subject: "Hi", html: "<p>Hi</p>" }); }\n',
      findings: [{ case: "client", line: 3, column: 20, endColumn: 26, message: "The client built by Resend has no time limit: when the other service stalls, every call through it waits forever. It has no timeout option: give each call through it a deadline, a race against a timer.", suggestions: [] }],
      output: null,
    },
    {
      name: "a while (true) retry with no delay and no cap",
      code: dedent`
        export async function connect() {
          while (true) {
            try {
              await client.connect();
              break;
            } catch {
              continue;
            }
          }
        }
      `,
      findings: [{ case: "retry", line: 2, column: 3, endColumn: 8, suggestions: [{ title: "Wait between attempts and give up after 5", output: dedent`
        export async function connect() {
          let attempt = 0;
          while (true) {
            try {
              await client.connect();
              break;
            } catch (err) {
              if (++attempt >= 5) throw err;
              await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2)));
              continue;
            }
          }
        }
      ` }] }],
      output: null,
    },
    {
      name: "a retry with a delay and no cap",
      code: "export async function send(m: string) { while (true) { try { return await post(m); } catch (e) { await sleep(1000); } } }",
      findings: [{ case: "retry", line: 1, column: 41, endColumn: 46, suggestions: [{ title: "Give up after 5 attempts", output: "export async function send(m: string) { let attempt = 0; while (true) { try { return await post(m); } catch (e) { await sleep(1000); if (++attempt >= 5) throw e; } } }" }] }],
      output: null,
    },
    {
      name: "the same capped loop asking the same target again (no Location read) stays a retry finding",
      code: 'export async function safeFetch(target: string, signal: AbortSignal) { for (let hop = 0; hop <= 3; hop++) { const res = await fetch(target, { signal, redirect: "manual" }); if (res.status < 300 || res.status >= 400) return res; } throw new Error("too many attempts"); }',
      findings: [{ case: "retry", line: 1, column: 72, endColumn: 75, suggestions: [{ title: "Wait between attempts (capped exponential backoff with jitter)", output: 'export async function safeFetch(target: string, signal: AbortSignal) { for (let hop = 0; hop <= 3; hop++) { const res = await fetch(target, { signal, redirect: "manual" }); if (res.status < 300 || res.status >= 400) return res; await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** hop) * (0.5 + Math.random() / 2))); } throw new Error("too many attempts"); }' }] }],
      output: null,
    },
    {
      name: "a status retry with no delay",
      code: "export async function f(u: string) { for (let i = 0; i < 5; i++) { const r = await get(u); if (r.ok) return r; } }",
      findings: [{ case: "retry", line: 1, column: 38, endColumn: 41, suggestions: [{ title: "Wait between attempts (capped exponential backoff with jitter)", output: "export async function f(u: string) { for (let i = 0; i < 5; i++) { const r = await get(u); if (r.ok) return r; await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** i) * (0.5 + Math.random() / 2))); } }" }] }],
      output: null,
    },
    {
      name: "a poll whose failure path goes round at once",
      code: "export async function poll() { while (true) { try { await tick(); await sleep(5000); } catch (e) { log(e); } } }",
      findings: [{ case: "retry", line: 1, column: 32, endColumn: 37, suggestions: [{ title: "Wait before polling again after a failure", output: "export async function poll() { while (true) { try { await tick(); await sleep(5000); } catch (e) { log(e); await new Promise((resolve) => setTimeout(resolve, 30000 * (0.5 + Math.random() / 2))); } } }" }] }],
      output: null,
    },
    {
      name: "a recursion from its own catch",
      code: "export async function connect(): Promise<void> { try { await client.connect(); } catch { return connect(); } }",
      findings: [{ case: "retry", line: 1, column: 97, endColumn: 106, suggestions: [{ title: "Wait 5000 ms before trying again", output: "export async function connect(): Promise<void> { try { await client.connect(); } catch { await new Promise((resolve) => setTimeout(resolve, 5000)); return connect(); } }" }] }],
      output: null,
    },
    {
      name: "a reconnect from a close listener",
      code: 'export function connect() { const ws = new WebSocket(url); ws.on("close", () => { connect(); }); }',
      findings: [{ case: "retry", line: 1, column: 83, endColumn: 92, suggestions: [{ title: "Try again after 5000 ms", output: 'export function connect() { const ws = new WebSocket(url); ws.on("close", () => { setTimeout(() => connect(), 5000); }); }' }] }],
      output: null,
    },
    {
      name: "a method that calls itself from a .catch handler",
      code: "export class Bus { start() { return this.broker.connect().catch(() => this.start()); } }",
      findings: [{ case: "retry", line: 1, column: 71, endColumn: 83, suggestions: [] }],
      output: null,
    },
    {
      name: "retries: Infinity",
      code: 'import pRetry from "p-retry";\nexport const f = () => pRetry(run, { retries: Infinity });\n',
      findings: [{ case: "retry", line: 2, column: 38, endColumn: 55, suggestions: [{ title: "Retry at most 5 times", output: 'import pRetry from "p-retry";\nexport const f = () => pRetry(run, { retries: 5 });\n' }] }],
      output: null,
    },
    {
      name: "forever: true",
      code: 'import retry from "retry";\nexport const op = retry.operation({ forever: true });\n',
      findings: [{ case: "retry", line: 2, column: 37, endColumn: 50, suggestions: [{ title: "Retry at most 5 times", output: 'import retry from "retry";\nexport const op = retry.operation({ retries: 5 });\n' }] }],
      output: null,
    },
    {
      name: "TanStack Query retry: true, in browser code too",
      filename: "src/hooks.ts",
      files: VITE_SPA,
      code: 'import { useQuery } from "@tanstack/react-query";\nexport const useX = () => useQuery({ queryKey: ["x"], queryFn: load, retry: true });\n',
      findings: [{ case: "retry", line: 2, column: 70, endColumn: 81, suggestions: [{ title: "Retry at most 5 times", output: 'import { useQuery } from "@tanstack/react-query";\nexport const useX = () => useQuery({ queryKey: ["x"], queryFn: load, retry: 5 });\n' }] }],
      output: null,
    },
    {
      name: "axios-retry without retryDelay",
      code: 'import axios from "axios";\nimport axiosRetry from "axios-retry";\naxiosRetry(axios, { retries: 3 });\n',
      findings: [{ case: "retry", line: 3, column: 1, endColumn: 11, suggestions: [{ title: "Wait between retries with axiosRetry.exponentialDelay", output: 'import axios from "axios";\nimport axiosRetry from "axios-retry";\naxiosRetry(axios, { retries: 3, retryDelay: axiosRetry.exponentialDelay });\n' }] }],
      output: null,
    },
    {
      name: "openai v3 OpenAIApi (axios underneath, no default timeout): the fix sets baseOptions.timeout (held round 14)",
      files: OPENAI_V3,
      code: OPENAI_API,
      findings: [{ case: "client", line: 4, column: 20, endColumn: 29, suggestions: [{ title: "Set the axios timeout to 10000 ms in baseOptions", output: OPENAI_API.replace("apiKey: process.env.OPENAI_API_KEY }", "apiKey: process.env.OPENAI_API_KEY, baseOptions: { timeout: 10000 } }") }] }],
      output: null,
    },
    {
      name: "openai v3 pinned by a Deno specifier in an edge function, no manifest",
      filename: "supabase/functions/search/index.ts",
      code: 'import { Configuration, OpenAIApi } from "https://esm.sh/openai@3.1.0?deps=axios@1.6.8";\nconst openai = new OpenAIApi(new Configuration({ apiKey: key }));\n',
      findings: [{ case: "client", line: 2, column: 20, endColumn: 29, suggestions: [{ title: "Set the axios timeout to 10000 ms in baseOptions", output: 'import { Configuration, OpenAIApi } from "https://esm.sh/openai@3.1.0?deps=axios@1.6.8";\nconst openai = new OpenAIApi(new Configuration({ apiKey: key, baseOptions: { timeout: 10000 } }));\n' }] }],
      output: null,
    },
    {
      name: "openai v3 whose baseOptions set headers but no timeout: reported, no fix (it would replace them)",
      files: OPENAI_V3,
      code: 'import { Configuration, OpenAIApi } from "openai";\nexport const openai = new OpenAIApi(new Configuration({ apiKey, baseOptions: { headers: { "X-Team": "a" } } }));\n',
      findings: [{ case: "client", line: 2, column: 27, endColumn: 36, suggestions: [] }],
      output: null,
    },
    {
      name: "a pg Pool destructured from the default import (`import pg from \"pg\"; const { Pool } = pg`, the ESM form for a CommonJS module)",
      code: 'import pg from "pg";\nconst { Pool } = pg;\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL });\n',
      findings: [{ case: "client", line: 3, column: 25, endColumn: 29, suggestions: [{ title: "Set connectionTimeoutMillis to 5000 ms", output: 'import pg from "pg";\nconst { Pool } = pg;\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 5000 });\n' }] }],
      output: null,
    },
    {
      name: "a timer armed after the call in a Promise executor bounds nothing",
      code: 'export function ask(u: string): Promise<string> {\n  return new Promise(async (resolve, reject) => {\n    const r = await fetch(u);\n    setTimeout(() => reject(new Error("timed out")), 60000);\n    resolve(await r.text());\n  });\n}\n',
      findings: [{ case: "call", line: 3, column: 21, endColumn: 26, suggestions: [{ title: SIGNAL, output: 'export function ask(u: string): Promise<string> {\n  return new Promise(async (resolve, reject) => {\n    const r = await fetch(u);\n    setTimeout(() => reject(new Error("timed out")), 60000);\n    resolve(await r.text());\n  });\n}\n'.replace("fetch(u)", "fetch(u, { signal: AbortSignal.timeout(10000) })") }] }],
      output: null,
    },
    {
      name: "a timer in a Promise executor that settles nothing bounds nothing",
      code: 'export function ask(u: string): Promise<string> {\n  return new Promise(async (resolve) => {\n    setTimeout(() => console.warn("slow"), 60000);\n    resolve(await (await fetch(u)).text());\n  });\n}\n',
      findings: [{ case: "call", line: 4, column: 26, endColumn: 31, suggestions: [{ title: SIGNAL, output: 'export function ask(u: string): Promise<string> {\n  return new Promise(async (resolve) => {\n    setTimeout(() => console.warn("slow"), 60000);\n    resolve(await (await fetch(u)).text());\n  });\n}\n'.replace("fetch(u)", "fetch(u, { signal: AbortSignal.timeout(10000) })") }] }],
      output: null,
    },
    {
      name: "webpack beside a server of the project's own (express): a server-only env read still says server",
      filename: "src/components/supabase.js",
      files: WEBPACK_SPA_WITH_SERVER,
      code: SUPABASE_FROM_ENV,
      findings: [{ case: "client", line: 2, column: 25, endColumn: 37, suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: 'import { createClient } from "@supabase/supabase-js";\nexport const supabase = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_ANON_KEY, { global: { fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(10000) }) } });\n' }] }],
      output: null,
    },
    {
      name: "a webpack front-end project's scripts/ folder runs on a server",
      filename: "scripts/seed.js",
      files: WEBPACK_SPA,
      code: SUPABASE_FROM_ENV,
      findings: [{ case: "client", line: 2, column: 25, endColumn: 37, suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: 'import { createClient } from "@supabase/supabase-js";\nexport const supabase = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_ANON_KEY, { global: { fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(10000) }) } });\n' }] }],
      output: null,
    },
    {
      name: "supabase-js loaded by a dynamic import of a specifier kept in a const (trenpulse-lovable's telemetry)",
      filename: "supabase/functions/_shared/telemetry.ts",
      code: 'export async function db(url: string, key: string) {\n  const spec = "npm:@supabase/supabase-js@2";\n  const { createClient } = await import(/* @vite-ignore */ spec);\n  return createClient(url, key);\n}\n',
      findings: [{ case: "client", line: 4, column: 10, endColumn: 22, suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: 'export async function db(url: string, key: string) {\n  const spec = "npm:@supabase/supabase-js@2";\n  const { createClient } = await import(/* @vite-ignore */ spec);\n  return createClient(url, key);\n}\n'.replace("createClient(url, key)", "createClient(url, key, { global: { fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(10000) }) } })") }] }],
      output: null,
    },
    {
      name: "a while (true) status poll with a delay but no cap and no deadline (todolist-bot transcribe)",
      code: 'import axios from "axios";\nexport async function waitForTranscript(id: string) {\n  while (true) {\n    const res = await axios.get(`https://api.example.com/transcript/${id}`, { timeout: 10000 });\n    if (res.data.status === "completed") return res.data.text;\n    if (res.data.status === "error") throw new Error(res.data.error);\n    await new Promise((r) => setTimeout(r, 3000));\n  }\n}\n',
      findings: [{ case: "retry", line: 3, column: 3, endColumn: 8, suggestions: [{ title: "Give up after 5 attempts", output: 'import axios from "axios";\nexport async function waitForTranscript(id: string) {\n  let attempt = 0;\n  while (true) {\n    const res = await axios.get(`https://api.example.com/transcript/${id}`, { timeout: 10000 });\n    if (res.data.status === "completed") return res.data.text;\n    if (res.data.status === "error") throw new Error(res.data.error);\n    await new Promise((r) => setTimeout(r, 3000));\n    if (++attempt >= 5) throw new Error("Gave up after 5 attempts");\n  }\n}\n' }] }],
      output: null,
    },
    {
      name: "a file-local axios helper whose callers never pass a bound (Wa-AutoAI getBuffer): reported at its raw call",
      code: AXIOS_HELPER('export const img = (u: string) => getBuffer(u);\n'),
      findings: [{ case: "call", line: 3, column: 21, endColumn: 26, suggestions: [{ title: AXIOS, output: AXIOS_HELPER('export const img = (u: string) => getBuffer(u);\n').replace('responseType: "arraybuffer" }', 'responseType: "arraybuffer", timeout: 10000 }') }] }],
      output: null,
    },
    {
      name: "a file-local helper whose callers never pass a bound: its spread options carry none (bun-llm-proxy mavisFetch)",
      code: LOCAL_HELPER('export const me = () => apiFetch("/me");\nexport const save = (body: string) => apiFetch("/save", { method: "POST", body });\n'),
      findings: [{ case: "call", line: 2, column: 21, endColumn: 26, suggestions: [{ title: SIGNAL, output: LOCAL_HELPER('export const me = () => apiFetch("/me");\nexport const save = (body: string) => apiFetch("/save", { method: "POST", body });\n').replace('headers: { Accept: "application/json" } }', 'headers: { Accept: "application/json" }, signal: AbortSignal.timeout(10000) }') }] }],
      output: null,
    },
    {
      name: "axios's default instance handed out by a project module (import http from \"../utils/http\"; halcyon-node-api)",
      filename: "src/providers/google.ts",
      files: HTTP_MODULE(),
      code: GOOGLE_PROVIDER,
      findings: [{ case: "call", line: 2, column: 43, endColumn: 51, suggestions: [{ title: AXIOS, output: GOOGLE_PROVIDER.replace("${token}`)", "${token}`, { timeout: 10000 })") }] }],
      output: null,
    },
    {
      name: "a Baileys connection.update handler that starts the session again at once on close: one finding per handler (Wa-AutoAI)",
      code: BAILEYS("startSession()"),
      findings: [{ case: "retry", line: 7, column: 19, endColumn: 33, suggestions: [] }],
      output: null,
    },
  ],
});
