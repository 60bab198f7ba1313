import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// False classes of the gitroomhq/postiz-app production audit (issue 11; eval/production/gitroomhq__postiz-app.json),
// as hand-written analogues: an error body read in a failure branch written as status comparisons,
// or in one that replaces the failed response with another request's. The invalid rows are what
// stays reported: a branch for a success status, and a failure branch that keeps the body.

const SUCCESS_STATUS = dedent`
  export async function progress(id: string) {
    const res = await fetch(\`https://api.example.com/jobs/\${id}\`);
    if (res.status === 206) {
      const body = await res.json();
      return body.percent;
    }
    return 100;
  }
`;

const KEPT_IN_FAILURE_BRANCH = dedent`
  export async function connectOnce(provider: string) {
    const res = await fetch(\`https://api.example.com/public/\${provider}\`, { method: "POST" });
    if (res.status === 400) {
      const data = await res.json();
      store.save(data.hint);
    }
    return res.status;
  }
`;

const valid: ValidCase[] = [
  {
    name: "an error body read in a branch of two status comparisons that only words the error",
    code: dedent`
      export async function connect(provider: string) {
        const res = await fetch(\`https://api.example.com/connect/\${provider}\`, { method: "POST" });
        if (res.status !== 200 && res.status !== 201) {
          const data = await res.json();
          notify(data.message || "Could not add provider");
          return;
        }
        return res.status;
      }
    `,
  },
  {
    name: "an error body read in a 400 branch that only chooses to try another endpoint",
    code: dedent`
      export async function connectAny(provider: string) {
        let res = await fetch(\`https://api.example.com/public/\${provider}\`, { method: "POST" });
        if (res.status === 400) {
          const data = await res.json();
          if (data.message?.includes("Invalid connection type")) {
            res = await fetch(\`https://api.example.com/private/\${provider}\`, { method: "POST" });
          }
        }
        return res.status;
      }
    `,
  },
  {
    name: "an error body read in a `>= 400` branch that throws, its code recorded",
    code: dedent`
      export async function remove(id: string) {
        const res = await fetch(\`https://api.example.com/items/\${id}\`, { method: "DELETE" });
        if (res.status >= 400) {
          const body = await res.json();
          audit.record(body.code);
          throw new Error("delete failed");
        }
        return true;
      }
    `,
  },
];

const invalid: InvalidCase[] = [
  {
    name: "a body read in a branch for a success status (206) is still a use",
    code: SUCCESS_STATUS,
    findings: [{ case: "fetchJson", line: 4, column: 24, endColumn: 34, suggestions: [mark(SUCCESS_STATUS, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "a body read in a 400 branch that neither exits nor replaces the response is still a use",
    code: KEPT_IN_FAILURE_BRANCH,
    findings: [{ case: "fetchJson", line: 4, column: 24, endColumn: 34, suggestions: [mark(KEPT_IN_FAILURE_BRANCH, "fetchJson", 4)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
