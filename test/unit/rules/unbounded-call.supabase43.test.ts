import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Retired held round 46 (session 43, hsuc): OpenWardrobeMarket `server/routes/nanobanana.ts:10`, an unbounded-call/client
// FN (a tune label of an earlier round). supabase-js's `global` option given as a condition, `global: token ? { headers:
// { Authorization: … } } : undefined` (a per-request client's headers), was read as "may hold a fetch": its branches are
// judged now, and neither sets one, so the client has the platform's fetch with no deadline. A branch with a fetch of its
// own keeps the whole unknown (no finding); both with one bound it.

const EXPRESS = { "package.json": '{ "name": "owm", "type": "module", "dependencies": { "express": "^5.1.0", "@supabase/supabase-js": "^2.56.0" } }' };

// OpenWardrobeMarket's style: a per-request client factory in an Express router.
const AUTH = (g: string) => `import { Router } from "express";
import { createClient } from "@supabase/supabase-js";

export const router = Router();

function supabaseForAuth(token?: string) {
  return createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!, {
    global: ${g},
    auth: { persistSession: false },
  });
}

router.get("/me", async (req, res) => {
  const { data } = await supabaseForAuth(req.headers.authorization?.slice(7)).auth.getUser();
  res.json(data);
});
`;
// Another style: JavaScript, a null branch.
const ADMIN = (g: string) => `import { createClient } from "@supabase/supabase-js";
export const makeAdmin = (headers) => createClient(process.env.SUPABASE_URL, process.env.SUPABASE_SERVICE_ROLE_KEY, { global: ${g} });
`;
const TIMED = "(input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(10000) })";

const valid: ValidCase[] = [
  { name: "both branches give a fetch with a deadline", code: AUTH(`token ? { headers: { Authorization: token }, fetch: ${TIMED} } : { fetch: ${TIMED} }`), filename: "server/routes/me.ts", files: EXPRESS },
  { name: "one branch gives a fetch of its own: unknown", code: AUTH(`token ? { headers: { Authorization: token } } : { fetch: ${TIMED} }`), filename: "server/routes/me.ts", files: EXPRESS },
  { name: "a branch the file does not show: unknown (JS)", code: ADMIN("headers ? { headers } : defaults"), filename: "src/admin.js", files: EXPRESS },
];

const invalid: InvalidCase[] = [
  { name: "global: token ? { headers } : undefined (TS)", code: AUTH("token ? { headers: { Authorization: `Bearer ${token}` } } : undefined"), filename: "server/routes/me.ts", files: EXPRESS, output: null, findings: [
    { case: "client", line: 7, column: 10, endColumn: 22 },
  ] },
  { name: "global: headers ? { headers } : null (JS)", code: ADMIN("headers ? { headers } : null"), filename: "src/admin.js", files: EXPRESS, output: null, findings: [
    { case: "client", line: 2, column: 39, endColumn: 51 },
  ] },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => named.has(id))) } as typeof unboundedCall;
new RuleTester().run(narrowed, { valid, invalid });
