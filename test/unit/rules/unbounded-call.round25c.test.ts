import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Held round 25 (issue 11), retired: the classes behind its unbounded-call misses and false
// positives. Hand-written rows.
// - An AI SDK function handed to Inngest's `step.ai.wrap(id, fn, options)` (or `step.run`) is that
//   call, reported on the `await step.ai` line (z-flow's OpenAI executor); `generateImage` and the
//   other one-shot AI SDK calls (speech, transcription, rerank) are calls like `generateText`.
// - A private method that spreads its `init` into `fetch`, whose every `this.request(…)` passes
//   options with none of the keys, is the raw call to bound (tier2tickets-relay's GoreloClient).
// - `axios(options)` with the config in a variable is judged on that config, not as a URL.
// - `while (retries) { … retries--; }` is capped; `while (attempt) { … catch { attempt = next; } }`
//   walks a list of alternatives (gorkie-slack's model fallback).

const AI = { "package.json": '{ "dependencies": { "ai": "4.3.0", "inngest": "3.35.0" } }\n' };
const AXIOS = { "package.json": '{ "dependencies": { "axios": "1.7.0", "express": "4.19.2" } }\n' };

const WRAP = (opts: string) => dedent`
  import { generateText } from "ai";
  import { inngest } from "./client";
  export const summarize = inngest.createFunction({ id: "summarize" }, { event: "doc/created" }, async ({ step }) => {
    const { text } = await step.ai
      .wrap("summary", generateText, { model, prompt: "Summarize"${opts} });
    return text;
  });
`;

const IMAGE = (opts: string) => dedent`
  import { experimental_generateImage as generateImage } from "ai";
  export async function draw(model: any, prompt: string, aspectRatio?: string) {
    const result = await generateImage({
      model,
      prompt,
      ...(aspectRatio ? { aspectRatio } : {}),${opts}
    });
    return result.images;
  }
`;

const IMAGE_BOUNDED = IMAGE("").replace("{}),\n", "{}),\n    abortSignal: AbortSignal.timeout(120000),\n");

const CLIENT = (method: string, caller: string) => dedent`
  export class GoreloClient {
    constructor(private readonly baseUrl: string, private readonly apiKey: string) {}

    ${method} async request(path: string, init?: RequestInit): Promise<Response> {
      return fetch(\`\${this.baseUrl}\${path}\`, {
        ...init,
        headers: { "X-API-Key": this.apiKey, ...(init?.headers ?? {}) },
      });
    }

    async getClient(id: string) {
      const res = await this.request(\`/v1/clients/\${id}\`, { method: "GET" });
      return res.json();
    }

    async createTicket(body: unknown) {
      return this.request("/v1/tickets", ${caller});
    }
  }
`;

const AXIOS_CONFIG = (timeout: string) => dedent`
  import axios, { type AxiosRequestConfig } from "axios";
  export async function callEndpoint(method: string, endpoint: string) {
    const options: AxiosRequestConfig = { method, url: endpoint${timeout} };
    const response = await axios(options);
    return response.data;
  }
`;

const COUNTDOWN = (step: string) => dedent`
  import pg from "pg";
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  let pool;
  export async function connect() {
    let retries = 5;
    while (retries) {
      try {
        pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 5000 });
        await pool.query("SELECT 1");
        return pool;
      } catch (err) {
        console.error("connect failed", err);${step}
        await sleep(5000);
      }
    }
    throw new Error("no database");
  }
`;

const FALLBACK = (next: string) => dedent`
  export async function answer(prompt: string, attempts: Attempt[]) {
    let attempt = attempts[0];
    while (attempt) {
      const current = attempt;
      try {
        return await runModel(current, prompt);
      } catch (error) {
        console.warn("attempt failed", error);
        ${next}
      }
    }
  }
`;

const REFRESH = FALLBACK("attempt = await refreshAttempt();").replace("let attempt = attempts[0];", "let attempt = await refreshAttempt();");

const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => id === "call" || id === "retry")) } as typeof unboundedCall;

