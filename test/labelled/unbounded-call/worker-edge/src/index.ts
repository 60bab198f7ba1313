import { Hono } from "hono";

type Env = { ORIGIN: string; ANALYTICS_URL: string; KV: KVNamespace };

const app = new Hono<{ Bindings: Env }>();

app.get("/proxy/*", async (c) => {
  const url = new URL(c.req.url);
  const upstream = await fetch(`${c.env.ORIGIN}${url.pathname}`, { signal: c.req.raw.signal });
  return new Response(upstream.body, upstream);
});

app.get("/geo", async (c) => {
  // hh-expect: unbounded-call/call
  const res = await fetch("https://ipapi.example.com/json", { headers: { "User-Agent": "edge-proxy" } });
  return c.json(await res.json());
});

app.post("/events", async (c) => {
  const body = await c.req.text();
  c.executionCtx.waitUntil(fetch(c.env.ANALYTICS_URL, { method: "POST", body, signal: AbortSignal.timeout(3000) }));
  return c.body(null, 204);
});

async function refreshConfig(env: Env) {
  // hh-expect: unbounded-call/retry
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const res = await fetch(`${env.ORIGIN}/config.json`, { signal: AbortSignal.timeout(2000) });
      await env.KV.put("config", await res.text());
      return;
    } catch (err) {
      console.warn("config refresh failed", attempt, err);
    }
  }
}

async function warmCache(env: Env, paths: string[]) {
  for (const p of paths) {
    // hh-expect: unbounded-call/call
    const res = await fetch(`${env.ORIGIN}${p}`);
    await env.KV.put(`page:${p}`, await res.text());
  }
}

export default {
  fetch: app.fetch,
  async scheduled(_event: ScheduledEvent, env: Env) {
    await refreshConfig(env);
    await warmCache(env, ["/", "/pricing"]);
  },
};
