import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Held round 28 (retired to tune), session 26, developer ub26. Hand-written rows.
// A Wrangler configuration that only serves static assets (`assets = { … }`, no `main`) runs no Worker
// script: the Vite app's modules run in the browser (samlyme/auction-chess clients/web/src/supabase.ts,
// labelled clean). With a `main`, the project is a Worker and its client is reported.

const WEB_PACKAGE = '{ "name": "web", "type": "module", "dependencies": { "@supabase/supabase-js": "^2.81.0", "hono": "^4.6.0", "react": "^19.0.0" }, "devDependencies": { "vite": "^7.0.0", "wrangler": "^4.0.0" } }';
const ASSETS_ONLY = 'name = "web"\ncompatibility_date = "2025-12-22"\nassets = { not_found_handling = "single-page-application" }\n';
const WORKER = 'name = "web"\nmain = "src/worker.ts"\ncompatibility_date = "2025-12-22"\nassets = { not_found_handling = "single-page-application" }\n';

const CLIENT = dedent`
  import { createClient } from "@supabase/supabase-js";
  const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_KEY);
  export default supabase;
`;

// This table declares only the case its invalid row names.
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => id === "client")) } as typeof unboundedCall;

new RuleTester().run(narrowed, {
  valid: [
    { name: "client: a Vite app served as static assets by Cloudflare (no Worker script)", code: CLIENT, filename: "src/supabase.ts", files: { "package.json": WEB_PACKAGE, "wrangler.toml": ASSETS_ONLY } },
  ],
  invalid: [
    {
      name: "client: the same module in a project whose Wrangler configuration runs a Worker",
      code: CLIENT,
      filename: "src/supabase.ts",
      files: { "package.json": WEB_PACKAGE, "wrangler.toml": WORKER },
      findings: [{
        case: "client", line: 2, column: 18, endLine: 2, endColumn: 30,
        suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: CLIENT.replace("import.meta.env.VITE_SUPABASE_KEY)", "import.meta.env.VITE_SUPABASE_KEY, { global: { fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(10000) }) } })") }],
      }],
      output: null,
    },
  ],
});
