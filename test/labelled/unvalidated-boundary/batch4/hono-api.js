import { Hono } from "hono";
import { validator } from "hono/validator";
import { getCookie } from "hono/cookie";

const app = new Hono();

app.post(
  "/subscribe",
  validator("json", (value, c) => {
    if (typeof value.email !== "string" || !value.email.includes("@")) return c.text("invalid", 400);
    return { email: value.email };
  }),
  async (c) => {
    const { email } = c.req.valid("json");
    await c.env.DB.prepare("INSERT INTO subscribers (email) VALUES (?)").bind(email).run();
    return c.json({ ok: true });
  },
);

app.get("/users/:handle", async (c) => {
  // hh-expect: unvalidated-boundary/honoRequest
  const handle = c.req.param("handle");
  const user = await c.env.DB.prepare("SELECT * FROM users WHERE handle = ?").bind(handle).first();
  return user ? c.json(user) : c.notFound();
});

app.post("/profile", async (c) => {
  // hh-expect: unvalidated-boundary/honoRequest
  const form = await c.req.parseBody();
  await c.env.KV.put(`profile:${form.userId}`, JSON.stringify({ bio: form.bio }));
  return c.redirect("/profile");
});

app.get("/prefs", (c) => {
  // hh-expect: unvalidated-boundary/jsonParseExternal
  const prefs = JSON.parse(getCookie(c, "prefs") ?? "{}");
  return c.json({ theme: prefs.theme ?? "light" });
});

app.get("/health", (c) => c.json({ ok: true }));

export default app;
