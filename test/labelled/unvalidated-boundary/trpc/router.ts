import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import { db } from "../db";

const t = initTRPC.context<{ userId?: string }>().create();

const authed = t.procedure.use(({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: "UNAUTHORIZED" });
  return next({ ctx: { userId: ctx.userId } });
});

export const appRouter = t.router({
  list: t.procedure.input(z.object({ cursor: z.string().nullish(), limit: z.number().min(1).max(50).default(20) })).query(async ({ input }) => {
    return db.note.findMany({ take: input.limit, cursor: input.cursor ? { id: input.cursor } : undefined });
  }),
  create: authed.input(z.object({ text: z.string().min(1) })).mutation(async ({ ctx, input }) => {
    return db.note.create({ data: { text: input.text, ownerId: ctx.userId } });
  }),
  remove: authed.input(z.string().uuid()).mutation(async ({ ctx, input }) => {
    await db.note.deleteMany({ where: { id: input, ownerId: ctx.userId } });
    return { ok: true };
  }),
  me: authed.query(({ ctx }) => db.user.findUnique({ where: { id: ctx.userId } })),
});

export type AppRouter = typeof appRouter;
