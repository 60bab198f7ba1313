import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Held round 30 (retired to tune), session 27, developer ucs27. Hand-written rows.

// A Stripe Apps UI extension runs in the dashboard's sandboxed frame (ijn-kruso/stripeworker's
// stripeworker-ui, labelled clean): its package is the browser's, whatever its folders are called.
const UI_EXTENSION = '{ "name": "ui", "dependencies": { "@stripe/ui-extension-sdk": "^8.10.0", "react": "17.0.2", "stripe": "^14.0.0" } }';
const API_CALL = 'export async function startExport(accountId: string) {\n  const res = await fetch("https://api.example.com/export/start", { method: "POST", body: JSON.stringify({ accountId }) });\n  return res.json();\n}\n';

// A script's own fetch helper that hands its init on unchanged, every call passing options without a
// signal (codestudio-live-test-wednesday scripts/force-test-users.mjs:37, labelled a finding).
const HELPER = (exported: string, call: string) => dedent`
  ${exported}async function fetchJson(url, options) {
    const response = await fetch(url, options);
    return response.json();
  }
  export async function listUsers(base) {
    return ${call};
  }
`;

// Nobody waits on a helper whose every call is fired and forgotten, raced against a timer, or made by
// such a helper (k-answers-slack-bot's callSlackApi, telepocket's callOpenRouter, labelled clean,
// debatable); nor on one whose own comment says it is fired and forgotten (morph-template's sendAlert).
const HOPS = (handler: string) => dedent`
  async function callSlackApi(method: string, body: unknown) {
    const res = await fetch(\`https://slack.com/api/\${method}\`, { method: "POST", body: JSON.stringify(body) });
    return res.json();
  }
  async function processMessage(event: { text: string }) {
    await callSlackApi("chat.postMessage", { text: event.text });
  }
  export async function POST(request: Request) {
    const event = await request.json();
    ${handler}
    return new Response("ok");
  }
`;
const RACED = dedent`
  export class Classifier {
    private async callOpenRouter(prompt: string): Promise<string> {
      const res = await fetch("https://openrouter.ai/api/v1/chat/completions", { method: "POST", body: prompt });
      return res.text();
    }
    private async callLLM(prompt: string): Promise<string> {
      return this.callOpenRouter(prompt);
    }
    async classify(prompt: string) {
      const timeout = new Promise<string>((_, reject) => setTimeout(() => reject(new Error("timed out")), 10000));
      return Promise.race([this.callLLM(prompt), timeout]);
    }
  }
`;
const ALERT = (doc: string) => dedent`
  ${doc}
  export async function sendAlert(title: string) {
    const url = process.env.ALERT_WEBHOOK_URL;
    if (!url) return;
    try {
      await fetch(url, { method: "POST", body: JSON.stringify({ text: title }) });
    } catch {
      console.error("[Alert] failed", title);
    }
  }
`;

// An S3 client kept by a lazy getter whose only use in the file is presigning sends nothing
// (morph-template lib/r2.ts:29, labelled clean); one the file also sends through waits.
const R2 = (use: string) => dedent`
  import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
  import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
  let _r2Client: S3Client | null = null;
  export function getR2Client(): S3Client {
    if (!_r2Client) {
      _r2Client = new S3Client({ region: "auto", endpoint: process.env.R2_ENDPOINT });
    }
    return _r2Client;
  }
  export async function presign(key: string) {
    const client = getR2Client();
    const command = new PutObjectCommand({ Bucket: process.env.R2_BUCKET, Key: key });
    ${use}
  }
`;

// A paging loop whose catch turns off the flag the loop runs on ends at the first failure: no retry
// (roland-discord-bot scratch_query.js:23, unlabelled, reported as a retry before).
const PAGES = (onFailure: string) => dedent`
  export async function run(connection: { getSignatures(o: object): Promise<string[]> }) {
    const all: string[] = [];
    let before: string | undefined;
    let failed = false;
    while (!failed) {
      try {
        const sigs = await connection.getSignatures({ limit: 1000, before });
        if (sigs.length === 0) break;
        all.push(...sigs);
        before = sigs[sigs.length - 1];
        await new Promise((r) => setTimeout(r, 1000));
      } catch (err) {
        console.error("Error fetching sigs:", err);
        ${onFailure}
      }
    }
    return all;
  }
`;

// A module that imports an AI SDK provider, in a project with a server of its own, is the server's even
// where it also tests for a window (indaba-care-sa-deployment src/lib/ai.ts, a TanStack Start app whose
// tRPC procedures import it: four generateText calls labelled findings). A single-page app may call a
// provider from the browser with the user's own key.
const AI = dedent`
  import { openai } from "@ai-sdk/openai";
  import { generateText } from "ai";
  const model = typeof window !== "undefined" ? null : openai("gpt-4o");
  export async function summarize(prompt: string) {
    if (!model) return "";
    const { text } = await generateText({ model, prompt });
    return text;
  }
`;

