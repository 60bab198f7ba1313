import Koa from "koa";
import Router from "@koa/router";
import bodyParser from "koa-bodyparser";
import { z } from "zod";
import { knex } from "../db";

const app = new Koa();
const router = new Router({ prefix: "/api" });

const NewTask = z.object({ title: z.string().min(1), due: z.string().datetime().optional() });

router.post("/tasks", async (ctx) => {
  const result = NewTask.safeParse(ctx.request.body);
  if (!result.success) {
    ctx.status = 400;
    ctx.body = result.error.issues;
    return;
  }
  const [task] = await knex("tasks").insert(result.data).returning("*");
  ctx.status = 201;
  ctx.body = task;
});

router.get("/tasks/:id", async (ctx) => {
  const id = Number(ctx.params.id);
  if (!Number.isInteger(id)) ctx.throw(400, "bad id");
  ctx.body = await knex("tasks").where({ id }).first();
});

router.put("/tasks/:id", async (ctx) => {
  // hh-expect: unvalidated-boundary/koaRequest
  const { title, done } = ctx.request.body as { title: string; done: boolean };
  // hh-expect: unvalidated-boundary/koaRequest
  await knex("tasks").where({ id: ctx.params.id }).update({ title, done });
  ctx.status = 204;
});

router.get("/tasks", async (ctx) => {
  const limit = Math.min(100, Number(ctx.query.limit) || 20);
  ctx.body = await knex("tasks").limit(limit);
});

router.get("/search", async (ctx) => {
  // hh-expect: unvalidated-boundary/koaRequest
  const term = ctx.query.term;
  ctx.body = await knex("tasks").whereRaw(`title ilike '%${term}%'`);
});

router.post("/tasks/:id/tags", async (ctx) => {
  // hh-expect: unvalidated-boundary/koaRequest
  const tags = ctx.request.body.tags;
  await knex("task_tags").insert(tags.map((tag: string) => ({ task_id: Number(ctx.params.id), tag })));
  ctx.status = 204;
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
