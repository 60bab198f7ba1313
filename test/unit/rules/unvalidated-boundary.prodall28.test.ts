import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Production rallly (eval/production, seed 20261238), session 25, developer prodall28: test support
// in a folder or module named for it (`packages/test-helpers/src/mailpit.ts`, an e2e suite's helper
// reading its local mail catcher) is test code; a reply's items spread into a local typed `unknown[]`
// (GitHub's release pages) go in as `unknown`. Hand-written analogues, not the repository's code.

const MAIL_HELPER = dedent`
  const API = process.env.MAIL_API_URL ?? "http://localhost:8025/api";
  export async function getMessages() {
    const response = await fetch(\`\${API}/v1/messages\`);
    const data = await response.json();
    return data.messages.map((m) => m.ID);
  }
`;

// Release pages collected into an array typed by its element (`unknown` or a model).
const pages = (element: string): string => dedent`
  export async function load(url: string) {
    const releases: ${element}[] = [];
    const res = await fetch(url, { signal: AbortSignal.timeout(2500) });
    if (!res.ok) return null;
    const batch = await res.json();
    if (!Array.isArray(batch)) return null;
    releases.push(...batch);
    return build(releases);
  }
`;

// A test-support package, folder and module: test code.
const valid: ValidCase[] = ["packages/test-helpers/src/mailpit.ts", "src/test-utils/mail.ts", "src/testHelpers.ts"].map((filename) => ({ code: MAIL_HELPER, filename }));
valid.push({ code: pages("unknown"), filename: "apps/web/src/app/api/updates/route.ts" });

const invalid: InvalidCase[] = [
  {
    name: "the same helper in the product's own code is reported",
    code: MAIL_HELPER,
    filename: "packages/mail/src/inbox.ts",
    findings: [{ case: "fetchJson", line: 4, column: 22, endColumn: 37, suggestions: [mark(MAIL_HELPER, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "items spread into an array of a model type go on unchecked",
    code: pages("Release"),
    filename: "apps/web/src/app/api/updates/route.ts",
    findings: [{ case: "fetchJson", line: 5, column: 23, endColumn: 33, suggestions: [mark(pages("Release"), "fetchJson", 5)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
