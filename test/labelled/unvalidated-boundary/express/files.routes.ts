import express from "express";
import multer from "multer";
import path from "node:path";
import fs from "node:fs";
import { storage } from "../storage";

const upload = multer({ dest: "/tmp/uploads" });
const app = express();
const PUBLIC_DIR = path.join(__dirname, "public");

app.use(express.json({ limit: "1mb" }));

app.get("/static/:file", (req, res) => {
  // hh-expect: unvalidated-boundary/expressParams
  const stream = fs.createReadStream(path.join(PUBLIC_DIR, req.params.file));
  stream.pipe(res);
});

app.get("/docs/:slug", (req, res) => {
  const slug = req.params.slug;
  if (!/^[a-z0-9-]{1,64}$/.test(slug)) return res.sendStatus(404);
  res.sendFile(path.join(PUBLIC_DIR, "docs", `${slug}.html`));
});

app.post("/upload", upload.single("file"), async (req, res) => {
  const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await storage.put(key, req.file?.buffer);
  res.json({ key });
});

app.get("/download", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressQuery
  const key = req.query.key;
  const blob = await storage.get(key);
  res.send(blob);
});

app.get("/redirect", (req, res) => {
  const to = String(req.query.to ?? "/");
  if (!to.startsWith("/") || to.startsWith("//")) {
    res.redirect("/");
    return;
  }
  res.redirect(to);
});

app.get("/go", (req, res) => {
  // hh-expect: unvalidated-boundary/expressQuery
  res.redirect(req.query.url as string);
});

app.post("/metadata/:bucket", async (req, res) => {
  const bucket = req.params.bucket;
  if (bucket !== "public" && bucket !== "private") return res.sendStatus(400);
  // hh-expect: unvalidated-boundary/expressBody
  const meta = { ...req.body, updatedAt: new Date().toISOString() };
  await storage.put(`${bucket}/meta.json`, JSON.stringify(meta));
  res.sendStatus(204);
});

app.listen(Number(process.env.PORT ?? 3000));
