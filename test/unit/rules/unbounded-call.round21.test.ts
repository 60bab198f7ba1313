import rule from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Cloudflare Workers conventions (issue 11, session 20), retries after a logical conflict with no
// cap (tune EmailTempMailWorker/temp-mail-on11 src/database/mailbox.ts:115, production hoppscotch
// mock-server.service.ts:459), and a status loop that renews its idempotency key (production unkey
// lib/stripe/createSubscriptionCheckout.ts:67) or refreshes its token first (production postiz-app
// integration.service.ts:512, posts.service.ts:138 and :229), and a dev server that listens on the
// next port (production logto packages/tunnel/src/commands/tunnel/index.ts:128), as hand-written analogues.

const WORKER_PKG = '{ "name": "edge", "devDependencies": { "wrangler": "^3.80.0" } }';
const worker = (code: string): ValidCase => ({ code, filename: "src/index.ts", files: { "package.json": WORKER_PKG, "wrangler.toml": 'name = "edge"\nmain = "src/index.ts"\n' } });

const CONFLICT_LOOP = dedent`
  export async function createBox(db: { insert(email: string): Promise<void> }, gen: () => string) {
    while (true) {
      const email = gen();
      try {
        await db.insert(email);
        return email;
      } catch (err) {
        if (!String(err).includes("UNIQUE")) throw err;
      }
    }
  }
`;

const RENEWED = (renew: string) => dedent`
  export async function openCheckout(api: Checkout, params: object, base: string) {
    let key = base;
    let idempotencyKey = base;
    let session = await api.create(params, { idempotencyKey });
    for (let attempt = 0; attempt < 3; attempt++) {
      const live = await api.retrieve(session.id);
      if (live.status === "open") return live;
      ${renew}
      session = await api.create(params, { idempotencyKey });
    }
    return session;
  }
  type Checkout = { create(p: object, o: { idempotencyKey: string }): Promise<{ id: string }>; retrieve(id: string): Promise<{ status: string }> };
`;
const SAME_KEY = RENEWED("key = `${base}:${session.id}`;");

const REFRESHED = (flag: string, read: string) => dedent`
  export class Analytics {
    constructor(private api: { stats(token: string): Promise<number[]>; refresh(): Promise<string> }, private token: string) {}
    async stats(${flag} = false): Promise<number[]> {
      if (${read}) this.token = await this.api.refresh();
      try {
        return await this.api.stats(this.token);
      } catch (e) {
        if ((e as Error).name === "RefreshToken") return this.stats(true);
        throw e;
      }
    }
  }
`;
const UNREAD_FLAG = REFRESHED("forceRefresh", "!this.token");

const LISTEN = (code: string) => dedent`
  import { createServer } from "node:http";
  export function start(port: number): void {
    const server = createServer((_req, res) => res.end("ok"));
    server.listen(port);
    server.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "${code}") {
        start(port + 1);
        return;
      }
      throw error;
    });
  }
`;
const RECONNECT = dedent`
  import { connect } from "node:net";
  export function open(port: number): void {
    const socket = connect(port, "db.internal");
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNREFUSED") {
        open(port);
        return;
      }
      throw error;
    });
  }
`;

const valid: ValidCase[] = [
  // Handed to the runtime's waitUntil: no request waits for it, and the platform ends it 30 s after the response.
  { name: "a fetch handed to ctx.waitUntil", ...worker(dedent`
    export default {
      async fetch(request: Request, env: { LOG_URL: string }, ctx: ExecutionContext) {
        ctx.waitUntil(fetch(env.LOG_URL, { method: "POST", body: request.url }));
        return new Response("ok");
      },
    };
  `) },
  { name: "through .then, Promise.all and an async IIFE", ...worker(dedent`
    export default {
      async fetch(request: Request, env: { A: string; B: string }, ctx: ExecutionContext) {
        ctx.waitUntil(Promise.all([fetch(env.A), fetch(env.B).then((r) => r.text())]));
        ctx.waitUntil((async () => {
          const res = await fetch(env.A, { method: "PUT" });
          await res.arrayBuffer();
        })());
        return new Response("ok");
      },
    };
  `) },
  { name: "a promise in a const, then handed over", ...worker(dedent`
    import { waitUntil } from "cloudflare:workers";
    export function track(url: string, body: string) {
      const sent = fetch(url, { method: "POST", body });
      waitUntil(sent);
    }
  `) },
  { name: "a helper of the file's own that only waitUntil calls", ...worker(dedent`
    async function notify(url: string) {
      await fetch(url, { method: "POST" });
    }
    export default {
      async fetch(request: Request, env: { HOOK: string }, ctx: ExecutionContext) {
        ctx.waitUntil(notify(env.HOOK));
        return new Response("ok");
      },
    };
  `) },
  // A service binding is another Worker of the account, reached with no network: not an outbound call.
  { name: "a service binding's fetch", ...worker(dedent`
    export default {
      async fetch(request: Request, env: { AUTH: { fetch: typeof fetch } }) {
        return env.AUTH.fetch(request);
      },
    };
  `) },
  {
    name: "a capped retry after a unique violation needs no delay",
    code: CONFLICT_LOOP.replace("while (true) {", "for (let attempt = 0; attempt < 5; attempt++) {"),
  },
  // Each turn opens a new session under a new key after the last one came back dead: another operation, not a retry.
  // A port taken: the server listens on the next one, nothing outbound is asked again.
  { name: "a server that tries the next port on EADDRINUSE", code: LISTEN("EADDRINUSE") },
  // The failure path asks again with a new token: another request, as when it rotates its credential.
  { name: "a recursion that forces a token refresh first", code: REFRESHED("forceRefresh", "forceRefresh") },
  { name: "a status loop that renews its idempotency key each turn", code: RENEWED("idempotencyKey = `${base}:retry:${session.id}`;") },
];