new RuleTester().run(unboundedCall, {
  valid: [
    { name: "call: a Stripe Apps UI extension's API module (browser)", code: API_CALL, filename: "src/api.ts", files: { "package.json": UI_EXTENSION } },
    { name: "call: a package with a stripe-app.json and React (browser)", code: API_CALL, filename: "src/api.ts", files: { "package.json": '{ "dependencies": { "react": "17.0.2" } }', "stripe-app.json": '{ "id": "com.example.app" }' } },
    { name: "call: an exported fetch helper stays the caller's", code: HELPER("export ", 'fetchJson(`${base}/users`, { method: "GET" })'), filename: "scripts/users.mjs" },
    { name: "call: a helper one caller gives a signal", code: HELPER("", 'fetchJson(`${base}/users`, { method: "GET", signal: AbortSignal.timeout(5000) })'), filename: "scripts/users.mjs" },
    { name: "call: a helper called with options from elsewhere", code: HELPER("", "fetchJson(`${base}/users`, base.init)"), filename: "scripts/users.mjs" },
    { name: "call: a helper two hops under a handler's fire-and-forget statement", code: HOPS("processMessage(event).catch((error) => console.error(error));"), filename: "app/api/slack/events/route.ts" },
    { name: "call: a private method reached only through a private method raced against a timer", code: RACED, filename: "src/services/classifier.ts" },
    { name: "call: an exported helper documented as fired and forgotten", code: ALERT("/**\n * Send a business alert to the webhook.\n * - Fire-and-forget (never throws)\n */"), filename: "src/lib/alerting.ts" },
    { name: "client: an S3 client a lazy getter hands only to getSignedUrl", code: R2("return getSignedUrl(client, command, { expiresIn: 600 });"), filename: "src/lib/r2.ts" },
    { name: "retry: a paging loop whose catch ends the loop's own flag", code: PAGES("failed = true;"), filename: "scripts/scratch.ts" },
    { name: "call: a single-page app's module calling an AI SDK provider", code: AI, filename: "src/lib/ai.ts", files: { "package.json": '{ "dependencies": { "ai": "4.3.0", "@ai-sdk/openai": "1.3.0", "react-dom": "19.0.0" }, "devDependencies": { "vite": "6.0.0" } }' } },
  ],
  invalid: [
    {
      name: "call: the same module in a TanStack Start app",
      code: AI,
      filename: "src/lib/ai.ts",
      files: { "package.json": '{ "dependencies": { "ai": "4.3.0", "@ai-sdk/openai": "1.3.0", "react-dom": "19.0.0", "@tanstack/react-start": "1.0.0", "@trpc/server": "11.0.0" } }' },
      findings: [{ case: "call", line: 6, column: 26, endLine: 6, endColumn: 38, suggestions: [{ title: "Abort after 120000 ms with abortSignal", output: AI.replace("{ model, prompt }", "{ model, prompt, abortSignal: AbortSignal.timeout(120000) }") }] }],
      output: null,
    },
    {
      name: "client: the same getter's client also sent through",
      code: R2("await client.send(command);\n  return getSignedUrl(client, command, { expiresIn: 600 });"),
      filename: "src/lib/r2.ts",
      findings: [{ case: "client", line: 6, column: 21, endLine: 6, endColumn: 29, suggestions: [{ title: "Set the request handler's requestTimeout to 10000 ms", output: R2("await client.send(command);\n  return getSignedUrl(client, command, { expiresIn: 600 });").replace("R2_ENDPOINT })", "R2_ENDPOINT, requestHandler: { connectionTimeout: 5000, requestTimeout: 10000 } })") }] }],
      output: null,
    },
    {
      name: "retry: the same loop when the catch ends it only on some failures",
      code: PAGES("if (String(err).includes(\"429\")) failed = true;"),
      filename: "scripts/scratch.ts",
      findings: [{ case: "retry", line: 5, column: 3, endLine: 5, endColumn: 8, suggestions: [{ title: "Wait before polling again after a failure", output: PAGES("if (String(err).includes(\"429\")) failed = true;").replace("failed = true;\n", "failed = true;\n      await new Promise((resolve) => setTimeout(resolve, 30000 * (0.5 + Math.random() / 2)));\n") }] }],
      output: null,
    },
    {
      name: "call: the same helpers when the handler awaits the message",
      code: HOPS("await processMessage(event);"),
      filename: "app/api/slack/events/route.ts",
      findings: [{ case: "call", line: 2, column: 21, endLine: 2, endColumn: 26, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: HOPS("await processMessage(event);").replace("JSON.stringify(body) }", "JSON.stringify(body), signal: AbortSignal.timeout(10000) }") }] }],
      output: null,
    },
    {
      name: "call: the same exported alert helper without such a comment",
      code: ALERT("/** Send a business alert to the webhook. */"),
      filename: "src/lib/alerting.ts",
      findings: [{ case: "call", line: 6, column: 11, endLine: 6, endColumn: 16, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: ALERT("/** Send a business alert to the webhook. */").replace("{ text: title }) }", "{ text: title }), signal: AbortSignal.timeout(10000) }") }] }],
      output: null,
    },
    {
      name: "call: the same module in a Hono backend",
      code: API_CALL,
      filename: "src/api.ts",
      files: { "package.json": '{ "dependencies": { "hono": "4.0.0", "@stripe/ui-extension-sdk": "^8.10.0" } }' },
      findings: [{ case: "call", line: 2, column: 21, endLine: 2, endColumn: 26, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: API_CALL.replace("{ accountId }) }", "{ accountId }), signal: AbortSignal.timeout(10000) }") }] }],
      output: null,
    },
    {
      name: "call: a file-local fetch helper whose every call passes options without a signal",
      code: HELPER("", 'fetchJson(`${base}/users`, { method: "GET", headers: { apikey: "k" } })'),
      filename: "scripts/users.mjs",
      findings: [{ case: "call", line: 2, column: 26, endLine: 2, endColumn: 31, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: HELPER("", 'fetchJson(`${base}/users`, { method: "GET", headers: { apikey: "k" } })').replace("fetch(url, options)", "fetch(url, { ...options, signal: AbortSignal.timeout(10000) })") }] }],
      output: null,
    },
  ],
});
