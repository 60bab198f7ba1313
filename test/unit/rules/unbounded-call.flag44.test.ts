import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 44 (hsuc), production uptime-kuma's `server/model/monitor.js:1182`, an unbounded-call/retry false finding: the
// catch of a request method calls the method again with `true` for a flag parameter it tests first (`if (status === 401
// && !finalCall) { token = await refresh(); return this.makeAxiosRequest(options, true); }`), so the second failure
// cannot call again: one more attempt, capped like `retries - 1`. Also the early exit `if (finalCall) throw error;`
// before the call. A `true` the path does not test, or a test of another flag, stays reported.

const FILES = { "package.json": '{ "name": "monitor", "dependencies": { "axios": "^1.7.0" } }\n' };

const MONITOR = (guard: string, before = "") => `const axios = require("axios");

class Monitor {
    async makeAxiosRequest(options, finalCall = false, verbose = false) {
        try {
            return await axios.request({ ...options, timeout: 48000 });
        } catch (error) {
            ${before}if (${guard}) {
                this.oauthAccessToken = await this.makeOidcTokenClientCredentialsRequest();
                options.headers = { ...options.headers, Authorization: "Bearer " + this.oauthAccessToken.access_token };
                return this.makeAxiosRequest(options, true);
            }
            throw error;
        }
    }
}
module.exports = Monitor;
`;

const valid: ValidCase[] = [
  { name: "one more call under `&& !finalCall`", code: MONITOR('this.auth_method === "oauth2-cc" && error.response.status === 401 && !finalCall'), filename: "server/model/monitor.js", files: FILES },
  { name: "one more call after `if (finalCall) throw error;`", code: MONITOR("error.response.status === 401", "if (finalCall) throw error;\n            "), filename: "server/model/monitor.js", files: FILES },
];

const invalid: InvalidCase[] = [
  { name: "`true` passed but the flag never tested", code: MONITOR("error.response.status === 401"), filename: "server/model/monitor.js", files: FILES, output: null, findings: [
    { case: "retry", line: 11, column: 24, endColumn: 60, suggestions: [{ title: "Wait 5000 ms before trying again", output: MONITOR("error.response.status === 401").replace("return this.makeAxiosRequest(options, true);", "await new Promise((resolve) => setTimeout(resolve, 5000));\n                return this.makeAxiosRequest(options, true);") }] },
  ] },
  { name: "another flag tested", code: MONITOR("error.response.status === 401 && !verbose"), filename: "server/model/monitor.js", files: FILES, output: null, findings: [
    { case: "retry", line: 11, column: 24, endColumn: 60, suggestions: [{ title: "Wait 5000 ms before trying again", output: MONITOR("error.response.status === 401 && !verbose").replace("return this.makeAxiosRequest(options, true);", "await new Promise((resolve) => setTimeout(resolve, 5000));\n                return this.makeAxiosRequest(options, true);") }] },
  ] },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => named.has(id))) } as typeof unboundedCall;
new RuleTester().run(narrowed, { valid, invalid });
