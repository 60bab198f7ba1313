import rule from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 42, developer produb42: production formbricks, triaged blind at 12764c27 (`apps/web/modules/hub/
// feedback-records-proxy.ts:91`). A fetch of a `Request` built with the incoming request as its init carries that
// request's signal (the Fetch standard's `Request` constructor takes `init.signal`), also through a `const` or a function
// of the file that returns such a `Request` built from its parameter: a signal the caller owns. Options that name no
// signal keep it. A `Request` built from options of the code's own, or from a request that is no parameter, stays a finding.
// Also production anything-llm (`server/utils/EmbeddingRerankers/native/index.js:166`): the catch points the client at the
// fallback host (`transformers.env.remoteHost = this.#fallbackHost`) before it calls itself again, and throws when already
// there: a move to another endpoint, not the same request again. Assigning the same host again stays a retry.

const NEXT = { "package.json": '{ "name": "web", "dependencies": { "next": "15.0.0" } }\n' };

// formbricks' style: a helper builds the outbound Request from the incoming one, the fetch adds `cache`.
const PROXY = dedent`
  import type { NextRequest } from "next/server";

  const HUB_API_URL = "https://hub.internal.example";

  const buildHubRequest = (request: NextRequest, hubUrl: URL): Request => {
    const hubRequest = new Request(hubUrl, request);
    hubRequest.headers.delete("authorization");
    return hubRequest;
  };

  export async function GET(request: NextRequest) {
    const hubUrl = new URL(new URL(request.url).pathname, HUB_API_URL);
    return await fetch(buildHubRequest(request, hubUrl), { cache: "no-store" });
  }
`;
// Another style: the Request written in the call, a function declaration as the handler.
const INLINE = dedent`
  export async function POST(req: Request) {
    const upstream = new URL("/v1/events", "https://events.internal.example");
    return fetch(new Request(upstream, req), { redirect: "manual" });
  }
`;
// The Request's init is the code's own options: nothing the caller owns.
const OWN_INIT = dedent`
  export async function GET(request: Request) {
    const upstream = new Request("https://hub.internal.example/v1/records", { method: "GET", headers: { accept: "application/json" } });
    return fetch(upstream, { cache: "no-store" });
  }
`;

// anything-llm's style: a private method, the host switched on the library's shared settings.
const RERANKER = dedent`
  class Reranker {
    #fallbackHost = "https://cdn.example.com/models/";
    constructor(transformers) {
      this.transformers = transformers;
    }
    async #getModel() {
      try {
        return await this.transformers.AutoModel.from_pretrained("reranker");
      } catch (e) {
        if (this.transformers.env.remoteHost === this.#fallbackHost) throw e;
        this.transformers.env.remoteHost = this.#fallbackHost;
        return await this.#getModel();
      }
    }
  }
  module.exports = { Reranker };
`;
// Another style: a function and a module constant for the backup URL.
const BACKUP = dedent`
  const BACKUP_URL = "https://backup.api.example.com";
  const client = { baseURL: "https://api.example.com" };

  async function loadRates() {
    try {
      const res = await fetch(\`\${client.baseURL}/rates\`, { signal: AbortSignal.timeout(5000) });
      return await res.json();
    } catch (err) {
      if (client.baseURL === BACKUP_URL) throw err;
      client.baseURL = BACKUP_URL;
      return loadRates();
    }
  }
  module.exports = { loadRates };
`;
// The same host assigned again: the same request, at once.
const SAME_HOST = BACKUP.replace("client.baseURL = BACKUP_URL;", "client.baseURL = client.baseURL.trim();");

const valid: ValidCase[] = [
  { name: "retry: the catch points the library at its fallback host before calling itself (anything-llm)", code: RERANKER, filename: "server/utils/reranker.js" },
  { name: "retry: another style, a function that moves its base URL to the backup", code: BACKUP, filename: "server/rates.js" },
  { name: "fetch of a Request a helper of the file builds from the incoming request, options naming no signal (formbricks)", code: PROXY, filename: "modules/hub/proxy.ts", files: NEXT },
  { name: "another style: new Request(url, req) written in the call", code: INLINE, filename: "app/api/events/route.ts", files: NEXT },
];

const invalid: InvalidCase[] = [
  { name: "a Request built from the code's own options: no signal anyone owns", code: OWN_INIT, filename: "app/api/records/route.ts", files: NEXT, output: null, findings: [{ case: "call", line: 3, column: 10, endColumn: 15, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: OWN_INIT.replace('{ cache: "no-store" }', '{ cache: "no-store", signal: AbortSignal.timeout(10000) }') }] }] },
];

invalid.push({ name: "retry: the failure path sets the same host again and calls itself", code: SAME_HOST, filename: "server/rates.js", output: null, findings: [{ case: "retry", line: 11, column: 12, endColumn: 23, suggestions: [{ title: "Wait 5000 ms before trying again", output: SAME_HOST.replace("    return loadRates();", "    await new Promise((resolve) => setTimeout(resolve, 5000));\n    return loadRates();") }] }] });

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
