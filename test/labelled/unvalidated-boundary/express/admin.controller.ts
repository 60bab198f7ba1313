import type { NextFunction, Request, Response } from "express";
import path from "node:path";
import { promises as fs } from "node:fs";
import { db } from "../db";
import { auditLog } from "../audit";
import { FeatureFlagSchema, TenantSettingsSchema } from "../schemas";

const REPORTS_DIR = path.resolve(__dirname, "../../reports");
const ALLOWED_SORT = new Set(["createdAt", "name", "plan"]);

export async function listTenants(req: Request, res: Response) {
  const sort = String(req.query.sort ?? "createdAt");
  if (!ALLOWED_SORT.has(sort)) {
    res.status(400).json({ error: "bad sort" });
    return;
  }
  const tenants = await db.tenant.findMany({ orderBy: { [sort]: "asc" } });
  res.json(tenants);
}

export async function getTenant(req: Request, res: Response, next: NextFunction) {
  try {
    // hh-expect: unvalidated-boundary/expressParams
    const tenant = await db.tenant.findUnique({ where: { slug: req.params.slug } });
    res.json(tenant);
  } catch (err) {
    next(err);
  }
}

export async function updateSettings(req: Request, res: Response) {
  const settings = TenantSettingsSchema.parse(req.body);
  await db.tenantSettings.update({ where: { tenantId: settings.tenantId }, data: settings });
  await auditLog("settings.updated", { tenantId: settings.tenantId });
  res.sendStatus(204);
}

export async function setFlag(req: Request, res: Response) {
  // hh-expect: unvalidated-boundary/expressBody
  const flag = req.body;
  FeatureFlagSchema.safeParse(flag);
  await db.featureFlag.upsert({ where: { key: flag.key }, create: flag, update: flag });
  res.sendStatus(204);
}

export async function downloadReport(req: Request, res: Response) {
  const name = req.params.name;
  if (!/^[\w-]+\.csv$/.test(name)) {
    res.sendStatus(400);
    return;
  }
  res.sendFile(path.join(REPORTS_DIR, name));
}

export async function deleteReport(req: Request, res: Response) {
  // hh-expect: unvalidated-boundary/expressParams
  await fs.unlink(path.join(REPORTS_DIR, req.params.name));
  res.sendStatus(204);
}

export function whoAmI(req: Request, res: Response) {
  res.json({ user: req.user, requestId: req.headers["x-request-id"] });
}

export async function impersonate(req: Request, res: Response) {
  // hh-expect: unvalidated-boundary/expressBody
  const { userId, reason } = req.body as { userId: string; reason: string };
  await auditLog("impersonate", { userId, reason });
  req.session.impersonating = userId;
  res.sendStatus(204);
}

export function translate(req: Request, res: Response) {
  // hh-expect: unvalidated-boundary/expressQuery
  res.send(MESSAGES[req.query.key as string]);
}

const MESSAGES: Record<string, string> = { hello: "Hello", bye: "Goodbye" };