const HELPER_TWICE = dedent`
  async function audit(url: string) {
    return fetch(url, { method: "POST" });
  }
  export default {
    async fetch(request: Request, env: { AUDIT: string }, ctx: ExecutionContext) {
      ctx.waitUntil(audit(env.AUDIT));
      return audit(env.AUDIT);
    },
  };
`;
const DURABLE = dedent`
  import { DurableObject } from "cloudflare:workers";
  export class Room extends DurableObject {
    async ping(url: string) {
      this.ctx.waitUntil(fetch(url));
    }
  }
`;
const CONFLICT_RECURSION = dedent`
  export class Servers {
    constructor(private db: { create(sub: string): Promise<{ id: string }> }) {}
    async createServer(name: string): Promise<{ id: string }> {
      try {
        return await this.db.create(name + "-" + Math.random().toString(36).slice(2, 8));
      } catch (error) {
        if ((error as { code?: string }).code === "P2002") return this.createServer(name);
        throw error;
      }
    }
  }
`;
const files = { "package.json": WORKER_PKG, "wrangler.toml": 'name = "edge"\nmain = "src/index.ts"\n' };

const invalid: InvalidCase[] = [
  {
    name: "a helper that the request path also awaits stays reported",
    code: HELPER_TWICE,
    filename: "src/index.ts",
    files,
    findings: [{ case: "call", line: 2, column: 10, endLine: 2, endColumn: 15, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: HELPER_TWICE.replace('{ method: "POST" }', '{ method: "POST", signal: AbortSignal.timeout(10000) }') }] }],
    output: null,
  },
  {
    name: "waitUntil in a Durable Object has no effect: stays reported",
    code: DURABLE,
    filename: "src/room.ts",
    files,
    findings: [{ case: "call", line: 4, column: 24, endLine: 4, endColumn: 29, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: DURABLE.replace("fetch(url)", "fetch(url, { signal: AbortSignal.timeout(10000) })") }] }],
    output: null,
  },
  {
    name: "an uncapped retry after a unique violation lacks only a cap",
    code: CONFLICT_LOOP,
    findings: [{ case: "retry", line: 2, column: 3, endLine: 2, endColumn: 8, suggestions: [{ title: "Give up after 5 attempts", output: CONFLICT_LOOP.replace("  while (true) {", "  let attempt = 0;\n  while (true) {").replace('if (!String(err).includes("UNIQUE")) throw err;', 'if (!String(err).includes("UNIQUE")) throw err;\n      if (++attempt >= 5) throw err;') }] }],
    output: null,
  },
  {
    name: "an uncapped recursion after a unique violation lacks only a cap (no fix)",
    code: CONFLICT_RECURSION,
    findings: [{ case: "retry", line: 7, column: 65, endLine: 7, endColumn: 88, suggestions: [] }],
    output: null,
  },
];

invalid.push({
  name: "the same status loop under an unchanged idempotency key stays reported",
  code: SAME_KEY,
  findings: [{ case: "retry", line: 5, column: 3, endLine: 5, endColumn: 6, suggestions: [{ title: "Wait between attempts (capped exponential backoff with jitter)", output: SAME_KEY.replace("{ idempotencyKey });\n  }", "{ idempotencyKey });\n    await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2)));\n  }") }] }],
  output: null,
});

invalid.push({
  name: "a refresh flag the function never reads stays reported",
  code: UNREAD_FLAG,
  findings: [{ case: "retry", line: 8, column: 56, endLine: 8, endColumn: 72, suggestions: [{ title: "Wait 5000 ms before trying again", output: UNREAD_FLAG.replace('      if ((e as Error).name', '      await new Promise((resolve) => setTimeout(resolve, 5000));\n      if ((e as Error).name') }] }],
  output: null,
});

invalid.push({
  name: "a client that connects again at once on ECONNREFUSED stays reported",
  code: RECONNECT,
  findings: [{ case: "retry", line: 6, column: 7, endLine: 6, endColumn: 17, suggestions: [{ title: "Try again after 5000 ms", output: RECONNECT.replace("      open(port);", "      setTimeout(() => open(port), 5000);") }] }],
  output: null,
});

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
