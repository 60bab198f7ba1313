import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { RuleTester } from "../../helpers/rule-tester";

// Session 39 (prod39): uptime-kuma sets `axios.defaults.timeout = 300 * 1000` in the constructor of
// the server object `server.js` builds at start (`server/uptime-kuma-server.js`), and its 70-odd
// notification providers call axios' default instance with no timeout of their own. The profile
// finds that module once per project (src/profile/axios-defaults.ts); a call on the default instance
// of a file that runs in that process relies on it. Rows in uptime-kuma's CommonJS shape and in a
// hand-written TypeScript service whose `bootstrap()` sets it.

const narrowed = { ...unboundedCall, cases: { call: unboundedCall.cases.call } } as typeof unboundedCall;
const AXIOS = "Set timeout to 10000 ms";

const MANIFEST = '{ "name": "uptime-kuma", "dependencies": { "axios": "^1.7.0", "express": "^4.21.0" } }';
const SERVER = (value = "300 * 1000", where: "constructor" | "handler" = "constructor") =>
  where === "constructor"
    ? `const axios = require("axios");\nclass UptimeKumaServer {\n  constructor() {\n    axios.defaults.timeout = ${value};\n  }\n}\nmodule.exports = { UptimeKumaServer };\n`
    : `const axios = require("axios");\nfunction onRequest(req, res) {\n  axios.defaults.timeout = ${value};\n}\nmodule.exports = { onRequest };\n`;
const KUMA = (value?: string, where?: "constructor" | "handler") => ({ "package.json": MANIFEST, "server/uptime-kuma-server.js": SERVER(value, where) });
const WEBHOOK = 'const axios = require("axios");\nclass Webhook {\n  async send(notification, data) {\n    await axios.post(notification.webhookURL, data);\n    return "Sent Successfully.";\n  }\n}\nmodule.exports = Webhook;\n';

const NEST = {
  "package.json": '{ "name": "api", "dependencies": { "axios": "^1.7.0", "@nestjs/core": "^10.0.0" } }',
  "src/main.ts": 'import axios from "axios";\nimport { NestFactory } from "@nestjs/core";\nimport { AppModule } from "./app.module";\n\nasync function bootstrap() {\n  axios.defaults.timeout = 15_000;\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nbootstrap();\n',
};
const GITHUB = 'import axios from "axios";\n\nexport async function latestRelease(repo: string) {\n  const { data } = await axios.get(`https://api.github.com/repos/${repo}/releases/latest`);\n  return data.tag_name as string;\n}\n';

new RuleTester().run(narrowed, {
  valid: [
    { name: "uptime-kuma: a notification provider's axios.post, the server's constructor sets axios.defaults.timeout", filename: "server/notification-providers/webhook.js", files: KUMA(), code: WEBHOOK },
    { name: "a TypeScript service whose bootstrap() sets axios.defaults.timeout: another module's axios.get", filename: "src/github/releases.ts", files: NEST, code: GITHUB },
  ],
  invalid: [
    {
      name: "a script under scripts/ runs in its own process: the server's default is not set there",
      filename: "scripts/check-release.ts",
      files: NEST,
      code: GITHUB,
      findings: [{ case: "call", line: 4, column: 26, endColumn: 35, suggestions: [{ title: AXIOS, output: GITHUB.replace("latest`);", "latest`, { timeout: 10000 });") }] }],
      output: null,
    },
    {
      name: "a package that does not declare axios is not walked for its defaults (the lead's review: the walk reads every source file)",
      filename: "server/notification-providers/webhook.js",
      files: { ...KUMA(), "package.json": '{ "name": "uptime-kuma", "dependencies": { "express": "^4.21.0" } }' },
      code: WEBHOOK,
      findings: [{ case: "call", line: 4, column: 11, endColumn: 21, suggestions: [{ title: AXIOS, output: WEBHOOK.replace("data);", "data, { timeout: 10000 });") }] }],
      output: null,
    },
    {
      name: "a default of 0 (axios' own: no timeout) bounds nothing",
      filename: "server/notification-providers/webhook.js",
      files: KUMA("0"),
      code: WEBHOOK,
      findings: [{ case: "call", line: 4, column: 11, endColumn: 21, suggestions: [{ title: AXIOS, output: WEBHOOK.replace("data);", "data, { timeout: 10000 });") }] }],
      output: null,
    },
    {
      name: "a default set inside a request handler is not the process's until that request comes",
      filename: "server/notification-providers/webhook.js",
      files: KUMA("5000", "handler"),
      code: WEBHOOK,
      findings: [{ case: "call", line: 4, column: 11, endColumn: 21, suggestions: [{ title: AXIOS, output: WEBHOOK.replace("data);", "data, { timeout: 10000 });") }] }],
      output: null,
    },
  ],
});
