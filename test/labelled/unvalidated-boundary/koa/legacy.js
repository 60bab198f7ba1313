const Router = require("koa-router");
const send = require("koa-send");
const Joi = require("joi");
const { User } = require("./models");

const router = new Router();

const signupSchema = Joi.object({ email: Joi.string().email().required(), password: Joi.string().min(12).required() });

router.post("/signup", async (ctx) => {
  const { error, value } = signupSchema.validate(ctx.request.body);
  if (error) {
    ctx.status = 400;
    ctx.body = { error: error.details };
    return;
  }
  ctx.body = await User.create(value);
});

router.get("/users/:id", async (ctx) => {
  // hh-expect: unvalidated-boundary/koaRequest
  ctx.body = await User.findByPk(ctx.params.id);
});

router.get("/assets/:name", async (ctx) => {
  // hh-expect: unvalidated-boundary/koaRequest
  await send(ctx, ctx.params.name, { root: __dirname + "/assets" });
});

router.post("/profile", async (ctx) => {
  // hh-expect: unvalidated-boundary/koaRequest
  const profile = ctx.request.body;
  await User.update({ bio: profile.bio }, { where: { id: ctx.state.user.id } });
  ctx.status = 204;
});

router.get("/ping", (ctx) => {
  ctx.body = "pong";
});

module.exports = router;
