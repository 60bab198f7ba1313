import Router from "@koa/router";
import type { Context } from "koa";
import crypto from "node:crypto";
import { logger } from "../lib/logger";
import { queue } from "../lib/queue";
import { db } from "../lib/db";

export const webhooks = new Router({ prefix: "/webhooks" });

function verifySignature(ctx: Context, secret: string): boolean {
  const sig = ctx.get("x-signature");
  const expected = crypto.createHmac("sha256", secret).update(ctx.request.rawBody).digest("hex");
  try {
    return crypto.timingSafeEqual(Buffer.from(sig, "hex"), Buffer.from(expected, "hex"));
  } catch {
    return false;
  }
}

webhooks.post("/github", async (ctx) => {
  if (!verifySignature(ctx, process.env.GITHUB_WEBHOOK_SECRET ?? "")) ctx.throw(401, "bad signature");
  const event = ctx.get("x-github-event");
  try {
    await queue.add("github", { event, payload: ctx.request.body });
    ctx.status = 202;
  } catch (err) {
    logger.error({ err, event }, "enqueue failed");
    ctx.status = 503;
  }
});

webhooks.post("/stripe", async (ctx) => {
  const payload = ctx.request.body as { id: string; type: string };
  try {
    await db.events.insert(payload);
    // hh-expect: swallowed-exception/partialErrorCheck
  } catch (err) {
    if ((err as { code?: string }).code === "23505") {
      ctx.status = 200;
      return;
    }
  }
  ctx.status = 200;
});

webhooks.post("/slack", async (ctx) => {
  try {
    await queue.add("slack", ctx.request.body);
  // hh-expect: swallowed-exception/logAndContinue
  } catch (err) {
    logger.error({ err }, "slack enqueue failed");
  }
  ctx.body = { ok: true };
});

webhooks.post("/mailgun", async (ctx) => {
  try {
    await queue.add("mailgun", ctx.request.body);
    ctx.status = 202;
  } catch (err) {
    ctx.status = 500;
    ctx.body = { error: "could not enqueue" };
    ctx.app.emit("error", err, ctx);
  }
});

webhooks.get("/status", async (ctx) => {
  let depth = 0;
  try {
    depth = await queue.count();
  // hh-expect: swallowed-exception/catchReturnsDefault
  } catch {
    depth = 0;
  }
  ctx.body = { depth };
});

export async function replay(ids: string[]): Promise<void> {
  for (const id of ids) {
    const event = await db.events.find(id);
    try {
      await queue.add(event.type, event);
      // hh-expect: swallowed-exception/rethrowWithoutCause
    } catch (err) {
      throw new Error("replay stopped");
    }
  }
}
