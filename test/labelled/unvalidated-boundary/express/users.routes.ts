import express, { type Request, type Response } from "express";
import { z } from "zod";
import { prisma } from "../db";
import { sendWelcomeEmail } from "../mail";
import { logger } from "../logger";

export const router = express.Router();

const CreateUserBody = z.object({
  email: z.string().email(),
  name: z.string().min(1).max(100),
  marketingOptIn: z.boolean().default(false),
});

const UpdateUserBody = CreateUserBody.partial();

interface InviteInput {
  email: string;
  role: "admin" | "member";
}

router.post("/users", async (req, res) => {
  const parsed = CreateUserBody.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: parsed.error.issues });
    return;
  }
  const user = await prisma.user.create({ data: parsed.data });
  await sendWelcomeEmail(user.email);
  res.status(201).json(user);
});

router.patch("/users/:id", async (req, res) => {
  const id = Number(req.params.id);
  if (!Number.isInteger(id) || id <= 0) {
    res.sendStatus(400);
    return;
  }
  const patch = UpdateUserBody.parse(req.body);
  const user = await prisma.user.update({ where: { id }, data: patch });
  res.json(user);
});

router.post("/invites", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressBody
  const invite = req.body as InviteInput;
  await prisma.invite.create({ data: { email: invite.email, role: invite.role } });
  res.sendStatus(202);
});

router.get("/users/:id", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressParams
  const user = await prisma.user.findUnique({ where: { id: req.params.id } });
  if (!user) {
    res.sendStatus(404);
    return;
  }
  res.json(user);
});

router.get("/users", async (req, res) => {
  const page = Math.max(1, Number(req.query.page) || 1);
  const pageSize = 20;
  const users = await prisma.user.findMany({ skip: (page - 1) * pageSize, take: pageSize });
  logger.info({ page, count: users.length }, "listed users");
  res.json(users);
});

router.get("/users/search", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressQuery
  const { email } = req.query;
  const users = await prisma.user.findMany({ where: { email } });
  res.json(users);
});

router.put("/users/:id/profile", async (req: Request, res: Response) => {
  const id = Number(req.params.id);
  if (!Number.isSafeInteger(id)) return res.sendStatus(400);
  // hh-expect: unvalidated-boundary/expressBody
  const { bio, website, location } = req.body;
  await prisma.profile.upsert({
    where: { userId: id },
    create: { userId: id, bio, website, location },
    update: { bio, website, location },
  });
  res.sendStatus(204);
});

router.delete("/users/:id", async (req, res) => {
  const parsed = z.coerce.number().int().positive().safeParse(req.params.id);
  if (!parsed.success) return res.sendStatus(400);
  await prisma.user.delete({ where: { id: parsed.data } });
  res.sendStatus(204);
});

router.post("/users/:id/avatar", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressParams
  const target = `/var/avatars/${req.params.id}.png`;
  await writeAvatar(target, req.file);
  res.sendStatus(204);
});

router.get("/health", (_req, res) => {
  res.json({ ok: true, uptime: process.uptime() });
});

router.post("/echo", (req, res) => {
  res.json(req.body);
});

router.post("/users/bulk", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressBody
  for (const entry of req.body.users) {
    await prisma.user.create({ data: { email: entry.email, name: entry.name } });
  }
  res.sendStatus(201);
});

async function writeAvatar(path: string, file: unknown): Promise<void> {
  const fs = await import("node:fs/promises");
  await fs.writeFile(path, String(file));
}
