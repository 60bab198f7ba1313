import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 41, developer prodnew41: production dub (eval/production, seed 20261411) and inbox-zero (seed
// 20261410), false findings of unvalidated-boundary triaged blind:
// - an error body read only in the `else` of the response's success test: the body read before
//   `if (rawResponse.ok)` and only its `error` read in the `else` (apps/web/ui/workspaces/invite-teammates-form.tsx:76),
//   and `if (res.status === 200) { … } else { const { error } = await res.json(); … }`
//   (apps/web/ui/links/link-builder/use-link-builder-submit.tsx:122);
// - Playwright fixtures reading the auth file their own setup project wrote (apps/web/playwright/api/fixtures.ts:20,
//   playwright/api/conversions/helpers.ts:15): a module importing a test runner's API is test code.
// - a reply's URL navigated to only after a negated call of a function named for an allowlist
//   (`if (!isAllowedSyncUXOrigin(json.applyUrl as string)) { toast.error(…); return; }`, apps/web/ui/domains/domain-configuration.tsx:79).
// Rows in dub's React/TypeScript style, and hand-made in CommonJS server code and a vitest helper.

const NEXT = { "package.json": '{ "name": "web", "dependencies": { "next": "^15.0.0", "react": "^19.0.0" } }' };

const lineOf = (code: string, text: string): number => code.split("\n").findIndex((l) => l.includes(text)) + 1;
const colOf = (code: string, text: string): number => code.split("\n")[lineOf(code, text) - 1]!.indexOf(text) + 1;

// dub's invite form: the body read before the ok test, its error read only in the else.
const INVITE = dedent`
  "use client";
  import { toast } from "sonner";

  export function useInvite(id: string, openTrialLimitModal: (k: string) => void, onSuccess?: () => void) {
    return async (teammates: { email: string }[]) => {
      const rawResponse = await fetch(\`/api/workspaces/\${id}/invites\`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ teammates }),
      });
      const response = await rawResponse.json();
      if (rawResponse.ok) {
        toast.success("Invitations sent!");
        onSuccess?.();
      } else {
        const { code, message } = response.error;
        if (code === "exceeded_limit") openTrialLimitModal("users");
        toast.error(message);
        throw new Error(message);
      }
    };
  }
`;

// dub's link builder: the else of a test for one success status.
const SUBMIT = dedent`
  "use client";
  import { toast } from "sonner";

  export function useSubmit(url: string, setError: (field: string, e: { message: string }) => void) {
    return async (bodyData: Record<string, unknown>) => {
      const res = await fetch(url, { method: "POST", body: JSON.stringify(bodyData) });
      if (res.status === 200) {
        toast.success("Successfully created link!");
      } else {
        const { error } = await res.json();
        if (error) {
          const message = error.message.toLowerCase();
          if (message.includes("key")) setError("key", { message: error.message });
          else setError("root", { message: "Failed to save link" });
        } else {
          toast.error("Failed to save link");
        }
      }
    };
  }
`;

// Another style: CommonJS server code, a provider's 201 tested with ==, the error body logged and kept.
const CREATE_ORDER = dedent`
  const logger = require("./logger");

  exports.createOrder = async (order) => {
    const r = await fetch("https://api.example.com/orders", { method: "POST", body: JSON.stringify(order), signal: AbortSignal.timeout(5000) });
    if (r.status == 201) {
      return { created: true };
    } else {
      const body = await r.json();
      logger.warn("order rejected", body.detail);
      return { created: false, reason: body.detail || "rejected" };
    }
  };
`;

// The else of a test for a failure status lets a success in: the body there is the answer.
const NOT_FOUND = dedent`
  const db = require("./db");

  exports.syncItems = async (id) => {
    const r = await fetch("https://api.example.com/items/" + id, { signal: AbortSignal.timeout(5000) });
    if (r.status === 404) {
      return null;
    } else {
      const data = await r.json();
      await db.items.insertMany(data.items);
    }
  };
`;

// dub's Playwright API fixtures: the auth file their own setup project wrote.
const FIXTURES = dedent`
  import { test as base, type APIRequestContext } from "@playwright/test";
  import { readFileSync } from "fs";
  import path from "path";

  const authFile = path.join(__dirname, "../.auth/api.json");

  function loadApiAuth() {
    return JSON.parse(readFileSync(authFile, "utf-8")) as { token: string; workspaceId: string };
  }

  export const test = base.extend<{ api: APIRequestContext }>({
    api: async ({ playwright }, use) => {
      const { token } = loadApiAuth();
      const api = await playwright.request.newContext({ extraHTTPHeaders: { Authorization: \`Bearer \${token}\` } });
      await use(api);
    },
  });
`;

// Another style: a CommonJS vitest helper reading back the state its suite seeded.
const VITEST_HELPER = dedent`
  const { expect } = require("vitest");
  const fs = require("fs");

  exports.seededLedger = (dir) => {
    const ledger = JSON.parse(fs.readFileSync(dir + "/ledger.json", "utf8"));
    expect(ledger.entries.length).toBeGreaterThan(0);
    return ledger.entries;
  };
`;

// The playwright library itself (a scraper's browser) is no test runner: a file named on the command line stays input.
const SCRAPER = dedent`
  const { chromium } = require("playwright");
  const fs = require("fs");

  exports.scrape = async () => {
    const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
    const browser = await chromium.launch();
    const page = await browser.newPage();
    await page.goto(job.url);
    return page.content();
  };
`;

// dub's domain configuration: the apply URL allowlisted before navigation.
const APPLY = dedent`
  "use client";
  import { toast } from "sonner";
  import { isAllowedSyncUXOrigin } from "@/lib/domain-connect/allowed-origins";

  export function useAutoConfigure(domain: string, workspaceId: string) {
    return async () => {
      const res = await fetch(\`/api/domains/\${encodeURIComponent(domain)}/domain-connect/apply?workspaceId=\${workspaceId}\`, { method: "POST" });
      const json = await res.json().catch(() => ({}));
      if (!res.ok) {
        toast.error(json?.error?.message ?? "Could not start auto configure.");
        return;
      }
      if (json?.applyUrl) {
        if (!isAllowedSyncUXOrigin(json.applyUrl as string)) {
          toast.error("Invalid redirect URL from server.");
          return;
        }
        window.location.assign(json.applyUrl as string);
      }
    };
  }
`;

// Another style: CommonJS server code, a provider's next URL tested by a trusted-host method in an || guard before the redirect.
const NEXT_URL = dedent`
  const hosts = require("./hosts");

  exports.continueLogin = async (req, res) => {
    const r = await fetch("https://idp.example.com/session/" + req.session.sid, { signal: AbortSignal.timeout(5000) });
    if (!r.ok) return res.status(502).end();
    const data = await r.json();
    if (!data.next || !hosts.isTrustedHost(data.next)) return res.status(400).end();
    res.redirect(data.next);
  };
`;

// A check not named for an allowlist (a URL shape test): the navigation still goes where the reply says.
const SHAPE_ONLY = APPLY.replace(/isAllowedSyncUXOrigin/g, "isValidUrl");

// A valid row of this table: every one runs in the Next.js project.
const row = (name: string, filename: string, code: string): ValidCase => ({ name, filename, code, files: NEXT });

const valid: ValidCase[] = [
  row("fetchJson: the reply's URL allowlisted by isAllowed…() before navigation (dub domain configuration)", "apps/web/ui/domains/domain-configuration.tsx", APPLY),
  row("fetchJson: another style, hosts.isTrustedHost() in an || guard before a redirect in CommonJS", "src/login.js", NEXT_URL),
  row("fetchJson: a body read before the ok test, its error read only in the else (dub invite form)", "apps/web/ui/workspaces/invite-teammates-form.tsx", INVITE),
  row("fetchJson: the body read in the else of res.status === 200 (dub link builder)", "apps/web/ui/links/link-builder/use-link-builder-submit.tsx", SUBMIT),
  row("fetchJson: another style, the else of a == 201 test in CommonJS server code", "src/orders.js", CREATE_ORDER),
  row("jsonParseExternal: a Playwright fixture reading its setup's auth file (dub)", "apps/web/playwright/api/fixtures.ts", FIXTURES),
  row("jsonParseExternal: another style, a CommonJS vitest helper reading what its suite seeded", "src/support/ledger.js", VITEST_HELPER),
];

const invalid: InvalidCase[] = [
  markedRow("fetchJson: a check not named for an allowlist before navigation", SHAPE_ONLY, "apps/web/ui/domains/domain-configuration.tsx", NEXT, "fetchJson", lineOf(SHAPE_ONLY, "res.json()"), colOf(SHAPE_ONLY, "res.json()"), colOf(SHAPE_ONLY, "res.json()") + 10),
  markedRow("fetchJson: the else of a failure-status test lets a success in", NOT_FOUND, "src/items.js", NEXT, "fetchJson", lineOf(NOT_FOUND, "r.json()"), colOf(NOT_FOUND, "await r.json()") + 6, colOf(NOT_FOUND, "await r.json()") + 14),
  markedRow("jsonParseExternal: the playwright library is no test runner", SCRAPER, "src/scrape.js", NEXT, "jsonParseExternal", lineOf(SCRAPER, "JSON.parse"), colOf(SCRAPER, "JSON.parse"), colOf(SCRAPER, "JSON.parse") + 52),
];

runWithNamedCases(valid, invalid);
