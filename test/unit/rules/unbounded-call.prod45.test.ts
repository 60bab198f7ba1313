import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 45 (hsuc), production and retired round 48 unbounded-call classes:
// - a recursion that moves on to the next item of a list by index (`processNextFile(index + 1)` where the function
//   reads `fileKeys[index]`): iteration, not a retry (production pingvin-share's `backend/src/file/s3.service.ts`);
//   the same call on a function that indexes only a table of waits (`DELAYS[attempt]`) stays a retry;
// - `axios.create({ baseURL: "/api" })`: a client only a page can use (production pingvin-share's
//   `frontend/src/services/api.service.ts`); an absolute base stays a client finding;
// - a smoke-test script named `smoke-test.script.ts` is a check script named like a test (production papra);
// - a status poll whose condition is a chain of tests (`run.status !== "completed" && run.status !== "requires_action"`)
//   or names the word through an enum member (`FileState.ACTIVE`), and the same poll with no delay (retired round 48,
//   ai-whatsapp-assistant's `src/utils/assistant.ts:142` and `src/utils/gemini.ts:343`);
// - a failure listener that calls again a function that only registers listeners (tune hono-bot-wa's
//   `src/services/whatsapp.service.ts:87`, labelled clean).

const FILES = { "package.json": '{ "name": "api", "dependencies": { "express": "^4.19.0", "axios": "^1.7.0" } }\n' };

const NEXT_FILE = (list: string) => `import { s3 } from "./s3";

export async function zip(fileKeys: string[]) {
  const processNextFile = async (index: number) => {
    if (index >= fileKeys.length) return;
    const key = ${list}[index];
    try {
      await s3.getObject(fileKeys[0], key);
      processNextFile(index + 1);
    } catch (error) {
      console.error("failed", error);
      processNextFile(index + 1);
    }
  };
  await processNextFile(0);
}
`;

const AXIOS = (base: string) => `import axios from "axios";

const api = axios.create({
  baseURL: ${base},
});

export default api;
`;

const SMOKE = `async function main() {
  const res = await fetch("http://127.0.0.1:1221/api/health");
  console.log(res.status);
}

main();
`;

const RUN_POLL = (cond: string) => `import { client } from "./openai";

export async function answer(threadId: string, runId: string) {
  let run = await client.runs.create(threadId, runId);
  while (${cond}) {
    run = await client.runs.retrieve(threadId, run.id);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return run;
}
`;

const FILE_POLL = (cond: string) => `import { client, FileState } from "./gemini";

export async function upload(file: Blob) {
  let response = await client.files.upload({ file });
  while (${cond}) {
    response = await client.files.get({ name: response.name });
  }
  return response.uri;
}
`;

const LISTENERS = (body: string) => `import { Client } from "./wa";

export class Bot {
  private client = new Client();

  constructor() {
    this.initializeEvents();
  }

  private initializeEvents(): void {
    this.client.on("ready", () => {
      console.log("ready");
    });
    this.client.on("disconnected", async () => {
      this.client = new Client();
      this.initializeEvents();
      try {
        await this.client.initialize();
      } catch (err) {
        console.error(err);
      }
    });${body}
  }
}
`;

const valid: ValidCase[] = [
  { name: "a recursion that asks for the next file of the list by index", code: NEXT_FILE("fileKeys"), filename: "src/file/zip.ts", files: FILES },
  { name: "an axios client whose base URL is the page's own /api", code: AXIOS('"/api"'), filename: "src/services/api.service.ts", files: FILES },
  { name: "a smoke-test script named .script.ts", code: SMOKE, filename: "src/scripts/smoke-test.script.ts", files: FILES },
  { name: "neighbour: a status poll with a delay and a cap", code: RUN_POLL('run.status !== "completed" && run.status !== "requires_action"').replace("  while (", "  for (let i = 0; i < 30 && ").replace(") {\n    run =", "; i++) {\n    run ="), filename: "src/assistant.ts", files: FILES },
  { name: "neighbour: a chain with a test that is no status word", code: RUN_POLL('run.status !== "completed" && !stopped'), filename: "src/assistant.ts", files: FILES },
  { name: "a listener that calls again a function that only registers listeners", code: LISTENERS(""), filename: "src/services/whatsapp.service.ts", files: FILES },
  { name: "a status poll that checks the caller's abort signal each turn", code: RUN_POLL('run.status !== "completed" && run.status !== "requires_action"').replace("  while (", "  while (").replace("    run = await client.runs.retrieve", "    signal.throwIfAborted();\n    run = await client.runs.retrieve").replace("runId: string)", "runId: string, signal: AbortSignal)"), filename: "src/assistant.ts", files: FILES },
];

const RUN_CAP = (cond: string) => RUN_POLL(cond).replace("  while (", "  let attempt = 0;\n  while (").replace("    await new Promise((resolve) => setTimeout(resolve, 1000));\n", "    await new Promise((resolve) => setTimeout(resolve, 1000));\n    if (++attempt >= 5) throw new Error(\"Gave up after 5 attempts\");\n");

