import rule from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 36, developer capcls36: production CapSoftware/Cap's sampled false findings (eval/production,
// seed 20261361). A module of a Next.js app that only client components import (directly, or through
// another such module) runs in the browser (`lib/loom-browser-download.ts`, imported only by a
// `"use client"` downloader); a concurrency limiter's `.catch` that starts the next queued item
// (`const item = queue.shift()` before it) is the drain's next turn, not a retry. Hand-written rows.

const NEXT_APP = { "package.json": '{ "name": "web", "dependencies": { "next": "15.0.0", "react": "19.0.0", "react-dom": "19.0.0" } }\n' };

const LOOM = dedent`
  export async function resolveDownload(videoId: string) {
    const response = await fetch(\`https://www.loom.com/api/campaigns/sessions/\${videoId}/transcoded-url\`, { method: "POST", mode: "cors" });
    if (!response.ok) return null;
    return (await response.json()).url ?? null;
  }
`;
const CLIENT_PAGE = dedent`
  "use client";
  import { useState } from "react";
  import { resolveDownload } from "@/lib/loom-download";

  export function Downloader() {
    const [url, setUrl] = useState<string | null>(null);
    return <button onClick={async () => setUrl(await resolveDownload("abc"))}>{url ?? "Download"}</button>;
  }
`;
// Another style: plain JavaScript with axios, reached through a hook module that is no client component itself.
const WEATHER = dedent`
  import axios from "axios";

  export async function currentWeather(city) {
    const { data } = await axios.get("https://api.open-meteo.com/v1/forecast", { params: { city } });
    return data;
  }
`;
const HOOK = 'import { useEffect, useState } from "react";\nimport { currentWeather } from "../services/weather";\nexport function useWeather(city) {\n  const [w, setW] = useState(null);\n  useEffect(() => { currentWeather(city).then(setW); }, [city]);\n  return w;\n}\n';
const WIDGET = "'use client';\nimport { useWeather } from \"../lib/use-weather\";\nexport default function Widget() {\n  const w = useWeather(\"Oslo\");\n  return <p>{w?.temp}</p>;\n}\n";
const NEXT_JS_APP = { "package.json": '{ "name": "site", "dependencies": { "next": "14.2.0", "react": "18.3.0", "axios": "^1.7.0" } }\n' };

const LIMITER = dedent`
  function createLimiter(max) {
    let active = 0;
    const queue = [];
    const runNext = () => {
      if (active >= max) return;
      const item = queue.shift();
      if (!item) return;
      active++;
      Promise.resolve()
        .then(item.fn)
        .then((v) => { active--; item.resolve(v); runNext(); })
        .catch((e) => { active--; item.reject(e); runNext(); });
    };
    return (fn) => new Promise((resolve, reject) => { queue.push({ fn, resolve, reject }); runNext(); });
  }
  module.exports = { createLimiter };
`;
// Another style: a TypeScript class whose method takes the next job off its own queue.
const WORKER_POOL = dedent`
  export class UploadPool {
    private queue: { url: string; body: Blob }[] = [];
    private running = 0;
    next(): void {
      const job = this.queue.shift();
      if (!job) return;
      this.running++;
      fetch(job.url, { method: "PUT", body: job.body, signal: AbortSignal.timeout(30_000) })
        .then(() => { this.running--; this.next(); })
        .catch(() => { this.running--; this.next(); });
    }
  }
`;

const valid: ValidCase[] = [
  { name: "a Next.js lib module imported only by a \"use client\" component", code: LOOM, filename: "lib/loom-download.ts", files: { ...NEXT_APP, "components/Downloader.tsx": CLIENT_PAGE, "tsconfig.json": '{ "compilerOptions": { "paths": { "@/*": ["./*"] } } }\n' } },
  { name: "another style: an axios service reached through a hook that only a 'use client' widget imports", code: WEATHER, filename: "src/services/weather.js", files: { ...NEXT_JS_APP, "src/lib/use-weather.js": HOOK, "src/app/Widget.jsx": WIDGET } },
  { name: "a concurrency limiter's .catch that starts the next queued item", code: LIMITER, filename: "scripts/migrate.js", files: { "package.json": '{ "name": "scripts" }\n' } },
  { name: "another style: a pool's method that takes its next job off the queue, called again from .catch", code: WORKER_POOL, filename: "src/upload-pool.ts", files: { "package.json": '{ "name": "uploader", "dependencies": { "express": "^4.19.0" } }\n' } },
];

const ROUTE = 'import { resolveDownload } from "@/lib/loom-download";\nexport async function POST(req: Request) {\n  return Response.json({ url: await resolveDownload((await req.json()).id) });\n}\n';
const SERVER_PAGE = 'import { currentWeather } from "../services/weather";\nexport default async function Page() {\n  const w = await currentWeather("Oslo");\n  return <p>{w.temp}</p>;\n}\n';
const PEEK_POOL = WORKER_POOL.replace("const job = this.queue.shift();", "const job = this.queue[0];");

const invalid: InvalidCase[] = [
  {
    name: "neighbour: the module is also imported by a route handler",
    code: LOOM,
    filename: "lib/loom-download.ts",
    files: { ...NEXT_APP, "components/Downloader.tsx": CLIENT_PAGE, "app/api/loom/route.ts": ROUTE, "tsconfig.json": '{ "compilerOptions": { "paths": { "@/*": ["./*"] } } }\n' },
    findings: [{ case: "call", line: 2, column: 26, endColumn: 31, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: LOOM.replace('mode: "cors" }', 'mode: "cors", signal: AbortSignal.timeout(10000) }') }] }],
    output: null,
  },
  {
    name: "neighbour: a server component page also imports the service",
    code: WEATHER,
    filename: "src/services/weather.js",
    files: { ...NEXT_JS_APP, "src/lib/use-weather.js": HOOK, "src/app/Widget.jsx": WIDGET, "src/app/page.jsx": SERVER_PAGE },
    findings: [{ case: "call", line: 4, column: 26, endColumn: 35, suggestions: [{ title: "Set timeout to 10000 ms", output: WEATHER.replace("{ params: { city } }", "{ params: { city }, timeout: 10000 }") }] }],
    output: null,
  },
  {
    name: "neighbour: the pool only peeks at its queue head, so .catch sends the same job again",
    code: PEEK_POOL,
    filename: "src/upload-pool.ts",
    files: { "package.json": '{ "name": "uploader", "dependencies": { "express": "^4.19.0" } }\n' },
    findings: [{ case: "retry", line: 10, column: 38, endColumn: 49, suggestions: [{ title: "Try again after 5000 ms", output: PEEK_POOL.replace(".catch(() => { this.running--; this.next(); })", ".catch(() => { this.running--; setTimeout(() => this.next(), 5000); })") }] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
