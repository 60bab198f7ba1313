import { Hono } from "hono";
import { zValidator } from "@hono/zod-validator";
import { z } from "zod";

type Bindings = { DB: D1Database; BUCKET: R2Bucket; KV: KVNamespace };

const app = new Hono<{ Bindings: Bindings }>();

const Bookmark = z.object({ url: z.string().url(), title: z.string().max(200) });

app.post("/bookmarks", zValidator("json", Bookmark), async (c) => {
  const { url, title } = c.req.valid("json");
  await c.env.DB.prepare("INSERT INTO bookmarks (url, title) VALUES (?, ?)").bind(url, title).run();
  return c.json({ ok: true }, 201);
});

app.get("/bookmarks/:id", async (c) => {
  const id = Number(c.req.param("id"));
  if (!Number.isInteger(id)) return c.json({ error: "bad id" }, 400);
  const row = await c.env.DB.prepare("SELECT * FROM bookmarks WHERE id = ?").bind(id).first();
  return row ? c.json(row) : c.notFound();
});

app.put("/bookmarks/:id", async (c) => {
  // hh-expect: unvalidated-boundary/honoRequest
  const body = await c.req.json<{ url: string; title: string }>();
  // hh-expect: unvalidated-boundary/honoRequest
  await c.env.DB.prepare("UPDATE bookmarks SET url = ?, title = ? WHERE id = ?").bind(body.url, body.title, c.req.param("id")).run();
  return c.body(null, 204);
});

app.get("/files/:key", async (c) => {
  // hh-expect: unvalidated-boundary/honoRequest
  const object = await c.env.BUCKET.get(c.req.param("key"));
  if (!object) return c.notFound();
  return new Response(object.body);
});

app.get("/cache", async (c) => {
  // hh-expect: unvalidated-boundary/honoRequest
  const key = c.req.query("key");
  const value = await c.env.KV.get(key!);
  return c.text(value ?? "");
});

app.get("/search", zValidator("query", z.object({ q: z.string().min(2) })), async (c) => {
  const { q } = c.req.valid("query");
  const { results } = await c.env.DB.prepare("SELECT * FROM bookmarks WHERE title LIKE ?").bind(`%${q}%`).all();
  return c.json(results);
});

app.post("/import", async (c) => {
  // hh-expect: unvalidated-boundary/honoRequest
  const payload = await c.req.json();
  for (const item of payload.items) {
    await c.env.DB.prepare("INSERT INTO bookmarks (url, title) VALUES (?, ?)").bind(item.url, item.title).run();
  }
  return c.json({ imported: payload.items.length });
});

app.get("/", (c) => c.text("bookmarks api"));

export default app;
