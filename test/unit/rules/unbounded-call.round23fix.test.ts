import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { RuleTester } from "../../helpers/rule-tester";

// Fixes (session 22, review R26/R47): a call to the project's own route that declares no
// maxDuration, whose reply nobody reads (a best-effort revalidation after the work is stored), is
// still reported, but gets no deadline fix: how long the route may take cannot be told, and an
// abort can only fail work the route did. A reply that is read, a route with a maxDuration, or
// another service's URL keep theirs. Hand-written rows.

const NEXT = { "package.json": '{ "dependencies": { "next": "15.0.0", "react": "19.0.0", "react-dom": "19.0.0" } }\n' };
const REFRESH_ROUTE = { "pages/api/refresh.ts": "export default async function handler(req: any, res: any) { res.json({ ok: true }); }\n" };
const TIMED_ROUTE = { "pages/api/refresh.ts": "export const config = { maxDuration: 20 };\nexport default async function handler(req: any, res: any) { res.json({ ok: true }); }\n" };
const files = { ...NEXT, ...REFRESH_ROUTE };

// This table declares only the case its invalid rows name.
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => id === "call")) } as typeof unboundedCall;

new RuleTester().run(narrowed, {
  valid: [
    // Not awaited: nobody waits on it, so it is no finding at all (the family's "Where it applies").
    { name: "a call to the own route left running, not awaited", filename: "lib/jobs/convert.ts", files, code: "export function finish(docId: string) { fetch(`${process.env.APP_URL}/api/refresh?doc=${docId}`); }" },
  ],
  invalid: [
    {
      name: "an awaited call to the own route as a statement, no maxDuration: reported, no deadline fix",
      filename: "lib/jobs/convert.ts",
      files,
      code: "export async function finish(docId: string) { await store(docId); await fetch(`${process.env.APP_URL}/api/refresh?doc=${docId}`); return { done: true }; }",
      findings: [{ case: "call", line: 1, column: 73, endColumn: 78, suggestions: [] }],
      output: null,
    },
    {
      name: "the own route's reply kept in a local that nothing reads: no deadline fix",
      filename: "lib/jobs/convert.ts",
      files,
      code: "export async function finish(docId: string) { const res = await fetch(`${process.env.APP_URL}/api/refresh?doc=${docId}`); return { docId }; }",
      findings: [{ case: "call", line: 1, column: 65, endColumn: 70, suggestions: [] }],
      output: null,
    },
    {
      name: "the own route's reply read: the default deadline stays",
      filename: "lib/jobs/convert.ts",
      files,
      code: "export async function finish(docId: string) { const res = await fetch(`${process.env.APP_URL}/api/refresh?doc=${docId}`); return res.ok; }",
      findings: [{ case: "call", line: 1, column: 65, endColumn: 70, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: "export async function finish(docId: string) { const res = await fetch(`${process.env.APP_URL}/api/refresh?doc=${docId}`, { signal: AbortSignal.timeout(10000) }); return res.ok; }" }] }],
      output: null,
    },
    {
      name: "an unread call to an own route with a maxDuration: the platform stops the route first, the deadline past it stays",
      filename: "lib/jobs/convert.ts",
      files: { ...NEXT, ...TIMED_ROUTE },
      code: "export async function finish(docId: string) { await fetch(`${process.env.APP_URL}/api/refresh?doc=${docId}`); }",
      findings: [{ case: "call", line: 1, column: 53, endColumn: 58, suggestions: [{ title: "Abort after 30000 ms with AbortSignal.timeout (the route's maxDuration of 20 s plus 10000 ms)", output: "export async function finish(docId: string) { await fetch(`${process.env.APP_URL}/api/refresh?doc=${docId}`, { signal: AbortSignal.timeout(30000) }); }" }] }],
      output: null,
    },
    {
      name: "an unread call to another service's /api/ (no route file of the project answers it): the default deadline stays",
      filename: "lib/jobs/convert.ts",
      files,
      code: "export async function ping() { await fetch(`${process.env.STATUS_URL}/api/ping`); }",
      findings: [{ case: "call", line: 1, column: 38, endColumn: 43, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: "export async function ping() { await fetch(`${process.env.STATUS_URL}/api/ping`, { signal: AbortSignal.timeout(10000) }); }" }] }],
      output: null,
    },
  ],
});
