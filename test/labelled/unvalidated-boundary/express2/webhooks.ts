import express from "express";
import Stripe from "stripe";
import crypto from "node:crypto";
import { db } from "../db";
import { GithubPushEvent } from "./schemas";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
const app = express();

app.post("/webhooks/stripe", express.raw({ type: "application/json" }), async (req, res) => {
  const signature = req.headers["stripe-signature"] as string;
  const event = stripe.webhooks.constructEvent(req.body, signature, process.env.STRIPE_WEBHOOK_SECRET!);
  if (event.type === "checkout.session.completed") {
    await db.order.update({ where: { sessionId: event.data.object.id }, data: { paid: true } });
  }
  res.sendStatus(200);
});

function verifyGithub(raw: Buffer, signature: string | undefined): boolean {
  const expected = "sha256=" + crypto.createHmac("sha256", process.env.GITHUB_SECRET!).update(raw).digest("hex");
  return !!signature && crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
}

app.post("/webhooks/github", express.json({ verify: (req, _res, buf) => ((req as any).rawBody = buf) }), async (req, res) => {
  if (!verifyGithub((req as any).rawBody, req.headers["x-hub-signature-256"] as string | undefined)) return res.sendStatus(401);
  const push = GithubPushEvent.parse(req.body);
  await db.deployment.create({ data: { repo: push.repository.full_name, sha: push.after } });
  res.sendStatus(202);
});

app.post("/webhooks/slack", express.json(), async (req, res) => {
  if (!verifyGithub((req as any).rawBody, req.headers["x-slack-signature"] as string | undefined)) return res.sendStatus(401);
  // hh-expect: unvalidated-boundary/expressBody
  const { event } = req.body;
  await db.slackEvent.create({ data: { type: event.type, user: event.user, text: event.text } });
  res.sendStatus(200);
});

app.post("/webhooks/generic/:source", express.json(), async (req, res) => {
  // hh-expect: unvalidated-boundary/expressParams
  await db.webhookLog.create({ data: { source: req.params.source, payload: JSON.stringify(req.body) } });
  res.sendStatus(204);
});
