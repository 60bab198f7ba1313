import express, { type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import { logger } from "../lib/logger";
import { db } from "../lib/db";
import { cache } from "../lib/cache";
import { mailer } from "../lib/mailer";
import { NotFoundError } from "../lib/errors";

export const router = express.Router();

const CreateUser = z.object({ email: z.string().email(), name: z.string().min(1) });

router.get("/users/:id", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const user = await db.users.findById(req.params.id);
    if (!user) return res.status(404).json({ error: "not found" });
    res.json(user);
  } catch (err) {
    next(err);
  }
});

router.get("/users", async (req: Request, res: Response) => {
  const page = Number(req.query.page ?? 1);
  try {
    const users = await db.users.list({ page });
    res.json(users);
  } catch (err) {
    logger.error({ err, page }, "list users failed");
    res.status(500).json({ error: "Internal Server Error" });
  }
});

router.post("/users", async (req: Request, res: Response, next: NextFunction) => {
  const parsed = CreateUser.safeParse(req.body);
  if (!parsed.success) return res.status(400).json({ error: parsed.error.flatten() });
  try {
    const user = await db.users.create(parsed.data);
    // Welcome mail is fire-and-forget; a failure must not fail the signup.
    mailer.sendWelcome(user.email).catch((err) => logger.warn({ err, userId: user.id }, "welcome mail failed"));
    res.status(201).json(user);
  } catch (err) {
    next(err);
  }
});

router.delete("/users/:id", async (req: Request, res: Response) => {
  try {
    await db.users.delete(req.params.id);
    await cache.del(`user:${req.params.id}`);
    res.status(204).end();
  // hh-expect: swallowed-exception/logAndContinue
  } catch (err) {
    console.log(err);
    res.status(204).end();
  }
});

router.get("/users/:id/avatar", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const url = await db.users.avatarUrl(req.params.id);
    res.redirect(url);
  // hh-expect: swallowed-exception/emptyCatch
  } catch (e) {}
});

router.patch("/users/:id", async (req: Request, res: Response, next: NextFunction) => {
  let body: unknown;
  try {
    body = JSON.parse(req.body.raw);
  } catch {
    return res.status(400).json({ error: "Invalid JSON" });
  }
  try {
    const updated = await db.users.update(req.params.id, body);
    res.json(updated);
  } catch (err) {
    if (err instanceof NotFoundError) return res.status(404).end();
    next(err);
  }
});

router.get("/users/:id/preferences", async (req: Request, res: Response) => {
  let prefs = {};
  try {
    prefs = await cache.get(`prefs:${req.params.id}`);
  // hh-expect: swallowed-exception/catchReturnsDefault
  } catch (e) {
    prefs = {};
  }
  res.json(prefs);
});

router.post("/users/:id/verify", (req: Request, res: Response, next: NextFunction) => {
  db.users
    .markVerified(req.params.id)
    .then(() => res.status(204).end())
    .catch(next);
});

router.post("/users/:id/resend", (req: Request, res: Response) => {
  // hh-expect: swallowed-exception/promiseCatchNoop
  mailer.resendVerification(req.params.id).catch(() => {});
  res.status(202).end();
});

router.get("/users/:id/orders", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const orders = await db.orders.byUser(req.params.id);
    res.json(orders);
    // hh-expect: swallowed-exception/rethrowWithoutCause
  } catch (err) {
    throw new Error("Could not load orders");
  }
});

router.get("/health", async (_req: Request, res: Response) => {
  try {
    await db.ping();
    res.json({ ok: true });
  } catch {
    res.status(503).json({ ok: false });
  }
});

export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction) {
  logger.error({ err, path: req.path }, "unhandled error");
  res.status(500).json({ error: "Internal Server Error" });
}

export async function warmCache(ids: string[]) {
  for (const id of ids) {
    try {
      await cache.set(`user:${id}`, await db.users.findById(id));
    // hh-expect: swallowed-exception/logAndContinue
    } catch (err) {
      logger.warn({ err, id }, "warm cache failed");
    }
  }
}
