import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 36, developer prodreg36: production Dokploy's sampled true finding (eval/production,
// apps/api/src/service.ts:125), lost since session 34's "Array.isArray(x) ? x : [] is an array by
// construction" (e86c0c7b): `return Array.isArray(body.data) ? body.data : [];` returns the reply's
// elements whole, typed as the function's answer (`Promise<InngestRun[]>`) and never checked. An array
// returned whole is the use, as `return data as Row[]` is for a length read. Hand-written analogues,
// not the repository's code.

/** A client helper that reads a list from a provider's reply; \`tail\` is what it does with the list. */
const runsClient = (tail: string) => dedent`
  export async function fetchRuns(eventId: string): Promise<Run[]> {
    const res = await fetch(\`https://api.example.com/v1/events/\${eventId}/runs\`);
    if (!res.ok) return [];
    const body = (await res.json()) as { data?: Run[] };
    ${tail}
  }
`;

// Another style: a plain-JS arrow that answers the list of a GitHub reply, the answer the arrow's body.
const reposOf = dedent`
  const listRepos = async (org) => {
    const reply = await fetch("https://api.github.com/orgs/" + org + "/repos").then((r) => r.json());
    return Array.isArray(reply?.items) ? reply.items : [];
  };
  module.exports = { listRepos };
`;
const arrowBody = dedent`
  const listRepos = (reply) => (Array.isArray(reply?.items) ? reply.items : []);
  async function sync(org) {
    const reply = await fetch("https://api.github.com/orgs/" + org + "/repos").then((r) => r.json());
    const repos = Array.isArray(reply?.items) ? reply.items : [];
    return repos.length;
  }
  module.exports = { listRepos, sync };
`;

const valid: ValidCase[] = [
  { name: "the array picked from the reply and only counted stays a count", code: runsClient("const runs = Array.isArray(body.data) ? body.data : [];\n  return runs.length;"), filename: "src/inngest.ts" },
  { name: "a JS helper that only counts the picked array", code: arrowBody.replace("const listRepos = (reply) => (Array.isArray(reply?.items) ? reply.items : []);\n", "").replace("module.exports = { listRepos, sync };", "module.exports = { sync };"), filename: "src/github.js" },
];

const returned = runsClient("return Array.isArray(body.data) ? body.data : [];");
/** One fetchJson finding at \`[line, column, endColumn]\`, its mark the only suggestion. */
const reported = (name: string, code: string, filename: string, [line, column, endColumn]: [number, number, number]): InvalidCase => ({
  name, code, filename, findings: [{ case: "fetchJson", line, column, endColumn, suggestions: [mark(code, "fetchJson", line)] }], output: null,
});

const invalid: InvalidCase[] = [
  reported("the reply's list returned whole as the helper's typed answer", returned, "src/inngest.ts", [4, 23, 33]),
  reported("a plain-JS arrow returning a GitHub reply's list whole", reposOf, "src/github.js", [2, 90, 98]),
];

runWithNamedCases(valid, invalid);
