import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Retired held round 35 (session 32, ub32b). Hand-written rows.

// A SvelteKit app on Cloudflare's adapter (a wrangler.toml at the root, playstateprojects/opusXX) and a Vite React app
// with a root deno.json for its scripts (wesleykoot-jpg/LCL-Local).
const SVELTE_CF = {
  "package.json": "{ \"name\": \"app\", \"type\": \"module\", \"devDependencies\": { \"vite\": \"^6.0.0\", \"wrangler\": \"^4.0.0\", \"svelte\": \"^5.0.0\" }, \"dependencies\": { \"@sveltejs/kit\": \"^2.16.1\", \"@supabase/supabase-js\": \"^2.50.5\", \"@supabase/auth-helpers-sveltekit\": \"^0.13.0\" } }\n",
  "wrangler.toml": "name = \"app\"\nmain = \"node_modules/wrangler-proxy/dist/worker.js\"\n",
};
const VITE_DENO = {
  "package.json": "{ \"name\": \"app\", \"type\": \"module\", \"dependencies\": { \"react\": \"^19.0.0\", \"@supabase/supabase-js\": \"^2.50.5\" }, \"devDependencies\": { \"vite\": \"^7.0.0\" } }\n",
  "deno.json": "{ \"imports\": {} }\n",
};
const EXPRESS = { "package.json": "{ \"name\": \"api\", \"dependencies\": { \"express\": \"^4.0.0\" } }\n" };

// The browser's supabase-js client: the module reads only Vite's public variables (opusXX src/lib/supabase.ts:7, clean).
const BROWSER_CLIENT = (extra: string) => dedent`
  import { createClient } from "@supabase/supabase-js";
  const url = import.meta.env.VITE_SUPABASE_URL;
  const key = import.meta.env.VITE_SUPABASE_ANON_KEY;${extra}
  export const supabase = createClient(url, key);
`;

// A debug fetch wrapper handed to the browser client (LCL-Local src/integrations/supabase/client.ts:64, unlabelled FP).
const DEBUG_FETCH = dedent`
  import { createClient } from "@supabase/supabase-js";
  const debug = import.meta.env.VITE_SUPABASE_DEBUG === "true";
  export const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_KEY, {
    auth: { storage: localStorage },
    ...(debug && { global: { fetch: (...args: Parameters<typeof fetch>) => fetch(...args) } }),
  });
`;

// A page-relative path written out before the values (opusXX src/lib/utils/airtable.ts:5, clean).
const RELATIVE = (url: string) => dedent`
  export const getComposerByName = async (composerName: string) => {
    const response = await fetch(${url});
    return response.json();
  };
`;

// @supabase/auth-helpers-sveltekit's server client in the server hook (opusXX src/hooks.server.ts:14, a decided finding).
const HOOK = (options: string) => dedent`
  import type { Handle } from "@sveltejs/kit";
  import { createSupabaseServerClient } from "@supabase/auth-helpers-sveltekit";
  export const handle: Handle = async ({ event, resolve }) => {
    event.locals.supabase = createSupabaseServerClient({
      supabaseUrl: import.meta.env.VITE_SUPABASE_URL,
      supabaseKey: import.meta.env.VITE_SUPABASE_ANON_KEY,
      event,${options}
    });
    return resolve(event);
  };
`;
const BOUNDED = "fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(10000) })";

const invalid: InvalidCase[] = [
  {
    name: "client: auth-helpers-sveltekit's server client in the server hook",
    code: HOOK(""),
    filename: "src/hooks.server.ts",
    files: SVELTE_CF,
    findings: [{ case: "client", line: 4, column: 27, endLine: 4, endColumn: 53, suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: HOOK(`\n      options: { global: { ${BOUNDED} } },`) }] }],
    output: null,
  },
  {
    name: "client: the same with supabase-js options that set no fetch",
    code: HOOK("\n      options: { db: { schema: \"public\" } },"),
    filename: "src/hooks.server.ts",
    files: SVELTE_CF,
    findings: [{ case: "client", line: 4, column: 27, endLine: 4, endColumn: 53, suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: HOOK(`\n      options: { db: { schema: "public" }, global: { ${BOUNDED} } },`) }] }],
    output: null,
  },
  {
    name: "client: a module reading Vite's variables and a server-only one",
    code: BROWSER_CLIENT("\nconst serviceKey = process.env.SUPABASE_SERVICE_ROLE_KEY;"),
    filename: "src/lib/supabase.ts",
    files: SVELTE_CF,
    findings: [{ case: "client", line: 5, column: 27, endLine: 5, endColumn: 39, suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: BROWSER_CLIENT("\nconst serviceKey = process.env.SUPABASE_SERVICE_ROLE_KEY;").replace("createClient(url, key)", `createClient(url, key, { global: { ${BOUNDED} } })`) }] }],
    output: null,
  },
  {
    name: "call: a URL built on a value from its first character",
    code: RELATIVE("`${base}/composers?name=${composerName}`"),
    filename: "server/airtable.ts",
    files: EXPRESS,
    findings: [{ case: "call", line: 2, column: 26, endLine: 2, endColumn: 31, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: RELATIVE("`${base}/composers?name=${composerName}`, { signal: AbortSignal.timeout(10000) }") }] }],
    output: null,
  },
];

// Only the cases these rows exercise (retry has its own tables).
const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => named.has(id))) } as typeof unboundedCall;
new RuleTester().run(narrowed, {
  valid: [
    { name: "client: the browser's client in a SvelteKit app deployed by wrangler", code: BROWSER_CLIENT(""), filename: "src/lib/supabase.ts", files: SVELTE_CF },
    { name: "call: a debug fetch wrapper of the browser's client in a Vite app with a root deno.json", code: DEBUG_FETCH, filename: "src/integrations/supabase/client.ts", files: VITE_DENO },
    { name: "call: a page-relative path written out before its values", code: RELATIVE("`api/base/composers?name=${composerName}`"), filename: "server/airtable.ts", files: EXPRESS },
  ],
  invalid,
});
