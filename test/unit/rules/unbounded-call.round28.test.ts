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

// One re-ask of the model from the catch of a try that awaits nothing (only the answer's parse), its
// attempts counted: a failed parse, not a failed request (banglahouse/resume_screener_backend
// skillExtractor.ts:190, clean debatable by both labellers). Awaiting the call inside the try, it retries it.
const REASK = (tryBody: string) => dedent`
  import OpenAI from "openai";
  const openai = new OpenAI();
  export async function extract(text: string, attempt = 0): Promise<unknown> {
    const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: text }] });
    try {
      ${tryBody}
    } catch (error) {
      console.error("extraction failed", error);
      if (attempt < 1) return extract(text, attempt + 1);
      throw new Error("Unable to parse the extraction", { cause: error });
    }
  }
`;
const REASK_AWAITED = REASK("const again = await openai.chat.completions.create({ model: \"gpt-4o-mini\", messages: [{ role: \"user\", content: text }] });\n    return JSON.parse(again.choices[0]?.message?.content ?? \"\");");
const waited = (code: string): string => code.replace("    if (attempt < 1) return extract(", "    await new Promise((resolve) => setTimeout(resolve, 5000));\n    if (attempt < 1) return extract(");

// This table declares only the cases its invalid rows name.
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => id === "client" || id === "retry")) } as typeof unboundedCall;

new RuleTester().run(narrowed, {
  valid: [
    { name: "retry: a counted re-ask from the catch of a try that only parses", code: REASK("return JSON.parse(completion.choices[0]?.message?.content ?? \"\");"), filename: "src/utils/extract.ts", files: { "package.json": '{ "name": "api", "dependencies": { "express": "^4.19.0", "openai": "^4.60.0" } }' } },
    { name: "client: a Vite app served as static assets by Cloudflare (no Worker script)", code: CLIENT, filename: "src/supabase.ts", files: { "package.json": WEB_PACKAGE, "wrangler.toml": ASSETS_ONLY } },
  ],
  invalid: [
    {
      name: "retry: the same recursion from a try that awaits the request",
      code: REASK_AWAITED,
      filename: "src/utils/extract.ts",
      files: { "package.json": '{ "name": "api", "dependencies": { "express": "^4.19.0", "openai": "^4.60.0" } }' },
      findings: [{ case: "retry", line: 10, column: 29, endLine: 10, endColumn: 55, suggestions: [{ title: "Wait 5000 ms before trying again", output: waited(REASK_AWAITED) }] }],
      output: null,
    },
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
