import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 39 (prod39), production uptime-kuma's notification providers: `let result = await axios(config)` that
// nothing assigns again holds the awaited reply as a `const` does, so axios' own status test (it rejects a reply
// outside 2xx) counts past it (dingding.js:77, aliyun-sms.js:82, docker.js:90). And `throw Error(\`…\`)` without
// `new` builds the same error as `throw new Error(…)`: a field only wording it is no use (smspartner.js shape).
// Rows in uptime-kuma's CommonJS class shape and in a hand-written TypeScript service.

const PKG = { "package.json": '{ "name": "app", "dependencies": { "axios": "^1.7.0", "joi": "^17.0.0" } }\n' };

const DINGDING = (decl: string, after = "") => dedent`
  const axios = require("axios");
  class DingDing {
    async sendToDingDing(config) {
      ${decl} result = await axios(config);${after}
      if (result.data.errmsg === "ok") {
        return true;
      }
      throw new Error(result.data.errmsg);
    }
  }
  module.exports = DingDing;
`;

const GATEWAY = (thrown: string) => dedent`
  import axios from "axios";

  export async function sendSms(url: string, to: string, text: string): Promise<string> {
    let resp = await axios.post(url, { to, text });
    if (resp.data.success !== true) {
      throw ${thrown}(\`Gateway returned \${resp.data.status}\`);
    }
    return "Sent Successfully.";
  }
`;

const valid: ValidCase[] = [
  { name: "uptime-kuma: a let reply never assigned again, its errmsg only compared and worded into the error", filename: "server/notification-providers/dingding.js", files: PKG, code: DINGDING("let") },
  { name: "a TypeScript service: throw Error(`…`) without new words the error like new Error", filename: "src/sms.ts", files: PKG, code: GATEWAY("Error") },
];

const row = (name: string, code: string, filename: string, line: number, column: number, endColumn: number): InvalidCase => ({
  name,
  code,
  filename,
  files: PKG,
  findings: [{ case: "fetchJson", line, column, endColumn, suggestions: [mark(code, "fetchJson", line)] }],
  output: null,
});

const invalid: InvalidCase[] = [
  row("a let assigned again holds something else past the status test", DINGDING("let", "\n    if (!result.data) result = { data: JSON.parse(config.data) };"), "server/notification-providers/dingding.js", 5, 8, 19),
  row("a call of a project's own error factory without new is no built-in error", GATEWAY("gatewayError"), "src/sms.ts", 5, 7, 16),
];

runWithNamedCases(valid, invalid);
