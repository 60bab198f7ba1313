import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 43 (hsuc), tune Hebahesham123/courriersystem `src/lib/whatsappSupabase.ts:9` (an unbounded-call/client FP, "browser
// supabase client"): a Vite front end beside an Express server of its own. A module outside the server's folders that only
// React components import (components calling `useState`/`useEffect`, or `"use client"` ones, directly or through such
// modules) is in the browser bundle, as in a Next.js app; one that a server module also imports stays the server's.

const VITE_EXPRESS = { "package.json": '{ "name": "courier", "type": "module", "dependencies": { "express": "^4.18.2", "@supabase/supabase-js": "^2.45.0", "react": "^18.3.1", "react-dom": "^18.3.1", "vite": "^5.4.19" } }' };

// courriersystem's style: a read-only client of a second Supabase project.
const CLIENT = `import { createClient } from "@supabase/supabase-js";
export const whatsappSupabase = createClient("https://zfwg.supabase.co", "public-anon-key", { auth: { persistSession: false } });
`;
const CALENDAR = `import { useEffect, useState } from "react";
import { whatsappSupabase } from "../../lib/whatsappSupabase";
export function Calendar() {
  const [rows, setRows] = useState([]);
  useEffect(() => { whatsappSupabase.from("orders").select("*").then(({ data }) => setRows(data ?? [])); }, []);
  return <ul>{rows.map((r) => <li key={r.id}>{r.name}</li>)}</ul>;
}
`;
// Another style: JavaScript, a routing helper with fetch reached through a hook module.
const ROUTING = `export async function osrmTrip(coords) {
  const res = await fetch(\`https://router.project-osrm.org/trip/v1/driving/\${coords}\`);
  if (!res.ok) throw new Error("OSRM trip failed");
  return res.json();
}
`;
const HOOK = 'import { useEffect, useState } from "react";\nimport { osrmTrip } from "../lib/routing";\nexport function useTrip(coords) {\n  const [t, setT] = useState(null);\n  useEffect(() => { osrmTrip(coords).then(setT); }, [coords]);\n  return t;\n}\n';
const MAP = 'import { useTrip } from "../hooks/useTrip";\nexport default function RouteMap({ coords }) {\n  const trip = useTrip(coords);\n  return <p>{trip?.code}</p>;\n}\n';
// The same helper also imported by the Express server.
const SERVER = 'import express from "express";\nimport { osrmTrip } from "../src/lib/routing.js";\nconst app = express();\napp.get("/trip", async (req, res) => res.json(await osrmTrip(String(req.query.c))));\napp.listen(3000);\n';

const SERVER_DB = 'import express from "express";\nimport { whatsappSupabase } from "../src/lib/whatsappSupabase";\nconst app = express();\napp.get("/orders", async (_req, res) => res.json((await whatsappSupabase.from("orders").select("*")).data));\napp.listen(3000);\n';

const valid: ValidCase[] = [
  { name: "a Supabase client only React components import (Vite beside Express)", code: CLIENT, filename: "src/lib/whatsappSupabase.ts", files: { ...VITE_EXPRESS, "src/components/Admin/Calendar.tsx": CALENDAR } },
  { name: "a fetch helper reached through a hook a component uses (JS)", code: ROUTING, filename: "src/lib/routing.js", files: { ...VITE_EXPRESS, "src/hooks/useTrip.js": HOOK, "src/components/RouteMap.jsx": MAP } },
];

const invalid: InvalidCase[] = [
  { name: "the same client also imported by the Express server", code: CLIENT, filename: "src/lib/whatsappSupabase.ts", files: { ...VITE_EXPRESS, "src/components/Admin/Calendar.tsx": CALENDAR, "server/index.ts": SERVER_DB }, output: null, findings: [
    { case: "client", line: 2, column: 33, endColumn: 45, suggestions: [{ title: "Give supabase-js a fetch that aborts after 10000 ms", output: CLIENT.replace("{ persistSession: false } }", "{ persistSession: false }, global: { fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(10000) }) } }") }] },
  ] },
  { name: "the same helper also imported by the Express server", code: ROUTING, filename: "src/lib/routing.js", files: { ...VITE_EXPRESS, "src/hooks/useTrip.js": HOOK, "src/components/RouteMap.jsx": MAP, "server/index.js": SERVER }, output: null, findings: [
    { case: "call", line: 2, column: 21, endColumn: 26, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: ROUTING.replace("${coords}`)", "${coords}`, { signal: AbortSignal.timeout(10000) })") }] },
  ] },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => named.has(id))) } as typeof unboundedCall;
new RuleTester().run(narrowed, { valid, invalid });
