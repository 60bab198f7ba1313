import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Held round 27 (retired to tune), session 25, developer ub28: a failure path that refreshes its
// credential (`refreshAuthentication()`, `refreshToken()`) and calls itself once more with the attempt
// counted (`retryCount + 1`) under a test of that count (`retryCount === 0`) is one second call with a
// new credential, capped (supaMCPBuilder action-executor.ts). Without the refresh, or without the test
// of the count, it stays a retry. Hand-written rows.

const RETRY = (refresh: string, guard: string) => dedent`
  export class Executor {
    constructor(private db: { run(a: string): Promise<string> }, private auth: { ${refresh}(): Promise<boolean> }) {}
    async execute(action: string, retryCount = 0): Promise<string> {
      try {
        return await this.db.run(action);
      } catch (error) {
        if (${guard}) {
          await this.auth.${refresh}();
          return await this.execute(action, retryCount + 1);
        }
        throw error;
      }
    }
  }
`;

const waited = (code: string): string => code.replace("        return await this.execute(", "        await new Promise((resolve) => setTimeout(resolve, 5000));\n        return await this.execute(");

// SvelteKit keeps @sveltejs/kit in devDependencies beside Vite, which read as a bundled front end: its
// endpoints (`+server.ts`) and modules that import the private environment (`$env/static/private`) run
// only on the server (Mariannecottage historian-chat and sync-booking-com, labelled findings). A
// universal `+page.ts` load runs in the browser too and stays out of scope.
const SVELTEKIT_PACKAGE = '{ "name": "site", "type": "module", "devDependencies": { "@sveltejs/kit": "^2.50.0", "svelte": "^5.0.0", "vite": "^6.0.0" } }';
const ENDPOINT = dedent`
  import { json } from "@sveltejs/kit";
  import type { RequestHandler } from "./$types";
  export const GET: RequestHandler = async () => {
    const res = await fetch("https://calendar.example.com/feed.ics");
    return json({ ok: res.ok });
  };
`;
const PRIVATE_ENV = dedent`
  import { env } from "$env/dynamic/private";
  export async function ask(question: string) {
    const res = await fetch("https://api.anthropic.com/v1/messages", { method: "POST", headers: { "x-api-key": env.ANTHROPIC_API_KEY ?? "" }, body: question });
    return res.text();
  }
`;
const UNIVERSAL_LOAD = dedent`
  export async function load({ fetch }) {
    const res = await globalThis.fetch("https://calendar.example.com/feed.json");
    return { feed: await res.text() };
  }
`;
const withTimeout = (code: string, call: string): string => code.replace(call, call.replace(/\)$/, ", { signal: AbortSignal.timeout(10000) })"));

// This table declares only the cases its invalid rows name.
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => id === "retry" || id === "call")) } as typeof unboundedCall;

new RuleTester().run(narrowed, {
  valid: [
    { name: "one more call after refreshing the credential, under a test of the count", code: RETRY("refreshAuthentication", "isExpired(error) && retryCount === 0") },
    { name: "the same with the count tested against a limit", code: RETRY("refreshToken", "retryCount < 1") },
    { name: "a SvelteKit universal load runs in the browser too", code: UNIVERSAL_LOAD, filename: "src/routes/+page.ts", files: { "package.json": SVELTEKIT_PACKAGE } },
  ],
  invalid: [
    {
      name: "a SvelteKit endpoint (+server.ts) runs on the server",
      code: ENDPOINT,
      filename: "src/routes/api/sync/+server.ts",
      files: { "package.json": SVELTEKIT_PACKAGE },
      findings: [{ case: "call", line: 4, column: 21, endLine: 4, endColumn: 26, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: withTimeout(ENDPOINT, 'fetch("https://calendar.example.com/feed.ics")') }] }],
      output: null,
    },
    {
      name: "a SvelteKit module that imports the private environment runs on the server",
      code: PRIVATE_ENV,
      filename: "src/lib/ask.ts",
      files: { "package.json": SVELTEKIT_PACKAGE },
      findings: [{ case: "call", line: 3, column: 21, endLine: 3, endColumn: 26, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: PRIVATE_ENV.replace("body: question }", "body: question, signal: AbortSignal.timeout(10000) }") }] }],
      output: null,
    },
    {
      name: "a refresh with the count never tested stays a retry",
      code: RETRY("refreshToken", "isExpired(error)"),
      findings: [{ case: "retry", line: 9, column: 22, endLine: 9, endColumn: 58, suggestions: [{ title: "Wait 5000 ms before trying again", output: waited(RETRY("refreshToken", "isExpired(error)")) }] }],
      output: null,
    },
    {
      name: "a counted retry with no refresh stays a retry",
      code: RETRY("check", "retryCount === 0"),
      findings: [{ case: "retry", line: 9, column: 22, endLine: 9, endColumn: 58, suggestions: [{ title: "Wait 5000 ms before trying again", output: waited(RETRY("check", "retryCount === 0")) }] }],
      output: null,
    },
  ],
});
