import express from "express";
import { db } from "../db";

const app = express();
const ALLOWED_HOSTS = new Set(["docs.example.com", "status.example.com"]);

app.get("/items/:id/open", (req, res) => {
  res.redirect(`/items/${encodeURIComponent(req.params.id)}`);
});

app.get("/out", (req, res) => {
  const target = new URL(String(req.query.to), "https://example.com");
  if (!ALLOWED_HOSTS.has(target.hostname)) return res.status(400).send("blocked");
  res.redirect(target.toString());
});

app.get("/login/callback", (req, res) => {
  // hh-expect: unvalidated-boundary/expressQuery
  const returnTo = req.query.returnTo as string;
  res.redirect(returnTo || "/");
});

app.post("/feedback", async (req, res) => {
  logger.info({ body: req.body, ip: req.ip }, "feedback received");
  res.json({ received: req.body });
});

app.post("/preferences", async (req, res) => {
  // The one field used is read only after a `typeof` guard that returns: clean since the issue-11
  // conventions (label removed, was expressBody).
  if (typeof req.body.theme !== "string") return res.sendStatus(400);
  await db.preference.update({ where: { userId: req.user.id }, data: { theme: req.body.theme } });
  res.sendStatus(204);
});

app.get("/avatar/:userId", async (req, res) => {
  const user = await db.user.findUnique({ where: { id: req.user.id } });
  logger.debug(`avatar for ${req.params.userId} requested by ${user?.id}`);
  res.sendFile(user!.avatarPath);
});

declare const logger: { info(...a: unknown[]): void; debug(...a: unknown[]): void };
