import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Held round 42 (retired to tune), session 39, developer ub39: a file's own axios helper that hands its
// `config` parameter on whole (`axios.get(url, config)`), every call passing options without a
// `timeout` or `signal`, is reported at its raw call, as a fetch helper handing its init on is
// (retired round 30). HeitorPupim/auto-ecom-api `src/workers/tinyerp-sync.worker.ts:60`, decided: a
// retry helper whose every caller passes only headers and params. Rows in TypeScript as in the
// repository (with its recursive retry call) and hand-made in CommonJS with `axios.post(url, body, opts)`.

const PKG = { "package.json": '{ "name": "api", "dependencies": { "axios": "^1.7.0", "bullmq": "^5.0.0" } }' };

const RETRY = (caller: string, exported = "") => dedent`
  import axios from "axios";

  ${exported}async function makeRequestWithRetry(url: string, config: any, retries = 5): Promise<any> {
    try {
      return await axios.get(url, config);
    } catch (error: any) {
      if (retries > 0 && error.response?.status === 429) {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        return makeRequestWithRetry(url, config, retries - 1);
      }
      throw error;
    }
  }

  export async function syncProducts(token: string) {
    const response = await makeRequestWithRetry("https://api.tiny.com.br/public-api/v3/produtos", ${caller});
    return response.data.itens;
  }
`;

const POST = (opts: string) => dedent`
  const axios = require("axios");

  function send(url, body, opts) {
    return axios.post(url, body, opts);
  }

  module.exports.notify = async (text) => {
    await send("https://hooks.example.com/notify", { text }, ${opts});
  };
`;

const HEADERS = '{ headers: { Authorization: `Bearer ${token}` }, params: { limit: 100 } }';

// Only the case the rows name: the retry helper's own retry and the client are other rows' business.
const callOnly = { ...unboundedCall, cases: { call: unboundedCall.cases.call } } as typeof unboundedCall;

new RuleTester().run(callOnly, {
  valid: [
    { name: "an exported axios helper stays the caller's", code: RETRY(HEADERS, "export "), filename: "src/workers/sync.ts", files: PKG },
    { name: "a caller gives the helper a timeout", code: RETRY('{ headers: { Authorization: `Bearer ${token}` }, timeout: 10000 }'), filename: "src/workers/sync.ts", files: PKG },
    { name: "CommonJS (hand-made): a caller passes options from elsewhere", code: POST("module.exports.options"), filename: "src/notify.js", files: PKG },
  ],
  invalid: [
    {
      name: "a retry helper handing config on whole, every caller passing only headers and params (round 42, auto-ecom-api)",
      code: RETRY(HEADERS),
      filename: "src/workers/sync.ts",
      files: PKG,
      findings: [{ case: "call", line: 5, column: 18, endLine: 5, endColumn: 27, suggestions: [{ title: "Set timeout to 10000 ms", output: RETRY(HEADERS).replace("axios.get(url, config)", "axios.get(url, { ...config, timeout: 10000 })") }] }],
      output: null,
    },
    {
      name: "CommonJS (hand-made): axios.post(url, body, opts) with opts from every caller lacking a bound",
      code: POST('{ headers: { "Content-Type": "application/json" } }'),
      filename: "src/notify.js",
      files: PKG,
      findings: [{ case: "call", line: 4, column: 10, endLine: 4, endColumn: 20, suggestions: [{ title: "Set timeout to 10000 ms", output: POST('{ headers: { "Content-Type": "application/json" } }').replace("axios.post(url, body, opts)", "axios.post(url, body, { ...opts, timeout: 10000 })") }] }],
      output: null,
    },
  ],
});