const ABORTED = FILE_POLL("response.state !== FileState.ACTIVE").replace("    response = await", "    if (signal.aborted) break;\n    response = await").replace("file: Blob)", "file: Blob, signal: AbortSignal)");

const BASE_ASSIGNED = `${AXIOS('"/api"')}
export function configApi(endpoint: string) {
  api.defaults.baseURL = \`\${endpoint}/api\`;
}
`;

const invalid: InvalidCase[] = [
  { name: "neighbour: the same recursion reading a table of waits by the count", code: NEXT_FILE("DELAYS"), filename: "src/file/zip.ts", files: FILES, output: null, findings: [{ case: "retry", line: 12, column: 7, endColumn: 33, suggestions: [{ title: "Wait 5000 ms before trying again", output: NEXT_FILE("DELAYS").replace('      console.error("failed", error);\n', '      console.error("failed", error);\n      await new Promise((resolve) => setTimeout(resolve, 5000));\n') }] }] },
  { name: "neighbour: an axios client with an absolute base URL", code: AXIOS('"https://api.example.com"'), filename: "src/services/api.service.ts", files: FILES, output: null, findings: [{ case: "client", line: 3, column: 13, endColumn: 25, suggestions: [{ title: "Set timeout to 10000 ms", output: AXIOS('"https://api.example.com"').replace('  baseURL: "https://api.example.com",\n', '  baseURL: "https://api.example.com",\n  timeout: 10000,\n') }] }] },
  { name: "neighbour: a poll that leaves when the caller's signal aborts, no delay", code: ABORTED, filename: "src/gemini.ts", files: FILES, output: null, findings: [{ case: "retry", line: 5, column: 3, endColumn: 8, suggestions: [{ title: "Wait between attempts (capped exponential backoff with jitter)", output: ABORTED.replace("  while (", "  let attempt = 0;\n  while (").replace("    response = await client.files.get({ name: response.name });\n", "    response = await client.files.get({ name: response.name });\n    attempt++;\n    await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2)));\n") }] }] },
  { name: "neighbour: a relative base URL the file also reassigns", code: BASE_ASSIGNED, filename: "src/services/api.service.ts", files: FILES, output: null, findings: [{ case: "client", line: 3, column: 13, endColumn: 25, suggestions: [{ title: "Set timeout to 10000 ms", output: BASE_ASSIGNED.replace('  baseURL: "/api",\n', '  baseURL: "/api",\n  timeout: 10000,\n') }] }] },
  { name: "neighbour: the same script named smoke.script.ts", code: SMOKE, filename: "src/scripts/smoke.script.ts", files: FILES, output: null, findings: [{ case: "call", line: 2, column: 21, endColumn: 26, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: SMOKE.replace('"http://127.0.0.1:1221/api/health")', '"http://127.0.0.1:1221/api/health", { signal: AbortSignal.timeout(10000) })') }] }] },
  { name: "a run polled until any of two status words, with a delay and no cap", code: RUN_POLL('run.status !== "completed" && run.status !== "requires_action"'), filename: "src/assistant.ts", files: FILES, output: null, findings: [{ case: "retry", line: 5, column: 3, endColumn: 8, suggestions: [{ title: "Give up after 5 attempts", output: RUN_CAP('run.status !== "completed" && run.status !== "requires_action"') }] }] },
  { name: "a run polled while it is queued or running, with a delay and no cap", code: RUN_POLL('run.status === "queued" || run.status === "in_progress"'), filename: "src/assistant.ts", files: FILES, output: null, findings: [{ case: "retry", line: 5, column: 3, endColumn: 8, suggestions: [{ title: "Give up after 5 attempts", output: RUN_CAP('run.status === "queued" || run.status === "in_progress"') }] }] },
  { name: "a file polled until an enum state, no delay and no cap", code: FILE_POLL("response.state !== FileState.ACTIVE"), filename: "src/gemini.ts", files: FILES, output: null, findings: [{ case: "retry", line: 5, column: 3, endColumn: 8, suggestions: [{ title: "Wait between attempts and give up after 5", output: FILE_POLL("response.state !== FileState.ACTIVE").replace("  while (", "  let attempt = 0;\n  while (").replace("    response = await client.files.get({ name: response.name });\n", "    response = await client.files.get({ name: response.name });\n    if (++attempt >= 5) throw new Error(\"Gave up after 5 attempts\");\n    await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2)));\n") }] }] },
  { name: "neighbour: the function also connects, besides its listeners", code: LISTENERS("\n    this.client.connect();"), filename: "src/services/whatsapp.service.ts", files: FILES, output: null, findings: [{ case: "retry", line: 16, column: 7, endColumn: 30, suggestions: [{ title: "Wait 5000 ms before trying again", output: LISTENERS("\n    this.client.connect();").replace("      this.client = new Client();\n", "      this.client = new Client();\n      await new Promise((resolve) => setTimeout(resolve, 5000));\n") }] }] },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => named.has(id))) } as typeof unboundedCall;
new RuleTester().run(narrowed, { valid, invalid });
