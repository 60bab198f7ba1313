import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Production rallly (eval/production, seed 20261238), session 25, developer prodall28: test support
// in a folder or module named for it (`packages/test-helpers/src/mailpit.ts`, an e2e suite's helper
// reading its local mail catcher) is test code. Hand-written analogue, not the repository's code.

const MAIL_HELPER = dedent`
  const API = process.env.MAIL_API_URL ?? "http://localhost:8025/api";
  export async function getMessages() {
    const response = await fetch(\`\${API}/v1/messages\`);
    const data = await response.json();
    return data.messages.map((m) => m.ID);
  }
`;

// A test-support package, folder and module: test code.
const valid: ValidCase[] = ["packages/test-helpers/src/mailpit.ts", "src/test-utils/mail.ts", "src/testHelpers.ts"].map((filename) => ({ code: MAIL_HELPER, filename }));

const invalid: InvalidCase[] = [
  {
    name: "the same helper in the product's own code is reported",
    code: MAIL_HELPER,
    filename: "packages/mail/src/inbox.ts",
    findings: [{ case: "fetchJson", line: 4, column: 22, endColumn: 37, suggestions: [mark(MAIL_HELPER, "fetchJson", 4)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
