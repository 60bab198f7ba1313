import express, { type Request } from "express";
import { promises as fs } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { db } from "../db";
import { emailQueue } from "../queues";

const app = express();
const TEMPLATES = path.join(__dirname, "templates");

const ContactBody = z.object({ name: z.string(), email: z.string().email(), body: z.string().max(4000) });

function parseContact(req: Request) {
  return ContactBody.parse(req.body);
}

app.post("/contact", async (req, res) => {
  const contact = parseContact(req);
  await emailQueue.add("contact", contact);
  res.sendStatus(202);
});

app.get("/templates/:name", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressParams
  const html = await fs.readFile(path.join(TEMPLATES, `${req.params.name}.html`), "utf8");
  res.type("html").send(html);
});

app.post("/newsletter", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressBody
  await emailQueue.add("newsletter", { to: req.body.email, list: req.body.list });
  res.sendStatus(202);
});

app.get("/i18n", (req, res) => {
  const lang = typeof req.query.lang === "string" && req.query.lang.length <= 5 ? req.query.lang : "en";
  res.json({ lang });
});

app.post("/counters/:name/increment", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressParams
  await db.counter.upsert({ where: { name: req.params.name }, create: { name: req.params.name, value: 1 }, update: { value: { increment: 1 } } });
  res.sendStatus(204);
});

app.post("/import/csv", express.text({ type: "text/csv" }), async (req, res) => {
  const lines = String(req.body).split("\n").filter(Boolean);
  res.json({ lines: lines.length });
});

app.post("/settings/bulk", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressBody
  const entries = Object.entries(req.body);
  for (const [key, value] of entries) await db.setting.upsert({ where: { key }, create: { key, value: String(value) }, update: { value: String(value) } });
  res.sendStatus(204);
});

app.listen(3000);
