import { dedent, type InvalidCase } from "../../helpers/rule-tester";
import { runWithNamedCases } from "./unbounded-call.helpers";

// Retired held round 37 (session 34, ub34b). Hand-written rows.

// The projects around the rows: Supabase Edge Functions whose shared import map names supabase-js by a key of its own
// (ukkari/mitoujr-supabase-function); a Deno service whose deno.json names its import map, with a prefix key for a scope
// (another shape, another library); a Next.js shop with auth-helpers.
const PROJECTS: Record<"functions" | "deno" | "next", Record<string, string>> = {
  functions: {
    "package.json": JSON.stringify({ name: "bot", private: true }),
    "supabase/functions/import_map.json": JSON.stringify({ imports: { "supabase-js": "https://esm.sh/@supabase/supabase-js@2.20.0", "cross-fetch": "https://esm.sh/cross-fetch@3.1.9" } }),
  },
  deno: {
    "deno.json": JSON.stringify({ importMap: "./import_map.json" }),
    "import_map.json": JSON.stringify({ imports: { "http/": "npm:axios@1.7.0/", db: "npm:pg@8.11.0", "helpers/": "./src/helpers/" } }),
  },
  next: { "package.json": JSON.stringify({ name: "shop", dependencies: { next: "^15.0.0", "@supabase/auth-helpers-nextjs": "~0.15.0", "@supabase/auth-helpers-remix": "^0.4.0" } }) },
};

// The service-role client of the functions' setup (mitoujr supabase/functions/_shared/supabaseAdmin.ts:4, a decided finding).
const ADMIN = (options: string) => dedent`
  import { createClient } from 'supabase-js'

  export const supabaseAdmin = createClient(
    Deno.env.get('SUPABASE_URL') ?? '',
    Deno.env.get('SUPABASE_SERVICE_ROLE_KEY') ?? ''${options}
  )
`;

// auth-helpers' server client in a route handler (reefcultures app/api/checkout/route.ts:127, a decided finding).
const ROUTE = (options: string) => dedent`
  import { NextResponse } from "next/server";
  import { cookies } from "next/headers";
  import { createServerClient } from "@supabase/auth-helpers-nextjs";
  export async function POST() {
    const cookieStore = await cookies();
    const supabase = createServerClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, {
      cookies: { get: (name: string) => cookieStore.get(name)?.value },${options}
    });
    const { data } = await supabase.auth.getUser();
    return NextResponse.json({ id: data.user?.id });
  }
`;

// A Remix loader with auth-helpers-remix's server client (a hand-made row: another framework's helper, the same supabase-js).
const LOADER = dedent`
  import { json, type LoaderFunctionArgs } from "@remix-run/node";
  import { createServerClient as serverClient } from "@supabase/auth-helpers-remix";
  export async function loader({ request }: LoaderFunctionArgs) {
    const response = new Response();
    const db = serverClient(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!, { request, response });
    const { data } = await db.from("posts").select("*");
    return json(data, { headers: response.headers });
  }
`;

// An axios instance through a scope key and a pg pool through an exact key of deno.json's import map (a hand-made row).
const AXIOS_SCOPE = dedent`
  import axios from "http/index.js";
  import { Pool } from "db";
  import { slugify } from "helpers/text.ts";
  export const api = axios.create({ baseURL: Deno.env.get("API_URL") });
  export const pool = new Pool({ connectionString: Deno.env.get("DATABASE_URL") });
  export const title = slugify("a b");
`;

// A reconnect by recursion whose every entry waits first, exponentially, capped (checkout backend/src/lib/db.ts:72, clean).
const RECONNECT = (wait: string) => dedent`
  import mongoose from "mongoose";
  let attempts = 0;
  async function attemptReconnect(): Promise<void> {
    attempts++;
    const delay = Math.min(1000 * Math.pow(2, attempts - 1), 30000);
    ${wait}
    try {
      await mongoose.connect(process.env.MONGO_URI!, { serverSelectionTimeoutMS: 5000 });
      attempts = 0;
    } catch (error) {
      console.error("reconnect failed", error);
      if (attempts < 10) attemptReconnect();
      else process.exit(1);
    }
  }
  mongoose.connection.on("disconnected", () => attemptReconnect());
`;

// A hand-made row in another shape: a feed subscription retried from its \`.catch\` handler, a \`sleep\` helper awaited first.
const SOCKET = (first: string) => dedent`
  import axios from "axios";
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  let backoff = 500;
  export async function subscribe(feed: string): Promise<void> {
    ${first}
    return axios
      .post(\`https://events.example.com/feeds/\${feed}/subscribe\`, {}, { timeout: 5000 })
      .then(() => { backoff = 500; })
      .catch(() => { backoff = Math.min(backoff * 2, 60000); return subscribe(feed); });
  }
`;

