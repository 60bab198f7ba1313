import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Retired held round 36 (session 33, ub33c). Hand-written rows.

// The request library and its promise wrappers have no default timeout (the README's `timeout` option: "Integer
// containing number of milliseconds"; nothing is set unless given): a call without it waits as long as the other side
// does, like got or superagent (xChat server/utils/openai.js:24, a request-promise POST to OpenAI, debatable finding).
const NODE = { "package.json": "{ \"name\": \"server\", \"dependencies\": { \"koa\": \"^2.0.0\", \"request-promise\": \"^4.2.6\", \"request\": \"^2.88.2\" } }\n" };

const RP = (options: string) => dedent`
  const rp = require("request-promise");
  const callCompletions = async (prompt) => {
    var options = {
      method: "POST",
      uri: "https://api.openai.com/v1/completions",
      body: { prompt: prompt },
      json: true,${options}
    };
    return await rp(options);
  };
  module.exports = callCompletions;
`;
// Another shape: the callback API with a URL first, and `request.defaults` building a client.
const CALLBACK = (call: string) => dedent`
  import request from "request";
  const url = "https://status.example.com/health";
  export function ping(done: (err: unknown) => void) {
    ${call}
  }
`;

const valid: ValidCase[] = [
  { name: "request-promise with a timeout in its options const", code: RP("\n    timeout: 15000,"), filename: "server/utils/openai.js", files: NODE },
  { name: "request.get with a URL and options that set a timeout", code: CALLBACK("request.get(url, { timeout: 5000 }, (err) => done(err));"), filename: "server/ping.ts", files: NODE },
  { name: "request.defaults with a timeout", code: CALLBACK("const client = request.defaults({ timeout: 5000 });\n  client(url, (err) => done(err));"), filename: "server/ping.ts", files: NODE },
];

function call(name: string, code: string, filename: string, line: number, column: number, endColumn: number, title: string | null, output?: string): InvalidCase {
  const suggestions = title ? [{ title, output: output! }] : [];
  return { name, code, filename, files: NODE, findings: [{ case: "call", line, column, endColumn, ...(title ? { suggestions } : {}) }], output: null };
}

const invalid: InvalidCase[] = [
  call("request-promise POST with options and no timeout", RP(""), "server/utils/openai.js", 9, 16, 18, "Set request's timeout to 10000 ms", RP("").replace("return await rp(options);", "return await rp({ ...options, timeout: 10000 });")),
  call("request.get with a URL and a callback only", CALLBACK("request.get(url, (err) => done(err));"), "server/ping.ts", 4, 3, 14, null),
  call("request with a URL and options that set no timeout", CALLBACK("request(url, { json: true }, (err) => done(err));"), "server/ping.ts", 4, 3, 10, "Set request's timeout to 10000 ms", CALLBACK("request(url, { json: true, timeout: 10000 }, (err) => done(err));")),
];
invalid.push({ name: "request.defaults with no timeout", code: CALLBACK("const client = request.defaults({ json: true });\n  client(url, (err) => done(err));"), filename: "server/ping.ts", files: NODE, findings: [{ case: "client", line: 4, column: 18, endColumn: 34, suggestions: [{ title: "Set request's timeout to 10000 ms", output: CALLBACK("const client = request.defaults({ json: true, timeout: 10000 });\n  client(url, (err) => done(err));") }] }], output: null });

// Only the cases these rows exercise (retry has its own tables).
const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => named.has(id))) } as typeof unboundedCall;
new RuleTester().run(narrowed, { valid, invalid });
