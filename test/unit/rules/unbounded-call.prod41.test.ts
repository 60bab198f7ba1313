import rule from "../../../src/rules/unbounded-call/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 41, developer hs41: production inbox-zero and dub, triaged blind.
// - Test code: a retry loop of a Playwright helper under `__tests__/` (inbox-zero's `navigateUntilReady`, capped at two
//   attempts against the app the suite started), and Playwright support in a `playwright/` folder (dub's `mailhog.ts`).
// - A signal that is the caller's or a timeout of the call's own (`options.signal ?? AbortSignal.timeout(…)`, dub's
//   `lib/http/base-client.ts:226`): bounded.
// - A method's name is no binding inside it: a bare `labelMessage(…)` in the catch of the `labelMessage` method is the
//   imported function's call, not the method calling itself (inbox-zero's `utils/email/google.ts:759`).

const NEXT_PKG = '{ "name": "web", "dependencies": { "next": "15.0.0", "react": "19.0.0" } }';
const NODE_PKG = '{ "name": "api", "dependencies": { "express": "^4.21.0" } }';

// inbox-zero's style: a Playwright helper's re-navigation, two attempts.
const NAVIGATE = `import { expect, type Locator, type Page } from "@playwright/test";
export async function navigateUntilReady(page: Page, url: string, ready: Locator) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fetch(url);
      await expect(ready).toBeVisible({ timeout: 60_000 });
      return;
    } catch (error) {
      if (attempt === 1) throw error;
    }
  }
}
`;
// Another style: a Cypress support command in JavaScript, re-asking the local API at once.
const CYPRESS = `const axios = require("axios");
async function seed(url) {
  for (let i = 0; i < 3; i++) {
    try {
      return await axios.post(url, {}, { timeout: 5000 });
    } catch (e) {
      if (i === 2) throw e;
    }
  }
}
module.exports = { seed };
`;
// dub's style: Playwright support polling MailHog, in a \`playwright/\` folder.
const MAILHOG = 'export async function getMessages(base: string) {\n  const res = await fetch(`${base}/api/v2/messages`);\n  return res.json();\n}\n';

// dub's style: a class whose private request method takes the caller's signal or a timeout of its own.
const BASE_CLIENT = `export class HttpClient {
  private readonly timeout = 30_000;
  async get(path: string, options: { signal?: AbortSignal; timeout?: number }) {
    return this.request("GET", path, options);
  }
  private async request(method: string, path: string, options: { signal?: AbortSignal; timeout?: number }) {
    const signal = options.signal ?? AbortSignal.timeout(options.timeout ?? this.timeout);
    const response = await fetch(\`https://api.acme.io\${path}\`, { method, signal });
    return response.json();
  }
}
`;
// Another style: a JavaScript helper with the fallback written inline.
const INLINE_SIGNAL = `async function getJson(url, init) {
  const res = await fetch(url, { headers: { accept: "application/json" }, signal: init.signal || AbortSignal.timeout(5000) });
  return res.json();
}
exports.list = () => getJson("https://api.acme.io/items", {});
`;

// inbox-zero's style: the method calls the imported helper of the same name again after a get-or-create.
const LABEL = `import { getOrCreateLabel, labelMessage } from "./gmail";
export class GmailProvider {
  async labelMessage({ messageId, labelId, labelName }: { messageId: string; labelId: string; labelName: string }) {
    try {
      await labelMessage({ messageId, addLabelIds: [labelId] });
    } catch (error) {
      const label = await getOrCreateLabel({ name: labelName });
      await labelMessage({ messageId, addLabelIds: [label.id] });
    }
  }
}
`;
// Another style: an object literal's method calling the module's function of the same name from its catch.
const OBJECT_METHOD = `const { connect } = require("./db");
module.exports = {
  async connect(url) {
    try {
      return await connect(url);
    } catch (e) {
      console.warn("reconnecting", e);
      return connect(url);
    }
  },
};
`;
// The neighbour: the method calling itself through \`this\`.
const SELF = `import { labelMessage } from "./gmail";
export class GmailProvider {
  async labelMessage(messageId: string, labelId: string): Promise<void> {
    try {
      await labelMessage({ messageId, addLabelIds: [labelId] });
    } catch (error) {
      return this.labelMessage(messageId, labelId);
    }
  }
}
`;

const valid: ValidCase[] = [
  { name: "retry: inbox-zero's Playwright helper under __tests__/", filename: "apps/web/__tests__/playwright/emulated/cleanup/cleanup-test-helpers.ts", files: { "apps/web/package.json": NEXT_PKG }, code: NAVIGATE },
  { name: "retry: another style, a Cypress support command in JavaScript", filename: "cypress/support/seed.js", files: { "package.json": NODE_PKG }, code: CYPRESS },
  { name: "call: dub's Playwright support in a playwright/ folder", filename: "apps/web/playwright/mailhog.ts", files: { "apps/web/package.json": NEXT_PKG }, code: MAILHOG },
  { name: "call: the caller's signal, else a timeout of the call's own", filename: "apps/web/lib/http/base-client.ts", files: { "apps/web/package.json": NEXT_PKG }, code: BASE_CLIENT },
  { name: "call: another style, the fallback inline in a JavaScript helper", filename: "src/lib/api.js", files: { "package.json": NODE_PKG }, code: INLINE_SIGNAL },
  { name: "retry: a method's bare call of the imported function of its name", filename: "apps/web/utils/email/google.ts", files: { "apps/web/package.json": NEXT_PKG }, code: LABEL },
  { name: "retry: another style, an object literal's method and the required function", filename: "src/store.js", files: { "package.json": NODE_PKG }, code: OBJECT_METHOD },
];

const invalid: InvalidCase[] = [
  {
    name: "retry: the same loop in product code stays reported",
    filename: "src/lib/seed.js",
    files: { "package.json": NODE_PKG },
    code: CYPRESS,
    findings: [{ case: "retry", line: 3, column: 3, endColumn: 6, suggestions: [
      { title: "Wait between attempts (capped exponential backoff with jitter)", output: CYPRESS.replace("      if (i === 2) throw e;\n", "      if (i === 2) throw e;\n      await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** i) * (0.5 + Math.random() / 2)));\n") },
    ] }],
    output: null,
  },
  {
    name: "call: the same MailHog poll in the app's own code stays reported",
    filename: "apps/web/lib/mailhog.ts",
    files: { "apps/web/package.json": NEXT_PKG },
    code: MAILHOG,
    findings: [{ case: "call", line: 2, column: 21, endColumn: 26, suggestions: [
      { title: "Abort after 10000 ms with AbortSignal.timeout", output: MAILHOG.replace("/api/v2/messages`)", "/api/v2/messages`, { signal: AbortSignal.timeout(10000) })") },
    ] }],
    output: null,
  },
  {
    name: "retry: the method calling itself through this stays reported",
    filename: "apps/web/utils/email/google.ts",
    files: { "apps/web/package.json": NEXT_PKG },
    code: SELF,
    findings: [{ case: "retry", line: 7, column: 14, endColumn: 51, suggestions: [
      { title: "Wait 5000 ms before trying again", output: SELF.replace("      return this.labelMessage", "      await new Promise((resolve) => setTimeout(resolve, 5000));\n      return this.labelMessage") },
    ] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