const BOUNDED = "fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(10000) })";

const invalid: InvalidCase[] = [
  {
    name: "client: supabase-js by a key of the Supabase functions' import map",
    code: ADMIN(""),
    filename: "supabase/functions/_shared/supabaseAdmin.ts",
    files: PROJECTS.functions,
    findings: [{ case: "client", line: 3, column: 30, endLine: 3, endColumn: 42, suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: ADMIN(`, { global: { ${BOUNDED} } }`) }] }],
    output: null,
  },
  {
    name: "client: auth-helpers-nextjs's createServerClient in a route handler",
    code: ROUTE(""),
    filename: "app/api/checkout/route.ts",
    files: PROJECTS.next,
    findings: [{ case: "client", line: 6, column: 20, endLine: 6, endColumn: 38, suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: ROUTE(`\n      global: { ${BOUNDED} },`) }] }],
    output: null,
  },
  {
    name: "client: auth-helpers-remix's server client renamed in a loader",
    code: LOADER,
    filename: "app/routes/posts.tsx",
    files: PROJECTS.next,
    findings: [{ case: "client", line: 5, column: 14, endLine: 5, endColumn: 26, suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: LOADER.replace("{ request, response }", `{ request, response, global: { ${BOUNDED} } }`) }] }],
    output: null,
  },
  {
    name: "client: axios through a scope key of the import map deno.json names",
    code: AXIOS_SCOPE,
    filename: "src/api.ts",
    files: PROJECTS.deno,
    findings: [{ case: "client", line: 4, column: 20, endLine: 4, endColumn: 32, suggestions: [{ title: "Set timeout to 10000 ms", output: AXIOS_SCOPE.replace('Deno.env.get("API_URL") }', 'Deno.env.get("API_URL"), timeout: 10000 }') }] }, { case: "client", line: 5, column: 25, endLine: 5, endColumn: 29, suggestions: [{ title: "Set connectionTimeoutMillis to 5000 ms", output: AXIOS_SCOPE.replace('Deno.env.get("DATABASE_URL") }', 'Deno.env.get("DATABASE_URL"), connectionTimeoutMillis: 5000 }') }] }],
    output: null,
  },
  {
    name: "retry: the same reconnect with a wait that nobody awaits",
    code: RECONNECT("setTimeout(() => undefined, delay);"),
    filename: "backend/src/lib/db.ts",
    files: PROJECTS.next,
    findings: [{ case: "retry", line: 12, column: 24, endLine: 12, endColumn: 42, suggestions: [{ title: "Wait 5000 ms before trying again", output: RECONNECT("setTimeout(() => undefined, delay);").replace("error);\n", "error);\n    await new Promise((resolve) => setTimeout(resolve, 5000));\n") }] }],
    output: null,
  },
  {
    name: "retry: the subscription with no wait before it",
    code: SOCKET("console.log(\"subscribing\", feed);"),
    filename: "src/feeds.ts",
    files: PROJECTS.next,
    findings: [{ case: "retry", line: 9, column: 67, endLine: 9, endColumn: 82, suggestions: [] }],
    output: null,
  },
];

runWithNamedCases([
  { name: "retry: a reconnect by recursion that waits on every entry, exponentially and capped", code: RECONNECT("await new Promise((resolve) => setTimeout(resolve, delay));"), filename: "backend/src/lib/db.ts", files: PROJECTS.next },
  { name: "retry: a subscription retried from its .catch that sleeps on entry", code: SOCKET("await sleep(backoff);"), filename: "src/feeds.ts", files: PROJECTS.next },
  { name: "client: the same with a bounded global.fetch", code: ADMIN(`,\n  { global: { ${BOUNDED} } }`), filename: "supabase/functions/_shared/supabaseAdmin.ts", files: PROJECTS.functions },
  { name: "client: an import-map key that names no library of the table", code: "import fetchPonyfill from 'cross-fetch'\nexport const f = fetchPonyfill", filename: "supabase/functions/_shared/http.ts", files: PROJECTS.functions },
  { name: "client: auth-helpers-nextjs's browser client in a client component", code: "\"use client\";\nimport { createClientComponentClient } from \"@supabase/auth-helpers-nextjs\";\nexport const supabase = createClientComponentClient();", filename: "app/components/login.tsx", files: PROJECTS.next },
], invalid);
