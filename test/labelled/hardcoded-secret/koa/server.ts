import Koa from "koa";
import Router from "@koa/router";
import session from "koa-session";
import jwt from "koa-jwt";
import Keygrip from "keygrip";

const app = new Koa();
// hh-expect: hardcoded-secret/signingSecret, hardcoded-secret/signingSecret
app.keys = ["hmac-key-prod", "Wx2mDxe8UNHsT0B9jM6ogrb7"];
app.use(session({ key: "koa.sess", maxAge: 86_400_000, httpOnly: true, signed: true }, app));

// hh-expect: hardcoded-secret/signingSecret
app.use(jwt({ secret: "this-is-the-signing-key", passthrough: true }).unless({ path: [/^\/public/] }));

// hh-expect: hardcoded-secret/signingSecret
export const keylist = new Keygrip(["RyCoFvvfPi1qALqxV953C83DFfmkG7hc"], "sha256");

const router = new Router();
router.get("/public/status", (ctx) => {
  ctx.body = { ok: true };
});
router.post("/token", (ctx) => {
  ctx.body = { token_type: "Bearer", expires_in: 3600 };
});

app.use(router.routes());
export default app;
