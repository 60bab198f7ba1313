import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Held round 23 (issue 11), retired: a manual check script named like a test in camelCase
// (`testWebhook.js`, beside `test-webhook.js`) is run by the developer against the app on this
// machine, as the dashed names are: not reported. A capital must follow `test` (`testimonials.js`
// is product code), and a localhost call in product code is still reported. Hand-written rows.

const files = { "package.json": '{ "type": "module", "dependencies": { "axios": "1.7.0", "express": "4.19.2" } }\n' };

const CHECK = (base: string) => dedent`
  import axios from "axios";
  const baseURL = "${base}";
  async function sendHello() {
    const response = await axios.post(\`\${baseURL}/inbound\`, { from: "15550001", text: "hello" });
    console.log(response.status);
  }
  sendHello();
`;
const timed = (code: string) => code.replace('text: "hello" })', 'text: "hello" }, { timeout: 10000 })');

const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => id === "call")) } as typeof unboundedCall;

new RuleTester().run(narrowed, {
  valid: [
    { name: "check script (camelCase) posting to localhost", filename: "testInbound.js", files, code: CHECK("http://localhost:3000/webhooks") },
    { name: "check script (camelCase) in scripts/", filename: "scripts/testInbound.mjs", files, code: CHECK("http://127.0.0.1:8080/hooks") },
  ],
  invalid: [
    {
      name: "a capital does not follow `test`: product code",
      filename: "src/testimonials.js",
      files,
      code: CHECK("https://reviews.example.com"),
      findings: [{ case: "call", line: 4, column: 26, endColumn: 36, suggestions: [{ title: "Set timeout to 10000 ms", output: timed(CHECK("https://reviews.example.com")) }] }],
      output: null,
    },
    {
      name: "product code posting to localhost",
      filename: "src/relay.js",
      files,
      code: CHECK("http://localhost:3000/webhooks"),
      findings: [{ case: "call", line: 4, column: 26, endColumn: 36, suggestions: [{ title: "Set timeout to 10000 ms", output: timed(CHECK("http://localhost:3000/webhooks")) }] }],
      output: null,
    },
  ],
});
