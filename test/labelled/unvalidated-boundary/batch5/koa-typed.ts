import Koa, { type Context } from "koa";
import Router from "@koa/router";
import { koaBody } from "koa-body";
import * as yup from "yup";
import { redis } from "../redis";
import { db } from "../db";

const app = new Koa();
const router = new Router();

const shortenSchema = yup.object({ url: yup.string().url().required(), slug: yup.string().matches(/^[a-z0-9-]{3,20}$/) });

router.post("/shorten", async (ctx: Context) => {
  const input = await shortenSchema.validate(ctx.request.body, { stripUnknown: true });
  const slug = input.slug ?? Math.random().toString(36).slice(2, 8);
  await redis.set(`link:${slug}`, input.url);
  ctx.body = { slug };
});

router.get("/:slug", async (ctx: Context) => {
  // hh-expect: unvalidated-boundary/koaRequest
  const url = await redis.get(`link:${ctx.params.slug}`);
  if (!url) ctx.throw(404);
  ctx.redirect(url);
});

router.get("/stats/:slug", async (ctx: Context) => {
  const slug = ctx.params.slug;
  if (!/^[a-z0-9-]{3,20}$/.test(slug)) ctx.throw(400);
  ctx.body = { hits: Number(await redis.get(`hits:${slug}`)) };
});

router.post("/report", async (ctx: Context) => {
  // hh-expect: unvalidated-boundary/koaRequest
  const report = ctx.request.body as { slug: string; reason: string };
  await db.abuseReport.create({ data: { slug: report.slug, reason: report.reason } });
  ctx.status = 202;
});

router.get("/admin/search", async (ctx: Context) => {
  // hh-expect: unvalidated-boundary/koaRequest
  const { q } = ctx.query;
  ctx.body = await db.link.findMany({ where: { url: { contains: q } } });
});

app.use(koaBody());
app.use(router.routes());
app.listen(3000);