new RuleTester().run(narrowed, {
  valid: [
    { name: "step.ai.wrap with an abort signal", filename: "src/inngest/summarize.ts", files: AI, code: WRAP(", abortSignal: AbortSignal.timeout(120000)") },
    { name: "step.ai.wrap with options from elsewhere", filename: "src/inngest/summarize.ts", files: AI, code: WRAP("").replace('{ model, prompt: "Summarize" }', "input") },
    { name: "step.run of a function of the project's own", filename: "src/inngest/summarize.ts", files: AI, code: 'import { inngest } from "./client";\nimport { summarize } from "./summarize";\nexport const f = inngest.createFunction({ id: "f" }, { event: "e" }, async ({ step }) => step.run("s", summarize, { text: "x" }));\n' },
    { name: "generateImage with an abort signal", filename: "src/tools/draw.ts", files: AI, code: IMAGE_BOUNDED },
    { name: "a private helper whose caller passes a signal", filename: "src/gorelo.ts", code: CLIENT("private", '{ method: "POST", body: JSON.stringify(body), signal: AbortSignal.timeout(10000) }') },
    { name: "a public helper: its callers decide", filename: "src/gorelo.ts", code: CLIENT("public", '{ method: "POST", body: JSON.stringify(body) }') },
    { name: "a private helper handed options from its caller", filename: "src/gorelo.ts", code: CLIENT("private", "init").replace("createTicket(body: unknown)", "createTicket(body: unknown, init: RequestInit)") },
    { name: "axios(options) whose config has a timeout", filename: "src/executor.ts", files: AXIOS, code: AXIOS_CONFIG(", timeout: 6000") },
    { name: "while (retries) counted down, with a wait", filename: "shared/database.js", code: COUNTDOWN("\n        retries--;") },
    { name: "while (attempt) moving to the next alternative", filename: "src/agent.ts", code: FALLBACK("attempt = nextAttempt(attempts, current);\n        if (!attempt) throw error;") },
  ],
  invalid: [
    {
      name: "generateText through step.ai.wrap without an abort signal",
      filename: "src/inngest/summarize.ts",
      files: AI,
      code: WRAP(""),
      findings: [{ case: "call", line: 4, column: 26, endLine: 5, endColumn: 10, suggestions: [{ title: "Abort after 120000 ms with abortSignal", output: WRAP(", abortSignal: AbortSignal.timeout(120000)") }] }],
      output: null,
    },
    {
      name: "generateImage without an abort signal (debatable)",
      filename: "src/tools/draw.ts",
      files: AI,
      code: IMAGE(""),
      findings: [{ case: "call", line: 3, column: 24, endColumn: 37, suggestions: [{ title: "Abort after 120000 ms with abortSignal", output: IMAGE_BOUNDED }] }],
      output: null,
    },
    {
      name: "a private helper whose every caller passes no bound",
      filename: "src/gorelo.ts",
      code: CLIENT("private", '{ method: "POST", body: JSON.stringify(body) }'),
      findings: [{ case: "call", line: 5, column: 12, endColumn: 17, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: CLIENT("private", '{ method: "POST", body: JSON.stringify(body) }').replace("...(init?.headers ?? {}) },\n", "...(init?.headers ?? {}) },\n      signal: AbortSignal.timeout(10000),\n") }] }],
      output: null,
    },
    {
      name: "axios(options) whose config has no timeout",
      filename: "src/executor.ts",
      files: AXIOS,
      code: AXIOS_CONFIG(""),
      findings: [{ case: "call", line: 4, column: 26, endColumn: 31, suggestions: [{ title: "Set timeout to 10000 ms", output: AXIOS_CONFIG("").replace("axios(options)", "axios({ ...options, timeout: 10000 })") }] }],
      output: null,
    },
    {
      name: "while (token) whose catch fetches a new token: the same service again",
      filename: "src/agent.ts",
      code: REFRESH,
      findings: [
        {
          case: "retry",
          line: 3,
          column: 3,
          endColumn: 8,
          suggestions: [
            {
              title: "Wait between attempts and give up after 5",
              output: REFRESH.replace("let attempt = await refreshAttempt();\n", "let attempt = await refreshAttempt();\n  let attempt2 = 0;\n").replace(
                "attempt = await refreshAttempt();\n    }",
                "attempt = await refreshAttempt();\n      if (++attempt2 >= 5) throw error;\n      await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** attempt2) * (0.5 + Math.random() / 2)));\n    }",
              ),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: "while (retries) never counted down",
      filename: "shared/database.js",
      code: COUNTDOWN(""),
      findings: [{ case: "retry", line: 6, column: 3, endColumn: 8, suggestions: [{ title: "Give up after 5 attempts", output: COUNTDOWN("").replace("let retries = 5;\n", "let retries = 5;\n  let attempt = 0;\n").replace("await sleep(5000);\n", "await sleep(5000);\n      if (++attempt >= 5) throw err;\n") }] }],
      output: null,
    },
  ],
});
