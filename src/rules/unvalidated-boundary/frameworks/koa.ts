/**
 * Koa reads (`ctx.request.body`, `ctx.request.query`, `ctx.query`, `ctx.params`) are found by
 * the shared request detector in ./request.ts, which tells Koa's `ctx` apart from Express's
 * `req` by the handler's imports, parameter names and types (see ./express.ts).
 */
export const KOA_MODULES = ["koa", "@koa/router", "koa-router", "koa-body", "koa-bodyparser"] as const;
