import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Retired held round 46 (session 43, hsuc): Webhook_Registry `moleculer-microservice/src/utils/post.ts:86`, an
// unbounded-call/retry FN. A request whose error-first callback asks again at once: `req` hands `errorCallback` to the
// request, and `errorCallback`, on an error, calls `req` again with no delay (capped by maxTries). The callback is the
// request's failure path, as a `.catch(…)` handler or an `error` listener is; the call runs on an error when it sits in
// the `then` of `if (err)`, the `else` of `if (!err)`, or after an `if (!err) return …;` of the same block.

// Webhook_Registry's style: a TypeScript class, the callback an arrow and the sender a function declaration.
const POST = (retry: string) => `import http from "http";

export class PostRequest {
  constructor(private data: string) {}

  private send(url: string, callback: (err?: Error) => void, timeout: number) {
    const req = http.request(url, { method: "POST", timeout }, (res) => callback(res.statusCode === 200 ? undefined : new Error(\`Status code: \${res.statusCode}\`)));
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", (e) => callback(e));
    req.end(this.data);
  }

  public post(url: string, maxTries = 3): Promise<void> {
    let tries = 0;
    let lastTimeout = 1000;
    const self = this;
    return new Promise((resolve, reject) => {
      const errorCallback = (err?: Error) => {
        if (err) {
          lastTimeout = 2 * lastTimeout;
          ${retry};
        } else {
          resolve();
        }
      };
      function req(timeout: number) {
        tries += 1;
        if (tries > maxTries) {
          reject(new Error(\`Max tries reached: \${maxTries}\`));
          return;
        }
        self.send(url, errorCallback, timeout);
      }
      req(lastTimeout);
    });
  }
}
`;
// Another style: CommonJS, the request library's callback a function declaration that leaves early on success.
const DELIVER = (retry: string) => `const request = require("request");

function deliver(url, body, done) {
  function attempt() {
    request.post({ url, json: body, timeout: 5000 }, onReply);
  }
  function onReply(error, res) {
    if (!error) return done(null, res.statusCode);
    console.warn("delivery failed", error.message);
    ${retry};
  }
  attempt();
}
module.exports = deliver;
`;
// A crawler's callback that asks for the next page on success only: pagination, no retry.
const PAGES = `const request = require("request");

function crawl(url, page, done) {
  function fetchPage() {
    request.get({ url: url + "?page=" + page, timeout: 5000 }, onPage);
  }
  function onPage(err, res, body) {
    if (err) return done(err);
    if (JSON.parse(body).next) {
      page += 1;
      fetchPage();
    } else done(null);
  }
  fetchPage();
}
module.exports = crawl;
`;

const valid: ValidCase[] = [
  { name: "the callback waits before asking again (setTimeout)", code: POST("setTimeout(() => req(lastTimeout), lastTimeout)"), filename: "src/utils/post.ts" },
  { name: "the callback only rejects on an error", code: POST("reject(err)"), filename: "src/utils/post.ts" },
  { name: "the early-exit callback waits before asking again (JS)", code: DELIVER("setTimeout(attempt, 2000)"), filename: "src/deliver.js" },
  { name: "a callback that asks for the next page on success only", code: PAGES, filename: "src/crawl.js" },
];

const invalid: InvalidCase[] = [
  { name: "an arrow error callback calls the sender again at once (TS)", code: POST("req(lastTimeout)"), filename: "src/utils/post.ts", output: null, findings: [
    { case: "retry", line: 21, column: 11, endColumn: 27, suggestions: [{ title: "Try again after 5000 ms", output: POST("setTimeout(() => req(lastTimeout), 5000)") }] },
  ] },
  { name: "a callback declaration that leaves early on success, then asks again (JS)", code: DELIVER("attempt()"), filename: "src/deliver.js", output: null, findings: [
    { case: "retry", line: 10, column: 5, endColumn: 14, suggestions: [{ title: "Try again after 5000 ms", output: DELIVER("setTimeout(() => attempt(), 5000)") }] },
  ] },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => named.has(id))) } as typeof unboundedCall;
new RuleTester().run(narrowed, { valid, invalid });
