import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 43, developer produb: production Hexabot, triaged blind at f902ce23. A loop that runs while a collection of its
// own holds items and takes one out of it every turn is an iteration loop, not a retry (the docs' "pagination and
// iteration loops", a queue drain): Hexabot's parallel `wait_any` executor races the pending branches, deletes the one
// that settled and goes on with the rest (`packages/agentic/src/step-executors/parallel-executor.ts:120`). The same loop
// that leaves the collection as it was asks the same again and stays reported.

// Hexabot's style: a Set of pending branches raced, the settled one deleted.
const WAIT_ANY = (take: string) => `type Branch = { promise: Promise<{ status: string; index: number }> };
async function raceNext(pending: Set<Branch>) {
  return Promise.race([...pending].map((branch) => branch.promise.then((result) => ({ branch, result }))));
}
export async function executeWaitAny(branches: Branch[]): Promise<number> {
  const pending = new Set(branches);
  while (pending.size > 0) {
    const { branch, result } = await raceNext(pending);
${take}    if (result.status === "fulfilled") {
      return result.index;
    }
  }
  return -1;
}
`;
// Another style: an array of mirrors taken off the front, the first that answers ok wins.
const MIRRORS = `export async function firstMirror(mirrors: string[]): Promise<Response | undefined> {
  const queue = [...mirrors];
  while (queue.length > 0) {
    const url = queue.shift()!;
    const res = await fetch(url, { signal: AbortSignal.timeout(10000) });
    if (res.ok) return res;
  }
  return undefined;
}
`;

const valid: ValidCase[] = [
  { name: "a wait_any loop deleting the settled branch from its pending set (Hexabot parallel-executor.ts:120)", code: WAIT_ANY("    pending.delete(branch);\n"), filename: "packages/agentic/src/step-executors/parallel-executor.ts" },
  { name: "another style: mirrors shifted off a queue, the first ok answer returned", code: MIRRORS, filename: "src/mirrors.ts" },
];

const invalid: InvalidCase[] = [
  { name: "the same loop that takes nothing out races the same branches again", code: WAIT_ANY(""), filename: "packages/agentic/src/step-executors/parallel-executor.ts", output: null, findings: [
    { case: "retry", line: 7, column: 3, endColumn: 8, suggestions: [{ title: "Wait between attempts (capped exponential backoff with jitter)", output: WAIT_ANY("")
      .replace("  while (pending.size > 0) {", "  let attempt = 0;\n  while (pending.size > 0) {")
      .replace("      return result.index;\n    }\n", "      return result.index;\n    }\n    attempt++;\n    await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2)));\n") }] },
  ] },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => named.has(id))) } as typeof unboundedCall;
new RuleTester().run(narrowed, { valid, invalid });
