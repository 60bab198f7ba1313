import rule from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 40, developer produb40: production grist-core (eval/production, seed 20261402), a false retry finding triaged
// blind: `getAvailablePort` (app/server/lib/serverUtils.ts:51) probes local ports, its `.catch(() => checkNext(port + 1))`
// asking for the next port of a local `listen`, capped by `port > lastPort`, with no `EADDRINUSE` test. The docs'
// next-port convention (a local bind, nothing outbound asked again) holds without the error code test too.
// Rows in grist's style, hand-made in CommonJS with an `error` listener, and the same listen on the same port kept.

const PROBE = dedent`
  import * as net from "net";
  export function getAvailablePort(firstPort: number = 8000, optCount: number = 200): Promise<number> {
    const lastPort = firstPort + optCount - 1;
    function checkNext(port: number): Promise<number> {
      if (port > lastPort) {
        throw new Error("No available ports between " + firstPort + " and " + lastPort);
      }
      return new Promise<number>((resolve, reject) => {
        const server = net.createServer();
        server.on("error", reject);
        server.on("close", () => resolve(port));
        server.listen(port, "localhost", () => server.close());
      })
        .catch(() => checkNext(port + 1));
    }
    return checkNext(firstPort);
  }
`;

const LISTENER = dedent`
  const http = require("http");
  const app = require("./app");
  function boot(httpPort) {
    const server = http.createServer(app);
    server.on("error", (err) => {
      console.warn("port " + httpPort + " unavailable", err.message);
      boot(httpPort + 1);
    });
    server.listen(httpPort);
  }
  boot(Number(process.env.PORT) || 3000);
`;

const SAME_PORT = dedent`
  const http = require("http");
  const app = require("./app");
  function boot(httpPort) {
    const server = http.createServer(app);
    server.on("error", (err) => {
      console.warn("port " + httpPort + " unavailable", err.message);
      boot(httpPort);
    });
    server.listen(httpPort);
  }
  boot(Number(process.env.PORT) || 3000);
`;

const valid: ValidCase[] = [
  { name: "retry: a port probe whose .catch asks for the next local port (grist getAvailablePort)", filename: "app/server/lib/serverUtils.ts", code: PROBE },
  { name: "retry: another style, an error listener that listens on the next port, no EADDRINUSE test", filename: "server.js", code: LISTENER },
];

const invalid: InvalidCase[] = [
  {
    name: "retry: the same listen asked again on the same port stays reported",
    filename: "server.js",
    code: SAME_PORT,
    findings: [{ case: "retry", line: 7, column: 5, endLine: 7, endColumn: 19, suggestions: [{ title: "Try again after 5000 ms", output: SAME_PORT.replace("    boot(httpPort);", "    setTimeout(() => boot(httpPort), 5000);") }] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
